import { sql } from "drizzle-orm";
import type { Database, Executor, Transaction } from "../../db/client";
import { parseRows, rowsOf } from "../../db/rows";
import { z } from "../forms/zod";
import { cohortChoiceRow, enrolmentRow, idRow, isoText } from "./rows";
import { transactionRunAgainIfDeadlocked } from "../../db/run-again-if-deadlocked";
import { sqlState } from "../../db/sql-state";
import { refuse, type Outcome } from "../forms/outcome";
import { formatLondon } from "../vocabulary/london-time";
import { termLabels, type Term } from "../vocabulary/programmes";
import { isoTime, tutoredEctIds } from "./access.server";

/**
 * Enrolment in a cohort and places at its sessions. Enrolling books every core session still to come; optional
 * sessions are chosen, first come, within capacity. Each session's row is locked while its places are counted, so
 * capacity holds under any number of simultaneous bookings; the database refuses two overlapping live bookings for
 * one ECT (migration 0022), and the rules say which session is in the way before it comes to that.
 */

export type CohortChoice = {
  id: string;
  programmeName: string;
  name: string;
  academicYear: number;
  startTerm: Term;
  label: string;
};

/** Every cohort in the area still running (its two years not over), for a tutor to enrol an ECT in. */
export async function cohortChoices(db: Executor, today: string): Promise<CohortChoice[]> {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1);
  const rows = parseRows(
    await db.execute(sql`
      SELECT c.id, p.name AS "programmeName", c.name, c.academic_year AS "academicYear", c.start_term AS "startTerm"
        FROM programme_cohorts c JOIN ect_programmes p ON p.id = c.programme_id
       WHERE c.academic_year >= ${year - 1}
       ORDER BY p.name, c.academic_year, c.start_term`),
    cohortChoiceRow,
    "the area's cohorts",
  );
  return rows.map((c) => ({
    ...c,
    label: `${c.programmeName}: ${c.name} (starting ${termLabels[c.startTerm].toLowerCase()} ${c.academicYear}/${String(c.academicYear + 1).slice(2)})`,
  }));
}

/** Who is acting for an ECT: their induction tutor, or the ECT themselves (optional sessions only). */
export type Actor = { userId: string };

async function mayActFor(db: Executor, actor: Actor, ectId: string, allowSelf: boolean): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT 1 FROM ects e
       WHERE e.id = ${ectId}
         AND (e.id IN (${tutoredEctIds(actor.userId)}) ${allowSelf ? sql`OR e.user_id = ${actor.userId}` : sql``})`),
  );
  return rows.length > 0;
}

const lockedSessionRow = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: isoText,
  endsAt: isoText,
  capacity: z.number().int(),
  taken: z.number().int(),
});
type LockedSession = z.infer<typeof lockedSessionRow>;

/** Locks sessions (in id order, so two enrolments never wait on each other in a circle) and counts their places. */
async function lockSessions(tx: Transaction, sessionIds: readonly string[]): Promise<LockedSession[]> {
  if (sessionIds.length === 0) return [];
  const ids = sql.join(
    sessionIds.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx.execute(sql`SELECT id FROM programme_sessions WHERE id IN (${ids}) ORDER BY id FOR UPDATE`);
  return parseRows(
    await tx.execute(sql`
      SELECT ps.id, ps.title, ${isoTime(sql`ps.starts_at`)} AS "startsAt", ${isoTime(sql`ps.ends_at`)} AS "endsAt", ps.capacity,
             (SELECT count(*) FROM session_bookings b WHERE b.session_id = ps.id AND b.live)::int AS taken
        FROM programme_sessions ps WHERE ps.id IN (${ids}) ORDER BY ps.starts_at`),
    lockedSessionRow,
    "locked sessions",
  );
}

/** The ECT's live booking that overlaps a session, if any: the reason a booking would be refused. */
async function clashFor(tx: Executor, ectId: string, session: LockedSession): Promise<string | null> {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT ps.title, ${isoTime(sql`ps.starts_at`)} AS "startsAt" FROM session_bookings b JOIN programme_sessions ps ON ps.id = b.session_id
       WHERE b.ect_id = ${ectId} AND b.live AND b.session_id <> ${session.id}
         AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(${session.startsAt}::timestamptz, ${session.endsAt}::timestamptz, '[)')
       LIMIT 1`),
    z.object({ title: z.string(), startsAt: isoText }),
    "the booking a session clashes with",
  );
  return row ? `“${row.title}” on ${formatLondon(row.startsAt)}` : null;
}

async function book(tx: Transaction, actor: Actor, ectId: string, session: LockedSession): Promise<void> {
  await tx.execute(sql`
    INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at, booked_by)
    VALUES (${session.id}, ${ectId}, ${session.startsAt}, ${session.endsAt}, ${actor.userId})
    ON CONFLICT (session_id, ect_id) DO UPDATE
      SET live = true, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, booked_by = EXCLUDED.booked_by`);
}

function clashRefusal(field: string) {
  return refuse(400, "A session clashes", {
    [field]: ["The ECT is already booked at a session at the same time: cancel that one first"],
  });
}

/**
 * Enrols an ECT in a cohort and books them onto its core sessions still to come. Two enrolments of one ECT in one
 * cohort at once make one row (the unique index; the second finds it and changes nothing). A full core session or
 * a clash refuses the whole enrolment, naming the session.
 */
export async function enrol(
  db: Database,
  actor: Actor,
  ectId: string,
  cohortId: string,
  now: Date,
): Promise<Outcome<{ booked: number; alreadyEnrolled: boolean }>> {
  if (!(await mayActFor(db, actor, ectId, false))) return refuse(404, "ECT not found");
  const cohort = rowsOf(await db.execute(sql`SELECT 1 FROM programme_cohorts WHERE id = ${cohortId}`));
  if (cohort.length === 0) return refuse(400, "Choose a cohort", { cohortId: ["Choose a cohort from the list"] });
  try {
    return await transactionRunAgainIfDeadlocked(db, async (tx) => {
      // A core session being added to the cohort takes this row FOR UPDATE and books everyone enrolled: holding it
      // shared here means that session either sees this enrolment or is seen by it, never neither.
      await tx.execute(sql`SELECT id FROM programme_cohorts WHERE id = ${cohortId} FOR SHARE`);
      const inserted = parseRows(
        await tx.execute(sql`
          INSERT INTO cohort_enrolments (cohort_id, ect_id, enrolled_by) VALUES (${cohortId}, ${ectId}, ${actor.userId})
          ON CONFLICT (cohort_id, ect_id) DO NOTHING RETURNING id`),
        idRow,
        "the enrolment inserted",
      );
      if (inserted.length === 0) return { ok: true as const, booked: 0, alreadyEnrolled: true };
      const core = parseRows(
        await tx.execute(sql`
          SELECT id FROM programme_sessions
           WHERE cohort_id = ${cohortId} AND NOT optional AND cancelled_at IS NULL AND starts_at > ${now.toISOString()}`),
        idRow,
        "the cohort's core sessions to come",
      );
      const sessions = await lockSessions(
        tx,
        core.map((s) => s.id),
      );
      for (const session of sessions) {
        if (session.taken >= session.capacity)
          return refuseAndRollBack(
            refuse(409, "A core session is full", {
              cohortId: [
                `“${session.title}” on ${formatLondon(session.startsAt)} is full (${session.capacity} places): ask the programme to move it to a bigger room or add a session`,
              ],
            }),
          );
        const clash = await clashFor(tx, ectId, session);
        if (clash)
          return refuseAndRollBack(
            refuse(400, "A session clashes", {
              cohortId: [
                `The cohort's “${session.title}” on ${formatLondon(session.startsAt)} overlaps ${clash}, which the ECT is booked on`,
              ],
            }),
          );
        await book(tx, actor, ectId, session);
      }
      return { ok: true as const, booked: sessions.length, alreadyEnrolled: false };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.refusal;
    if (sqlState(error) === "23P01") return clashRefusal("cohortId");
    throw error;
  }
}

/** A refusal found inside a transaction that has already written: thrown so the transaction rolls back. */
class RolledBack extends Error {
  constructor(readonly refusal: ReturnType<typeof refuse>) {
    super(refusal.message);
  }
}
function refuseAndRollBack(refusal: ReturnType<typeof refuse>): never {
  throw new RolledBack(refusal);
}

/**
 * Books an ECT onto an optional session of a cohort they are enrolled in, first come, within capacity. The ECT or
 * their tutor may choose.
 */
export async function bookOptional(
  db: Database,
  actor: Actor,
  ectId: string,
  sessionId: string,
  now: Date,
): Promise<Outcome> {
  if (!(await mayActFor(db, actor, ectId, true))) return refuse(404, "ECT not found");
  try {
    return await db.transaction(async (tx) => {
      const [eligible] = parseRows(
        await tx.execute(sql`
          SELECT ps.optional, ps.cancelled_at IS NOT NULL AS cancelled, ps.starts_at <= ${now.toISOString()} AS past
            FROM programme_sessions ps JOIN cohort_enrolments ce ON ce.cohort_id = ps.cohort_id AND ce.ect_id = ${ectId}
           WHERE ps.id = ${sessionId}`),
        z.object({ optional: z.boolean(), cancelled: z.boolean(), past: z.boolean() }),
        "the optional session to book",
      );
      if (!eligible) return refuse(404, "Session not found");
      if (!eligible.optional || eligible.cancelled || eligible.past)
        return refuse(400, "This session cannot be chosen", {
          sessionId: [
            eligible.cancelled
              ? "This session is cancelled"
              : eligible.past
                ? "This session has started"
                : "Core sessions are booked for everyone in the cohort",
          ],
        });
      const [session] = await lockSessions(tx, [sessionId]);
      if (!session) return refuse(404, "Session not found");
      const [already] = rowsOf(
        await tx.execute(
          sql`SELECT 1 FROM session_bookings WHERE session_id = ${sessionId} AND ect_id = ${ectId} AND live`,
        ),
      );
      if (already) return { ok: true as const };
      if (session.taken >= session.capacity)
        return refuse(409, "This session is full", {
          sessionId: [`“${session.title}” is full: all ${session.capacity} places are taken`],
        });
      const clash = await clashFor(tx, ectId, session);
      if (clash)
        return refuse(400, "A session clashes", {
          sessionId: [`“${session.title}” overlaps ${clash}, which is already booked`],
        });
      await book(tx, actor, ectId, session);
      return { ok: true as const };
    });
  } catch (error) {
    if (sqlState(error) === "23P01") return clashRefusal("sessionId");
    throw error;
  }
}

/** Gives up a place at an optional session not yet started; the place is free for the next person at once. */
export async function cancelOptional(
  db: Database,
  actor: Actor,
  ectId: string,
  sessionId: string,
  now: Date,
): Promise<Outcome> {
  if (!(await mayActFor(db, actor, ectId, true))) return refuse(404, "ECT not found");
  const rows = parseRows(
    await db.execute(sql`
      UPDATE session_bookings b SET live = false
        FROM programme_sessions ps
       WHERE b.session_id = ps.id AND b.session_id = ${sessionId} AND b.ect_id = ${ectId} AND b.live
         AND ps.optional AND ps.starts_at > ${now.toISOString()}
      RETURNING b.id`),
    idRow,
    "the optional booking given up",
  );
  if (rows.length === 0)
    return refuse(400, "Nothing to cancel", { sessionId: ["There is no place at this session to give up"] });
  return { ok: true };
}

/** Takes an ECT out of a cohort: their places at its sessions still to come are freed; past registers stay. */
export async function withdrawEnrolment(
  db: Database,
  actor: Actor,
  ectId: string,
  cohortId: string,
  now: Date,
): Promise<Outcome> {
  if (!(await mayActFor(db, actor, ectId, false))) return refuse(404, "ECT not found");
  return db.transaction(async (tx) => {
    const gone = parseRows(
      await tx.execute(
        sql`DELETE FROM cohort_enrolments WHERE cohort_id = ${cohortId} AND ect_id = ${ectId} RETURNING id`,
      ),
      idRow,
      "the enrolment withdrawn",
    );
    if (gone.length === 0) return refuse(404, "Enrolment not found");
    await tx.execute(sql`
      UPDATE session_bookings b SET live = false FROM programme_sessions ps
       WHERE b.session_id = ps.id AND ps.cohort_id = ${cohortId} AND b.ect_id = ${ectId} AND ps.starts_at > ${now.toISOString()}`);
    return { ok: true as const };
  });
}

export type Enrolment = z.infer<typeof enrolmentRow>;

/** The cohorts an ECT is enrolled in, with how many of each cohort's sessions they hold a place at. */
export async function enrolmentsOf(db: Executor, ectId: string): Promise<Enrolment[]> {
  return parseRows(
    await db.execute(sql`
      SELECT c.id AS "cohortId", p.name || ': ' || c.name AS label,
             (SELECT count(*) FROM session_bookings b JOIN programme_sessions ps ON ps.id = b.session_id
               WHERE b.ect_id = ce.ect_id AND b.live AND ps.cohort_id = c.id)::int AS sessions
        FROM cohort_enrolments ce JOIN programme_cohorts c ON c.id = ce.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
       WHERE ce.ect_id = ${ectId} ORDER BY c.academic_year, p.name`),
    enrolmentRow,
    "an ECT's enrolments",
  );
}
