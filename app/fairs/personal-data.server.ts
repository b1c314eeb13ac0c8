import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { isoTime } from "../../db/iso-time";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";

/**
 * A teacher's fair records for their personal-data download: each registration with the interests they gave, their
 * meetings (cancelled ones too) and the follow-up invitations schools sent them.
 */
export async function fairPersonalData(db: Executor, userId: string) {
  const registrations = parseRows(
    await db.execute(sql`
      SELECT r.id, f.name AS fair, ${isoTime(sql`f.starts_at`)} AS "fairStartsAt", r.interests,
             ${isoTime(sql`r.created_at`)} AS "registeredAt", ${isoTime(sql`r.cancelled_at`)} AS "cancelledAt"
        FROM fair_registrations r JOIN fairs f ON f.id = r.fair_id
       WHERE r.user_id = ${userId}
       ORDER BY r.created_at`),
    z.object({
      id: z.string(),
      fair: z.string(),
      fairStartsAt: z.string(),
      interests: z.string(),
      registeredAt: z.string(),
      cancelledAt: z.string().nullable(),
    }),
    "a teacher's fair registrations",
  );
  const meetings = parseRows(
    await db.execute(sql`
      SELECT b.registration_id AS "registrationId", s.name AS school, ${isoTime(sql`b.starts_at`)} AS "startsAt",
             ${isoTime(sql`b.ends_at`)} AS "endsAt", b.live AS booked
        FROM fair_bookings b JOIN fair_slots sl ON sl.id = b.slot_id JOIN schools s ON s.id = sl.school_id
        JOIN fair_registrations r ON r.id = b.registration_id
       WHERE r.user_id = ${userId}
       ORDER BY b.starts_at`),
    z.object({
      registrationId: z.string(),
      school: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      booked: z.boolean(),
    }),
    "a teacher's fair meetings",
  );
  const followUps = parseRows(
    await db.execute(sql`
      SELECT fu.registration_id AS "registrationId", s.name AS school, fu.kind, fu.message,
             ${isoTime(sql`fu.created_at`)} AS "sentAt"
        FROM fair_follow_ups fu JOIN schools s ON s.id = fu.school_id
        JOIN fair_registrations r ON r.id = fu.registration_id
       WHERE r.user_id = ${userId}
       ORDER BY fu.created_at`),
    z.object({
      registrationId: z.string(),
      school: z.string(),
      kind: z.string(),
      message: z.string(),
      sentAt: z.string(),
    }),
    "follow-ups sent to a teacher after fairs",
  );
  return registrations.map(({ id, ...registration }) => ({
    ...registration,
    meetings: meetings.filter((m) => m.registrationId === id).map(({ registrationId: _, ...m }) => m),
    followUps: followUps.filter((f) => f.registrationId === id).map(({ registrationId: _, ...f }) => f),
  }));
}
