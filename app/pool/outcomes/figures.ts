/**
 * The public outcome figures of a pool round (issue 17), counted from pool_outcomes only (rows without the person).
 * Pure: the page and its tests share it. Any count under SUPPRESS_BELOW is shown as "fewer than 3", and a median over
 * fewer people is not shown, so nobody can be picked out.
 */

const SUPPRESS_BELOW = 3;

export type OutcomeRow = {
  phase: string | null;
  subject: string | null;
  /** YYYY-MM-DD London days, or null. */
  submittedOn: string | null;
  pooledOn: string | null;
  appointedOn: string | null;
  appointedSchoolId: string | null;
  employerKind: string | null;
};

/** A count as published: the number, or suppressed. */
export type Cell = { count: number } | { suppressed: true };
export type Median = { days: number } | { suppressed: true } | { none: true };

export type Figures = {
  applicants: Cell;
  pooled: Cell;
  appointed: Cell;
  medianDaysPooledToAppointed: Median;
};

const cell = (count: number): Cell => (count < SUPPRESS_BELOW ? { suppressed: true } : { count });

export function cellText(c: Cell): string {
  return "suppressed" in c ? "fewer than 3" : String(c.count);
}

export function medianText(m: Median): string {
  if ("none" in m) return "no appointments yet";
  if ("suppressed" in m) return "not shown (fewer than 3 appointments)";
  return `${m.days} ${m.days === 1 ? "day" : "days"}`;
}

const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** Whole days from pooled to appointed, for the rows that have both. */
function daysPooledToAppointed(rows: readonly OutcomeRow[]): number[] {
  return rows
    .filter((r) => r.pooledOn !== null && r.appointedOn !== null)
    .map((r) => dayNumber(r.appointedOn!) - dayNumber(r.pooledOn!));
}

/** The median of some numbers (the mean of the middle two for an even count, rounded to a half day). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 2) / 2;
}

export function figuresOf(rows: readonly OutcomeRow[]): Figures {
  const days = daysPooledToAppointed(rows);
  const m = median(days);
  return {
    applicants: cell(rows.filter((r) => r.submittedOn !== null).length),
    pooled: cell(rows.filter((r) => r.pooledOn !== null).length),
    appointed: cell(rows.filter((r) => r.appointedOn !== null).length),
    medianDaysPooledToAppointed:
      m === null ? { none: true } : days.length < SUPPRESS_BELOW ? { suppressed: true } : { days: m },
  };
}

/** Figures for each value of `key` (phase, subject, school), in the order of the key's first appearance sorted. */
export function figuresBy(
  rows: readonly OutcomeRow[],
  key: (r: OutcomeRow) => string | null,
): { key: string; figures: Figures }[] {
  const groups = new Map<string, OutcomeRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  return [...groups.keys()].sort().map((k) => ({ key: k, figures: figuresOf(groups.get(k)!) }));
}

/** Appointments by the kind of employer that made them. */
export function appointmentsByEmployer(rows: readonly OutcomeRow[]): { kind: string; appointed: Cell }[] {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.appointedOn !== null) counts.set(r.employerKind ?? "other", (counts.get(r.employerKind ?? "other") ?? 0) + 1);
  return [...counts.keys()].sort().map((kind) => ({ kind, appointed: cell(counts.get(kind)!) }));
}
