/** The states and choices of placements, as tuples that db/schema builds its enums from (safe in the browser). */

/** A provider–school agreement for an academic year. */
export const agreementStatuses = ["requested", "accepted", "withdrawn"] as const;

/** Whether a placement offer still takes requests. */
export const offerStatuses = ["open", "closed"] as const;

/** A school's hosting interest for the year, as the national directory asks it. */
export const hostingInterests = ["actively_looking", "interested", "not_this_year"] as const;

/** A booking's states, in the order a booking moves through them (declined and cancelled end it). */
export const bookingStates = [
  "requested",
  "provider_confirmed",
  "confirmed",
  "completed",
  "declined",
  "cancelled",
] as const;

/**
 * A trainee's place in an offer's waiting list: waiting; a freed place held for them until a confirm-by time; then
 * booked (they took it), declined (they turned it down or left the list) or lapsed (the confirm-by time passed).
 */
export const waitlistStatuses = ["waiting", "held", "booked", "declined", "lapsed"] as const;
