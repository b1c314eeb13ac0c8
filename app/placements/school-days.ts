import { bankHolidaysEngland, bankHolidaysSource } from "./bank-holidays-england";

/** Dates are ISO calendar days ("2026-09-07"); arithmetic runs in UTC so no clock change moves a day. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const bankHolidays = new Set(bankHolidaysEngland.map((h) => h.date));

function toUtc(day: IsoDate): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export type SchoolDayCount = {
  days: number;
  /** Weekdays lost to bank holidays and to the school's closure and INSET days. */
  bankHolidays: number;
  closures: number;
  /** False when the period reaches past the bank-holiday list, so the count may be too high. */
  holidaysKnown: boolean;
};

/**
 * School days from `start` to `end` inclusive: weekdays that are neither an England bank holiday nor one of the
 * school's own closure or INSET days. A period that ends before it starts has none.
 */
export function countSchoolDays(start: IsoDate, end: IsoDate, closures: Iterable<IsoDate> = []): SchoolDayCount {
  const closed = new Set(closures);
  let days = 0;
  let holidays = 0;
  let closedDays = 0;
  for (let t = toUtc(start), last = toUtc(end); t <= last; t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const day = fromUtc(t);
    if (bankHolidays.has(day)) holidays++;
    else if (closed.has(day)) closedDays++;
    else days++;
  }
  const holidaysKnown = start >= bankHolidaysSource.from && end <= bankHolidaysSource.to;
  return { days, bankHolidays: holidays, closures: closedDays, holidaysKnown };
}

/** Days in school against the programme's target: what is booked, and how many more are needed. */
export function shortfall(target: number, counted: number): { counted: number; target: number; short: number } {
  return { counted, target, short: Math.max(0, target - counted) };
}

/** The `n`th school day after `day` (weekdays that are not England bank holidays): when a hold of n days ends. */
export function addSchoolDays(day: IsoDate, n: number): IsoDate {
  let t = toUtc(day);
  for (let left = n; left > 0;) {
    t += DAY_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !bankHolidays.has(fromUtc(t))) left--;
  }
  return fromUtc(t);
}
