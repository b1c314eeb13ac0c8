import { planningYear } from "../../app/vocabulary/academic-years";

/** Calendar days as ISO strings ("2026-09-14"), like the placement tables' `date` columns. */
export type Period = { startsOn: string; endsOn: string };

/** The demo's placement season: its academic year, the offers' date windows and the seeded bookings' dates. */
export type DemoPlacementSeason = {
  /** The academic year, named by the year it starts: 2026 is 2026/27. */
  year: number;
  /** The offers' windows: the autumn term, and the spring and summer terms together. */
  autumn: Period;
  springSummer: Period;
  /** Seeded bookings: a first placement in the autumn, a second in the spring or in the summer. */
  autumnA: Period;
  springB: Period;
  summerB: Period;
  /** The one-place summer offer with the waiting list, booked for the whole of it. */
  waitingListSummer: Period;
  /** An INSET day at the demo mentor's school: the first day of the spring term. */
  inset: string;
  /** The demo trainees' programme. */
  programme: Period;
};

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday on or after `day`: windows start at the beginning of a school week. */
function mondayFrom(day: string): string {
  const t = toUtc(day);
  return fromUtc(t + ((8 - new Date(t).getUTCDay()) % 7) * DAY_MS);
}

/** The Friday on or before `day`: windows end at the end of a school week. */
function fridayUntil(day: string): string {
  const t = toUtc(day);
  return fromUtc(t - ((new Date(t).getUTCDay() + 2) % 7) * DAY_MS);
}

/**
 * The season the demo seeds, derived from `today` (the e2e specs call this too, so they type the dates the seed
 * made). Its year is the one the app's pages plan for (`planningYear`: the academic year under way until May, then
 * the next), so a school's hosting interest, the agreements' years and the season page all show the seeded season
 * whatever the date. Its spring and summer window, which holds the demo's open requests, its waiting list and the
 * bookings the e2e journeys make, ends in July of the season's second year: always after `today`, so there is
 * always a window left to book. From May the whole season lies ahead; before May it is the one under way, and its
 * earlier placements may be over, as the autumn's completed, declined and cancelled ones say they are (the app has
 * no rule against booking dates that have passed). Every period keeps the shape of 2026/27's, which it reproduces
 * exactly: it starts on the Monday on or after, and ends on the Friday on or before, the same day of the month.
 */
export function demoPlacementSeason(today = new Date().toISOString().slice(0, 10)): DemoPlacementSeason {
  const year = planningYear(today);
  const autumn = `${year}`;
  const spring = `${year + 1}`;
  const springStarts = mondayFrom(`${spring}-01-05`);
  const summerStarts = mondayFrom(`${spring}-04-19`);
  const springSummer = { startsOn: springStarts, endsOn: fridayUntil(`${spring}-07-16`) };
  return {
    year,
    autumn: { startsOn: mondayFrom(`${autumn}-09-08`), endsOn: fridayUntil(`${autumn}-12-18`) },
    springSummer,
    autumnA: { startsOn: mondayFrom(`${autumn}-09-08`), endsOn: fridayUntil(`${autumn}-11-13`) },
    springB: { startsOn: springStarts, endsOn: fridayUntil(`${spring}-03-26`) },
    summerB: { startsOn: summerStarts, endsOn: fridayUntil(`${spring}-07-02`) },
    waitingListSummer: { startsOn: summerStarts, endsOn: fridayUntil(`${spring}-07-09`) },
    inset: springStarts,
    programme: { startsOn: `${autumn}-09-01`, endsOn: springSummer.endsOn },
  };
}
