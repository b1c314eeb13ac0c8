/**
 * The statutory pay ranges, as data: one figure per year, pay area, range and point ("min", "max", "M1"…), each
 * with its source (db/schema/pay.ts; loaded from a CSV by `npm run import:pay-scales`). Pure lookups here.
 */
import type { PayArea } from "../vocabulary/pay-areas";

export type ScaleFigure = { year: string; area: PayArea; range: string; point: string; annual: number; source: string };

/** "2025/26" from a date: the pay year runs from 1 September to 31 August. */
export function payYearOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const year = Number(m[1]);
  const start = Number(m[2]) >= 9 ? year : year - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

const startOf = (payYear: string) => Number(payYear.slice(0, 4));

export type StatutoryBound = {
  amount: number;
  /** The pay year the figure is for: the offer's, or the latest earlier one Staffroom holds. */
  year: string;
  /** False when the offer's year has no figure and an earlier year's stands in for it. */
  exactYear: boolean;
  source: string;
};

/**
 * The statutory minimum (or maximum) of a range in a pay area for a pay year. When that year is missing (not
 * yet published, or not confirmed) the latest earlier year stands in: pay ranges have only ever risen, so an
 * earlier minimum is a floor the offer must at least reach. A later year is never used.
 */
export function statutoryBound(
  figures: ScaleFigure[],
  year: string,
  area: PayArea,
  range: string,
  point: "min" | "max",
): StatutoryBound | null {
  const candidates = figures
    .filter((f) => f.area === area && f.range === range && f.point === point && startOf(f.year) <= startOf(year))
    .sort((a, b) => startOf(b.year) - startOf(a.year));
  const best = candidates[0];
  return best ? { amount: best.annual, year: best.year, exactYear: best.year === year, source: best.source } : null;
}

/** The years the figures cover, newest first. */
export function yearsCovered(figures: ScaleFigure[]): string[] {
  return [...new Set(figures.map((f) => f.year))].sort((a, b) => startOf(b) - startOf(a));
}
