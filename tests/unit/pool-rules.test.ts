import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findable, retentionDay, roundIsOpen, slotTimes } from "../../app/pool/rounds";
import { criteriaLines, poolApplicationSchema, roundSchema } from "../../app/pool/schemas";
import { fullyScored, meanScores, nextStep } from "../../app/pool/screening";

describe("pool rounds", () => {
  it("are open from their opening day to their closing day inclusive; always-open rounds never close", () => {
    const round = { opensOn: "2027-01-10", closesOn: "2027-03-01" };
    expect(roundIsOpen(round, "2027-01-09")).toBe(false);
    expect(roundIsOpen(round, "2027-01-10")).toBe(true);
    expect(roundIsOpen(round, "2027-03-01")).toBe(true);
    expect(roundIsOpen(round, "2027-03-02")).toBe(false);
    expect(roundIsOpen({ opensOn: "2027-01-10", closesOn: null }, "2099-01-01")).toBe(true);
  });

  it("show a member to schools only when pooled and consenting", () => {
    expect(findable({ status: "pooled", shownToSchools: true })).toBe(true);
    expect(findable({ status: "pooled", shownToSchools: false })).toBe(false);
    for (const status of ["draft", "screening", "not_this_time", "appointed", "withdrawn"] as const)
      expect(findable({ status, shownToSchools: true }), status).toBe(false);
  });

  it("keep a member six months after the close, or after today when later", () => {
    expect(retentionDay("2027-03-31", "2027-01-10")).toBe("2027-09-30");
    expect(retentionDay("2027-03-31", "2027-05-01")).toBe("2027-11-01");
    expect(retentionDay(null, "2027-08-31")).toBe("2028-02-29");
  });

  it("check the admin's form: dates, steps in order, criteria one a line", () => {
    const base = {
      name: "Pool",
      phase: "primary",
      roles: ["ect"],
      subjects: [],
      opensOn: "2027-01-10",
      closesOn: "2027-03-01",
      steps: ["observed_lesson", "interview"],
      criteria: "Safeguarding\n\n safeguarding \nBehaviour",
    };
    const ok = roundSchema.parse(base);
    expect(ok.steps).toEqual(["application_review", "interview", "observed_lesson"]);
    expect(ok.criteria).toEqual(["Safeguarding", "Behaviour"]);
    expect(roundSchema.parse({ ...base, alwaysOpen: "yes", closesOn: "" }).closesOn).toBeNull();
    expect(roundSchema.safeParse({ ...base, closesOn: "2027-01-09" }).success).toBe(false);
    expect(roundSchema.safeParse({ ...base, steps: ["application_review"] }).success).toBe(false);
    expect(criteriaLines("a\r\nb\n\nA")).toEqual(["a", "b"]);
  });

  it("check the teacher's preferences", () => {
    const base = {
      subjects: [],
      phases: ["primary"],
      yearGroups: ["R", "1"],
      contracts: ["permanent"],
      workingPatterns: ["part_time"],
      postcode: "DV1 2AB",
      travelMiles: "12",
      availableFrom: "2027-09-01",
      hideSchool: [],
      hideOrganisation: [],
    };
    expect(poolApplicationSchema.parse(base).travelMiles).toBe(12);
    expect(poolApplicationSchema.safeParse({ ...base, yearGroups: ["14"] }).success).toBe(false);
    expect(poolApplicationSchema.safeParse({ ...base, travelMiles: "0" }).success).toBe(false);
    expect(poolApplicationSchema.safeParse({ ...base, contracts: [] }).success).toBe(false);
  });
});

describe("screening", () => {
  const steps = ["application_review", "interview", "observed_lesson"];
  it("moves through the round's steps, then into the pool", () => {
    expect(nextStep(steps, "application_review")).toBe("interview");
    expect(nextStep(steps, "observed_lesson")).toBeNull();
    expect(nextStep(["application_review"], "application_review")).toBeNull();
    expect(() => nextStep(steps, "lunch")).toThrow();
  });

  it("needs one panel member to have scored every criterion", () => {
    const criteria = ["A", "B"];
    expect(fullyScored(criteria, [])).toBe(false);
    // Two people scoring one criterion each is not a full set.
    expect(
      fullyScored(criteria, [
        { criterion: "A", score: 3, scorer: "x" },
        { criterion: "B", score: 3, scorer: "y" },
      ]),
    ).toBe(false);
    expect(
      fullyScored(criteria, [
        { criterion: "A", score: 3, scorer: "x" },
        { criterion: "B", score: 2, scorer: "x" },
      ]),
    ).toBe(true);
  });

  it("means lie between the lowest and highest score given", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 }), (scores) => {
        const [mean] = meanScores(
          ["A"],
          scores.map((score, i) => ({ criterion: "A", score, scorer: String(i) })),
        );
        expect(mean?.mean).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(mean?.mean).toBeLessThanOrEqual(Math.max(...scores));
      }),
    );
    expect(meanScores(["A", "B"], [{ criterion: "A", score: 3, scorer: "x" }])).toEqual([{ criterion: "A", mean: 3 }]);
  });
});

describe("slot runs", () => {
  it("fit back to back on London's clock, across the change to summer time", () => {
    const winter = slotTimes("2027-01-14", "09:00", "10:00", 20);
    expect(winter.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-01-14T09:00:00.000Z",
      "2027-01-14T09:20:00.000Z",
      "2027-01-14T09:40:00.000Z",
    ]);
    const summer = slotTimes("2027-06-14", "09:00", "09:50", 25);
    expect(summer.map((s) => s.startsAt.toISOString())).toEqual([
      "2027-06-14T08:00:00.000Z",
      "2027-06-14T08:25:00.000Z",
    ]);
    expect(slotTimes("2027-06-14", "09:00", "09:10", 25)).toEqual([]);
    // 01:30 does not exist on the morning the clocks go forward.
    expect(slotTimes("2027-03-28", "01:30", "03:00", 30)).toEqual([]);
  });
});
