/**
 * The words of the regional teacher pool and recruitment fairs, as tuples that db/schema builds its enums from (safe
 * in the browser).
 */

/** Who a pool round is for. */
export const poolRoles = ["ect", "experienced", "supply"] as const;
export type PoolRole = (typeof poolRoles)[number];
export const poolRoleLabels: Record<PoolRole, string> = {
  ect: "Early career teachers (newly qualified or finishing training)",
  experienced: "Experienced teachers",
  supply: "Supply and cover teachers",
};

/**
 * The screening steps a round can use, in the order they run. Application review always comes first; interview and
 * observed lesson are chosen per round.
 */
export const screeningSteps = ["application_review", "interview", "observed_lesson"] as const;
export type ScreeningStep = (typeof screeningSteps)[number];
export const screeningStepLabels: Record<ScreeningStep, string> = {
  application_review: "Application review",
  interview: "Interview",
  observed_lesson: "Observed lesson",
};
/** The steps a candidate books a slot for. */
export const bookableSteps = ["interview", "observed_lesson"] as const satisfies readonly ScreeningStep[];
export type BookableStep = (typeof bookableSteps)[number];

/**
 * Where a pool application stands. `screening` carries its step in `pool_members.step`; `pooled` is in the pool (seen
 * by the round's schools only while consent stands); `not_this_time` always carries the panel's feedback.
 */
export const poolStatuses = ["draft", "screening", "pooled", "not_this_time", "appointed", "withdrawn"] as const;
export type PoolStatus = (typeof poolStatuses)[number];
export const poolStatusLabels: Record<PoolStatus, string> = {
  draft: "Not sent yet",
  screening: "Being screened",
  pooled: "In the pool",
  not_this_time: "Not this time",
  appointed: "Appointed",
  withdrawn: "Withdrawn",
};

/** A panel score against one criterion: the scale safer-recruitment panels use. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 4;
export const scoreLabels: Record<number, string> = {
  1: "1 – Not yet met",
  2: "2 – Partly met",
  3: "3 – Met",
  4: "4 – Exceeded",
};
/** The criteria a new round starts with; the admin may change them. */
export const defaultCriteria = [
  "Subject and curriculum knowledge",
  "Planning and adaptive teaching",
  "Behaviour and relationships",
  "Safeguarding and professional conduct",
] as const;

/** A school's conversation with a pool member, from first interest to an answer. */
export const matchStates = ["shortlisted", "invited", "offered", "accepted", "declined", "closed"] as const;
export type MatchState = (typeof matchStates)[number];
export const matchStateLabels: Record<MatchState, string> = {
  shortlisted: "Shortlisted",
  invited: "Invited to visit or interview",
  offered: "Offered a post",
  accepted: "Accepted",
  declined: "Declined",
  closed: "Closed (appointed elsewhere or left the pool)",
};
/** What the school is inviting to. */
export const invitationKinds = ["visit", "interview"] as const;

/** Year groups a teacher may prefer, from Reception to Year 13. */
export const yearGroups = ["R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"] as const;
export type YearGroup = (typeof yearGroups)[number];
export const yearGroupLabel = (y: YearGroup) => (y === "R" ? "Reception" : `Year ${y}`);

/** How far a member's consent to be shown reaches back: retention removes members not appointed after this. */
export const RETENTION_MONTHS = 6;

/** Fairs happen at a host school or online. */
export const fairModes = ["in_person", "online"] as const;
export type FairMode = (typeof fairModes)[number];
export const fairModeLabels: Record<FairMode, string> = { in_person: "In person", online: "Online" };

/** After a fair, what a school wants to do about a conversation. */
export const followUpKinds = ["pool_invitation", "application_invitation"] as const;
export type FollowUpKind = (typeof followUpKinds)[number];
export const followUpKindLabels: Record<FollowUpKind, string> = {
  pool_invitation: "Invite to join the pool",
  application_invitation: "Invite to apply for a vacancy",
};
