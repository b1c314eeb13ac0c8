/**
 * Academic years in England run from 1 September to 31 August and are named by the calendar year they start in:
 * 2026 is 2026/27. Here, not in app/placements, because the demo seed (db/, which may import only the vocabulary)
 * plans its season by the same rule as the pages that show it.
 */
export function academicYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The academic year a school or provider is planning for: the one under way, until its summer term, then the next. */
export function planningYear(today = new Date().toISOString().slice(0, 10)): number {
  const year = academicYearOf(today);
  return Number(today.slice(5, 7)) >= 5 && Number(today.slice(5, 7)) < 9 ? year + 1 : year;
}
