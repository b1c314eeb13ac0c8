import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  employmentGaps,
  missingForApplication,
  monthIndex,
  monthOf,
  refereeProblems,
  unexplainedGaps,
  type ApplicationProfile,
  type RefereeCopy,
} from "../../app/applications/profile";
import { aboutSchema, jobSchema } from "../../app/applications/schemas";
import { employerActionsFor, employerMove, identityVisible, inTime, teacherMove } from "../../app/applications/states";
import { applicationStatuses } from "../../app/vocabulary/applications";
import { fromLondonLocal, londonMonth } from "../../app/vocabulary/london-time";

const job = (startedOn: string, endedOn: string | null) => ({ startedOn, endedOn });
const referee = (over: Partial<RefereeCopy> = {}): RefereeCopy => ({
  name: "Ada Head",
  jobTitle: "Headteacher",
  organisation: "Riverside Academy",
  email: "ada@example.org",
  phone: "",
  relationship: "My headteacher",
  currentEmployer: false,
  contactBeforeInterview: true,
  ...over,
});

describe("employment gaps, to the month", () => {
  it("finds no gap when one job follows the next month, or a month later", () => {
    expect(employmentGaps([job("2019-09", "2021-07"), job("2021-08", null)], "2026-12")).toEqual([]);
    expect(employmentGaps([job("2019-09", "2021-07"), job("2021-09", null)], "2026-12")).toEqual([]);
  });

  it("finds a gap of two months or more between jobs, naming its months", () => {
    expect(employmentGaps([job("2019-09", "2021-07"), job("2021-10", null)], "2026-12")).toEqual([
      { from: "2021-08", to: "2021-09", months: 2 },
    ]);
  });

  it("lets overlapping and nested jobs cover each other, in any order", () => {
    const jobs = [
      job("2022-01", null),
      job("2015-09", "2020-07"),
      job("2016-01", "2018-01"),
      job("2020-06", "2021-12"),
    ];
    expect(employmentGaps(jobs, "2026-12")).toEqual([]);
  });

  it("counts the time since the last job ended as a gap running to now, but not the current month", () => {
    expect(employmentGaps([job("2019-09", "2026-09")], "2026-12")).toEqual([{ from: "2026-10", to: null, months: 2 }]);
    expect(employmentGaps([job("2019-09", "2026-10")], "2026-12")).toEqual([]);
  });

  it("crosses year ends correctly", () => {
    expect(employmentGaps([job("2020-01", "2020-11"), job("2021-02", null)], "2026-12")).toEqual([
      { from: "2020-12", to: "2021-01", months: 2 },
    ]);
  });

  it("never reports a month covered by a job as a gap (property)", () => {
    const month = fc.integer({ min: 2000 * 12, max: 2026 * 12 });
    const jobs = fc.array(
      fc.tuple(month, fc.option(fc.integer({ min: 0, max: 60 }), { nil: null })).map(([s, len]) => ({
        startedOn: monthOf(s),
        endedOn: len === null ? null : monthOf(Math.min(s + len, 2026 * 12 + 11)),
      })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(jobs, (js) => {
        for (const gap of employmentGaps(js, "2026-12")) {
          const from = monthIndex(gap.from)!;
          const to = gap.to === null ? monthIndex("2026-11")! : monthIndex(gap.to)!;
          expect(gap.months).toBeGreaterThan(1);
          for (let m = from; m <= to; m++)
            for (const j of js) {
              const s = monthIndex(j.startedOn)!;
              const e = j.endedOn === null ? Infinity : monthIndex(j.endedOn)!;
              expect(m >= s && m <= e).toBe(false);
            }
        }
      }),
    );
  });

  it("counts a gap explained only when the explanation names its exact months and says something", () => {
    const gaps = employmentGaps([job("2019-09", "2021-07"), job("2021-10", null)], "2026-12");
    expect(unexplainedGaps(gaps, [{ from: "2021-08", to: "2021-09", explanation: "Travelling" }])).toEqual([]);
    expect(unexplainedGaps(gaps, [{ from: "2021-08", to: "2021-10", explanation: "Travelling" }])).toHaveLength(1);
    expect(unexplainedGaps(gaps, [{ from: "2021-08", to: "2021-09", explanation: "   " }])).toHaveLength(1);
  });
});

describe("referee rules", () => {
  it("needs two referees, one from the current or latest employer, each with the consent question answered", () => {
    expect(refereeProblems([referee({ currentEmployer: true }), referee()])).toEqual([]);
    expect(refereeProblems([referee({ currentEmployer: true })])).toEqual(["Add at least 2 referees"]);
    expect(refereeProblems([referee(), referee()])).toEqual([
      "One referee must be from your current or most recent employer",
    ]);
    expect(refereeProblems([referee({ currentEmployer: true }), referee({ contactBeforeInterview: null })])).toEqual([
      "Say for each referee whether they may be contacted before interview",
    ]);
  });
});

const complete: ApplicationProfile = {
  name: "Amara Okafor",
  email: "amara@example.org",
  phone: "01632 960 001",
  qtsStatus: "awarded",
  trn: "1234567",
  qualifications: [{ title: "PGCE Geography", institution: "University of Leeds", grade: "Pass", year: 2019 }],
  employment: [
    { employer: "Riverside Academy", jobTitle: "Teacher", startedOn: "2019-09", endedOn: null, reasonForLeaving: "" },
  ],
  gaps: [],
  referees: [referee({ currentEmployer: true }), referee()],
  personalStatement: "I teach geography.",
  rightToWork: "yes",
  interviewSupport: "",
};

describe("what an application still needs", () => {
  it("needs nothing of a complete profile", () => {
    expect(missingForApplication(complete, "2026-12")).toEqual([]);
  });

  it("names each missing part by its section", () => {
    const missing = missingForApplication(
      {
        ...complete,
        trn: null,
        referees: [],
        qualifications: [],
        personalStatement: " ",
        employment: [job("2019-09", "2021-07") as never, { ...complete.employment[0]!, startedOn: "2022-01" }],
      },
      "2026-12",
    );
    expect(missing.map((m) => m.section)).toEqual([
      "about",
      "qualifications",
      "employment",
      "referees",
      "referees",
      "statement",
    ]);
    expect(missing.find((m) => m.section === "employment")?.message).toBe(
      "Explain the gap from August 2021 to December 2021",
    );
  });
});

describe("the profile forms", () => {
  it("asks for a TRN of seven digits, and insists on one with QTS", () => {
    const base = { phone: "01632 960 001", qtsStatus: "awarded", rightToWork: "yes" };
    expect(aboutSchema.safeParse({ ...base, trn: "123 4567" }).data?.trn).toBe("1234567");
    expect(aboutSchema.safeParse({ ...base, trn: "123456" }).success).toBe(false);
    expect(aboutSchema.safeParse({ ...base, trn: "" }).success).toBe(false);
    expect(aboutSchema.safeParse({ ...base, qtsStatus: "none", trn: "" }).success).toBe(true);
  });

  it("refuses a job that ends before it starts, or in the future, and reads 'work here now' as no end", () => {
    const schema = jobSchema("2026-12");
    const base = { employer: "Riverside Academy", jobTitle: "Teacher", startedOn: "2020-09" };
    expect(schema.safeParse({ ...base, endedOn: "2020-08" }).success).toBe(false);
    expect(schema.safeParse({ ...base, endedOn: "2027-01" }).success).toBe(false);
    expect(schema.safeParse({ ...base, endedOn: "2020-13" }).success).toBe(false);
    expect(schema.safeParse({ ...base }).success).toBe(false);
    expect(schema.safeParse({ ...base, current: "yes", endedOn: "2020-08" }).data?.endedOn).toBeNull();
  });
});

describe("the application state machine", () => {
  it("lets the employer move only along the pipeline, and reject at any live step", () => {
    expect(employerMove("shortlist", "submitted", complete)).toEqual({ ok: true, to: "shortlisted" });
    expect(employerMove("offer", "submitted", complete).ok).toBe(false);
    expect(employerMove("shortlist", "withdrawn", complete).ok).toBe(false);
    for (const s of ["submitted", "shortlisted", "interviewing", "offered"] as const)
      expect(employerMove("reject", s, complete)).toEqual({ ok: true, to: "unsuccessful" });
    expect(employerMove("reject", "accepted", complete).ok).toBe(false);
  });

  it("never lets anyone move a draft, a withdrawn or a finished application", () => {
    for (const s of ["draft", "withdrawn", "accepted", "declined", "unsuccessful"] as const)
      expect(employerActionsFor(s)).toEqual([]);
  });

  it("refuses an interview without the referees safer recruitment needs", () => {
    const move = employerMove("interview", "shortlisted", { referees: [referee()] });
    expect(move.ok).toBe(false);
    expect(employerMove("interview", "shortlisted", complete)).toEqual({ ok: true, to: "interviewing" });
  });

  it("lets the teacher submit a draft, withdraw while live, and answer an offer", () => {
    expect(teacherMove("submit", "draft")).toEqual({ ok: true, to: "submitted" });
    expect(teacherMove("submit", "submitted").ok).toBe(false);
    expect(teacherMove("withdraw", "interviewing")).toEqual({ ok: true, to: "withdrawn" });
    expect(teacherMove("withdraw", "unsuccessful").ok).toBe(false);
    expect(teacherMove("accept", "offered")).toEqual({ ok: true, to: "accepted" });
    expect(teacherMove("accept", "interviewing").ok).toBe(false);
  });

  it("reaches every state but draft from a submission, and nothing leaves a finished state", () => {
    const reachable = new Set<string>(["submitted"]);
    for (let round = 0; round < 5; round++)
      for (const s of [...reachable])
        for (const a of employerActionsFor(s as never)) {
          const m = employerMove(a, s as never, complete);
          if (m.ok) reachable.add(m.to);
        }
    reachable.add("withdrawn");
    expect([...reachable].sort()).toEqual(applicationStatuses.filter((s) => s !== "draft").sort());
  });

  it("hides who applied until shortlisting only where the vacancy says so", () => {
    expect(identityVisible(false, "submitted")).toBe(true);
    expect(identityVisible(true, "submitted")).toBe(false);
    expect(identityVisible(true, "shortlisted")).toBe(true);
    expect(identityVisible(true, "unsuccessful")).toBe(true);
  });
});

describe("closing time, in London", () => {
  it("takes a submission up to the closing moment and not at it", () => {
    const closes = fromLondonLocal("2027-06-30T12:00")!; // BST: 11:00 UTC
    expect(closes.toISOString()).toBe("2027-06-30T11:00:00.000Z");
    expect(inTime(closes, new Date("2027-06-30T10:59:59Z"))).toBe(true);
    expect(inTime(closes, new Date("2027-06-30T11:00:00Z"))).toBe(false);
    expect(inTime(null, new Date())).toBe(true);
  });

  it("reads the month of a moment on London's clock, not UTC's", () => {
    expect(londonMonth(new Date("2027-06-30T23:30:00Z"))).toBe("2027-07");
    expect(londonMonth(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12");
  });
});
