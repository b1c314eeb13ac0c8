import type { ApplicationStatus } from "../vocabulary/applications";
import { refereeProblems, type ApplicationProfile } from "./profile";

/**
 * The application state machine. The employer moves an application along the pipeline; the teacher submits,
 * withdraws, and answers an offer. Nobody sets a state directly: each side asks for a named action, and only the
 * moves listed here exist.
 */
export const employerActions = {
  shortlist: { from: ["submitted"], to: "shortlisted" },
  interview: { from: ["shortlisted"], to: "interviewing" },
  offer: { from: ["interviewing"], to: "offered" },
  "record-acceptance": { from: ["offered"], to: "accepted" },
  "record-decline": { from: ["offered"], to: "declined" },
  reject: { from: ["submitted", "shortlisted", "interviewing", "offered"], to: "unsuccessful" },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;
export type EmployerAction = keyof typeof employerActions;
export const employerActionNames = Object.keys(employerActions) as EmployerAction[];

export const teacherActions = {
  submit: { from: ["draft"], to: "submitted" },
  withdraw: { from: ["submitted", "shortlisted", "interviewing", "offered"], to: "withdrawn" },
  accept: { from: ["offered"], to: "accepted" },
  decline: { from: ["offered"], to: "declined" },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;
export type TeacherAction = keyof typeof teacherActions;

export const employerActionLabels: Record<EmployerAction, string> = {
  shortlist: "Shortlist",
  interview: "Invite to interview",
  offer: "Offer the job",
  "record-acceptance": "Record that the offer was accepted",
  "record-decline": "Record that the offer was declined",
  reject: "Mark unsuccessful",
};

/** A hiring step in progress: the teacher is waiting on the employer or the employer on them. */
export const activeStatuses: readonly ApplicationStatus[] = ["submitted", "shortlisted", "interviewing", "offered"];
/** Finished applications that retention anonymises six months after the vacancy closes. */
export const retiredStatuses: readonly ApplicationStatus[] = ["unsuccessful", "withdrawn"];

export type Move = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

/** Whether `action` may move an application in `status`, and where to. */
export function employerMove(
  action: EmployerAction,
  status: ApplicationStatus,
  profile: Pick<ApplicationProfile, "referees">,
): Move {
  const rule = employerActions[action];
  if (!(rule.from as readonly ApplicationStatus[]).includes(status))
    return { ok: false, message: `An application that is ${status} cannot be moved that way` };
  // Safer recruitment: nobody is interviewed without two referees, one their current or latest employer, and the
  // question of contact before interview answered.
  if (rule.to === "interviewing") {
    const problems = refereeProblems(profile.referees);
    if (problems.length > 0) return { ok: false, message: `Cannot invite to interview: ${problems.join("; ")}` };
  }
  return { ok: true, to: rule.to };
}

export function teacherMove(action: TeacherAction, status: ApplicationStatus): Move {
  const rule = teacherActions[action];
  if (!(rule.from as readonly ApplicationStatus[]).includes(status))
    return { ok: false, message: `This application is ${status}: that cannot be done now` };
  return { ok: true, to: rule.to };
}

/** The moves the employer can offer on an application in `status`, for its buttons. */
export function employerActionsFor(status: ApplicationStatus): EmployerAction[] {
  return employerActionNames.filter((a) => (employerActions[a].from as readonly ApplicationStatus[]).includes(status));
}

/**
 * Whether the employer sees who the applicant is: always, unless the vacancy anonymises shortlisting and the
 * application has not been shortlisted yet.
 */
export function identityVisible(anonymiseUntilShortlisted: boolean, status: ApplicationStatus): boolean {
  return !anonymiseUntilShortlisted || (status !== "submitted" && status !== "draft");
}

/** Whether a submission at `now` is in time for a vacancy closing at `closesAt` (an instant; London time is display). */
export function inTime(closesAt: Date | null, now: Date): boolean {
  return closesAt === null || now.getTime() < closesAt.getTime();
}
