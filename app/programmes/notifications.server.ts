import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { parseRows } from "../../db/rows";
import { queueEmail } from "../../emails/outbox.server";
import { z } from "../forms/zod";
import { PERIOD_NOT_ENDED } from "./access.server";
import { idRow, sessionPlaceFields } from "./rows";
import { reminderIsDue } from "./rules";
import { sessionWhen, venueText, type Venue } from "./session-text";

/**
 * The e-mails of programme sessions: a change of time or place, or a cancellation, tells the booked ECTs and their
 * induction tutors at once (queued in the change's transaction, so a change that rolls back tells nobody); a
 * reminder goes to each booked ECT at 08:00 London time two days before (rules.reminderDueAt), once.
 */
export type NotifyContext = { appUrl: string; enqueue: Enqueue };

type Booked = { ectId: string; ectName: string; ectEmail: string; tutorName: string | null; tutorEmail: string | null };

const bookedRow = z.object({
  ectId: z.string(),
  ectName: z.string(),
  ectEmail: z.string(),
  tutorName: z.string().nullable(),
  tutorEmail: z.string().nullable(),
}) satisfies z.ZodType<Booked>;

/** The ECTs holding a live place on the session, each with the induction tutor of the school they are at now. */
export async function bookedEcts(tx: Executor, sessionId: string): Promise<Booked[]> {
  return parseRows(
    await tx.execute(sql`
      SELECT e.id AS "ectId", e.name AS "ectName", e.email AS "ectEmail",
             tu.name AS "tutorName", tu.email AS "tutorEmail"
        FROM session_bookings b
        JOIN ects e ON e.id = b.ect_id
        LEFT JOIN ect_school_periods sp ON sp.ect_id = e.id AND sp.starts_on <= current_date AND ${PERIOD_NOT_ENDED}
        LEFT JOIN users tu ON tu.id = sp.induction_tutor_user_id
       WHERE b.session_id = ${sessionId} AND b.live
       ORDER BY e.name`),
    bookedRow,
    "the ECTs booked on a session",
  );
}

export type SessionMailFacts = {
  title: string;
  programmeName: string;
  startsAt: Date | string;
  endsAt: Date | string;
  venue: Venue;
};

/**
 * Tells the ECTs in `booked` and their tutors (one mail per tutor, naming their ECTs) that the session changed or was
 * cancelled. Call it inside the transaction of the change, with the booked ECTs read before a cancellation frees
 * their places.
 */
export async function tellSessionChange(
  tx: Executor,
  context: NotifyContext,
  booked: readonly Booked[],
  facts: SessionMailFacts,
  change: { event: "changed" | "cancelled"; changes: string[]; reason: string | null },
): Promise<number> {
  const common = {
    event: change.event,
    sessionTitle: facts.title,
    programmeName: facts.programmeName,
    when: sessionWhen(facts.startsAt, facts.endsAt),
    where: venueText(facts.venue),
    changes: change.changes,
    reason: change.reason,
  };
  let sent = 0;
  const tutors = new Map<string, { name: string; ects: string[] }>();
  for (const b of booked) {
    await queueEmail(tx, context.enqueue, b.ectEmail, "programme-session-change", {
      ...common,
      name: b.ectName,
      url: `${context.appUrl}/induction`,
    });
    sent += 1;
    if (b.tutorEmail) {
      const tutor = tutors.get(b.tutorEmail) ?? { name: b.tutorName ?? "induction tutor", ects: [] };
      tutor.ects.push(b.ectName);
      tutors.set(b.tutorEmail, tutor);
    }
  }
  for (const [email, tutor] of tutors) {
    await queueEmail(tx, context.enqueue, email, "programme-session-change", {
      ...common,
      name: tutor.name,
      ects: tutor.ects,
      url: `${context.appUrl}/ects`,
    });
    sent += 1;
  }
  return sent;
}

type Upcoming = SessionMailFacts & { id: string; facilitatorName: string | null };

const upcomingColumns = sql`
  ps.id, ps.title, p.name AS "programmeName", ps.starts_at AS "startsAt", ps.ends_at AS "endsAt",
  ps.online, ps.room, hs.name AS "schoolName", hs.town AS "schoolTown", fu.name AS "facilitatorName"`;

type UpcomingRow = Omit<Upcoming, "venue"> & Venue;

const upcomingRow = z.object({
  id: z.string(),
  title: z.string(),
  programmeName: z.string(),
  ...sessionPlaceFields,
  facilitatorName: z.string().nullable(),
}) satisfies z.ZodType<UpcomingRow>;

const asUpcoming = (r: UpcomingRow): Upcoming => ({
  id: r.id,
  title: r.title,
  programmeName: r.programmeName,
  startsAt: new Date(r.startsAt),
  endsAt: new Date(r.endsAt),
  facilitatorName: r.facilitatorName,
  venue: { online: r.online, room: r.room, schoolName: r.schoolName, schoolTown: r.schoolTown },
});

/**
 * Sends the reminders that are due at `now`: each live session not yet reminded whose 08:00-two-days-before has come
 * and which has not started. A session is claimed (reminded_at set) in the same transaction as its mails, so two
 * runs at once, or a run after a crash, never remind twice. Returns the number of mails queued.
 */
export async function sendDueReminders(db: Database, context: NotifyContext, now: Date): Promise<number> {
  // Two London days ahead at most is three days ahead in any time zone: the rule itself decides which are due.
  const candidates = parseRows(
    await db.execute(sql`
      SELECT ${upcomingColumns}
        FROM programme_sessions ps
        JOIN programme_cohorts c ON c.id = ps.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
        LEFT JOIN schools hs ON hs.id = ps.host_school_id
        LEFT JOIN users fu ON fu.id = ps.facilitator_user_id
       WHERE ps.cancelled_at IS NULL AND ps.reminded_at IS NULL
         AND ps.starts_at > ${now.toISOString()}::timestamptz
         AND ps.starts_at <= ${now.toISOString()}::timestamptz + interval '3 days'`),
    upcomingRow,
    "the sessions whose reminders may be due",
  )
    .map(asUpcoming)
    .filter((s) => reminderIsDue(new Date(s.startsAt), now));
  let sent = 0;
  for (const session of candidates) {
    sent += await db.transaction(async (tx) => {
      const claimed = parseRows(
        await tx.execute(sql`
          UPDATE programme_sessions SET reminded_at = ${now.toISOString()}::timestamptz
           WHERE id = ${session.id} AND reminded_at IS NULL AND cancelled_at IS NULL RETURNING id`),
        idRow,
        "the session claimed for its reminders",
      );
      if (claimed.length === 0) return 0;
      const booked = await bookedEcts(tx, session.id);
      for (const b of booked)
        await queueEmail(tx, context.enqueue, b.ectEmail, "programme-session-reminder", {
          name: b.ectName,
          sessionTitle: session.title,
          programmeName: session.programmeName,
          when: sessionWhen(session.startsAt, session.endsAt),
          where: venueText(session.venue),
          facilitatorName: session.facilitatorName,
          url: `${context.appUrl}/induction`,
        });
      return booked.length;
    });
  }
  return sent;
}
