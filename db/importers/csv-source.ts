import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { decodeUtf8OrWindows1252 } from "./text-decoding";

/** A file path, or any byte stream (tests hand in fixtures built in memory). */
export type CsvInput = string | Readable;

export type ImportProgress = { rows: number; bytesRead: number; totalBytes?: number };
export type ProgressListener = (progress: ImportProgress) => void;

export type CsvSource = {
  /** The file name, or "stream"; recorded in each row's source. */
  fileName: string;
  /** Raw records, header row included: formats are told apart by their header (or lack of one). */
  records: AsyncIterable<string[]>;
  bytesRead: () => number;
  totalBytes?: number;
  encoding: () => string;
};

export function openCsv(input: CsvInput, fileName?: string): CsvSource {
  const bytes = typeof input === "string" ? createReadStream(input) : input;
  let bytesRead = 0;
  bytes.on("data", (chunk: Buffer | string) => {
    bytesRead += chunk.length;
  });
  const decoding = decodeUtf8OrWindows1252();
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  bytes.on("error", (error: Error) => parser.destroy(error));
  bytes.pipe(decoding).pipe(parser);
  return {
    fileName: fileName ?? (typeof input === "string" ? path.basename(input) : "stream"),
    records: parser,
    bytesRead: () => bytesRead,
    totalBytes: typeof input === "string" ? statSync(input).size : undefined,
    encoding: () => decoding.decoder.encoding,
  };
}

/** Reads a cell by its column name, `get(row, "urn")`, trimmed; "" when the file lacks that column. */
export function headerIndex(header: string[]): (row: string[], name: string) => string {
  const positions = new Map(header.map((name, i) => [name.trim(), i]));
  return (row, name) => {
    const i = positions.get(name);
    return i === undefined ? "" : (row[i] ?? "").trim();
  };
}

/** Groups an async stream into arrays of at most `size`. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Adds one to a named count: the reports' skipped reasons and warnings. */
export function countReason(counts: Record<string, number>, reason: string): void {
  counts[reason] = (counts[reason] ?? 0) + 1;
}
