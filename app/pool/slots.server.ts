import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { isoTime } from "../../db/iso-time";
import { parseRows } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { poolRoundSchools, poolSlotBookings, poolSlots } from "../../db/schema";
import { isUuid } from "../forms/fields";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { fromLondonLocal } from "../vocabulary/london-time";
import { bookableSteps } from "../vocabulary/pool";
import type { Round } from "./access.server";
import { ownMember } from "./apply.server";
import { slotTimes } from "./rounds";
import type { SlotRunInput } from "./schemas";

/** Most slots one run may make: a long day of 10-minute slots. */
const MAX_SLOTS_PER_RUN = 60;

/** Adds a run of slots (by the panel or an admin: the route decides who). The host must take part in the round. */
export async function addSlotRun(
  db: Executor,
  userId: string,
  round: Round,
  input: SlotRunInput,
  now = new Date(),
): Promise<Outcome<{ count: number }>> {
  if (!round.steps.includes(input.step))
    return refuse(400, "Check the slots", { step: ["This round has no such step"] });
  if (!fromLondonLocal(`${input.day}T${input.from}`))
    return refuse(400, "Check the slots", { from: ["That time does not exist on that day (the clocks change)"] });
  if (!fromLondonLocal(`${input.day}T${input.until}`))
    return refuse(400, "Check the slots", { until: ["That time does not exist on that day (the clocks change)"] });
  const times = slotTimes(input.day, input.from, input.until, input.minutes);
  if (times.length === 0)
    return refuse(400, "Check the slots", { until: ["No slot of that length fits between the times"] });
  if (times.length > MAX_SLOTS_PER_RUN)
    return refuse(400, "Check the slots", {
      until: [`That makes more than ${MAX_SLOTS_PER_RUN} slots: split the day`],
    });
  if ((times[0]?.startsAt.getTime() ?? 0) <= now.getTime())
    return refuse(400, "Check the slots", { day: ["Offer slots in the future"] });
  if (input.schoolId) {
    const [taking] = await db
      .select({ schoolId: poolRoundSchools.schoolId })
      .from(poolRoundSchools)
      .where(and(eq(poolRoundSchools.roundId, round.id), eq(poolRoundSchools.schoolId, input.schoolId)));
    if (!taking) return refuse(400, "Check the slots", { schoolId: ["Choose a school taking part in the round"] });
  } else if (!input.place) {
    return refuse(400, "Check the slots", { place: ["Say where: choose a host school, or give the online link"] });
  }
  await db.insert(poolSlots).values(
    times.map((t) => ({
      roundId: round.id,
      step: input.step,
      startsAt: t.startsAt,
      endsAt: t.endsAt,
      schoolId: input.schoolId ?? null,
      place: input.place,
      capacity: input.capacity,
      createdBy: userId,
    })),
  );
  return { ok: true, count: times.length };
}

const slotRow = z.object({
  id: z.string(),
  step: z.enum(bookableSteps),
  startsAt: z.string(),
  endsAt: z.string(),
  schoolName: z.string().nullable(),
  place: z.string(),
  capacity: z.number(),
  booked: z.number(),
  candidates: z.array(z.string()),
});
export type SlotRow = z.output<typeof slotRow>;

/**
 * The round's slots still to come, with places booked; `withNames` adds who booked (the panel's view), leaving out
 * candidates hidden from the reader by the caller's filter.
 */
export async function slotsOf(db: Executor, roundId: string, withNames: boolean, now = new Date()) {
  return parseRows(
    await db.execute(sql`
      SELECT sl.id, sl.step, ${isoTime(sql`sl.starts_at`)} AS "startsAt", ${isoTime(sql`sl.ends_at`)} AS "endsAt",
             s.name AS "schoolName", sl.place, sl.capacity::int AS capacity,
             (SELECT count(*)::int FROM pool_slot_bookings b WHERE b.slot_id = sl.id AND b.live) AS booked,
             ${
               withNames
                 ? sql`coalesce((SELECT array_agg(m.profile->>'name' ORDER BY b.created_at) FROM pool_slot_bookings b
                        JOIN pool_members m ON m.id = b.member_id WHERE b.slot_id = sl.id AND b.live), '{}')`
                 : sql`'{}'::text[]`
             } AS candidates
        FROM pool_slots sl LEFT JOIN schools s ON s.id = sl.school_id
       WHERE sl.round_id = ${roundId} AND sl.ends_at > ${now.toISOString()}
       ORDER BY sl.starts_at, sl.id
       LIMIT 500`),
    slotRow,
    "a round's slots",
  );
}

/** Removes a slot nobody has booked: a booked slot stays, so no candidate loses a time they were given. */
export async function removeSlot(db: Executor, round: Round, slotId: string): Promise<Outcome> {
  if (!isUuid(slotId)) return refuse(404, "No such slot");
  const removed = await db
    .delete(poolSlots)
    .where(
      and(
        eq(poolSlots.id, slotId),
        eq(poolSlots.roundId, round.id),
        sql`NOT EXISTS (SELECT 1 FROM pool_slot_bookings b WHERE b.slot_id = ${poolSlots.id} AND b.live)`,
      ),
    )
    .returning({ id: poolSlots.id });
  if (removed.length === 0) return refuse(409, "That slot has a booking, or is gone: it was not removed");
  return { ok: true };
}

/** The candidate's live bookings, soonest first. */
export async function bookingsOf(db: Executor, memberId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT b.id, sl.step, ${isoTime(sql`b.starts_at`)} AS "startsAt", ${isoTime(sql`b.ends_at`)} AS "endsAt",
             s.name AS "schoolName", sl.place
        FROM pool_slot_bookings b JOIN pool_slots sl ON sl.id = b.slot_id LEFT JOIN schools s ON s.id = sl.school_id
       WHERE b.member_id = ${memberId} AND b.live
       ORDER BY b.starts_at`),
    z.object({
      id: z.string(),
      step: z.enum(bookableSteps),
      startsAt: z.string(),
      endsAt: z.string(),
      schoolName: z.string().nullable(),
      place: z.string(),
    }),
    "a candidate's bookings",
  );
}

/**
 * Books a slot for the candidate at the slot's step: one booking per step (booking another moves it). The slot row is
 * locked while its places are counted, so the last place goes to one candidate only; the exclusion constraint keeps
 * one candidate's bookings from overlapping.
 */
export async function bookSlot(
  db: Database,
  userId: string,
  memberId: string,
  slotId: string,
  now = new Date(),
): Promise<Outcome> {
  const member = await ownMember(db, userId, memberId);
  if (!member) return refuse(404, "No such pool application");
  if (!isUuid(slotId)) return refuse(400, "Choose a slot from the list", { slotId: ["Choose a slot from the list"] });
  try {
    return await db.transaction(async (tx) => {
      const [slot] = await tx
        .select({
          id: poolSlots.id,
          roundId: poolSlots.roundId,
          step: poolSlots.step,
          startsAt: poolSlots.startsAt,
          endsAt: poolSlots.endsAt,
          capacity: poolSlots.capacity,
        })
        .from(poolSlots)
        .where(eq(poolSlots.id, slotId))
        .for("update");
      if (!slot || slot.roundId !== member.roundId)
        return refuse(400, "Choose a slot from the list", { slotId: ["Choose a slot from the list"] });
      if (member.status !== "screening" || member.step !== slot.step)
        return refuse(409, "You can book a slot for the step you are at only");
      if (slot.startsAt.getTime() <= now.getTime())
        return refuse(409, "That slot has started: choose a later one", { slotId: ["Choose a slot still to come"] });
      const [taken] = parseRows(
        await tx.execute(sql`SELECT count(*)::int AS n FROM pool_slot_bookings WHERE slot_id = ${slotId} AND live`),
        z.object({ n: z.number() }),
        "places booked on a slot",
      );
      if ((taken?.n ?? 0) >= slot.capacity)
        return refuse(409, "That slot has just been taken: choose another", { slotId: ["That slot is full"] });
      // One booking per step: a new choice replaces the old one.
      await tx.execute(sql`
        UPDATE pool_slot_bookings b SET live = false FROM pool_slots sl
         WHERE b.slot_id = sl.id AND b.member_id = ${memberId} AND b.live AND sl.step = ${slot.step}`);
      await tx.insert(poolSlotBookings).values({ slotId, memberId, startsAt: slot.startsAt, endsAt: slot.endsAt });
      return { ok: true as const };
    });
  } catch (error) {
    if (sqlState(error) === "23P01")
      return refuse(409, "That slot overlaps another of your bookings", {
        slotId: ["That slot overlaps another of your bookings"],
      });
    if (sqlState(error) === "23505") return refuse(409, "You have already booked that slot");
    throw error;
  }
}

/** Cancels one of the candidate's bookings. */
export async function cancelBooking(db: Executor, userId: string, memberId: string, bookingId: string) {
  const member = await ownMember(db, userId, memberId);
  if (!member || !isUuid(bookingId)) return refuse(404, "No such booking");
  const cancelled = await db
    .update(poolSlotBookings)
    .set({ live: false })
    .where(
      and(eq(poolSlotBookings.id, bookingId), eq(poolSlotBookings.memberId, memberId), eq(poolSlotBookings.live, true)),
    )
    .returning({ id: poolSlotBookings.id });
  if (cancelled.length === 0) return refuse(404, "No such booking");
  return { ok: true as const };
}
