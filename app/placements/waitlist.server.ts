import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { firstRow, parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { queueEmail } from "../../emails/outbox.server";
import { bookingLabelNames, formatConfirmBy, formatPeriod, type BookingLabel } from "./academic-year";
import {
  coordinatorsOf,
  hasAgreement,
  insertBooking,
  lockOffer,
  offerName,
  refuse,
  sqlState,
  traineeFor,
  travelCheck,
  type Actor,
  type Contact,
  type LockedOffer,
  type Outcome,
} from "./booking-parts.server";
import { addSchoolDays } from "./school-days";
import { londonToday } from "../vocabulary/london-time";
import type { BookingState } from "./states";
import { bookingLabel, dayText, idRow, waitingEntryRow, waitlistEntryRow } from "./rows";

type Context = { appUrl: string; enqueue: Enqueue };

/** A freed place is held this many school days for the next trainee unless the partnership says otherwise. */
const DEFAULT_HOLD_SCHOOL_DAYS = 3;

/** Places an offer has given away: bookings that hold a place, and places held for the waiting list. */
export async function placesTaken(tx: Executor, offerId: string): Promise<number> {
  const row = firstRow(
    parseRows(
      await tx.execute(sql`
      SELECT ((SELECT count(*) FROM placement_bookings WHERE offer_id = ${offerId} AND state NOT IN ('declined', 'cancelled'))
           + (SELECT count(*) FROM placement_waitlist WHERE offer_id = ${offerId} AND status = 'held'))::int AS n`),
      z.object({ n: z.number().int() }),
      "the count of places taken",
    ),
    "the count of places taken",
  );
  return Number(row.n);
}

/**
 * Puts a trainee at the end of a full offer's waiting list (the caller holds the offer's lock). Null when they are
 * on it already.
 */
export async function joinWaitlist(
  tx: Executor,
  userId: string,
  traineeId: string,
  offerId: string,
  input: { label: BookingLabel; startsOn: string; endsOn: string },
): Promise<{ entryId: string; position: number } | null> {
  const [row] = parseRows(
    await tx.execute(sql`
      INSERT INTO placement_waitlist (offer_id, trainee_id, label, starts_on, ends_on, requested_by)
      VALUES (${offerId}, ${traineeId}, ${input.label}, ${input.startsOn}, ${input.endsOn}, ${userId})
      ON CONFLICT (offer_id, trainee_id) WHERE status IN ('waiting', 'held') DO NOTHING
      RETURNING id`),
    idRow,
    "the waiting-list entry written",
  );
  if (!row) return null;
  const { position } = firstRow(
    parseRows(
      await tx.execute(sql`
      SELECT count(*)::int AS position FROM placement_waitlist WHERE offer_id = ${offerId} AND status = 'waiting'`),
      z.object({ position: z.number().int() }),
      "the waiting list's length",
    ),
    "the waiting list's length",
  );
  return { entryId: row.id, position };
}

/**
 * Offers each free place of an offer to the first waiting trainee whose dates are still free, holding it for them
 * until the end (midnight, London time) of the partnership's number of school days after today. Called with a
 * place just freed: a cancellation, a decline, a hold declined or lapsed. Returns how many places it held.
 */
export async function offerFreedPlaces(tx: Executor, offerId: string, context: Context, now: Date): Promise<number> {
  const offer = await lockOffer(tx, offerId);
  if (!offer || offer.status !== "open") return 0;
  const holdDays = await holdSchoolDaysAt(tx, offer.schoolId);
  const lastDay = addSchoolDays(londonToday(now), holdDays);
  let held = 0;
  while ((await placesTaken(tx, offer.id)) < offer.places) {
    const [next] = parseRows(
      await tx.execute(sql`
        SELECT w.id, w.label, w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn", t.id AS "traineeId",
               t.name AS "traineeName", t.email AS "traineeEmail", t.provider_id AS "providerId"
          FROM placement_waitlist w JOIN trainees t ON t.id = w.trainee_id
         WHERE w.offer_id = ${offer.id} AND w.status = 'waiting'
           AND NOT EXISTS (
             SELECT 1 FROM placement_bookings b
              WHERE b.trainee_id = w.trainee_id AND b.state NOT IN ('declined', 'cancelled')
                AND daterange(b.starts_on, b.ends_on, '[]') && daterange(w.starts_on, w.ends_on, '[]'))
         ORDER BY w.created_at, w.id
         LIMIT 1
         FOR UPDATE OF w`),
      waitingEntryRow,
      "the next trainee waiting for a freed place",
    );
    if (!next) break;
    await tx.execute(sql`
      UPDATE placement_waitlist
         SET status = 'held', held_until = ((${lastDay}::date + 1)::timestamp AT TIME ZONE 'Europe/London')
       WHERE id = ${next.id}`);
    await tellAboutHold(tx, next, offer, "held", formatConfirmBy(lastDay), context);
    held++;
  }
  return held;
}

type WaitingEntry = z.infer<typeof waitingEntryRow>;

async function holdSchoolDaysAt(tx: Executor, schoolId: string): Promise<number> {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT ps.hold_school_days AS days FROM schools s
        LEFT JOIN placement_settings ps ON ps.partnership_id = s.partnership_id
       WHERE s.id = ${schoolId}`),
    z.object({ days: z.number().int().nullable() }),
    "a school's hold days",
  );
  return row?.days ?? DEFAULT_HOLD_SCHOOL_DAYS;
}

/** The trainee and their provider's coordinators hear that a place is held, lapsed or taken up. */
async function tellAboutHold(
  tx: Executor,
  entry: Pick<WaitingEntry, "label" | "startsOn" | "endsOn" | "traineeName" | "traineeEmail" | "providerId">,
  offer: LockedOffer,
  event: "held" | "lapsed",
  confirmBy: string | null,
  context: Context,
) {
  const people: Contact[] = [
    { email: entry.traineeEmail, name: entry.traineeName },
    ...(await coordinatorsOf(tx, entry.providerId)),
  ];
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.email.toLowerCase())) continue;
    seen.add(p.email.toLowerCase());
    await queueEmail(tx, context.enqueue, p.email, "placement-update", {
      name: p.name,
      event,
      traineeName: entry.traineeName,
      schoolName: offer.schoolName,
      placementName: bookingLabelNames[entry.label],
      dates: formatPeriod(entry.startsOn, entry.endsOn),
      confirmBy,
      url: `${context.appUrl}/placements`,
    });
  }
}

/**
 * Ends every hold whose confirm-by time has passed and offers each place to the next trainee waiting. Run by the
 * placements worker every few minutes; each hold is ended in its own transaction, so one failure stops no other.
 */
export async function releaseExpiredHolds(db: Database, context: Context, now: Date): Promise<number> {
  const expired = parseRows(
    await db.execute(sql`
      SELECT id, offer_id AS "offerId" FROM placement_waitlist
       WHERE status = 'held' AND held_until <= ${now.toISOString()}::timestamptz
       ORDER BY held_until`),
    z.object({ id: z.string(), offerId: z.string() }),
    "the holds past their confirm-by time",
  );
  let released = 0;
  for (const { id, offerId } of expired) {
    const ended = await db.transaction(async (tx) => {
      const offer = await lockOffer(tx, offerId);
      const [entry] = parseRows(
        await tx.execute(sql`
          UPDATE placement_waitlist w SET status = 'lapsed', decided_at = ${now.toISOString()}::timestamptz
            FROM trainees t
           WHERE w.id = ${id} AND t.id = w.trainee_id AND w.status = 'held'
             AND w.held_until <= ${now.toISOString()}::timestamptz
          RETURNING w.id, w.label, w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn", t.id AS "traineeId",
                    t.name AS "traineeName", t.email AS "traineeEmail", t.provider_id AS "providerId"`),
        waitingEntryRow,
        "the hold lapsed",
      );
      // Confirmed or declined since the list was read: nothing to end.
      if (!entry || !offer) return false;
      await tellAboutHold(tx, entry, offer, "lapsed", null, context);
      await offerFreedPlaces(tx, offerId, context, now);
      return true;
    });
    if (ended) released++;
  }
  return released;
}

export type HoldAnswer = "confirm" | "decline";

/**
 * The held trainee or their provider answers a hold (or, declining, leaves the waiting list). Confirming books the
 * held place, as a request from the trainee or a provider-confirmed booking from the coordinator, so the usual
 * steps follow; it is refused once the confirm-by time has passed. The coordinator meets the travel limit as when
 * booking (the waiting list took no reason when they joined it): beyond it, they confirm only with a reason.
 * Declining a held place offers it to the next.
 */
export async function answerHold(
  db: Database,
  actor: Actor,
  entryId: string,
  answer: HoldAnswer,
  context: Context,
  options: { travelOverrideReason?: string; now?: Date } = {},
): Promise<Outcome<{ bookingId: string | null }>> {
  const now = options.now ?? new Date();
  if (!/^[0-9a-f-]{36}$/i.test(entryId) || actor.side === "school") return refuse(404, "Waiting list place not found");
  try {
    return await db.transaction(async (tx) => {
      const [found] = parseRows(
        await tx.execute(
          sql`SELECT offer_id AS "offerId", trainee_id AS "traineeId" FROM placement_waitlist WHERE id = ${entryId}`,
        ),
        z.object({ offerId: z.string(), traineeId: z.string() }),
        "the waiting-list entry answered",
      );
      const trainee = found ? await traineeFor(tx, actor, found.traineeId) : null;
      if (!found || !trainee) return refuse(404, "Waiting list place not found");
      // The offer first, as every change to its places does, then the entry.
      const offer = await lockOffer(tx, found.offerId);
      const [entry] = parseRows(
        await tx.execute(sql`
          SELECT status, held_until <= ${now.toISOString()}::timestamptz AS expired, label,
                 starts_on::text AS "startsOn", ends_on::text AS "endsOn"
            FROM placement_waitlist WHERE id = ${entryId} FOR UPDATE`),
        z.object({
          status: z.string(),
          expired: z.boolean().nullable(),
          label: bookingLabel,
          startsOn: dayText,
          endsOn: dayText,
        }),
        "the waiting-list entry answered, locked",
      );
      if (!offer || !entry) return refuse(404, "Waiting list place not found");
      if (answer === "decline") {
        if (entry.status !== "waiting" && entry.status !== "held")
          return refuse(409, "This waiting list place has already ended");
        await tx.execute(sql`
          UPDATE placement_waitlist SET status = 'declined', decided_at = ${now.toISOString()}::timestamptz
           WHERE id = ${entryId}`);
        if (entry.status === "held") await offerFreedPlaces(tx, offer.id, context, now);
        return { ok: true as const, bookingId: null };
      }
      if (entry.status !== "held")
        return refuse(409, `No place is held for ${trainee.name} on ${offerName(offer)} just now`);
      if (entry.expired)
        return refuse(409, `The place held for ${trainee.name} on ${offerName(offer)} was not confirmed in time`);
      if (!(await hasAgreement(tx, trainee.providerId, offer.schoolId, offer.academicYear)))
        return refuse(409, `Your provider no longer has an agreement with ${offer.schoolName} for this academic year`);
      const travel = await travelCheck(tx, actor, trainee, offer, options.travelOverrideReason);
      if (!travel.ok) return travel;
      // The hold stops counting as it becomes the booking, in the same transaction: the place passes straight over.
      await tx.execute(sql`
        UPDATE placement_waitlist SET status = 'booked', decided_at = ${now.toISOString()}::timestamptz WHERE id = ${entryId}`);
      const state: BookingState = actor.side === "provider" ? "provider_confirmed" : "requested";
      const bookingId = await insertBooking(
        tx,
        { trainee, offer, input: entry, state, by: actor.userId, travelOverrideReason: travel.reason },
        context,
      );
      await tx.execute(sql`UPDATE placement_waitlist SET booking_id = ${bookingId} WHERE id = ${entryId}`);
      return { ok: true as const, bookingId };
    });
  } catch (error) {
    if (sqlState(error) === "23P01")
      return refuse(409, "These dates now overlap another of the trainee's placements: decline the held place");
    throw error;
  }
}

export type WaitlistEntry = z.infer<typeof waitlistEntryRow>;

/** A trainee's live waiting-list places: where they stand, and any place held for them with its confirm-by time. */
export async function waitlistOf(db: Executor, traineeId: string): Promise<WaitlistEntry[]> {
  return parseRows(
    await db.execute(sql`
      SELECT w.id, w.status, w.label, w.starts_on::text AS "startsOn", w.ends_on::text AS "endsOn",
             to_char((w.held_until AT TIME ZONE 'Europe/London') - interval '1 second', 'YYYY-MM-DD') AS "confirmBy",
             s.name AS "schoolName",
             (SELECT count(*)::int FROM placement_waitlist q
               WHERE q.offer_id = w.offer_id AND q.status = 'waiting' AND (q.created_at, q.id) <= (w.created_at, w.id))
               AS position
        FROM placement_waitlist w
        JOIN placement_offers o ON o.id = w.offer_id
        JOIN schools s ON s.id = o.school_id
       WHERE w.trainee_id = ${traineeId} AND w.status IN ('waiting', 'held')
       ORDER BY w.starts_on, w.created_at`),
    waitlistEntryRow,
    "a trainee's waiting-list places",
  );
}

/** How many trainees wait on each of a school's offers, for the school's page. */
export async function waitingCounts(db: Executor, schoolId: string): Promise<Record<string, number>> {
  const rows = parseRows(
    await db.execute(sql`
      SELECT w.offer_id AS "offerId", count(*)::int AS n FROM placement_waitlist w
        JOIN placement_offers o ON o.id = w.offer_id
       WHERE o.school_id = ${schoolId} AND w.status IN ('waiting', 'held')
       GROUP BY w.offer_id`),
    z.object({ offerId: z.string(), n: z.number().int() }),
    "the trainees waiting on a school's offers",
  );
  return Object.fromEntries(rows.map((r) => [r.offerId, r.n]));
}
