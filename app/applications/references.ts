import type { ApplicationStatus, RefereeCopy } from "../vocabulary/applications";

/** A referee's link works this long: long enough for a busy head teacher, short enough that a stale link dies. */
export const REFERENCE_VALID_DAYS = 14;
/** An unanswered request gets one reminder this long after it was sent. */
export const REFERENCE_REMINDER_AFTER_DAYS = 3;

/** A referee is the same person across requests by their address (names are typed differently). */
export const refereeKey = (r: Pick<RefereeCopy, "email">) => r.email.trim().toLowerCase();

const beforeInterview: readonly ApplicationStatus[] = ["shortlisted", "interviewing"];
const afterOffer: readonly ApplicationStatus[] = ["offered", "accepted"];

export type WhoMayBeAsked = { ok: true; referees: RefereeCopy[] } | { ok: false; message: string };

/**
 * Which referees the employer may ask now (KCSIE: references before interview where the candidate allows it).
 * Before interview only those the applicant said may be contacted then; once the job is offered, all of them.
 */
export function whoMayBeAsked(status: ApplicationStatus, referees: readonly RefereeCopy[]): WhoMayBeAsked {
  if (afterOffer.includes(status)) {
    if (referees.length === 0) return { ok: false, message: "This application names no referees" };
    return { ok: true, referees: [...referees] };
  }
  if (!beforeInterview.includes(status))
    return {
      ok: false,
      message:
        status === "submitted"
          ? "Shortlist the application before asking for references"
          : "References can only be requested for an application that is shortlisted, at interview or offered",
    };
  const consenting = referees.filter((r) => r.contactBeforeInterview === true);
  if (consenting.length === 0)
    return {
      ok: false,
      message:
        "The applicant has not agreed to any referee being contacted before interview: request references once the job is offered",
    };
  return { ok: true, referees: consenting };
}
