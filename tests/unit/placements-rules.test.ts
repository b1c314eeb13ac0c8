import { describe, expect, it } from "vitest";
import { academicYearLabel, academicYearOf, formatConfirmBy } from "../../app/placements/academic-year";
import { checkContrast, type ContrastSchool } from "../../app/placements/contrast";
import { addSchoolDays, countSchoolDays, shortfall } from "../../app/placements/school-days";
import { actionsFor, transition } from "../../app/placements/states";
import { travelTo } from "../../app/placements/travel";

describe("how long a freed place is held", () => {
  it("runs a number of school days on, over weekends and bank holidays", () => {
    // From Wednesday 2 December 2026, 3 school days: Thursday, Friday, Monday.
    expect(addSchoolDays("2026-12-02", 3)).toBe("2026-12-07");
    // From Wednesday 23 December: Thursday 24, then Christmas, Boxing Day's substitute (Monday 28) and the weekend
    // are skipped: Tuesday 29 and Wednesday 30.
    expect(addSchoolDays("2026-12-23", 3)).toBe("2026-12-30");
    // From a Saturday, one school day is the Monday.
    expect(addSchoolDays("2026-12-05", 1)).toBe("2026-12-07");
    expect(formatConfirmBy("2026-12-07")).toBe("the end of Monday 7 December 2026");
  });
});

describe("school days", () => {
  it("counts weekdays only, inclusive of both ends", () => {
    // Monday 7 to Friday 18 September 2026: two school weeks.
    expect(countSchoolDays("2026-09-07", "2026-09-18").days).toBe(10);
    // A split week: Wednesday to the following Tuesday is 3 + 2 days.
    expect(countSchoolDays("2026-09-09", "2026-09-15").days).toBe(5);
    // A weekend alone has none; an end before the start has none.
    expect(countSchoolDays("2026-09-12", "2026-09-13").days).toBe(0);
    expect(countSchoolDays("2026-09-18", "2026-09-07").days).toBe(0);
  });

  it("leaves out England's bank holidays, including substitute days", () => {
    // Easter 2027: Good Friday 26 March and Easter Monday 29 March fall in this fortnight.
    const easter = countSchoolDays("2027-03-22", "2027-04-02");
    expect(easter).toMatchObject({ days: 8, bankHolidays: 2, holidaysKnown: true });
    // Boxing Day 2026 is a Saturday: the substitute Monday 28 December is not a school day.
    expect(countSchoolDays("2026-12-28", "2026-12-28")).toMatchObject({ days: 0, bankHolidays: 1 });
  });

  it("leaves out the school's closure and INSET days, and says when the period reaches past the holiday list", () => {
    const count = countSchoolDays("2026-09-07", "2026-09-18", ["2026-09-07", "2026-09-12"]);
    // The Saturday closure changes nothing; the Monday INSET day does.
    expect(count).toMatchObject({ days: 9, closures: 1 });
    expect(countSchoolDays("2028-01-03", "2028-01-07").holidaysKnown).toBe(false);
  });

  it("a programme's shortfall is what is left of the target, never negative", () => {
    expect(shortfall(120, 85)).toEqual({ counted: 85, target: 120, short: 35 });
    expect(shortfall(120, 130).short).toBe(0);
  });

  it("academic years start on 1 September", () => {
    expect(academicYearOf("2026-08-31")).toBe(2025);
    expect(academicYearOf("2026-09-01")).toBe(2026);
    expect(academicYearLabel(2026)).toBe("2026/27");
    expect(academicYearLabel(2099)).toBe("2099/00");
  });
});

describe("contrast between a rotation's schools", () => {
  const school = (id: string, more: Partial<ContrastSchool> = {}): ContrastSchool => ({
    id,
    name: `School ${id}`,
    trustId: null,
    phase: "Primary",
    establishmentType: "Community school",
    laCode: "358",
    laName: "Trafford",
    ...more,
  });

  it("needs two different schools; the same school twice is one", () => {
    expect(checkContrast([school("a"), school("a")])).toMatchObject({ distinctSchools: 1, enoughSchools: false });
    expect(checkContrast([school("a"), school("b", { laCode: "356", laName: "Stockport" })]).enoughSchools).toBe(true);
  });

  it("warns with every reason: same trust, same phase and type, same local authority", () => {
    const check = checkContrast([
      school("a", { trustId: "t", trustName: "Oak Trust" }),
      school("b", { trustId: "t", trustName: "Oak Trust" }),
    ]);
    expect(check.warnings).toEqual([
      {
        schools: ["School a", "School b"],
        reasons: [
          "both are in the same trust (Oak Trust)",
          "both are primary schools of the same type (Community school)",
          "both are in Trafford",
        ],
      },
    ]);
  });

  it("schools that differ in trust, type and area raise no warning", () => {
    const check = checkContrast([
      school("a", { trustId: "t1" }),
      school("b", { trustId: "t2", establishmentType: "Academy converter", laCode: "356", laName: "Stockport" }),
    ]);
    expect(check.warnings).toEqual([]);
  });
});

describe("travel", () => {
  // Sale (M33) to Stockport School: real centroids, about 9.7 miles apart in a straight line.
  const sale = { lat: 53.4247, lng: -2.3226 };
  const stockportSchool = { lat: 53.391374, lng: -2.13905 };

  it("labels the distance as straight-line and flags it over the trainee's cap", () => {
    const travel = travelTo(sale, stockportSchool, 5);
    expect(travel.known && travel.label).toMatch(/^\d+\.\d miles in a straight line$/);
    expect(travel.known && travel.overCap).toBe(true);
    expect(travelTo(sale, stockportSchool, 15)).toMatchObject({ overCap: false });
    expect(travelTo(sale, stockportSchool, null)).toMatchObject({ overCap: false, capMiles: null });
  });

  it("says the distance is not known without a home area or a school location", () => {
    expect(travelTo(null, stockportSchool, 5)).toEqual({ known: false, label: expect.stringMatching(/not known/) });
  });
});

describe("booking states", () => {
  it("walks requested → provider confirmed → confirmed → completed, each by its own side", () => {
    expect(transition("requested", "confirm", "provider")).toEqual({ ok: true, to: "provider_confirmed" });
    expect(transition("provider_confirmed", "accept", "school")).toEqual({ ok: true, to: "confirmed" });
    expect(transition("confirmed", "complete", "provider")).toEqual({ ok: true, to: "completed" });
  });

  it("refuses skipped steps and the wrong side, saying why", () => {
    expect(transition("requested", "accept", "school")).toMatchObject({ ok: false });
    expect(transition("provider_confirmed", "accept", "provider")).toMatchObject({
      ok: false,
      message: "A provider cannot accept a placement",
    });
    expect(transition("completed", "cancel", "provider")).toMatchObject({
      ok: false,
      message: /Completed cannot be cancelled/i,
    });
    expect(transition("cancelled", "confirm", "provider").ok).toBe(false);
  });

  it("offers each side only the actions that will work", () => {
    expect(actionsFor("requested", "trainee")).toEqual(["cancel"]);
    expect(actionsFor("provider_confirmed", "school")).toEqual(["accept", "decline", "cancel"]);
    expect(actionsFor("declined", "provider")).toEqual([]);
  });
});
