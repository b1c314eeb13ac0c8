export { academicYearOf, planningYear } from "../vocabulary/academic-years";

/** Academic years are named by the year they start: 2026 is 2026/27, 1 September 2026 to 31 August 2027. */
export function academicYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

export const bookingLabels = ["A", "B", "C", "training_block"] as const;
export type BookingLabel = (typeof bookingLabels)[number];
export const bookingLabelNames: Record<BookingLabel, string> = {
  A: "Placement A",
  B: "Placement B",
  C: "Placement C",
  training_block: "Intensive training and practice block",
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Sep 2026"; calendar days need no time zone. */
export function formatDay(day: string): string {
  return `${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

export function formatPeriod(startsOn: string, endsOn: string): string {
  return `${formatDay(startsOn)} to ${formatDay(endsOn)}`;
}

/** "the end of Monday 7 December 2026": the confirm-by time as people read it. */
export function formatConfirmBy(lastDay: string): string {
  const date = new Date(`${lastDay}T12:00:00Z`);
  const weekday = date.toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `the end of ${weekday} ${day}`;
}
