import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { schools } from "../schema";
import { runCsvImport, type CsvImportOptions, type ImportReport } from "./csv-import";
import type { CsvInput } from "./csv-source";
import { detectSchoolFormat, schoolFormats, type ImportedSchool } from "./school-formats";
import { updateFromExcluded, wasInserted } from "./upsert-counts";

export type { ImportReport } from "./csv-import";
export { UnknownFormatError } from "./csv-import";

export type ImportSchoolsOptions = CsvImportOptions & {
  /** Keep only these DfE LA codes ("358"); every LA when absent or empty. */
  laCodes?: string[];
};

/**
 * Upserts schools by URN from the official GIAS download or the shared extracts (format told by the
 * header). Trust and partnership links are never touched, so re-importing keeps the partnership intact.
 */
export function importSchools(
  db: Database,
  input: CsvInput,
  options: ImportSchoolsOptions = {},
): Promise<ImportReport> {
  const laFilter = options.laCodes?.length ? new Set(options.laCodes) : undefined;
  return runCsvImport<ImportedSchool>(
    input,
    {
      recognise: (header, fileName) => {
        const format = detectSchoolFormat(header);
        if (!format) return undefined;
        const sourceDate = format.sourceDate(fileName);
        return {
          name: format.name,
          hasHeader: true,
          read: (_row, cell) => {
            const result = format.read(cell);
            return result.ok
              ? { ok: true, value: { ...result.school, sourceDate }, warnings: result.warnings }
              : result;
          },
        };
      },
      knownFormats: schoolFormats.map((f) => f.describe).join("; "),
      identity: (school) => school.urn,
      exclude: (school) => (laFilter && !laFilter.has(school.laCode) ? "not in the LA filter" : null),
      upsert: (batch, source) => upsertSchools(db, batch, source),
    },
    options,
  );
}

// Only the columns a file owns: trust_id and partnership_id are the partnership's own data.
const onConflict = updateFromExcluded(schools, [
  "name",
  "phase",
  "establishmentType",
  "typeGroup",
  "religiousCharacter",
  "statutoryLowAge",
  "statutoryHighAge",
  "laCode",
  "laName",
  "region",
  "postcode",
  "town",
  "lat",
  "lng",
  "pupils",
  "website",
  "source",
  "sourceDate",
]);

// A file without districts (the shared formats) keeps the district a GIAS import gave the school.
onConflict.set.districtCode = sql.raw(`coalesce(excluded."district_code", "schools"."district_code")`);
onConflict.set.districtName = sql.raw(`coalesce(excluded."district_name", "schools"."district_name")`);
onConflict.changed = sql`(${onConflict.changed} OR coalesce(excluded."district_code", "schools"."district_code") IS DISTINCT FROM "schools"."district_code"
  OR coalesce(excluded."district_name", "schools"."district_name") IS DISTINCT FROM "schools"."district_name")`;

function upsertSchools(db: Database, batch: ImportedSchool[], source: string) {
  return db
    .insert(schools)
    .values(batch.map((school) => ({ ...school, source })))
    .onConflictDoUpdate({
      target: schools.urn,
      set: { ...onConflict.set, updatedAt: sql`now()` },
      setWhere: onConflict.changed,
    })
    .returning({ inserted: wasInserted });
}
