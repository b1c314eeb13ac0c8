import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import type { Connection } from "../client";
import type { ProgressListener } from "../importers/csv-source";
import type { ImportReport } from "../importers/csv-import";
import { openScriptDatabase, pgliteWarning, runScript } from "./script-database";

/** A progress bar on a terminal; in a log (CI, a pipe) one line every few seconds instead of redraws. */
function progressReporter(label: string): { listener: ProgressListener; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {rows} rows | {duration}s`,
      stream: process.stderr,
      hideCursor: true,
    });
    let started = false;
    return {
      listener: ({ rows, bytesRead, totalBytes }) => {
        if (!started) bar.start(totalBytes ?? 1, 0, { rows: 0 });
        started = true;
        bar.update(totalBytes ? bytesRead : 0, { rows });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = 0;
  return {
    listener: ({ rows, bytesRead, totalBytes }) => {
      if (Date.now() - last < 3000) return;
      last = Date.now();
      const share = totalBytes ? ` (${Math.round((100 * bytesRead) / totalBytes)}%)` : "";
      console.error(`${label}: ${rows} rows read${share}`);
    },
    stop: () => {},
  };
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `format ${report.format}, ${report.encoding}, source "${report.source}"`,
    `read ${report.read} rows in ${report.seconds} s: ${report.inserted} inserted, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${sum(report.skipped)} skipped`,
  ];
  for (const [reason, n] of Object.entries(report.skipped)) lines.push(`  skipped ${n}: ${reason}`);
  for (const [warning, n] of Object.entries(report.warnings)) lines.push(`  warning ${n}: ${warning}`);
  return lines.join("\n");
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

type ImportCli = {
  label: string;
  help: string;
  /** Runs the import of one file, with whatever the extra flags mean for it. */
  run: (
    db: Connection["db"],
    file: string,
    flags: { la?: string },
    onProgress: ProgressListener,
  ) => Promise<ImportReport>;
};

/** The shared body of the import:* scripts: flags, database, progress, report. */
export function runImportCli({ label, help, run }: ImportCli): void {
  runScript(async () => {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { la: { type: "string" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
    const [file] = positionals;
    if (values.help || file === undefined || positionals.length !== 1) {
      console.log(`${help}\n\nDatabase: DATABASE_URL, or PGlite.\n${pgliteWarning}`);
      return values.help ? 0 : 2;
    }
    const connection = await openScriptDatabase({ force: values.force });
    const progress = progressReporter(label);
    try {
      const report = await run(connection.db, file, values, progress.listener);
      progress.stop();
      console.log(formatReport(report));
    } finally {
      progress.stop();
      await connection.close();
    }
  });
}
