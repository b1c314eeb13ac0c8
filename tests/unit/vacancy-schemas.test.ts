import { describe, expect, it } from "vitest";
import { applyStep, payStep, roleStep, whereStep } from "../../app/vacancies/schemas";

const A = "0b7c6a56-0000-4000-8000-00000000000a";
const B = "0b7c6a56-0000-4000-8000-00000000000b";

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);
}

describe("where step", () => {
  const base = { workingPattern: "full_time", fte: "1" };

  it("accepts a 0.6/0.4 split of a full-time role", () => {
    const r = whereStep.safeParse({
      ...base,
      locationKind: "split",
      schools: [
        { schoolId: A, share: "0.6" },
        { schoolId: B, share: "0.4" },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.data?.schools.map((s) => s.share)).toEqual([600, 400]);
  });

  it("refuses a split that does not add up to the role's FTE, at the schools field", () => {
    const r = whereStep.safeParse({
      ...base,
      locationKind: "split",
      schools: [
        { schoolId: A, share: "0.6" },
        { schoolId: B, share: "0.3" },
      ],
    });
    expect(issuesOf(r)).toEqual([["schools", "The schools' shares add up to 0.9 but the role is 1 FTE"]]);
  });

  it("wants a share for every school of a split role, and two schools at least", () => {
    expect(
      issuesOf(
        whereStep.safeParse({
          ...base,
          locationKind: "split",
          schools: [{ schoolId: A, share: "0.6" }, { schoolId: B }],
        }),
      ),
    ).toEqual([["schools.1.share", "Enter this school's share of the FTE"]]);
    expect(
      issuesOf(whereStep.safeParse({ ...base, locationKind: "split", schools: [{ schoolId: A, share: "1" }] })),
    ).toContainEqual(["schools", "A shared role needs at least two schools"]);
  });

  it("a one-school role has one school; a full-time role is 1 FTE; a school appears once", () => {
    expect(
      issuesOf(whereStep.safeParse({ ...base, locationKind: "one", schools: [{ schoolId: A }, { schoolId: B }] })),
    ).toContainEqual(["schools", "Choose exactly one school, or say the role is shared"]);
    expect(
      issuesOf(
        whereStep.safeParse({
          workingPattern: "full_time",
          fte: "0.6",
          locationKind: "one",
          schools: [{ schoolId: A }],
        }),
      ),
    ).toContainEqual(["fte", "A full-time role is 1 FTE: choose part time for less"]);
    expect(
      issuesOf(whereStep.safeParse({ ...base, locationKind: "central", schools: [{ schoolId: A }, { schoolId: A }] })),
    ).toContainEqual(["schools", "Each school can be chosen once"]);
  });

  it("a central role across several schools needs no shares", () => {
    expect(
      whereStep.safeParse({ ...base, locationKind: "central", schools: [{ schoolId: A }, { schoolId: B }] }).success,
    ).toBe(true);
  });
});

describe("pay step", () => {
  const base = {
    contractType: "permanent",
    startKind: "asap",
    payRange: "main",
    salaryMinFte: "32916",
    salaryMaxFte: "45352",
  };

  it("accepts a main-scale range with a TLR and ignores blank allowance rows", () => {
    const r = payStep.safeParse({
      ...base,
      allowances: [
        { kind: "tlr2", amount: "3527" },
        { kind: "", amount: "" },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.data?.allowances).toEqual([{ kind: "tlr2", amount: 3527 }]);
  });

  it.each([
    [{ salaryMinFte: "45352", salaryMaxFte: "32916" }, "salaryMaxFte", "The maximum must be at least the minimum"],
    [{ salaryMinFte: "" }, "salaryMinFte", "Enter the minimum full-time salary"],
    [{ salaryMinFte: "19750", salaryMaxFte: "19750" }, null, null],
    [{ salaryMinFte: "3000" }, "salaryMinFte", "Enter a full-time yearly salary in pounds, for example 32916"],
    [{ salaryMinFte: "32916.50" }, "salaryMinFte", "Enter the minimum salary in whole pounds"],
    [{ contractType: "fixed_term" }, "fixedTermMonths", "Enter how many months the contract lasts"],
    [
      { startKind: "range", startDate: "2027-01-05", startDateTo: "2027-01-01" },
      "startDateTo",
      "Enter a latest start date on or after the first",
    ],
    [{ payRange: "hourly", salaryMinFte: "", salaryMaxFte: "" }, "hourlyRatePounds", "Enter the hourly rate"],
  ])("%# flags %s", (change, path, message) => {
    const r = payStep.safeParse({ ...base, ...change });
    if (path === null) expect(r.success).toBe(true);
    else expect(issuesOf(r)).toContainEqual([path, message]);
  });
});

describe("role and apply steps", () => {
  it("needs a title, a role and a phase, and refuses unknown subjects", () => {
    expect(issuesOf(roleStep.safeParse({ title: "x", role: "wizard", phases: [] }))).toEqual(
      expect.arrayContaining([
        ["title", "Enter a job title of at least 3 characters"],
        ["role", "Choose the kind of role"],
        ["phases", "Choose at least one phase"],
      ]),
    );
    expect(
      roleStep.safeParse({ title: "Teacher", role: "classroom_teacher", phases: "secondary", subjects: ["alchemy"] })
        .success,
    ).toBe(false);
    const single = roleStep.safeParse({
      title: "Teacher",
      role: "classroom_teacher",
      phases: "secondary",
      subjects: "mathematics",
    });
    expect(single.data?.phases).toEqual(["secondary"]);
  });

  it("needs the link or address for the chosen way of applying", () => {
    expect(
      issuesOf(applyStep.safeParse({ applyMethod: "external_link", publishOn: "now", closesAt: "2027-01-01T12:00" })),
    ).toEqual([["applyUrl", "Enter the link to apply"]]);
    expect(
      issuesOf(
        applyStep.safeParse({
          applyMethod: "email",
          applyEmail: "nope",
          publishOn: "now",
          closesAt: "2027-01-01T12:00",
        }),
      ),
    ).toContainEqual(["applyEmail", "Enter an e-mail address like jobs@school.org.uk"]);
    expect(
      applyStep.safeParse({
        applyMethod: "external_link",
        applyUrl: "javascript:alert(1)",
        publishOn: "now",
        closesAt: "2027-01-01T12:00",
      }).success,
    ).toBe(false);
  });
});
