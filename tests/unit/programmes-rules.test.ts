import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clashesWith,
  engagement,
  inductionProgress,
  inductionYearOfTerm,
  releasedHours,
  reminderDueAt,
  reminderIsDue,
  sessionYearProblem,
  termOf,
} from "../../app/programmes/rules";

describe("induction progress in FTE terms", () => {
  it("counts whole terms for a full-time ECT at one school", () => {
    // From 1 September 2025 to 1 September 2026: autumn, spring and summer served.
    const p = inductionProgress("2025-09-01", 100, [{ startsOn: "2025-09-01", endsOn: null }], "2026-09-01");
    expect(p.termsServed).toBe(3);
    expect(p.termsRequired).toBe(6);
    expect(p.termsRemaining).toBe(3);
  });

  it("counts pro rata for part-time: a 50% ECT serves half a term per term and needs twelve", () => {
    const p = inductionProgress("2025-09-01", 50, [{ startsOn: "2025-09-01", endsOn: null }], "2026-08-31");
    expect(p.termsServed).toBe(1.5);
    expect(p.termsRemaining).toBe(9);
  });

  it("counts a part term by its share of days", () => {
    // Autumn 2026 is 1 September to 31 December, 122 days; to 31 October is 61 of them: half a term.
    const p = inductionProgress("2026-09-01", 100, [{ startsOn: "2026-09-01", endsOn: null }], "2026-10-31");
    expect(p.termsServed).toBe(0.5);
  });

  it("adds periods at two schools and leaves out the gap between them", () => {
    const periods = [
      { startsOn: "2025-09-01", endsOn: "2026-01-01" },
      { startsOn: "2026-04-01", endsOn: null },
    ];
    // Autumn at the first school, spring away, summer at the second.
    expect(inductionProgress("2025-09-01", 100, periods, "2026-07-31").termsServed).toBe(2);
  });

  it("never counts before induction started or after today, and never more than one per term", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100 }), fc.integer({ min: 0, max: 900 }), (fte, days) => {
        const today = new Date(Date.UTC(2024, 8, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const p = inductionProgress("2024-09-01", fte, [{ startsOn: "2024-01-01", endsOn: null }], today);
        const calendarTerms = Math.ceil(days / 100) + 1;
        expect(p.termsServed).toBeGreaterThanOrEqual(0);
        expect(p.termsServed).toBeLessThanOrEqual(calendarTerms);
        expect(p.termsServed).toBeLessThanOrEqual(((days + 1) / 90) * (fte / 100) + 0.1);
      }),
    );
  });
});

describe("terms", () => {
  it("puts August in no term and each month in its term", () => {
    expect(termOf("2026-08-15")).toBeNull();
    expect(termOf("2026-09-01")).toEqual({ academicYear: 2026, term: "autumn" });
    expect(termOf("2027-03-31")).toEqual({ academicYear: 2026, term: "spring" });
    expect(termOf("2027-04-01")).toEqual({ academicYear: 2026, term: "summer" });
  });

  it("makes the first three terms from the start year 1", () => {
    const start = { academicYear: 2026, term: "spring" as const };
    expect(inductionYearOfTerm(start, { academicYear: 2026, term: "summer" })).toBe(1);
    expect(inductionYearOfTerm(start, { academicYear: 2027, term: "autumn" })).toBe(1);
    expect(inductionYearOfTerm(start, { academicYear: 2027, term: "spring" })).toBe(2);
  });
});

describe("released time", () => {
  it("is 10% of contact hours in year 1 and 5% in year 2, for the term's weeks, pro rata", () => {
    // 22.5 contact hours a week, autumn's 14 weeks: 31.5 hours in year 1, 15.8 in year 2, 15.8 at 50% in year 1.
    expect(releasedHours(1, 22.5, 100, "autumn")).toBe(31.5);
    expect(releasedHours(2, 22.5, 100, "autumn")).toBe(15.8);
    expect(releasedHours(1, 22.5, 50, "autumn")).toBe(15.8);
    expect(releasedHours(1, 20, 100, "spring")).toBe(24);
  });
});

describe("engagement", () => {
  it("is attended of expected with excused left out, with the 75% marker", () => {
    expect(engagement(["present", "present", "present", "absent"])).toMatchObject({ percent: 75, belowMarker: false });
    expect(engagement(["present", "absent", "excused"])).toMatchObject({ percent: 50, belowMarker: true, excused: 1 });
    expect(engagement(["present", "present", "excused", "excused"])).toMatchObject({ percent: 100 });
  });

  it("has no figure before a register that counts", () => {
    expect(engagement([])).toMatchObject({ percent: null, belowMarker: false });
    expect(engagement(["excused"])).toMatchObject({ percent: null, belowMarker: false });
  });
});

describe("clashes", () => {
  const at = (id: string, from: string, to: string) => ({ id, startsAt: new Date(from), endsAt: new Date(to) });
  it("finds sessions that overlap, and lets one start as another ends", () => {
    const booked = [
      at("a", "2027-01-12T09:00Z", "2027-01-12T12:00Z"),
      at("b", "2027-01-12T13:00Z", "2027-01-12T15:00Z"),
    ];
    expect(clashesWith(at("c", "2027-01-12T11:00Z", "2027-01-12T13:30Z"), booked).map((s) => s.id)).toEqual(["a", "b"]);
    expect(clashesWith(at("d", "2027-01-12T12:00Z", "2027-01-12T13:00Z"), booked)).toEqual([]);
    expect(clashesWith(at("a", "2027-01-12T09:00Z", "2027-01-12T12:00Z"), booked)).toEqual([]);
  });
});

describe("reminder timing, in London time", () => {
  it("is 08:00 London two calendar days before, in GMT and in BST", () => {
    // Thursday 14 January 2027 16:00 GMT: Tuesday 12 January 08:00 GMT.
    expect(reminderDueAt(new Date("2027-01-14T16:00:00Z")).toISOString()).toBe("2027-01-12T08:00:00.000Z");
    // Wednesday 16 June 2027 09:00 BST (08:00Z): Monday 14 June 08:00 BST = 07:00Z.
    expect(reminderDueAt(new Date("2027-06-16T08:00:00Z")).toISOString()).toBe("2027-06-14T07:00:00.000Z");
  });

  it("counts days on London's calendar: a session at 00:30 BST is on the London day, not the UTC one", () => {
    // 00:30 BST on Thursday 17 June 2027 is 23:30Z on the 16th; the London day is the 17th, so the 15th at 08:00 BST.
    expect(reminderDueAt(new Date("2027-06-16T23:30:00Z")).toISOString()).toBe("2027-06-15T07:00:00.000Z");
  });

  it("is due from that moment until the session starts, and not before or after", () => {
    const startsAt = new Date("2027-01-14T16:00:00Z");
    expect(reminderIsDue(startsAt, new Date("2027-01-12T07:59:00Z"))).toBe(false);
    expect(reminderIsDue(startsAt, new Date("2027-01-12T08:00:00Z"))).toBe(true);
    expect(reminderIsDue(startsAt, new Date("2027-01-14T16:00:00Z"))).toBe(false);
  });
});

describe("sessions in the cohort's year", () => {
  it("puts year 1 in the cohort's academic year and year 2 in the next", () => {
    expect(sessionYearProblem(2026, 1, "2026-10-05")).toBeNull();
    expect(sessionYearProblem(2026, 2, "2027-10-05")).toBeNull();
    expect(sessionYearProblem(2026, 1, "2027-10-05")).toContain("2026/27");
    expect(sessionYearProblem(2026, 2, "2026-10-05")).toContain("2027/28");
  });
});

describe("dates typed in ECT forms", () => {
  it("a 13th month or 30 February is a field error, never an exception", async () => {
    const { sessionSchema } = await import("../../app/programmes/schemas");
    const { registerEctSchema } = await import("../../app/programmes/ect-schemas");
    for (const bad of ["2027-13-01", "2027-02-30", "2027-00-10"]) {
      const session = sessionSchema.safeParse({ date: bad });
      expect(session.success).toBe(false);
      expect(session.error?.issues.find((i) => i.path[0] === "date")?.message).toMatch(/real day of the session/);
      const ect = registerEctSchema.safeParse({ inductionStartsOn: bad });
      expect(ect.error?.issues.find((i) => i.path[0] === "inductionStartsOn")?.message).toMatch(/real induction start/);
    }
  });
});
