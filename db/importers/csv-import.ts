import { countReason, headerIndex, inBatches, openCsv, type CsvInput, type ProgressListener } from "./csv-source";
import { tally } from "./upsert-counts";

export type ImportReport = {
  format: string;
  /** "<format>:<file name>", as stored in each row's source column. */
  source: string;
  encoding: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows not stored, by reason ("closed", "missing URN", "not in the LA filter"…). */
  skipped: Record<string, number>;
  /** Rows stored with something missing, by what is missing. */
  warnings: Record<string, number>;
  seconds: number;
};

export type ReadResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; reason: string };

/** One file format, once recognised from the first record. */
export type RecognisedFormat<T> = {
  name: string;
  hasHeader: boolean;
  read: (row: string[], cell: (name: string) => string) => ReadResult<T>;
};

export type CsvImport<T> = {
  recognise: (firstRecord: string[], fileName: string) => RecognisedFormat<T> | undefined;
  knownFormats: string;
  /** A value's identity: a file that repeats one is skipped, since one INSERT cannot touch a row twice. */
  identity: (value: T) => string | number;
  /** Why to leave out a value that was read correctly (the LA filter), or null to keep it. */
  exclude?: (value: T) => string | null;
  upsert: (batch: T[], source: string) => Promise<{ inserted: boolean }[]>;
};

export type CsvImportOptions = {
  fileName?: string;
  onProgress?: ProgressListener;
  batchSize?: number;
};

export class UnknownFormatError extends Error {}

/**
 * Streams a CSV through a format's reader into batched upserts, counting what happened to every row.
 * Only one batch is held in memory, so a 60 MB GIAS file or 1.7 M Code-Point rows are fine.
 */
export async function runCsvImport<T>(
  input: CsvInput,
  spec: CsvImport<T>,
  options: CsvImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const csv = openCsv(input, options.fileName);
  const records = csv.records[Symbol.asyncIterator]();
  const first = await records.next();
  const firstRecord = first.done ? [] : first.value;
  const format = spec.recognise(firstRecord, csv.fileName);
  if (!format) throw new UnknownFormatError(`${csv.fileName}: unrecognised format. Known: ${spec.knownFormats}`);

  const cellOf = headerIndex(format.hasHeader ? firstRecord : []);
  const source = `${format.name}:${csv.fileName}`;
  const report: ImportReport = {
    format: format.name,
    source,
    encoding: "",
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: {},
    warnings: {},
    seconds: 0,
  };
  const progress = () =>
    options.onProgress?.({ rows: report.read, bytesRead: csv.bytesRead(), totalBytes: csv.totalBytes });

  async function* accepted(): AsyncGenerator<T> {
    const seen = new Set<string | number>();
    const rest = { [Symbol.asyncIterator]: () => records };
    const all = format!.hasHeader || first.done ? rest : prepend(firstRecord, rest);
    for await (const row of all) {
      report.read++;
      if (report.read % 1000 === 0) progress();
      const result = format!.read(row, (name) => cellOf(row, name));
      if (!result.ok) {
        countReason(report.skipped, result.reason);
        continue;
      }
      const excluded = spec.exclude?.(result.value);
      const id = spec.identity(result.value);
      if (excluded) {
        countReason(report.skipped, excluded);
      } else if (seen.has(id)) {
        countReason(report.skipped, "repeated in the file");
      } else {
        seen.add(id);
        for (const warning of result.warnings ?? []) countReason(report.warnings, warning);
        yield result.value;
      }
    }
  }

  for await (const batch of inBatches(accepted(), options.batchSize ?? 500)) {
    const counts = tally(await spec.upsert(batch, source), batch.length);
    report.inserted += counts.inserted;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  }
  progress();
  const encoding = csv.encoding();
  report.encoding = encoding === "ascii so far" ? "ascii" : encoding;
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  return report;
}

async function* prepend<T>(head: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield head;
  yield* rest;
}
