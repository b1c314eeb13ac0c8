import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The secret that signs cookies and unsubscribe links when SESSION_SECRET is not set: generated at random on
 * the first start and kept in the data folder (readable by its owner only), so it lasts as long as the data
 * it protects and no published value ever signs anything. An in-memory database gets one per process.
 */
export function sessionSecretFor(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  if (dataDir.startsWith("memory://")) return randomBytes(32).toString("base64url");
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
