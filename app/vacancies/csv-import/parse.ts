import { parse } from "csv-parse/sync";
import { Utf8OrWindows1252Decoder } from "../../../db/importers/text-decoding";
import { COLUMN_NAMES, REQUIRED_COLUMNS } from "./columns";
import { MAX_FILE_BYTES, MAX_ROWS } from "./limits";

export { MAX_ROWS };
const MAX_COLUMNS = 100;

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column name. */
export type CsvRow = { row: number; cells: Record<string, string>; extraCells: number };
export type ParsedCsv = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; message: string };

/**
 * Bytes → text: UTF-8 (with or without a byte-order mark) or, as Excel on Windows saves "CSV", Windows-1252.
 * Binary files (NUL bytes, mostly control characters) are refused rather than read as nonsense.
 */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length === 0) return { ok: false, message: "The file is empty" };
  const sample = bytes.subarray(0, 64 * 1024);
  const controls = sample.reduce((n, b) => n + (b < 9 || (b > 13 && b < 32) ? 1 : 0), 0);
  if (sample.includes(0) || controls > sample.length / 100) {
    return { ok: false, message: "This is not a CSV text file: save the spreadsheet as CSV and try again" };
  }
  const decoder = new Utf8OrWindows1252Decoder();
  const text = decoder.decode(bytes) + decoder.end();
  return { ok: true, text: text.replace(/^\uFEFF/, "") };
}

/** A header cell as people type it: "School URNs" and "school_urns" are the same column. */
function normaliseHeader(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * Reads the whole file's structure: a header naming known columns, then at most MAX_ROWS rows.
 * What is wrong with the file as a whole comes back as one message; row contents are checked later.
 */
export function parseCsvText(text: string): ParsedCsv {
  if (text.trim() === "") return { ok: false, message: "The file is empty" };
  let records: string[][];
  try {
    records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: 64 * 1024,
      to: MAX_ROWS + 2,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid Record Length: /, "") : "";
    return {
      ok: false,
      message: `The file could not be read as CSV${/line \d+/i.test(detail) ? ` (${detail.match(/line \d+/i)?.[0]})` : ""}: check its quotes`,
    };
  }
  const blank = (r: string[]) => r.every((c) => c.trim() === "");
  const start = records.findIndex((r) => !blank(r));
  if (start < 0) return { ok: false, message: "The file is empty" };
  const headerCells = records[start] ?? [];
  const data = records.slice(start + 1);
  if (headerCells.length > MAX_COLUMNS)
    return { ok: false, message: `The header has ${headerCells.length} columns: use the columns listed on this page` };
  const header = headerCells.map(normaliseHeader);
  const unknown = header.filter((h) => h !== "" && !COLUMN_NAMES.includes(h));
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 5)
      .map((u) => `"${u.slice(0, 40)}"`)
      .join(", ");
    return {
      ok: false,
      message: `The first row must name the columns listed on this page. Unknown column${unknown.length > 1 ? "s" : ""}: ${shown}${unknown.length > 5 ? "…" : ""}`,
    };
  }
  const duplicated = header.filter((h, i) => h !== "" && header.indexOf(h) !== i);
  if (duplicated.length > 0) return { ok: false, message: `The column "${duplicated[0]}" appears twice` };
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return { ok: false, message: `The file needs the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` };
  if (data.every(blank)) return { ok: false, message: "The file has a header but no vacancies" };
  if (data.length > MAX_ROWS)
    return {
      ok: false,
      message: `The file has more than ${MAX_ROWS.toLocaleString("en-GB")} vacancies: split it into smaller files`,
    };

  const rows: CsvRow[] = [];
  data.forEach((cells, i) => {
    if (blank(cells)) return;
    // No prototype: a header named "__proto__" or "constructor" is just an unknown column.
    const byName: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((name, c) => {
      if (name !== "") byName[name] = cells[c] ?? "";
    });
    // Row numbers count the header as row 1, as a spreadsheet shows them (blank lines are not rows).
    rows.push({ row: start + i + 2, cells: byName, extraCells: Math.max(0, cells.length - header.length) });
  });
  return { ok: true, header, rows };
}

/** Turns an upload into parsed rows, or one message for the file field. */
export function readCsvFile(bytes: Uint8Array): ParsedCsv & { text?: string } {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: "The file must be at most 2 MB" };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseCsvText(decoded.text);
  return parsed.ok ? { ...parsed, text: decoded.text } : parsed;
}
