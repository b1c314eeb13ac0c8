import { describe, expect, it } from "vitest";
import { anonymisedProfile, anonymisedReferee } from "../../app/applications/anonymise";
import { parseReference } from "../../app/applications/reference-form";
import { whoMayBeAsked } from "../../app/applications/references";
import { applicationStatuses, type RefereeCopy } from "../../app/vocabulary/applications";

const referee = (name: string, contactBeforeInterview: boolean | null): RefereeCopy => ({
  name,
  jobTitle: "Head",
  organisation: "School",
  email: `${name}@example.org`,
  phone: "",
  relationship: "Manager",
  currentEmployer: false,
  contactBeforeInterview,
});

describe("who the employer may ask for a reference", () => {
  const both = [referee("yes", true), referee("no", false)];
  it("asks only those who consented before interview, and everyone once offered", () => {
    const asked = (status: (typeof applicationStatuses)[number]) => {
      const may = whoMayBeAsked(status, both);
      return may.ok ? may.referees.map((r) => r.name) : may.message;
    };
    expect(Object.fromEntries(applicationStatuses.map((s) => [s, asked(s)]))).toEqual({
      draft: expect.stringContaining("only be requested"),
      submitted: "Shortlist the application before asking for references",
      shortlisted: ["yes"],
      interviewing: ["yes"],
      offered: ["yes", "no"],
      accepted: ["yes", "no"],
      declined: expect.stringContaining("only be requested"),
      unsuccessful: expect.stringContaining("only be requested"),
      withdrawn: expect.stringContaining("only be requested"),
    });
    expect(whoMayBeAsked("shortlisted", [referee("a", false), referee("b", null)])).toMatchObject({ ok: false });
  });
});

describe("the referee's form", () => {
  it("wants the detail behind every yes, even when other answers are missing", () => {
    expect(parseReference({ concernsAboutChildren: "yes", disciplinary: "yes", disciplinaryDetail: " " })).toEqual({
      ok: false,
      fieldErrors: expect.objectContaining({
        relationship: expect.any(Array),
        concernsDetail: ["Tell us about your concerns"],
        disciplinaryDetail: ["Give the details"],
        wouldReemploy: expect.any(Array),
        signedName: expect.any(Array),
      }),
    });
    const answers = {
      relationship: "Line manager",
      confirmedRole: "Teacher, 2019 to now",
      concernsAboutChildren: "no",
      disciplinary: "no",
      wouldReemploy: "unsure",
      signedName: "Grace Head",
    };
    expect(parseReference(answers)).toEqual({
      ok: true,
      answers: { ...answers, concernsDetail: "", disciplinaryDetail: "", comments: "" },
    });
  });
});

describe("anonymising an application's profile", () => {
  it("keeps only the categories the figures count", () => {
    const profile = {
      name: "Amara Okafor",
      email: "amara@example.org",
      phone: "01632 960 001",
      qtsStatus: "awarded" as const,
      trn: "1234567",
      qualifications: [{ title: "PGCE", institution: "Leeds", grade: "Pass", year: 2019 }],
      employment: [
        { employer: "Riverside", jobTitle: "Teacher", startedOn: "2019-09", endedOn: null, reasonForLeaving: "" },
      ],
      gaps: [{ from: "2018-01", to: "2018-06", explanation: "Caring for my mother" }],
      referees: [referee("grace", true)],
      personalStatement: "I teach geography.",
      rightToWork: "needs_visa" as const,
      interviewSupport: "Step-free access",
    };
    expect(anonymisedProfile(profile)).toEqual({
      name: "",
      email: "",
      phone: "",
      qtsStatus: "awarded",
      trn: null,
      qualifications: [],
      employment: [],
      gaps: [],
      referees: [],
      personalStatement: "",
      rightToWork: "needs_visa",
      interviewSupport: "",
    });
    expect(anonymisedReferee(referee("grace", false))).toMatchObject({
      name: "",
      email: "",
      contactBeforeInterview: false,
    });
  });
});
