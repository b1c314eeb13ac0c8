/**
 * A share of a role at a school of another employer than the one that employs the post holder: that school's HR says
 * whether it takes the share. A tuple db/schema builds its enum from (safe in the browser).
 */
export const shareStates = ["awaiting", "confirmed", "declined"] as const;
export type ShareState = (typeof shareStates)[number];

export const shareStateLabels: Record<ShareState, string> = {
  awaiting: "Waiting for confirmation",
  confirmed: "Confirmed",
  declined: "Declined",
};
