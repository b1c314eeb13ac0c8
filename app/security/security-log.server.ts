import { createHash } from "node:crypto";

export type SecurityEvent =
  | "sign-in.failed"
  | "second-factor.failed"
  | "second-factor.recovery-code-used"
  | "rate-limit.refused"
  | "cross-origin.refused"
  | "not-found.signed-in"
  | "http.not-found"
  | "webhook.refused"
  | "application.refused";

type Field = string | number | boolean | null | undefined;

/** A stable pseudonym for an address or id typed by a visitor: joinable across lines, not readable. */
export function pseudonym(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 16);
}

/** What a line may carry: short values only; anything else is cut, so no free text rides along. */
const MAX_FIELD = 200;

/**
 * One security event as one JSON line on stdout: `{"ts":"…Z","log":"security","event":…,…}`. Time is UTC
 * (ISO 8601). JSON encoding escapes quotes, CR, LF and every control character, so a value sent by an attacker
 * cannot forge a second line or field. Callers pass who (user id or a pseudonym), what and where (address,
 * method, path); never passwords, tokens, cookies, e-mail addresses or other personal free text.
 */
export function securityLog(
  event: SecurityEvent,
  fields: Record<string, Field>,
  write: (line: string) => void = console.log,
): void {
  const safe: Record<string, Field> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    safe[key] = typeof value === "string" ? value.slice(0, MAX_FIELD) : value;
  }
  write(JSON.stringify({ ts: new Date().toISOString(), log: "security", event, ...safe }));
}
