import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import { academicYearOf } from "../vocabulary/academic-years";
import { fromLondonLocal, londonToday } from "../vocabulary/london-time";
import {
  ENGAGEMENT_MARKER,
  INDUCTION_TERMS_FTE,
  releasedTimeShare,
  type AttendanceMark,
  type Term,
} from "../vocabulary/programmes";

/**
 * The pure rules of ECT programmes: induction progress, released time, engagement, clashes and reminder timing.
 * Nothing here reads the database; every figure is information for the tutor, never a legal outcome.
 */

/**
 * The windows a term covers for induction: autumn 1 September to 31 December, spring 1 January to 31 March, summer
 * 1 April to 31 July. August is holiday and counts towards no term. Dates are inclusive.
 */
function termWindow(academicYear: number, term: Term): { startsOn: string; endsOn: string } {
  switch (term) {
    case "autumn":
      return { startsOn: `${academicYear}-09-01`, endsOn: `${academicYear}-12-31` };
    case "spring":
      return { startsOn: `${academicYear + 1}-01-01`, endsOn: `${academicYear + 1}-03-31` };
    case "summer":
      return { startsOn: `${academicYear + 1}-04-01`, endsOn: `${academicYear + 1}-07-31` };
  }
}

/** The term a day falls in, or null in August. */
export function termOf(day: string): { academicYear: number; term: Term } | null {
  const month = Number(day.slice(5, 7));
  const academicYear = academicYearOf(day);
  if (month === 8) return null;
  if (month >= 9) return { academicYear, term: "autumn" };
  if (month <= 3) return { academicYear, term: "spring" };
  return { academicYear, term: "summer" };
}

const termOrder: readonly Term[] = ["autumn", "spring", "summer"];

/** Terms from a term onwards, for as long as `count` asks. */
export function termsFrom(start: { academicYear: number; term: Term }, count: number) {
  const out: { academicYear: number; term: Term }[] = [];
  let year = start.academicYear;
  let index = termOrder.indexOf(start.term);
  for (let i = 0; i < count; i++) {
    out.push({ academicYear: year, term: termOrder[index] ?? "autumn" });
    index += 1;
    if (index === 3) {
      index = 0;
      year += 1;
    }
  }
  return out;
}

function overlapDays(a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }): number {
  const start = a.startsOn > b.startsOn ? a.startsOn : b.startsOn;
  const end = a.endsOn < b.endsOn ? a.endsOn : b.endsOn;
  if (end < start) return 0;
  return differenceInCalendarDays(parseISO(end), parseISO(start)) + 1;
}

export type SchoolPeriod = { startsOn: string; endsOn: string | null };

export type InductionProgress = {
  /** FTE terms served so far, to one decimal place. */
  termsServed: number;
  termsRequired: number;
  /** Calendar terms still to go at the current working pattern. */
  termsRemaining: number;
};

/**
 * Terms served from induction start to `today`, across the ECT's school periods (periods are half-open: `endsOn` is
 * the first day away). A part term counts by its share of days; the total is scaled by the working pattern, so a
 * teacher at 50% serves half a term in each term and needs twelve.
 */
export function inductionProgress(
  inductionStartsOn: string,
  ftePercent: number,
  periods: readonly SchoolPeriod[],
  today: string,
): InductionProgress {
  let served = 0;
  const first = termOf(inductionStartsOn) ?? { academicYear: academicYearOf(inductionStartsOn) + 1, term: "autumn" };
  const lastDay = today;
  const horizon = termsFrom(first, 60);
  for (const { academicYear, term } of horizon) {
    const window = termWindow(academicYear, term);
    if (window.startsOn > lastDay) break;
    const termDays = overlapDays(window, window);
    let daysIn = 0;
    for (const period of periods) {
      const periodEnd = period.endsOn ? addDaysIso(period.endsOn, -1) : lastDay;
      const span = {
        startsOn: maxIso(period.startsOn, inductionStartsOn),
        endsOn: minIso(periodEnd, lastDay),
      };
      daysIn += overlapDays(window, span);
    }
    served += Math.min(1, daysIn / termDays);
  }
  const fteServed = (served * ftePercent) / 100;
  const termsServed = Math.round(fteServed * 10) / 10;
  const left = Math.max(0, INDUCTION_TERMS_FTE - fteServed);
  return {
    termsServed,
    termsRequired: INDUCTION_TERMS_FTE,
    termsRemaining: Math.round((left / (ftePercent / 100)) * 10) / 10,
  };
}

function addDaysIso(day: string, n: number): string {
  // parseISO and format both read the local calendar, so the date survives whatever the machine's time zone.
  return format(addDays(parseISO(day), n), "yyyy-MM-dd");
}
const maxIso = (a: string, b: string) => (a > b ? a : b);
const minIso = (a: string, b: string) => (a < b ? a : b);

/** Teaching weeks in each term of a 39-week school year. */
const termWeeks: Record<Term, number> = { autumn: 14, spring: 12, summer: 13 };

/**
 * The hours of training time a term's timetable reduction releases: 10% (year 1) or 5% (year 2) of the school's
 * standard weekly contact hours, for the term's weeks, at the ECT's working pattern.
 */
export function releasedHours(inductionYear: 1 | 2, weeklyContactHours: number, ftePercent: number, term: Term) {
  const hours = releasedTimeShare[inductionYear] * weeklyContactHours * termWeeks[term] * (ftePercent / 100);
  return Math.round(hours * 10) / 10;
}

/** Which induction year a term is in for an ECT who started in `start`: the first three terms are year 1. */
export function inductionYearOfTerm(
  start: { academicYear: number; term: Term },
  at: { academicYear: number; term: Term },
): 1 | 2 {
  const index = (t: { academicYear: number; term: Term }) => t.academicYear * 3 + termOrder.indexOf(t.term);
  return index(at) - index(start) < 3 ? 1 : 2;
}

export type Engagement = {
  present: number;
  absent: number;
  excused: number;
  /** Attended of expected, excused left out; null before any register that counts. */
  percent: number | null;
  /** Below the 75% marker: a prompt for support, never a pass or fail. */
  belowMarker: boolean;
};

/** Engagement from register marks. Sessions whose register was never taken count neither way. */
export function engagement(marks: readonly AttendanceMark[]): Engagement {
  const present = marks.filter((m) => m === "present").length;
  const absent = marks.filter((m) => m === "absent").length;
  const excused = marks.filter((m) => m === "excused").length;
  const expected = present + absent;
  const percent = expected === 0 ? null : Math.round((present / expected) * 100);
  return { present, absent, excused, percent, belowMarker: percent !== null && percent < ENGAGEMENT_MARKER * 100 };
}

export type Timed = { id: string; startsAt: Date; endsAt: Date };

/** Whether two sessions overlap in time; one ending as the other starts is no clash (half-open, as in the database). */
function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The sessions among `booked` that `candidate` would clash with. */
export function clashesWith<T extends Timed>(candidate: Timed, booked: readonly T[]): T[] {
  return booked.filter((b) => b.id !== candidate.id && overlaps(candidate, b));
}

/** Reminders go out at 08:00 London time two London calendar days before the session's day. */
const REMINDER_HOUR = "08:00";

export function reminderDueAt(startsAt: Date): Date {
  const sessionDay = londonToday(startsAt);
  const reminderDay = addDaysIso(sessionDay, -2);
  const due = fromLondonLocal(`${reminderDay}T${REMINDER_HOUR}`);
  if (!due) throw new Error(`reminderDueAt: no 08:00 on ${reminderDay}`);
  return due;
}

/** A reminder is due when its time has come and the session has not started. */
export function reminderIsDue(startsAt: Date, now: Date): boolean {
  return reminderDueAt(startsAt) <= now && now < startsAt;
}

/**
 * A session belongs to the cohort's induction year it names: year 1 sessions fall in the cohort's academic year,
 * year 2 in the next. Returns the message for the field, or null when the date fits.
 */
export function sessionYearProblem(cohortYear: number, inductionYear: 1 | 2, sessionDay: string): string | null {
  const expected = cohortYear + inductionYear - 1;
  if (academicYearOf(sessionDay) === expected) return null;
  return `A year ${inductionYear} session of this cohort must fall in ${expected}/${String(expected + 1).slice(2)} (1 September ${expected} to 31 August ${expected + 1})`;
}
