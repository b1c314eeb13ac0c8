import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { z } from "../forms/zod";

/** A mentor takes at most this many trainees at once unless their partnership says otherwise. */
const DEFAULT_MENTOR_CAP = 2;

/**
 * A mentor's load over a period: the confirmed placements they mentor and the ECTs they mentor (ECT mentor periods)
 * that overlap it. One count for both, so a mentor with two ECTs is full for a trainee under a cap of two, and the
 * other way round. `excluding` leaves out the row being decided (a booking re-confirmed, a mentor period replaced).
 */
export async function mentorLoad(
  db: Executor,
  mentorUserId: string,
  period: { startsOn: string; endsOn: string | null },
  excluding: { bookingId?: string; mentorPeriodId?: string } = {},
): Promise<number> {
  // An open-ended period (an ECT mentored until further notice) is an unbounded range.
  const range = sql`daterange(${period.startsOn}::date, ${period.endsOn}::date, '[]')`;
  const row = firstRow(
    parseRows(
      await db.execute(sql`
      SELECT (SELECT count(*) FROM placement_bookings
               WHERE mentor_user_id = ${mentorUserId} AND state IN ('confirmed', 'completed')
                 AND daterange(starts_on, ends_on, '[]') && ${range}
                 AND id <> ${excluding.bookingId ?? ""})::int
           + (SELECT count(*) FROM ect_mentor_periods
               WHERE mentor_user_id = ${mentorUserId}
                 AND daterange(starts_on, ends_on, '[)') && ${range}
                 AND id <> ${excluding.mentorPeriodId ?? ""})::int AS n`),
      z.object({ n: z.number().int() }),
      "a mentor's load",
    ),
    "a count",
  );
  return row.n;
}

/** The cap that applies to mentors at a school: its partnership's setting, or the default. */
export async function mentorCapAt(db: Executor, schoolId: string): Promise<number> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT ps.mentor_cap AS cap FROM schools s LEFT JOIN placement_settings ps ON ps.partnership_id = s.partnership_id
       WHERE s.id = ${schoolId}`),
    z.object({ cap: z.number().int().nullable() }),
    "the mentor cap at a school",
  );
  return row?.cap ?? DEFAULT_MENTOR_CAP;
}

/**
 * Holds a transaction-long lock on one mentor, so two acceptances naming the same mentor at once are counted one
 * after the other and the cap cannot be passed by a race.
 */
export async function lockMentor(db: Executor, mentorUserId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${"mentor:" + mentorUserId}))`);
}
