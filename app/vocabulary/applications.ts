/**
 * The words of applying: application states, QTS, right to work, reference questions. Shared by the schema, the
 * rules and the pages, so a state or an answer is spelled once.
 */

export const applicationStatuses = [
  "draft",
  "submitted",
  "shortlisted",
  "interviewing",
  "offered",
  "accepted",
  "declined",
  "unsuccessful",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: "Not sent yet",
  submitted: "Submitted",
  shortlisted: "Shortlisted",
  interviewing: "Invited to interview",
  offered: "Offered the job",
  accepted: "Offer accepted",
  declined: "Offer declined",
  unsuccessful: "Unsuccessful",
  withdrawn: "Withdrawn",
};

/** The states HR's pipeline shows, in the order an application moves through them (a draft is the teacher's own). */
export const pipelineStatuses = applicationStatuses.filter((s) => s !== "draft");

export const qtsStatuses = ["awarded", "expected", "recognised_overseas", "none"] as const;
export type QtsStatus = (typeof qtsStatuses)[number];
export const qtsStatusLabels: Record<QtsStatus, string> = {
  awarded: "I have qualified teacher status (QTS)",
  expected: "I expect to be awarded QTS (training now)",
  recognised_overseas: "I qualified outside England and my QTS is being recognised",
  none: "I do not have QTS",
};

export const rightToWorkAnswers = ["yes", "needs_visa"] as const;
export type RightToWork = (typeof rightToWorkAnswers)[number];
export const rightToWorkLabels: Record<RightToWork, string> = {
  yes: "Yes, I have the right to work in the UK",
  needs_visa: "No, I would need a visa sponsored by the employer",
};

export const referenceStates = ["requested", "received", "cancelled"] as const;

/** Equality monitoring answers: kept in their own table, seen by nobody who shortlists, reported only as totals. */
export const equalityQuestions = {
  ageBand: {
    label: "Age",
    options: ["Under 25", "25 to 34", "35 to 44", "45 to 54", "55 or over", "Prefer not to say"],
  },
  sex: { label: "Sex", options: ["Female", "Male", "Prefer not to say"] },
  ethnicity: {
    label: "Ethnic group",
    options: [
      "Asian or Asian British",
      "Black, Black British, Caribbean or African",
      "Mixed or multiple ethnic groups",
      "White",
      "Other ethnic group",
      "Prefer not to say",
    ],
  },
  disability: { label: "Do you consider yourself to have a disability?", options: ["Yes", "No", "Prefer not to say"] },
} as const;
export type EqualityQuestion = keyof typeof equalityQuestions;
export type EqualityAnswers = Partial<Record<EqualityQuestion, string>>;

/** Below this many applications, equality totals could point at a person, so none are shown. */
export const EQUALITY_MIN_APPLICATIONS = 5;

/**
 * The profile as an application carries it: a copy, so a submitted application says what the teacher said then,
 * whatever they change later. Months are "YYYY-MM".
 */
export type ApplicationProfile = {
  name: string;
  email: string;
  phone: string;
  qtsStatus: QtsStatus | null;
  trn: string | null;
  qualifications: { title: string; institution: string; grade: string; year: number }[];
  employment: Job[];
  gaps: ExplainedGap[];
  referees: RefereeCopy[];
  personalStatement: string;
  rightToWork: RightToWork | null;
  interviewSupport: string;
};

export type Job = {
  employer: string;
  jobTitle: string;
  startedOn: string;
  /** Null while the job is held. */
  endedOn: string | null;
  reasonForLeaving: string;
};

export type RefereeCopy = {
  name: string;
  jobTitle: string;
  organisation: string;
  email: string;
  phone: string;
  relationship: string;
  currentEmployer: boolean;
  contactBeforeInterview: boolean | null;
};

export type ExplainedGap = { from: string; to: string | null; explanation: string };

/** What a referee answers on the structured reference form (KCSIE part 3: facts, not a testimonial). */
export type ReferenceAnswers = {
  relationship: string;
  confirmedRole: string;
  concernsAboutChildren: "no" | "yes";
  concernsDetail: string;
  disciplinary: "no" | "yes";
  disciplinaryDetail: string;
  wouldReemploy: "yes" | "no" | "unsure";
  comments: string;
  signedName: string;
};
