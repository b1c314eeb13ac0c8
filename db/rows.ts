import { z } from "zod";

/**
 * The first row where the query must have produced one (an INSERT … RETURNING, a count, a row the caller has just
 * written). An empty result there is a bug, so it fails loudly, naming what was expected, instead of reading
 * properties of undefined further on.
 */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`Expected ${what}, but the query returned no rows`);
  return row;
}

/**
 * What a multi-row INSERT … RETURNING sent, paired with the row each gave back (PostgreSQL returns them in the order
 * of the VALUES list). A different count is a bug, so it throws instead of pairing rows with undefined.
 */
export function pairInserted<I, R>(inputs: readonly I[], returned: readonly R[]): [I, R][] {
  if (inputs.length !== returned.length)
    throw new Error(`Inserted ${inputs.length} rows but ${returned.length} came back`);
  // Same length, checked above.
  return returned.map((row, i) => [inputs[i]!, row]);
}

/** Rows of a `db.execute()` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}

/**
 * Rows of a raw `db.execute()` result, checked against `schema` outside production. Raw SQL names its columns as
 * strings, so a renamed column or a changed type is only found when a row arrives: in development and tests each
 * row is parsed, and a row of the wrong shape throws, naming the query's `what`, the row and the field. Production
 * skips the parse (a hot path reads thousands of rows) and returns the rows as the driver gave them; so does
 * development, once the check has passed, so a schema must describe the rows, never transform them. ROW_CHECKS=off
 * skips it as production does (the benchmarks time production's work).
 */
export function parseRows<S extends z.ZodType>(result: unknown, schema: S, what: string): z.output<S>[] {
  const rows = rowsOf<z.output<S>>(result);
  if (process.env.NODE_ENV === "production" || process.env.ROW_CHECKS === "off") return rows;
  rows.forEach((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(row)"}: ${issue.message}`);
      throw new Error(`Row ${i} of ${what} does not have the expected shape: ${problems.join("; ")}`);
    }
  });
  return rows;
}

const countRow = z.object({ n: z.number().int() });

/** A row that is only an id (a lookup, an INSERT … RETURNING id). */
export const idRow = z.object({ id: z.string() });

/** The one count a `SELECT count(*)::int AS n …` returns (the `::int` makes it a number on both drivers). */
export function countOf(result: unknown, what: string): number {
  return firstRow(parseRows(result, countRow, `the count of ${what}`), `the count of ${what}`).n;
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
