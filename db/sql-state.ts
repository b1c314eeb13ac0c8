/**
 * The SQLSTATE of a database error, whichever driver raised it and however deeply Drizzle wrapped it: 23505 is a
 * unique violation, 23P01 an exclusion constraint's refusal. Rules that let a constraint decide a race read it.
 */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
