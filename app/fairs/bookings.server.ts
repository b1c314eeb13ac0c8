import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { queueEmail } from "../../emails/outbox.server";
import { isUuid } from "../forms/fields";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { startPoolApplication } from "../pool/apply-start.server";
import { fairById, isoTime } from "./access.server";
import type { NotifyContext } from "./fairs.server";
import { fairIsOpen } from "./rules";
import type { RegistrationInput } from "./schemas";
import { meetingWhen } from "./text";

/**
 * A teacher's side of a fair: registering (and joining the fair's pool round in the same step), booking meeting
 * slots, cancelling, and their own timetable. Registering and booking close when the fair starts.
 *
 * A booking locks its slot (so the places counted are the places left) and then the teacher's registration (so two
 * of their bookings made at once are checked one after the other: one meeting per school). The exclusion
 * constraint of migration 0023 is the last word on overlapping meetings; its refusal is the same message.
 */

const idRow = z.object({ id: z.string() });

const CLOSED_MESSAGE = "Registration for this fair closed when it started";
const BOOKING_CLOSED_MESSAGE = "Booking closed when the fair started";
export const CLASH_MESSAGE = "You already have a meeting at this time: cancel it first, or choose another time";

/**
 * Registers the user (or updates their interests), and when asked starts their application to the fair's pool
 * round in the same transaction: if the round refuses, nothing is written.
 */
export async function registerForFair(
  db: Database,
  userId: string,
  fairId: string,
  input: RegistrationInput,
  now = new Date(),
): Promise<Outcome<{ registrationId: string; poolRoundId: string | null }>> {
  return db
    .transaction(async (tx) => {
      const fair = await fairById(tx, fairId);
      if (!fair) return refuse(404, "Fair not found");
      if (!fairIsOpen(fair, now)) return refuse(409, CLOSED_MESSAGE);
      const row = firstRow(
        parseRows(
          await tx.execute(sql`
          INSERT INTO fair_registrations (fair_id, user_id, interests) VALUES (${fair.id}, ${userId}, ${input.interests})
          ON CONFLICT (fair_id, user_id)
          DO UPDATE SET interests = EXCLUDED.interests, cancelled_at = NULL, created_at =
               CASE WHEN fair_registrations.cancelled_at IS NULL THEN fair_registrations.created_at ELSE now() END
          RETURNING id`),
          idRow,
          "the registration",
        ),
        "the registration",
      );
      let poolRoundId: string | null = null;
      if (input.joinPool && fair.poolRoundId) {
        const started = await startPoolApplication(tx, userId, fair.poolRoundId, now);
        if (!started.ok) {
          // Undo the registration too: the teacher asked for both in one step.
          throw new PoolRefused(started.message);
        }
        poolRoundId = fair.poolRoundId;
      }
      return { ok: true as const, registrationId: row.id, poolRoundId };
    })
    .catch((error: unknown) => {
      if (error instanceof PoolRefused) return refuse(409, "Check the registration", { joinPool: [error.message] });
      throw error;
    });
}

class PoolRefused extends Error {}

/** Cancels the user's registration and every booking it holds. */
export async function cancelRegistration(
  db: Database,
  userId: string,
  fairId: string,
  now = new Date(),
): Promise<Outcome<{ cancelledBookings: number }>> {
  if (!isUuid(fairId)) return refuse(404, "Fair not found");
  return db.transaction(async (tx) => {
    const [registration] = parseRows(
      await tx.execute(sql`
        SELECT id FROM fair_registrations
         WHERE fair_id = ${fairId} AND user_id = ${userId} AND cancelled_at IS NULL FOR UPDATE`),
      idRow,
      "the registration to cancel",
    );
    if (!registration) return refuse(404, "Registration not found");
    await tx.execute(sql`
      UPDATE fair_registrations SET cancelled_at = ${now.toISOString()}::timestamptz WHERE id = ${registration.id}`);
    const cancelled = parseRows(
      await tx.execute(sql`
        UPDATE fair_bookings SET live = false WHERE registration_id = ${registration.id} AND live RETURNING id`),
      idRow,
      "the bookings cancelled",
    );
    return { ok: true as const, cancelledBookings: cancelled.length };
  });
}

const slotRow = z.object({
  id: z.string(),
  fairId: z.string(),
  fairName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  fairStartsAt: z.string(),
  capacity: z.number(),
  withWhom: z.string(),
});

/** Books a slot for the user; answers why not when it cannot. */
export async function bookSlot(
  db: Database,
  context: NotifyContext,
  userId: string,
  slotId: string,
  now = new Date(),
): Promise<Outcome<{ bookingId: string; fairId: string; schoolName: string }>> {
  if (!isUuid(slotId)) return refuse(404, "Slot not found");
  try {
    return await db.transaction(async (tx) => {
      const [slot] = parseRows(
        await tx.execute(sql`
          SELECT s.id, s.fair_id AS "fairId", f.name AS "fairName", s.school_id AS "schoolId", sc.name AS "schoolName",
                 ${isoTime(sql`s.starts_at`)} AS "startsAt", ${isoTime(sql`s.ends_at`)} AS "endsAt",
                 ${isoTime(sql`f.starts_at`)} AS "fairStartsAt", s.capacity::int AS capacity, s.with_whom AS "withWhom"
            FROM fair_slots s JOIN fairs f ON f.id = s.fair_id JOIN schools sc ON sc.id = s.school_id
           WHERE s.id = ${slotId}
             FOR UPDATE OF s`),
        slotRow,
        "the slot to book",
      );
      if (!slot) return refuse(404, "Slot not found");
      const [registration] = parseRows(
        await tx.execute(sql`
          SELECT r.id, u.name, u.email FROM fair_registrations r JOIN users u ON u.id = r.user_id
           WHERE r.fair_id = ${slot.fairId} AND r.user_id = ${userId} AND r.cancelled_at IS NULL
             FOR UPDATE OF r`),
        idRow.extend({ name: z.string(), email: z.string() }),
        "the teacher's registration",
      );
      if (!registration) return refuse(409, "Register for the fair before booking a meeting");
      if (!fairIsOpen({ startsAt: slot.fairStartsAt }, now)) return refuse(409, BOOKING_CLOSED_MESSAGE);
      const [counts] = parseRows(
        await tx.execute(sql`
          SELECT (SELECT count(*)::int FROM fair_bookings WHERE slot_id = ${slot.id} AND live) AS taken,
                 EXISTS (SELECT 1 FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id
                          WHERE b.registration_id = ${registration.id} AND b.live
                            AND s.school_id = ${slot.schoolId}) AS "sameSchool",
                 EXISTS (SELECT 1 FROM fair_bookings b
                          WHERE b.registration_id = ${registration.id} AND b.live
                            AND tstzrange(b.starts_at, b.ends_at, '[)')
                                && tstzrange(${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, '[)')) AS clash`),
        z.object({ taken: z.number(), sameSchool: z.boolean(), clash: z.boolean() }),
        "the slot's places and the teacher's meetings",
      );
      if (counts?.sameSchool)
        return refuse(409, `You already have a meeting with ${slot.schoolName}: one meeting with each school`);
      if (counts?.clash) return refuse(409, CLASH_MESSAGE);
      if (counts && counts.taken >= slot.capacity) return refuse(409, "That meeting is fully booked: choose another");
      const booking = firstRow(
        parseRows(
          await tx.execute(sql`
            INSERT INTO fair_bookings (slot_id, registration_id, starts_at, ends_at)
            VALUES (${slot.id}, ${registration.id}, ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz)
            RETURNING id`),
          idRow,
          "the booking",
        ),
        "the booking",
      );
      await queueEmail(tx, context.enqueue, registration.email, "fair-booking", {
        name: registration.name,
        fairName: slot.fairName,
        schoolName: slot.schoolName,
        when: meetingWhen(slot.startsAt, slot.endsAt),
        withWhom: slot.withWhom || null,
        url: `${context.appUrl}/fairs/${slot.fairId}/mine`,
      });
      return { ok: true as const, bookingId: booking.id, fairId: slot.fairId, schoolName: slot.schoolName };
    });
  } catch (error) {
    // Another of the teacher's bookings committed first: the exclusion constraint decided.
    if (sqlState(error) === "23P01") return refuse(409, CLASH_MESSAGE);
    if (sqlState(error) === "23505") return refuse(409, "You have already booked this meeting");
    throw error;
  }
}

/** Cancels one of the user's live bookings (any time before the fair starts). */
export async function cancelBooking(
  db: Database,
  userId: string,
  bookingId: string,
  now = new Date(),
): Promise<Outcome<{ fairId: string }>> {
  if (!isUuid(bookingId)) return refuse(404, "Booking not found");
  return db.transaction(async (tx) => {
    const [booking] = parseRows(
      await tx.execute(sql`
        SELECT b.id, r.fair_id AS "fairId", ${isoTime(sql`f.starts_at`)} AS "fairStartsAt"
          FROM fair_bookings b JOIN fair_registrations r ON r.id = b.registration_id JOIN fairs f ON f.id = r.fair_id
         WHERE b.id = ${bookingId} AND r.user_id = ${userId} AND b.live
           FOR UPDATE OF b`),
      z.object({ id: z.string(), fairId: z.string(), fairStartsAt: z.string() }),
      "the booking to cancel",
    );
    if (!booking) return refuse(404, "Booking not found");
    if (!fairIsOpen({ startsAt: booking.fairStartsAt }, now)) return refuse(409, "The fair has started");
    await tx.execute(sql`UPDATE fair_bookings SET live = false WHERE id = ${booking.id}`);
    return { ok: true as const, fairId: booking.fairId };
  });
}

const mineRow = z.object({
  bookingId: z.string(),
  slotId: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  stand: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  withWhom: z.string(),
});
export type MyMeeting = z.output<typeof mineRow>;

const openSlotRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  withWhom: z.string(),
  left: z.number(),
});
export type OpenSlot = z.output<typeof openSlotRow>;

/** The user's meetings at a fair, in time order. */
async function myMeetings(db: Executor, registrationId: string): Promise<MyMeeting[]> {
  return parseRows(
    await db.execute(sql`
      SELECT b.id AS "bookingId", s.id AS "slotId", s.school_id AS "schoolId", sc.name AS "schoolName",
             coalesce(fs.stand, '') AS stand, ${isoTime(sql`b.starts_at`)} AS "startsAt",
             ${isoTime(sql`b.ends_at`)} AS "endsAt", s.with_whom AS "withWhom"
        FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id JOIN schools sc ON sc.id = s.school_id
        LEFT JOIN fair_schools fs ON fs.fair_id = s.fair_id AND fs.school_id = s.school_id
       WHERE b.registration_id = ${registrationId} AND b.live
       ORDER BY b.starts_at`),
    mineRow,
    "a teacher's meetings",
  );
}

/** Slots with places left at a fair, by school and time. */
export async function openSlots(db: Executor, fairId: string): Promise<OpenSlot[]> {
  return parseRows(
    await db.execute(sql`
      SELECT s.id, s.school_id AS "schoolId", sc.name AS "schoolName", ${isoTime(sql`s.starts_at`)} AS "startsAt",
             ${isoTime(sql`s.ends_at`)} AS "endsAt", s.with_whom AS "withWhom", (s.capacity - coalesce(b.n, 0))::int AS "left"
        FROM fair_slots s JOIN schools sc ON sc.id = s.school_id
        LEFT JOIN (SELECT slot_id, count(*) AS n FROM fair_bookings
                    WHERE live AND slot_id IN (SELECT id FROM fair_slots WHERE fair_id = ${fairId})
                    GROUP BY slot_id) b ON b.slot_id = s.id
       WHERE s.fair_id = ${fairId} AND s.capacity > coalesce(b.n, 0)
       ORDER BY sc.name, s.starts_at`),
    openSlotRow,
    "a fair's open slots",
  );
}

/** The user's timetable at a fair: their registration and meetings, or null when not registered. */
export async function teacherTimetable(db: Executor, userId: string, fairId: string) {
  if (!isUuid(fairId)) return null;
  const [registration] = parseRows(
    await db.execute(sql`
      SELECT id, interests FROM fair_registrations
       WHERE fair_id = ${fairId} AND user_id = ${userId} AND cancelled_at IS NULL`),
    idRow.extend({ interests: z.string() }),
    "the teacher's registration",
  );
  if (!registration) return null;
  return { registration, meetings: await myMeetings(db, registration.id) };
}
