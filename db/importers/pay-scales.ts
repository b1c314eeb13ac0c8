import path from "node:path";
import { sql } from "drizzle-orm";
import { PAY_AREAS, type PayArea } from "../../app/vocabulary/pay-areas";
import type { Database } from "../client";
import { payScaleFigures } from "../schema";
import { runCsvImport, type CsvImportOptions, type ImportReport, type ReadResult } from "./csv-import";
import type { CsvInput } from "./csv-source";
import { updateFromExcluded, wasInserted } from "./upsert-counts";

/** The pay figures Staffroom ships: every row of ../shared/data/pay-scales-england.csv (ranges and points) and the headteacher minimum, with sources. */
export const BUNDLED_PAY_SCALES = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  "../reference/pay-scales-england.csv",
);

type Figure = { year: string; area: PayArea; range: string; point: string; annualPounds: number; source: string };

const HEADER = ["year", "area", "range", "point", "annual_gbp", "source"];

function readFigure(cell: (name: string) => string): ReadResult<Figure> {
  const year = cell("year");
  if (!/^\d{4}\/\d{2}$/.test(year) || (Number(year.slice(0, 4)) + 1) % 100 !== Number(year.slice(5)))
    return { ok: false, reason: "year is not like 2025/26" };
  const area = cell("area") as PayArea;
  if (!PAY_AREAS.includes(area)) return { ok: false, reason: `area is not one of ${PAY_AREAS.join(", ")}` };
  const range = cell("range");
  const point = cell("point");
  if (!/^[a-z_0-9]+$/.test(range) || !/^[A-Za-z0-9_]+$/.test(point))
    return { ok: false, reason: "range or point missing" };
  const annual = Number(cell("annual_gbp"));
  if (!Number.isInteger(annual) || annual <= 0 || annual > 1_000_000)
    return { ok: false, reason: "annual_gbp is not a whole number of pounds" };
  const source = cell("source");
  // A figure without its source is not a fact Staffroom can show.
  if (!source) return { ok: false, reason: "no source" };
  return { ok: true, value: { year, area, range, point, annualPounds: annual, source } };
}

const onConflict = updateFromExcluded(payScaleFigures, ["annualPounds", "source"]);

/**
 * Upserts pay figures from a CSV in the ../shared/data/pay-scales-england.csv format; a new pay year is just more
 * rows. With `onlyMissing`, figures already held are left as they are (an operator's import wins over the bundle).
 */
export function importPayScales(
  db: Database,
  input: CsvInput,
  options: CsvImportOptions & { onlyMissing?: boolean } = {},
): Promise<ImportReport> {
  return runCsvImport<Figure>(
    input,
    {
      recognise: (first) =>
        HEADER.every((h) => first.map((c) => c.trim()).includes(h))
          ? { name: "pay-scales", hasHeader: true, read: (_row, cell) => readFigure(cell) }
          : undefined,
      knownFormats: `a header of ${HEADER.join(",")}`,
      identity: (f) => `${f.year}|${f.area}|${f.range}|${f.point}`,
      upsert: (batch) =>
        db
          .insert(payScaleFigures)
          .values(batch.map((f) => ({ ...f, importedAt: new Date() })))
          .onConflictDoUpdate({
            target: [payScaleFigures.year, payScaleFigures.area, payScaleFigures.range, payScaleFigures.point],
            set: onConflict.set,
            setWhere: options.onlyMissing ? sql`false` : onConflict.changed,
          })
          .returning({ inserted: wasInserted }),
    },
    options,
  );
}

/**
 * At start-up: the bundled figures Staffroom does not hold yet are added (all of them on a fresh machine, a new
 * range such as the headteacher minimum after an upgrade); figures already held are never overwritten.
 */
export async function ensurePayScales(db: Database): Promise<number> {
  return (await importPayScales(db, BUNDLED_PAY_SCALES, { onlyMissing: true })).inserted;
}
