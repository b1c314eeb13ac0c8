import type { bookingStates } from "../vocabulary/placements";

export type BookingState = (typeof bookingStates)[number];
export type Side = "trainee" | "provider" | "school";
export type BookingAction = "confirm" | "accept" | "decline" | "cancel" | "complete";

export const stateLabels: Record<BookingState, string> = {
  requested: "Requested by the trainee",
  provider_confirmed: "Confirmed by the provider, waiting for the school",
  confirmed: "Accepted by the school",
  completed: "Completed",
  declined: "Declined",
  cancelled: "Cancelled",
};

/**
 * Who may do what from each state: requested → provider_confirmed → confirmed (school accepted, mentor named) →
 * completed; declined and cancelled, each with a reason, from any step before completion.
 */
const transitions: Record<BookingAction, { from: readonly BookingState[]; by: readonly Side[]; to: BookingState }> = {
  confirm: { from: ["requested"], by: ["provider"], to: "provider_confirmed" },
  accept: { from: ["provider_confirmed"], by: ["school"], to: "confirmed" },
  decline: { from: ["requested", "provider_confirmed"], by: ["provider", "school"], to: "declined" },
  cancel: {
    from: ["requested", "provider_confirmed", "confirmed"],
    by: ["trainee", "provider", "school"],
    to: "cancelled",
  },
  complete: { from: ["confirmed"], by: ["provider"], to: "completed" },
};

export type TransitionResult = { ok: true; to: BookingState } | { ok: false; message: string };

export function transition(from: BookingState, action: BookingAction, by: Side): TransitionResult {
  const rule = transitions[action];
  if (!rule.by.includes(by)) return { ok: false, message: `A ${by} cannot ${action} a placement` };
  if (!rule.from.includes(from))
    return {
      ok: false,
      message: `A placement that is ${stateLabels[from].toLowerCase()} cannot be ${pastTense[action]}`,
    };
  return { ok: true, to: rule.to };
}

const pastTense: Record<BookingAction, string> = {
  confirm: "confirmed",
  accept: "accepted",
  decline: "declined",
  cancel: "cancelled",
  complete: "completed",
};

/** The actions open to `by` on a booking in `state`, for showing only the buttons that will work. */
export function actionsFor(state: BookingState, by: Side): BookingAction[] {
  return (Object.keys(transitions) as BookingAction[]).filter((a) => transition(state, a, by).ok);
}
