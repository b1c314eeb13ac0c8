import { stringify } from "csv-stringify/sync";

// A cell a spreadsheet would run as a formula ("=…", "+…", "-…", "@…") is prefixed with an apostrophe.
const safe = (value: unknown) => (typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * Rows as CSV with a header of `columns`, for opening in a spreadsheet: text that would run as a formula is
 * defused (CSV injection), so a name typed as "=HYPERLINK(…)" stays text. Every CSV download goes through here.
 */
export function spreadsheetCsv<C extends string>(rows: readonly Record<C, unknown>[], columns: readonly C[]): string {
  return stringify(rows as Record<C, unknown>[], {
    header: true,
    columns: [...columns],
    cast: { string: (v) => String(safe(v)) },
  });
}
