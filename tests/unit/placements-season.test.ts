import { describe, expect, it } from "vitest";
import { planningYear } from "../../app/placements/academic-year";
import { countSchoolDays } from "../../app/placements/school-days";
import { demoPlacementSeason, type Period } from "../../db/seed/placement-season";

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
const inside = (p: Period, window: Period) => p.startsOn >= window.startsOn && p.endsOn <= window.endsOn;

describe("the demo placement season, derived from today", () => {
  it("reproduces the 2026/27 season the demo was written for", () => {
    expect(demoPlacementSeason("2026-12-02")).toEqual({
      year: 2026,
      autumn: { startsOn: "2026-09-14", endsOn: "2026-12-18" },
      springSummer: { startsOn: "2027-01-11", endsOn: "2027-07-16" },
      autumnA: { startsOn: "2026-09-14", endsOn: "2026-11-13" },
      springB: { startsOn: "2027-01-11", endsOn: "2027-03-26" },
      summerB: { startsOn: "2027-04-19", endsOn: "2027-07-02" },
      waitingListSummer: { startsOn: "2027-04-19", endsOn: "2027-07-09" },
      inset: "2027-01-11",
      programme: { startsOn: "2026-09-01", endsOn: "2027-07-16" },
    });
  });

  it("plans the year under way until May, then the next, as the app's pages do", () => {
    expect(demoPlacementSeason("2027-04-30").year).toBe(2026);
    expect(demoPlacementSeason("2027-05-01").year).toBe(2027);
    expect(demoPlacementSeason("2027-07-15").year).toBe(2027);
    expect(demoPlacementSeason("2027-09-02").year).toBe(2027);
    expect(demoPlacementSeason("2028-01-03").year).toBe(2027);
  });

  // Every day of two whole years, leap days included: the seed and the e2e journeys must work whatever today is.
  const days: string[] = [];
  for (let t = Date.UTC(2026, 8, 1); t < Date.UTC(2028, 8, 1); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));

  it.each(["2026-12-02", "2027-07-15", "2027-09-02", "2028-02-29", "2031-05-01", "2032-08-31"])(
    "on %s, gives a season whose periods are school weeks inside its own academic year",
    (today) => {
      const s = demoPlacementSeason(today);
      expect(s.year).toBe(planningYear(today));
      const periods = [s.autumn, s.springSummer, s.autumnA, s.springB, s.summerB, s.waitingListSummer];
      for (const p of periods) {
        expect(weekday(p.startsOn), p.startsOn).toBe(1);
        expect(weekday(p.endsOn), p.endsOn).toBe(5);
        expect(p.startsOn >= `${s.year}-09-01` && p.endsOn <= `${s.year + 1}-08-31`).toBe(true);
      }
      // The bookings fit their offers' windows, B comes after A, and a trainee's two Bs never overlap its A.
      expect(inside(s.autumnA, s.autumn)).toBe(true);
      for (const p of [s.springB, s.summerB, s.waitingListSummer]) expect(inside(p, s.springSummer)).toBe(true);
      expect(s.springB.endsOn < s.summerB.startsOn).toBe(true);
      expect(s.autumn.endsOn < s.springSummer.startsOn).toBe(true);
      expect(s.inset).toBe(s.springB.startsOn);
      expect(inside(s.springSummer, s.programme)).toBe(true);
      // Enough school days in the spring placement for the demo's shortfall to stay a shortfall of a real rotation.
      expect(countSchoolDays(s.springB.startsOn, s.springB.endsOn).days).toBeGreaterThan(40);
    },
  );

  it("always leaves a window to book: the spring and summer window ends after today", () => {
    for (const today of days) expect(demoPlacementSeason(today).springSummer.endsOn > today, today).toBe(true);
  });

  it("from May, the whole season lies ahead", () => {
    for (const today of days.filter((d) => d.slice(5, 7) >= "05" && d.slice(5, 7) <= "08"))
      expect(demoPlacementSeason(today).autumn.startsOn > today, today).toBe(true);
  });
});
