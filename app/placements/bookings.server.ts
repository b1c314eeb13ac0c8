import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { bookingLabel, dayText, lockedBookingRow, mentorRow } from "./rows";
import { userIdsWhoHold } from "../access/scope.server";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import { lockMentor, mentorCapAt, mentorLoad } from "../mentors/load.server";
import { bookingLabelNames, formatPeriod, type BookingLabel } from "./academic-year";
import { coordinatedProviderIds, hostedSchoolIds } from "./access.server";
import { windowErrors } from "./windows";
import {
  coordinatorsOf,
  hasAgreement,
  insertBooking,
  lockOffer,
  offerName,
  refuse,
  schoolContacts,
  sqlState,
  traineeFor,
  travelCheck,
  type Actor,
  type Contact,
  type FieldErrors,
  type Mentor,
  type Outcome,
} from "./booking-parts.server";
import { transition, type BookingAction, type BookingState } from "./states";
import { joinWaitlist, offerFreedPlaces, placesTaken } from "./waitlist.server";

export type { Actor, Outcome } from "./booking-parts.server";

export type BookingRequest = {
  traineeId: string;
  offerId: string;
  label: BookingLabel;
  startsOn: string;
  endsOn: string;
};

/** A booking made, or a place in the offer's waiting list when it was full and the form asked for that. */
export type Placed = { kind: "booked"; bookingId: string } | { kind: "waitlisted"; entryId: string; position: number };

/**
 * Books one place on an offer for a trainee. The offer's row is locked first, so requests for the same offer are
 * counted one at a time and the places can never be overbooked (a place held for the waiting list counts as taken);
 * a trainee's overlapping dates are refused by the exclusion constraint even if two requests race past the check
 * here. A coordinator's booking is confirmed by the provider as it is made; a trainee's waits for the provider. A
 * full offer refuses with a 409, or, with `waitlist`, puts the trainee at the end of its waiting list.
 */
export async function placeOnOffer(
  db: Database,
  actor: Actor,
  input: BookingRequest,
  context: { appUrl: string; enqueue: Enqueue },
  options: { waitlist?: boolean; travelOverrideReason?: string } = {},
): Promise<Outcome<Placed>> {
  try {
    return await db.transaction(async (tx) => {
      const trainee = await traineeFor(tx, actor, input.traineeId);
      if (!trainee) return refuse(404, "Trainee not found");
      const offer = await lockOffer(tx, input.offerId);
      if (!offer || offer.status !== "open")
        return refuse(400, "Choose an open offer", { offerId: ["Choose an offer that is open"] });

      const fieldErrors: FieldErrors = {};
      if (input.endsOn < input.startsOn) fieldErrors.endsOn = ["The last day must be on or after the first day"];
      const outside = windowErrors(offer.windows, input.startsOn, input.endsOn);
      if (outside.startsOn) fieldErrors.startsOn = outside.startsOn;
      if (outside.endsOn) (fieldErrors.endsOn ??= []).push(...outside.endsOn);
      if (!(await hasAgreement(tx, trainee.providerId, offer.schoolId, offer.academicYear)))
        fieldErrors.offerId = [`Your provider has no agreement with ${offer.schoolName} for this academic year`];
      if (Object.keys(fieldErrors).length > 0) return refuse(400, "Check the placement's details", fieldErrors);

      const clash = await overlappingBooking(tx, trainee.id, input.startsOn, input.endsOn);
      if (clash) return refuse(409, `These dates overlap ${clash}`, { startsOn: [`These dates overlap ${clash}`] });
      const taken = await placesTaken(tx, offer.id);
      if (taken >= offer.places) {
        if (!options.waitlist)
          return refuse(409, `No places left on ${offerName(offer)}: all ${offer.places} are booked`);
        const entry = await joinWaitlist(tx, actor.userId, trainee.id, offer.id, input);
        if (!entry) return refuse(409, `${trainee.name} is already on the waiting list of ${offerName(offer)}`);
        return { ok: true as const, kind: "waitlisted" as const, ...entry };
      }

      const travel = await travelCheck(tx, actor, trainee, offer, options.travelOverrideReason);
      if (!travel.ok) return travel;
      const travelOverrideReason = travel.reason;
      const state: BookingState = actor.side === "provider" ? "provider_confirmed" : "requested";
      const bookingId = await insertBooking(
        tx,
        { trainee, offer, input, state, by: actor.userId, travelOverrideReason },
        context,
      );
      return { ok: true as const, kind: "booked" as const, bookingId };
    });
  } catch (error) {
    if (sqlState(error) === "23P01")
      return refuse(409, "These dates overlap another of the trainee's placements", {
        startsOn: ["These dates overlap another of the trainee's placements"],
      });
    throw error;
  }
}

/** Books one place, or refuses: a full offer is a 409 naming it (see placeOnOffer). */
export async function requestBooking(
  db: Database,
  actor: Actor,
  input: BookingRequest,
  context: { appUrl: string; enqueue: Enqueue },
): Promise<Outcome<{ bookingId: string }>> {
  const outcome = await placeOnOffer(db, actor, input, context);
  if (!outcome.ok) return outcome;
  if (outcome.kind !== "booked") throw new Error("A booking without the waiting list was put on it");
  return { ok: true, bookingId: outcome.bookingId };
}

async function overlappingBooking(tx: Executor, traineeId: string, startsOn: string, endsOn: string) {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT b.label, s.name AS school, b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn"
        FROM placement_bookings b JOIN schools s ON s.id = b.school_id
       WHERE b.trainee_id = ${traineeId} AND b.state NOT IN ('declined', 'cancelled')
         AND daterange(b.starts_on, b.ends_on, '[]') && daterange(${startsOn}::date, ${endsOn}::date, '[]')
       LIMIT 1`),
    z.object({ label: bookingLabel, school: z.string(), startsOn: dayText, endsOn: dayText }),
    "the trainee's overlapping booking",
  );
  return row ? `${bookingLabelNames[row.label]} at ${row.school}, ${formatPeriod(row.startsOn, row.endsOn)}` : null;
}

type LockedBooking = z.infer<typeof lockedBookingRow>;

/** The booking, locked, if `actor` may act on it from their side; otherwise null, as if it did not exist. */
async function lockBookingFor(tx: Executor, actor: Actor, bookingId: string): Promise<LockedBooking | null> {
  if (!/^[0-9a-f-]{36}$/i.test(bookingId)) return null;
  const scope =
    actor.side === "trainee"
      ? sql`t.user_id = ${actor.userId}`
      : actor.side === "provider"
        ? sql`b.provider_id IN (${coordinatedProviderIds(actor.userId)})`
        : sql`b.school_id IN (${hostedSchoolIds(actor.userId)})`;
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT b.id, b.state, b.label, b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn", b.offer_id AS "offerId",
             b.school_id AS "schoolId", s.name AS "schoolName", b.provider_id AS "providerId",
             t.name AS "traineeName", t.email AS "traineeEmail", o.created_by AS "offerCreator"
        FROM placement_bookings b
        JOIN trainees t ON t.id = b.trainee_id
        JOIN schools s ON s.id = b.school_id
        JOIN placement_offers o ON o.id = b.offer_id
       WHERE b.id = ${bookingId} AND ${scope}
         FOR UPDATE OF b`),
    lockedBookingRow,
    "the booking locked for an actor",
  );
  return row ?? null;
}

/** The people a school may name as a placement's mentor: the offer's named mentors and the school's mentors. */
export async function mentorChoices(db: Executor, offerId: string, schoolId: string): Promise<Mentor[]> {
  return parseRows(
    await db.execute(sql`
      SELECT u.id, u.name, u.email FROM placement_offer_mentors om JOIN users u ON u.id = om.user_id WHERE om.offer_id = ${offerId}
      UNION
      SELECT u.id, u.name, u.email FROM users u
       WHERE u.id IN (${userIdsWhoHold(["mentor"], { kind: "school", schoolId })})
      ORDER BY name`),
    mentorRow,
    "the mentors a school may name",
  );
}

export type ActInput = { reason?: string; mentorUserId?: string };

/**
 * Moves a booking on by one step, from the actor's side. Declining and cancelling need a reason; accepting needs a
 * mentor from the school whose load at those dates is under the partnership's cap. A cancellation frees the place
 * at once (only active bookings count against the offer) and tells the trainee, the provider and the school.
 */
export async function actOnBooking(
  db: Database,
  actor: Actor,
  bookingId: string,
  action: BookingAction,
  input: ActInput,
  context: { appUrl: string; enqueue: Enqueue },
): Promise<Outcome<{ state: BookingState }>> {
  const outcome = await db.transaction(async (tx) => {
    const booking = await lockBookingFor(tx, actor, bookingId);
    if (!booking) return refuse(404, "Placement not found");
    const step = transition(booking.state, action, actor.side);
    if (!step.ok) return refuse(409, step.message);
    const reason = input.reason?.trim() ?? "";
    if ((action === "decline" || action === "cancel") && reason.length < 5)
      return refuse(400, "Give a reason", { reason: ["Give a reason of at least 5 characters"] });

    let mentor: Mentor | undefined;
    if (action === "accept") {
      const choices = await mentorChoices(tx, booking.offerId, booking.schoolId);
      mentor = choices.find((c) => c.id === input.mentorUserId);
      if (!mentor) return refuse(400, "Name the mentor", { mentorUserId: ["Choose the trainee's mentor"] });
      await lockMentor(tx, mentor.id);
      const cap = await mentorCapAt(tx, booking.schoolId);
      const load = await mentorLoad(tx, mentor.id, booking, { bookingId: booking.id });
      if (load >= cap)
        return refuse(409, `${mentor.name} already mentors ${load} trainees at those dates`, {
          mentorUserId: [
            `${mentor.name} already mentors ${load} trainee${load === 1 ? "" : "s"} at those dates; the partnership's limit is ${cap} at once`,
          ],
        });
    }

    await tx.execute(sql`
      UPDATE placement_bookings
         SET state = ${step.to}, updated_at = now(),
             reason = ${action === "decline" || action === "cancel" ? reason : null},
             mentor_user_id = coalesce(${mentor?.id ?? null}, mentor_user_id)
       WHERE id = ${booking.id}`);
    await notify(tx, booking, action, { reason, mentorName: mentor?.name ?? null }, context);
    // The place this booking held goes to the first trainee on the offer's waiting list, held for them to confirm.
    if (step.to === "cancelled" || step.to === "declined")
      await offerFreedPlaces(tx, booking.offerId, context, new Date());
    return { ok: true as const, state: step.to };
  });
  return outcome;
}

async function notify(
  tx: Executor,
  booking: LockedBooking,
  action: BookingAction,
  detail: { reason: string; mentorName: string | null },
  context: { appUrl: string; enqueue: Enqueue },
) {
  const event =
    action === "accept" ? "accepted" : action === "cancel" ? "cancelled" : action === "decline" ? "declined" : null;
  const toSchool = action === "confirm";
  if (!event && !toSchool) return;
  const people: Contact[] = [];
  if (toSchool) people.push(...(await schoolContacts(tx, booking.schoolId, booking.offerCreator)));
  else {
    people.push({ email: booking.traineeEmail, name: booking.traineeName });
    people.push(...(await coordinatorsOf(tx, booking.providerId)));
    if (event === "cancelled") people.push(...(await schoolContacts(tx, booking.schoolId, booking.offerCreator)));
  }
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.email.toLowerCase())) continue;
    seen.add(p.email.toLowerCase());
    await queueEmail(tx, context.enqueue, p.email, "placement-update", {
      name: p.name,
      event: event ?? "requested",
      traineeName: booking.traineeName,
      schoolName: booking.schoolName,
      placementName: bookingLabelNames[booking.label],
      dates: formatPeriod(booking.startsOn, booking.endsOn),
      reason: detail.reason || null,
      mentorName: detail.mentorName,
      url: `${context.appUrl}/placements`,
    });
  }
}
