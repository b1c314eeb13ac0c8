import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { userIdsWhoHold } from "../access/scope.server";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import { lockMentor, mentorCapAt, mentorLoad } from "../mentors/load.server";
import { bookingLabelNames, formatPeriod, type BookingLabel } from "./academic-year";
import { coordinatedProviderIds, hostedSchoolIds, type PlacementSide } from "./access.server";
import { transition, type BookingAction, type BookingState } from "./states";

export type FieldErrors = Record<string, string[]>;

/** What a booking change came to: done, or refused with the status and message a person should see. */
export type Outcome<T = object> =
  ({ ok: true } & T) | { ok: false; status: 400 | 404 | 409; message: string; fieldErrors?: FieldErrors };

const refuse = (status: 400 | 404 | 409, message: string, fieldErrors?: FieldErrors) =>
  ({ ok: false, status, message, fieldErrors }) as const;

export type Actor = { userId: string; side: PlacementSide };

export type BookingRequest = {
  traineeId: string;
  offerId: string;
  label: BookingLabel;
  startsOn: string;
  endsOn: string;
};

type LockedOffer = {
  id: string;
  schoolId: string;
  schoolName: string;
  academicYear: number;
  phase: string;
  subjects: string[];
  startsOn: string;
  endsOn: string;
  places: number;
  status: string;
  createdBy: string | null;
};

/** "Oakfield Primary's Primary offer (7 Sep 2026 to 16 Oct 2026)": how people name an offer in messages. */
function offerName(o: Pick<LockedOffer, "schoolName" | "phase" | "subjects" | "startsOn" | "endsOn">): string {
  const what = o.subjects.length > 0 ? o.subjects.join(", ") : o.phase;
  return `${o.schoolName}'s ${what} offer (${formatPeriod(o.startsOn, o.endsOn)})`;
}

/** The trainee record `actor` may book for: their own, or one of their provider's. */
async function traineeFor(db: Executor, actor: Actor, traineeId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(traineeId)) return null;
  const scope =
    actor.side === "trainee"
      ? sql`t.user_id = ${actor.userId}`
      : actor.side === "provider"
        ? sql`t.provider_id IN (${coordinatedProviderIds(actor.userId)})`
        : sql`false`;
  const [row] = rowsOf<{ id: string; name: string; email: string; providerId: string; userId: string | null }>(
    await db.execute(sql`
      SELECT t.id, t.name, t.email, t.provider_id AS "providerId", t.user_id AS "userId" FROM trainees t
       WHERE t.id = ${traineeId} AND ${scope}`),
  );
  return row ?? null;
}

/** PostgreSQL's SQLSTATE of a failed statement, through whichever driver and wrapper raised it. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Books one place on an offer for a trainee. The offer's row is locked first, so requests for the same offer are
 * counted one at a time and the places can never be overbooked; a trainee's overlapping dates are refused by the
 * exclusion constraint even if two requests race past the check here. A coordinator's booking is confirmed by the
 * provider as it is made; a trainee's waits for the provider.
 */
export async function requestBooking(
  db: Database,
  actor: Actor,
  input: BookingRequest,
  context: { appUrl: string; enqueue: Enqueue },
): Promise<Outcome<{ bookingId: string }>> {
  try {
    return await db.transaction(async (tx) => {
      const trainee = await traineeFor(tx, actor, input.traineeId);
      if (!trainee) return refuse(404, "Trainee not found");
      const offer = await lockOffer(tx, input.offerId);
      if (!offer || offer.status !== "open")
        return refuse(400, "Choose an open offer", { offerId: ["Choose an offer that is open"] });

      const fieldErrors: FieldErrors = {};
      if (input.endsOn < input.startsOn) fieldErrors.endsOn = ["The last day must be on or after the first day"];
      if (input.startsOn < offer.startsOn || input.startsOn > offer.endsOn)
        fieldErrors.startsOn = [
          `The first day must be inside the offer's window, ${formatPeriod(offer.startsOn, offer.endsOn)}`,
        ];
      if (input.endsOn > offer.endsOn || input.endsOn < offer.startsOn)
        (fieldErrors.endsOn ??= []).push(
          `The last day must be inside the offer's window, ${formatPeriod(offer.startsOn, offer.endsOn)}`,
        );
      if (!(await hasAgreement(tx, trainee.providerId, offer.schoolId, offer.academicYear)))
        fieldErrors.offerId = [`Your provider has no agreement with ${offer.schoolName} for this academic year`];
      if (Object.keys(fieldErrors).length > 0) return refuse(400, "Check the placement's details", fieldErrors);

      const clash = await overlappingBooking(tx, trainee.id, input.startsOn, input.endsOn);
      if (clash) return refuse(409, `These dates overlap ${clash}`, { startsOn: [`These dates overlap ${clash}`] });
      const taken = await activeBookings(tx, offer.id);
      if (taken >= offer.places)
        return refuse(409, `No places left on ${offerName(offer)}: all ${offer.places} are booked`);

      const state: BookingState = actor.side === "provider" ? "provider_confirmed" : "requested";
      const row = firstRow(
        rowsOf<{ id: string }>(
          await tx.execute(sql`
          INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state, requested_by)
          VALUES (${trainee.id}, ${offer.id}, ${offer.schoolId}, ${trainee.providerId}, ${input.label},
                  ${input.startsOn}, ${input.endsOn}, ${state}, ${actor.userId})
          RETURNING id`),
        ),
        "the row inserted into placement_bookings",
      );
      const mail = {
        event: "requested" as const,
        traineeName: trainee.name,
        schoolName: offer.schoolName,
        placementName: bookingLabelNames[input.label],
        dates: formatPeriod(input.startsOn, input.endsOn),
      };
      // A trainee's request goes to their provider first; a provider's confirmed booking goes to the school.
      const recipients =
        state === "requested"
          ? await coordinatorsOf(tx, trainee.providerId)
          : await schoolContacts(tx, offer.schoolId, offer.createdBy);
      for (const r of recipients)
        await queueEmail(tx, context.enqueue, r.email, "placement-update", {
          ...mail,
          name: r.name,
          url: `${context.appUrl}/placements`,
        });
      return { ok: true as const, bookingId: row.id };
    });
  } catch (error) {
    if (sqlState(error) === "23P01")
      return refuse(409, "These dates overlap another of the trainee's placements", {
        startsOn: ["These dates overlap another of the trainee's placements"],
      });
    throw error;
  }
}

async function lockOffer(tx: Executor, offerId: string): Promise<LockedOffer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(offerId)) return null;
  const [row] = rowsOf<LockedOffer>(
    await tx.execute(sql`
      SELECT o.id, o.school_id AS "schoolId", s.name AS "schoolName", o.academic_year AS "academicYear", o.phase,
             o.subjects, o.starts_on::text AS "startsOn", o.ends_on::text AS "endsOn", o.places, o.status,
             o.created_by AS "createdBy"
        FROM placement_offers o JOIN schools s ON s.id = o.school_id
       WHERE o.id = ${offerId}
         FOR UPDATE OF o`),
  );
  return row ?? null;
}

async function hasAgreement(db: Executor, providerId: string, schoolId: string, year: number): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT 1 FROM placement_agreements
       WHERE provider_id = ${providerId} AND school_id = ${schoolId} AND academic_year = ${year} AND status = 'accepted'`),
  );
  return rows.length > 0;
}

async function activeBookings(tx: Executor, offerId: string): Promise<number> {
  const row = firstRow(
    rowsOf<{ n: number }>(
      await tx.execute(sql`
      SELECT count(*)::int AS n FROM placement_bookings
       WHERE offer_id = ${offerId} AND state NOT IN ('declined', 'cancelled')`),
    ),
    "a count",
  );
  return row.n;
}

async function overlappingBooking(tx: Executor, traineeId: string, startsOn: string, endsOn: string) {
  const [row] = rowsOf<{ label: BookingLabel; school: string; startsOn: string; endsOn: string }>(
    await tx.execute(sql`
      SELECT b.label, s.name AS school, b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn"
        FROM placement_bookings b JOIN schools s ON s.id = b.school_id
       WHERE b.trainee_id = ${traineeId} AND b.state NOT IN ('declined', 'cancelled')
         AND daterange(b.starts_on, b.ends_on, '[]') && daterange(${startsOn}::date, ${endsOn}::date, '[]')
       LIMIT 1`),
  );
  return row ? `${bookingLabelNames[row.label]} at ${row.school}, ${formatPeriod(row.startsOn, row.endsOn)}` : null;
}

type Contact = { email: string; name: string };
export type Mentor = Contact & { id: string };

async function coordinatorsOf(db: Executor, providerId: string): Promise<Contact[]> {
  return rowsOf<Contact>(
    await db.execute(sql`
      SELECT u.email, u.name FROM users u
       WHERE u.id IN (${userIdsWhoHold(["itt_coordinator"], { kind: "organisation", organisationId: providerId })})
       ORDER BY u.email`),
  );
}

/** Who hears about a school's placements: whoever published the offer, else everyone who holds hr for the school. */
async function schoolContacts(db: Executor, schoolId: string, offerCreator: string | null): Promise<Contact[]> {
  return rowsOf<Contact>(
    await db.execute(sql`
      SELECT u.email, u.name FROM users u WHERE u.id = ${offerCreator ?? ""}
      UNION
      SELECT u.email, u.name FROM users u
       WHERE ${offerCreator}::text IS NULL AND u.id IN (${userIdsWhoHold(["hr"], { kind: "school", schoolId })})`),
  );
}

type LockedBooking = {
  id: string;
  state: BookingState;
  label: BookingLabel;
  startsOn: string;
  endsOn: string;
  offerId: string;
  schoolId: string;
  schoolName: string;
  providerId: string;
  traineeName: string;
  traineeEmail: string;
  offerCreator: string | null;
};

/** The booking, locked, if `actor` may act on it from their side; otherwise null, as if it did not exist. */
async function lockBookingFor(tx: Executor, actor: Actor, bookingId: string): Promise<LockedBooking | null> {
  if (!/^[0-9a-f-]{36}$/i.test(bookingId)) return null;
  const scope =
    actor.side === "trainee"
      ? sql`t.user_id = ${actor.userId}`
      : actor.side === "provider"
        ? sql`b.provider_id IN (${coordinatedProviderIds(actor.userId)})`
        : sql`b.school_id IN (${hostedSchoolIds(actor.userId)})`;
  const [row] = rowsOf<LockedBooking>(
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
  );
  return row ?? null;
}

/** The people a school may name as a placement's mentor: the offer's named mentors and the school's mentors. */
export async function mentorChoices(db: Executor, offerId: string, schoolId: string): Promise<Mentor[]> {
  return rowsOf<Mentor>(
    await db.execute(sql`
      SELECT u.id, u.name, u.email FROM placement_offer_mentors om JOIN users u ON u.id = om.user_id WHERE om.offer_id = ${offerId}
      UNION
      SELECT u.id, u.name, u.email FROM users u
       WHERE u.id IN (${userIdsWhoHold(["mentor"], { kind: "school", schoolId })})
      ORDER BY name`),
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
      const load = await mentorLoad(tx, mentor.id, booking, booking.id);
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
