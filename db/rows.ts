/** Rows of a `db.execute()` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** postgres.js and PGlite take arrays and dates as they are, but JSON parameters need text. */
export function normaliseParam(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || Array.isArray(value) || Buffer.isBuffer(value)) return value;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * A text[] parameter. Drizzle spreads a JS array into a list of parameters, so arrays travel as one
 * PostgreSQL array literal instead (every element quoted, so commas, quotes and braces are safe).
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
