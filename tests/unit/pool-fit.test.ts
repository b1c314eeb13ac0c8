import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fit, FIT_MAX, rankByFit, type FitMember } from "../../app/pool/matching/fit";
import { hiddenFrom, visibleTo, type HideEntry } from "../../app/pool/matching/hide-rules";

const school = { lat: 53.396313, lng: -2.348177 };
const member = (over: Partial<FitMember> = {}): FitMember => ({
  subjects: ["mathematics"],
  phases: ["primary"],
  contracts: ["permanent"],
  workingPatterns: ["full_time"],
  lat: 53.4,
  lng: -2.3,
  travelMiles: 10,
  availableFrom: "2027-09-01",
  ...over,
});

describe("fit", () => {
  it("says why, in words a person reads", () => {
    const f = fit(member(), school, {
      subject: "mathematics",
      phase: "primary",
      startBy: "2027-09-01",
      contract: "permanent",
      workingPattern: "full_time",
    });
    expect(f.reasons).toEqual([
      "Teaches mathematics",
      "Wants to teach in primary schools",
      "2.0 miles away, within the 10 they will travel",
      "Available from 1 September 2027",
      "Would take a permanent contract",
      "Would work full time",
    ]);
    expect(f.miles).toBe(2);
    expect(f.score).toBeGreaterThan(90);
  });

  it("proper names keep their capitals; further than they travel and later than wanted say so and score less", () => {
    const near = fit(member({ subjects: ["english"] }), school, { subject: "english" });
    expect(near.reasons[0]).toBe("Teaches English");
    const far = fit(member({ lat: 53.0, lng: -2.3, availableFrom: "2028-01-01" }), school, { startBy: "2027-09-01" });
    expect(far.reasons).toContain("27 miles away, further than the 10 they will travel");
    expect(far.reasons).toContain("Not available until 1 January 2028");
    expect(far.score).toBeLessThan(fit(member(), school, { startBy: "2027-09-01" }).score);
  });

  it("without a location there is no distance", () => {
    expect(fit(member({ lat: null, lng: null }), school).miles).toBeNull();
    expect(fit(member(), { lat: null, lng: null }).reasons.some((r) => r.includes("miles"))).toBe(false);
  });

  const memberArb = fc.record({
    subjects: fc.subarray(["mathematics", "english", "primary", "science"]),
    phases: fc.subarray(["primary", "secondary"]),
    contracts: fc.subarray(["permanent", "fixed_term"]),
    workingPatterns: fc.subarray(["full_time", "part_time"]),
    lat: fc.option(fc.double({ min: 50, max: 55, noNaN: true }), { nil: null }),
    lng: fc.option(fc.double({ min: -5, max: 1, noNaN: true }), { nil: null }),
    travelMiles: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    availableFrom: fc.option(fc.constantFrom("2027-01-01", "2027-09-01", "2028-01-01"), { nil: null }),
  });
  const wantedArb = fc.record({
    subject: fc.option(fc.constantFrom("mathematics", "english"), { nil: null }),
    phase: fc.option(fc.constantFrom("primary", "secondary"), { nil: null }),
    contract: fc.option(fc.constantFrom("permanent", "fixed_term"), { nil: null }),
    workingPattern: fc.option(fc.constantFrom("full_time", "part_time"), { nil: null }),
    startBy: fc.option(fc.constantFrom("2027-09-01"), { nil: null }),
  });

  it("property: the score stays within 0 and FIT_MAX, and a matching subject never scores less than a missing one", () => {
    fc.assert(
      fc.property(memberArb, wantedArb, (m, w) => {
        const f = fit(m, school, w);
        expect(f.score).toBeGreaterThanOrEqual(0);
        expect(f.score).toBeLessThanOrEqual(FIT_MAX);
        if (w.subject) {
          const withSubject = fit({ ...m, subjects: [...new Set([...m.subjects, w.subject])] }, school, w);
          const without = fit({ ...m, subjects: m.subjects.filter((s) => s !== w.subject) }, school, w);
          expect(withSubject.score).toBeGreaterThan(without.score);
        }
      }),
    );
  });

  it("property: ranking is a best-first permutation, stable for equal scores", () => {
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 30 }), wantedArb, (ms, w) => {
        const rows = ms.map((m, i) => ({ key: String(i).padStart(3, "0"), fit: fit(m, school, w) }));
        const ranked = rankByFit(rows);
        expect(ranked.map((r) => r.key).sort()).toEqual(rows.map((r) => r.key).sort());
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i - 1]!.fit.score).toBeGreaterThanOrEqual(ranked[i]!.fit.score);
        expect(rankByFit(ranked)).toEqual(ranked);
      }),
    );
  });
});

describe("hide rules", () => {
  const trust = { id: "trust", kind: "academy_trust", laCode: null };
  const la = { id: "la", kind: "local_authority", laCode: "358" };
  const academy = { id: "s1", trustId: "trust", laCode: "358" };
  const maintained = { id: "s2", trustId: null, laCode: "358" };
  const elsewhere = { id: "s3", trustId: null, laCode: "356" };
  const hide = (h: Partial<HideEntry>): HideEntry => ({ schoolId: null, organisation: null, ...h });

  it("a school, its trust, or its LA when maintained", () => {
    expect(hiddenFrom([hide({ schoolId: "s1" })], academy)).toBe(true);
    expect(hiddenFrom([hide({ schoolId: "s1" })], maintained)).toBe(false);
    expect(hiddenFrom([hide({ organisation: trust })], academy)).toBe(true);
    expect(hiddenFrom([hide({ organisation: trust })], maintained)).toBe(false);
    expect(hiddenFrom([hide({ organisation: la })], maintained)).toBe(true);
    // An academy in the LA's area is not the LA's school.
    expect(hiddenFrom([hide({ organisation: la })], academy)).toBe(false);
    expect(hiddenFrom([hide({ organisation: la })], elsewhere)).toBe(false);
    expect(hiddenFrom([], academy)).toBe(false);
  });

  it("visible only when pooled, consenting and not hidden", () => {
    const m = { status: "pooled", shownToSchools: true, hides: [hide({ organisation: trust })] };
    expect(visibleTo(m, maintained)).toBe(true);
    expect(visibleTo(m, academy)).toBe(false);
    expect(visibleTo({ ...m, shownToSchools: false }, maintained)).toBe(false);
    for (const status of ["draft", "screening", "not_this_time", "appointed", "withdrawn"])
      expect(visibleTo({ ...m, status }, maintained)).toBe(false);
  });

  it("property: hiding from more places never shows a member to more schools", () => {
    const entryArb = fc.oneof(
      fc.constantFrom("s1", "s2", "s3").map((schoolId) => hide({ schoolId })),
      fc.constantFrom(trust, la).map((organisation) => hide({ organisation })),
    );
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 4 }), entryArb, (hides, extra) => {
        for (const s of [academy, maintained, elsewhere])
          if (hiddenFrom(hides, s)) expect(hiddenFrom([...hides, extra], s)).toBe(true);
      }),
    );
  });
});
