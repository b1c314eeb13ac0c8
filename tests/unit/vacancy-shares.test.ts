import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkDecision,
  checkShareChange,
  employedByText,
  leadSchoolsFirst,
  listInWords,
  publicationBlockers,
  sharesChanged,
  shareText,
  type ShareLine,
  type ShareSet,
} from "../../app/vacancies/shares";
import { vacancyStatuses } from "../../app/vacancies/lifecycle";

const set = (fte: number, ...schools: [string, number | null][]): ShareSet => ({
  fte,
  schools: schools.map(([schoolId, share]) => ({ schoolId, share })),
});

describe("a change to the shares", () => {
  it("is any school added or removed, any share or the role's FTE changed", () => {
    const before = set(1000, ["a", 600], ["b", 400]);
    expect(sharesChanged(before, set(1000, ["a", 600], ["b", 400]))).toBe(false);
    expect(sharesChanged(before, set(1000, ["a", 500], ["b", 500]))).toBe(true);
    expect(sharesChanged(before, set(1000, ["a", 600], ["c", 400]))).toBe(true);
    expect(sharesChanged(before, set(1000, ["a", 600], ["b", 200], ["c", 200]))).toBe(true);
    expect(sharesChanged(before, set(1000, ["a", 1000]))).toBe(true);
    expect(sharesChanged(set(800, ["a", null], ["b", null]), set(1000, ["a", null], ["b", null]))).toBe(true);
    expect(sharesChanged(set(1000, ["a", null], ["b", null]), set(1000, ["a", 500], ["b", 500]))).toBe(true);
  });

  it("is not the order the schools are listed in (property)", () => {
    const shares = fc.uniqueArray(
      fc.record({
        schoolId: fc.constantFrom("a", "b", "c", "d", "e"),
        share: fc.option(fc.integer({ min: 1, max: 1000 })),
      }),
      { selector: (s) => s.schoolId, minLength: 1 },
    );
    fc.assert(
      fc.property(shares, fc.integer({ min: 1, max: 1000 }), (schools, fte) => {
        const reversed = [...schools].reverse();
        expect(sharesChanged({ fte, schools }, { fte, schools: reversed })).toBe(false);
        // And any one share changed is a change.
        // minLength: 1 above, so there is a first school.
        const [first, ...rest] = schools as [(typeof schools)[number], ...typeof schools];
        const other = { ...first, share: (first.share ?? 0) + 1 };
        expect(sharesChanged({ fte, schools }, { fte, schools: [other, ...rest] })).toBe(true);
      }),
    );
  });
});

describe("which schools may be set", () => {
  const base = { status: "draft" as const, otherEmployersBefore: 0, changed: true };

  it("a role at one school is at one of the employer's own schools", () => {
    expect(checkShareChange({ ...base, locationKind: "one", otherEmployersAfter: 1 })).toMatchObject({
      ok: false,
      message: expect.stringContaining("A role at one school is posted by that school's employer"),
    });
    expect(checkShareChange({ ...base, locationKind: "one", otherEmployersAfter: 0 })).toEqual({ ok: true });
    expect(checkShareChange({ ...base, locationKind: "split", otherEmployersAfter: 1 })).toEqual({ ok: true });
    expect(checkShareChange({ ...base, locationKind: "central", otherEmployersAfter: 2 })).toEqual({ ok: true });
  });

  it("a draft's shares change freely; a live or scheduled shared role's shares do not", () => {
    for (const status of vacancyStatuses) {
      const shared = checkShareChange({ ...base, status, locationKind: "split", otherEmployersAfter: 1 });
      const live = status === "published" || status === "scheduled";
      expect(shared.ok, status).toBe(!live);
      if (!shared.ok) expect(shared.message).toContain("close the role and post a copy");
      // Sharing with another employer for the first time, on a live role, is the same change.
      expect(
        checkShareChange({ ...base, status, locationKind: "split", otherEmployersBefore: 0, otherEmployersAfter: 1 })
          .ok,
      ).toBe(!live);
      // Unchanged shares (hours, pattern saved again) and roles of one employer are never held back.
      expect(
        checkShareChange({
          status,
          locationKind: "split",
          otherEmployersBefore: 1,
          otherEmployersAfter: 1,
          changed: false,
        }).ok,
      ).toBe(true);
      expect(checkShareChange({ ...base, status, locationKind: "split", otherEmployersAfter: 0 }).ok).toBe(true);
    }
  });
});

describe("publishing a role shared across employers", () => {
  const share = (over: Partial<ShareLine>): ShareLine => ({
    schoolName: "Riverside Academy",
    employerName: "Riverside Schools Trust",
    fteShare: 400,
    state: "awaiting",
    reason: null,
    ...over,
  });

  it("waits for every share, saying who has not answered and who declined why", () => {
    expect(publicationBlockers([share({ state: "confirmed" })])).toEqual([]);
    expect(publicationBlockers([])).toEqual([]);
    expect(
      publicationBlockers([
        share({}),
        share({ schoolName: "Stamford Park", employerName: "Trafford Council", fteShare: null, state: "confirmed" }),
        share({
          schoolName: "Heron Wharf",
          state: "declined",
          reason: "We have no room on Fridays",
          fteShare: 200,
        }),
      ]),
    ).toEqual([
      "Riverside Schools Trust has not yet confirmed the share at Riverside Academy (0.4 FTE)",
      "Riverside Schools Trust declined the share at Heron Wharf (0.2 FTE): “We have no room on Fridays”. Change the schools to publish",
    ]);
  });

  it("names a share by school and FTE, or the school alone when the role is not split", () => {
    expect(shareText({ schoolName: "X", fteShare: 500 })).toBe("X (0.5 FTE)");
    expect(shareText({ schoolName: "X", fteShare: null })).toBe("X");
  });

  it("answers are taken only while the role is a draft", () => {
    expect(checkDecision("draft")).toEqual({ ok: true });
    for (const status of ["scheduled", "published", "closed", "archived"] as const)
      expect(checkDecision(status)).toMatchObject({ ok: false });
    expect(checkDecision("published")).toMatchObject({ message: expect.stringContaining("ask the employer to close") });
  });
});

describe("who employs, in words", () => {
  it("names the employer of record and the others sharing the role", () => {
    expect(employedByText("Northbrook Learning Trust", [])).toBe("Employed by Northbrook Learning Trust");
    expect(employedByText("Northbrook Learning Trust", ["Riverside Schools Trust"])).toBe(
      "Employed by Northbrook Learning Trust, shared with Riverside Schools Trust",
    );
    expect(
      employedByText("Demoshire County Council", [
        "Riverside Schools Trust",
        "Small Oak Trust",
        "Riverside Schools Trust",
        "Demoshire County Council",
      ]),
    ).toBe("Employed by Demoshire County Council, shared with Riverside Schools Trust and Small Oak Trust");
    expect(listInWords(["A", "B", "C"])).toBe("A, B and C");
    expect(listInWords(["A"])).toBe("A");
    expect(listInWords([])).toBe("");
  });

  it("the employer's own schools come first, each side in the order chosen", () => {
    const schools = [
      { id: "b1", lead: false },
      { id: "a1", lead: true },
      { id: "b2", lead: false },
      { id: "a2", lead: true },
    ];
    expect(leadSchoolsFirst(schools, (s) => s.lead).map((s) => s.id)).toEqual(["a1", "a2", "b1", "b2"]);
  });
});
