import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { parseRows } from "../../db/rows";
import { queueEmail } from "../../emails/outbox.server";
import { z } from "../forms/zod";
import { membershipActsForSchool } from "../access/scope.server";
import { fairById, isoTime } from "./access.server";
import type { NotifyContext } from "./fairs.server";
import { reminderIsDue } from "./rules";
import { fairWhen, fairWhere, meetingWhen } from "./text";

/**
 * The day before a fair, at 08:00 London time, each registered teacher with meetings gets their timetable and each
 * taking-part school's HR get theirs. A teacher's bookings are claimed (reminded_at) in the transaction that queues
 * their mail, so two runs at once, or a run after a crash, never remind twice; a school is sent its timetable in
 * the same run as the fair's first claimed bookings (a run that claims none sends the schools nothing).
 */

const claimedRow = z.object({
  registrationId: z.string(),
  name: z.string(),
  email: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  stand: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  withWhom: z.string(),
});

export async function sendDueFairReminders(db: Database, context: NotifyContext, now: Date): Promise<number> {
  const candidates = parseRows(
    await db.execute(sql`
      SELECT f.id, ${isoTime(sql`f.starts_at`)} AS "startsAt",
             EXISTS (SELECT 1 FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id
                      WHERE s.fair_id = f.id AND b.reminded_at IS NOT NULL) AS "remindedBefore"
        FROM fairs f
       WHERE f.starts_at > ${now.toISOString()}::timestamptz
         AND f.starts_at <= ${now.toISOString()}::timestamptz + interval '2 days'
         AND EXISTS (SELECT 1 FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id
                      WHERE s.fair_id = f.id AND b.live AND b.reminded_at IS NULL)`),
    z.object({ id: z.string(), startsAt: z.string(), remindedBefore: z.boolean() }),
    "fairs with reminders to send",
  ).filter((f) => reminderIsDue(new Date(f.startsAt), now));
  let sent = 0;
  for (const candidate of candidates) {
    sent += await db.transaction(async (tx) => {
      // One run at a time per fair: the second waits, then finds the bookings already claimed.
      const fair = await fairById(tx, candidate.id, true);
      if (!fair) return 0;
      const claimed = parseRows(
        await tx.execute(sql`
          WITH claimed AS (
            UPDATE fair_bookings b SET reminded_at = ${now.toISOString()}::timestamptz
              FROM fair_slots s
             WHERE s.id = b.slot_id AND s.fair_id = ${fair.id} AND b.live AND b.reminded_at IS NULL
            RETURNING b.registration_id
          )
          SELECT r.id AS "registrationId", u.name, u.email, s.school_id AS "schoolId", sc.name AS "schoolName",
                 coalesce(fs.stand, '') AS stand, ${isoTime(sql`b.starts_at`)} AS "startsAt",
                 ${isoTime(sql`b.ends_at`)} AS "endsAt", s.with_whom AS "withWhom"
            FROM fair_registrations r JOIN users u ON u.id = r.user_id
            JOIN fair_bookings b ON b.registration_id = r.id AND b.live
            JOIN fair_slots s ON s.id = b.slot_id JOIN schools sc ON sc.id = s.school_id
            LEFT JOIN fair_schools fs ON fs.fair_id = s.fair_id AND fs.school_id = s.school_id
           WHERE r.id IN (SELECT registration_id FROM claimed) AND r.cancelled_at IS NULL
           ORDER BY u.email, b.starts_at`),
        claimedRow,
        "the bookings claimed for reminders",
      );
      if (claimed.length === 0) return 0;
      const common = {
        fairName: fair.name,
        when: fairWhen(fair.startsAt, fair.endsAt),
        where: fairWhere(fair),
        onlineUrl: fair.onlineUrl,
      };
      let mails = 0;
      const byTeacher = new Map<string, (typeof claimed)[number][]>();
      for (const row of claimed) byTeacher.set(row.email, [...(byTeacher.get(row.email) ?? []), row]);
      for (const [email, rows] of byTeacher) {
        await queueEmail(tx, context.enqueue, email, "fair-reminder", {
          ...common,
          name: rows[0]?.name ?? "",
          audience: "teacher",
          meetings: rows.map((r) => ({
            when: meetingWhen(r.startsAt, r.endsAt),
            who: [r.schoolName, r.stand, r.withWhom].filter(Boolean).join(", "),
          })),
          url: `${context.appUrl}/fairs/${fair.id}/mine`,
        });
        mails += 1;
      }
      if (!candidate.remindedBefore) mails += await remindSchools(tx, context, fair.id, common);
      return mails;
    });
  }
  return sent;
}

type Common = { fairName: string; when: string; where: string; onlineUrl: string | null };

/** Each taking-part school's HR (at the school, its trust or LA), their school's timetable. */
async function remindSchools(
  tx: Parameters<Parameters<Database["transaction"]>[0]>[0],
  context: NotifyContext,
  fairId: string,
  common: Common,
): Promise<number> {
  const rows = parseRows(
    await tx.execute(sql`
      SELECT sc.id AS "schoolId", sc.name AS "schoolName", u.name AS "teacherName", r.interests,
             ${isoTime(sql`b.starts_at`)} AS "startsAt", ${isoTime(sql`b.ends_at`)} AS "endsAt"
        FROM fair_schools fs JOIN schools sc ON sc.id = fs.school_id
        JOIN fair_slots s ON s.fair_id = fs.fair_id AND s.school_id = fs.school_id
        JOIN fair_bookings b ON b.slot_id = s.id AND b.live
        JOIN fair_registrations r ON r.id = b.registration_id JOIN users u ON u.id = r.user_id
       WHERE fs.fair_id = ${fairId}
       ORDER BY sc.name, b.starts_at, u.name`),
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      teacherName: z.string(),
      interests: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
    }),
    "the schools' timetables",
  );
  const schoolIds = [...new Set(rows.map((r) => r.schoolId))];
  if (schoolIds.length === 0) return 0;
  const hr = parseRows(
    await tx.execute(sql`
      SELECT DISTINCT sc.id AS "schoolId", u.name, u.email
        FROM schools sc JOIN memberships m ON m.role = 'hr' AND ${membershipActsForSchool("m", "sc", ["hr"])}
        JOIN users u ON u.id = m.user_id
       WHERE sc.id IN (SELECT school_id FROM fair_schools WHERE fair_id = ${fairId})
       ORDER BY u.email`),
    z.object({ schoolId: z.string(), name: z.string(), email: z.string() }),
    "the taking-part schools' HR",
  );
  let mails = 0;
  for (const person of hr) {
    const mine = rows.filter((r) => r.schoolId === person.schoolId);
    if (mine.length === 0) continue;
    await queueEmail(tx, context.enqueue, person.email, "fair-reminder", {
      ...common,
      name: person.name,
      audience: "school",
      schoolName: mine[0]?.schoolName ?? "",
      meetings: mine.map((r) => ({
        when: meetingWhen(r.startsAt, r.endsAt),
        who: r.interests ? `${r.teacherName}: ${r.interests}` : r.teacherName,
      })),
      url: `${context.appUrl}/fairs/${fairId}/schools/${person.schoolId}`,
    });
    mails += 1;
  }
  return mails;
}
