import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { parseRows } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { queueEmail } from "../../emails/outbox.server";
import { userIdsWhoHold } from "../access/scope.server";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { lockMentor, mentorCapAt, mentorLoad } from "../mentors/load.server";
import { formatLondonDate } from "../vocabulary/london-time";
import { PERIOD_NOT_ENDED, tutoredSchoolIds } from "./access.server";
import { dayText, menteeRow, nameRow } from "./rows";

/**
 * An ECT's mentor: chosen by their induction tutor from the school's mentors, never the tutor themselves, one at a
 * time (a dated period), within the partnership's cap on a mentor's load of ECTs and trainees together. The mentor
 * and the ECT are both e-mailed the choice.
 */

export type MentorChoice = { id: string; name: string; load: number; cap: number };

/** The mentors of a school (held at the school, its trust or its LA), with their load from today. */
export async function mentorChoices(db: Executor, schoolId: string, today: string): Promise<MentorChoice[]> {
  const people = parseRows(
    await db.execute(sql`
      SELECT u.id, u.name FROM users u
       WHERE u.id IN (${userIdsWhoHold(["mentor"], { kind: "school", schoolId })}) ORDER BY u.name`),
    z.object({ id: z.string(), name: z.string() }),
    "a school's mentors",
  );
  const cap = await mentorCapAt(db, schoolId);
  return Promise.all(
    people.map(async (p) => ({ ...p, cap, load: await mentorLoad(db, p.id, { startsOn: today, endsOn: today }) })),
  );
}

type CurrentPeriod = { id: string; schoolId: string; tutorUserId: string | null; startsOn: string };

const currentPeriodRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  tutorUserId: z.string().nullable(),
  startsOn: dayText,
}) satisfies z.ZodType<CurrentPeriod>;

/** The ECT's period at one of the user's tutored schools now, locked for the change, or null (a 404). */
async function tutoredPeriod(db: Executor, userId: string, ectId: string): Promise<CurrentPeriod | null> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT sp.id, sp.school_id AS "schoolId", sp.induction_tutor_user_id AS "tutorUserId",
             sp.starts_on::text AS "startsOn"
        FROM ect_school_periods sp
       WHERE sp.ect_id = ${ectId} AND ${PERIOD_NOT_ENDED} AND sp.school_id IN (${tutoredSchoolIds(userId)})
       FOR UPDATE`),
    currentPeriodRow,
    "the tutored school period to change",
  );
  return row ?? null;
}

/**
 * Makes `mentorUserId` the ECT's mentor from `startsOn`: the mentor before them stops that day. Refused at the field
 * when the mentor is the ECT's induction tutor (or the tutor making the choice), is not one of the school's mentors,
 * or is at the cap.
 */
export async function assignMentor(
  db: Database,
  userId: string,
  ectId: string,
  input: { mentorUserId: string; startsOn: string },
  context: { appUrl: string; enqueue: Enqueue },
): Promise<Outcome> {
  try {
    return await db.transaction(async (tx) => {
      const period = await tutoredPeriod(tx, userId, ectId);
      if (!period) return refuse(404, "ECT not found");
      if (input.mentorUserId === period.tutorUserId || input.mentorUserId === userId)
        return refuse(400, "Choose someone other than the induction tutor", {
          mentorUserId: ["The mentor and the induction tutor must be different people: choose another mentor"],
        });
      const [mentor] = parseRows(
        await tx.execute(sql`
          SELECT name FROM users
           WHERE id = ${input.mentorUserId}
             AND id IN (${userIdsWhoHold(["mentor"], { kind: "school", schoolId: period.schoolId })})`),
        nameRow,
        "the mentor chosen",
      );
      if (!mentor)
        return refuse(400, "Choose one of the school's mentors", {
          mentorUserId: ["Choose one of the school's mentors from the list"],
        });
      if (input.startsOn < period.startsOn)
        return refuse(400, "Check the date", {
          startsOn: ["Mentoring starts on or after the day the ECT started at this school"],
        });
      const [current] = parseRows(
        await tx.execute(sql`
          SELECT id, starts_on::text AS "startsOn", mentor_user_id AS "mentorUserId" FROM ect_mentor_periods
           WHERE ect_id = ${ectId} AND (ends_on IS NULL OR ends_on > ${input.startsOn})
           ORDER BY starts_on DESC LIMIT 1 FOR UPDATE`),
        z.object({ id: z.string(), startsOn: dayText, mentorUserId: z.string() }),
        "the ECT's current mentor period",
      );
      if (current?.mentorUserId === input.mentorUserId)
        return refuse(400, "Already the mentor", { mentorUserId: [`${mentor.name} already mentors this ECT`] });
      if (current && current.startsOn >= input.startsOn)
        return refuse(400, "Check the date", {
          startsOn: [`The current mentor started on ${current.startsOn}: the new one starts after that`],
        });
      await lockMentor(tx, input.mentorUserId);
      const cap = await mentorCapAt(tx, period.schoolId);
      const load = await mentorLoad(tx, input.mentorUserId, { startsOn: input.startsOn, endsOn: null });
      if (load >= cap)
        return refuse(400, "This mentor is at the cap", {
          mentorUserId: [
            `${mentor.name} already mentors ${load} (ECTs and trainees together) from that date: the partnership's cap is ${cap}`,
          ],
        });
      if (current)
        await tx.execute(sql`UPDATE ect_mentor_periods SET ends_on = ${input.startsOn} WHERE id = ${current.id}`);
      await tx.execute(sql`
        INSERT INTO ect_mentor_periods (ect_id, school_id, mentor_user_id, starts_on, assigned_by)
        VALUES (${ectId}, ${period.schoolId}, ${input.mentorUserId}, ${input.startsOn}, ${userId})`);
      await tellMentorAndEct(tx, { ectId, tutorUserId: userId, ...input }, context);
      return { ok: true as const };
    });
  } catch (error) {
    // Two tutors choosing mentors for one ECT at once: the constraint keeps one; the other is asked to look again.
    if (sqlState(error) === "23P01")
      return refuse(409, "The ECT's mentor changed while you were choosing: reload the page and check");
    throw error;
  }
}

/** The mentor and the ECT each hear of the choice, in the transaction that makes it (a rollback sends nothing). */
async function tellMentorAndEct(
  tx: Executor,
  choice: { ectId: string; mentorUserId: string; tutorUserId: string; startsOn: string },
  context: { appUrl: string; enqueue: Enqueue },
): Promise<void> {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT e.name AS "ectName", e.email AS "ectEmail", m.name AS "mentorName", m.email AS "mentorEmail",
             t.name AS "tutorName", s.name AS "schoolName"
        FROM ects e
        JOIN users m ON m.id = ${choice.mentorUserId}
        JOIN users t ON t.id = ${choice.tutorUserId}
        JOIN ect_school_periods sp ON sp.ect_id = e.id AND (sp.ends_on IS NULL OR sp.ends_on > current_date)
        JOIN schools s ON s.id = sp.school_id
       WHERE e.id = ${choice.ectId}`),
    z.object({
      ectName: z.string(),
      ectEmail: z.string(),
      mentorName: z.string(),
      mentorEmail: z.string(),
      tutorName: z.string(),
      schoolName: z.string(),
    }),
    "who hears of a mentor",
  );
  if (!row) return;
  const shared = {
    ectName: row.ectName,
    mentorName: row.mentorName,
    schoolName: row.schoolName,
    tutorName: row.tutorName,
    from: formatLondonDate(choice.startsOn),
  };
  await queueEmail(tx, context.enqueue, row.mentorEmail, "ect-mentor-assigned", {
    ...shared,
    to: "mentor",
    name: row.mentorName,
    url: `${context.appUrl}/ects/${choice.ectId}`,
  });
  await queueEmail(tx, context.enqueue, row.ectEmail, "ect-mentor-assigned", {
    ...shared,
    to: "ect",
    name: row.ectName,
    url: `${context.appUrl}/induction`,
  });
}

/** Ends the current mentoring on `endsOn` (the first day without this mentor). */
export async function endMentoring(db: Database, userId: string, ectId: string, endsOn: string): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const period = await tutoredPeriod(tx, userId, ectId);
    if (!period) return refuse(404, "ECT not found");
    const [current] = parseRows(
      await tx.execute(sql`
        SELECT id, starts_on::text AS "startsOn" FROM ect_mentor_periods
         WHERE ect_id = ${ectId} AND (ends_on IS NULL OR ends_on > ${endsOn}) ORDER BY starts_on DESC LIMIT 1
         FOR UPDATE`),
      z.object({ id: z.string(), startsOn: dayText }),
      "the mentor period to end",
    );
    if (!current) return refuse(400, "No mentor to stop", { endsOn: ["The ECT has no mentor on that date"] });
    if (endsOn <= current.startsOn)
      return refuse(400, "Check the date", { endsOn: ["Mentoring stops after the day it started"] });
    await tx.execute(sql`UPDATE ect_mentor_periods SET ends_on = ${endsOn} WHERE id = ${current.id}`);
    return { ok: true as const };
  });
}

export type Mentee = z.infer<typeof menteeRow>;

/** The ECTs a mentor mentors now. */
export async function menteesOf(db: Executor, userId: string): Promise<Mentee[]> {
  return parseRows(
    await db.execute(sql`
      SELECT e.id, e.name, s.name AS "schoolName", mp.starts_on::text AS since
        FROM ect_mentor_periods mp JOIN ects e ON e.id = mp.ect_id JOIN schools s ON s.id = mp.school_id
       WHERE mp.mentor_user_id = ${userId} AND (mp.ends_on IS NULL OR mp.ends_on > current_date)
       ORDER BY e.name`),
    menteeRow,
    "a mentor's mentees",
  );
}
