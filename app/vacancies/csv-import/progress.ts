/** What an import's state says to the person who uploaded it. */
export type ImportState = "queued" | "validating" | "importing" | "done" | "failed";

export function isFinished(status: ImportState): boolean {
  return status === "done" || status === "failed";
}

export function statusText(job: {
  status: ImportState;
  processedRows: number;
  totalRows: number;
  importedCount: number;
  publish: boolean;
}): string {
  const rows = (n: number) => `${n.toLocaleString("en-GB")} row${n === 1 ? "" : "s"}`;
  switch (job.status) {
    case "queued":
      return `Waiting to start: ${rows(job.totalRows)} to check.`;
    case "validating":
      return `Checking rows: ${job.processedRows.toLocaleString("en-GB")} of ${rows(job.totalRows)} checked.`;
    case "importing":
      return `Every row is fine: importing ${rows(job.totalRows)}.`;
    case "done":
      return `Done: imported ${job.importedCount.toLocaleString("en-GB")} vacanc${job.importedCount === 1 ? "y" : "ies"}${job.publish ? ", publishing the complete ones" : " as drafts"}.`;
    case "failed":
      return "Nothing was imported: fix the problems below and upload the file again.";
  }
}
