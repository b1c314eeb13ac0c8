import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { firstRow, parseRows, rowsOf } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { queueEmail } from "../../emails/outbox.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { INVITATION_DAYS } from "../memberships/invitations.server";
import { PERIOD_NOT_ENDED, readableEctIds, tutoredEctIds, tutoredSchoolIds } from "./access.server";
import type { contactHoursSchema, ectDetailsSchema, registerEctSchema } from "./ect-schemas";
import {
  dayText,
  ectRow,
  ectSummaryRow,
  idRow,
  mentorPeriodRow,
  nameRow,
  schoolPeriodRow,
  tutorSchoolRow,
} from "./rows";
import { inductionProgress, type InductionProgress } from "./rules";

/**
 * ECT records: the person (by TRN), the schools they have been at (periods, one at a time by constraint) and their
 * details. An induction tutor manages the ECTs whose school now is theirs; history stays when an ECT moves.
 */

export type Context = { appUrl: string; enqueue: Enqueue };

export type TutorSchool = z.infer<typeof tutorSchoolRow>;

/** The schools where a user is an induction tutor, with the standard contact hours each has set. */
export async function tutorSchools(db: Executor, userId: string): Promise<TutorSchool[]> {
  return parseRows(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name, es.weekly_contact_hours AS "weeklyContactHours"
        FROM schools s LEFT JOIN school_ect_settings es ON es.school_id = s.id
       WHERE s.id IN (${tutoredSchoolIds(userId)}) ORDER BY s.name`),
    tutorSchoolRow,
    "a tutor's schools",
  );
}

async function isTutoredSchool(db: Executor, userId: string, schoolId: string): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`SELECT 1 FROM schools WHERE id = ${schoolId} AND id IN (${tutoredSchoolIds(userId)})`),
  );
  return rows.length > 0;
}

export type RegisterInput = z.infer<typeof registerEctSchema> & { startsAtSchoolOn?: string };

/**
 * Registers an ECT at one of the tutor's schools and invites them to an account. A TRN already known is the same
 * person arriving from another school: their record gains a new school period, which the constraint refuses while
 * their last school has not recorded that they left.
 */
export async function registerEct(
  db: Database,
  tutor: { id: string; name: string },
  input: RegisterInput,
  context: Context,
): Promise<Outcome<{ ectId: string; moved: boolean }>> {
  if (!(await isTutoredSchool(db, tutor.id, input.schoolId))) return refuse(404, "School not found");
  const startsOn = input.startsAtSchoolOn ?? input.inductionStartsOn;
  try {
    return await db.transaction(async (tx) => {
      // Two tutors registering one TRN at once are taken one after the other.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${"ect-trn:" + input.trn}))`);
      const [known] = parseRows(
        await tx.execute(sql`
          SELECT e.id, EXISTS (SELECT 1 FROM ect_school_periods sp WHERE sp.ect_id = e.id AND ${PERIOD_NOT_ENDED}) AS open
            FROM ects e WHERE e.trn = ${input.trn}`),
        z.object({ id: z.string(), open: z.boolean() }),
        "the ECT known by this TRN",
      );
      if (known?.open)
        return refuse(400, "This ECT is registered at a school", {
          trn: [
            "An ECT with this TRN is registered at another school. Once that school records the date they leave, register them here",
          ],
        });
      let ectId = known?.id;
      if (!ectId) {
        const token = generateToken();
        const invitation = firstRow(
          parseRows(
            await tx.execute(sql`
              INSERT INTO invitations (email, role, scope_kind, school_id, token_hash, invited_by, expires_at)
              VALUES (${input.email}, 'teacher', 'school', ${input.schoolId}, ${hashToken(token)}, ${tutor.id},
                      ${new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString()})
              RETURNING id`),
            idRow,
            "the row inserted into invitations",
          ),
          "the row inserted into invitations",
        );
        ectId = firstRow(
          parseRows(
            await tx.execute(sql`
              INSERT INTO ects (invitation_id, name, email, trn, induction_starts_on, fte_percent, appropriate_body, created_by)
              VALUES (${invitation.id}, ${input.name}, ${input.email}, ${input.trn}, ${input.inductionStartsOn},
                      ${input.ftePercent}, ${input.appropriateBody}, ${tutor.id})
              RETURNING id`),
            idRow,
            "the row inserted into ects",
          ),
          "the row inserted into ects",
        ).id;
        const [school] = parseRows(
          await tx.execute(sql`SELECT name FROM schools WHERE id = ${input.schoolId}`),
          nameRow,
          "the ECT's school",
        );
        await queueEmail(tx, context.enqueue, input.email, "invitation", {
          inviterName: tutor.name,
          roleLabel: "an early career teacher",
          placeName: school?.name ?? "your school",
          url: `${context.appUrl}/invitations/${token}`,
          expiresInDays: INVITATION_DAYS,
        });
      }
      await tx.execute(sql`
        INSERT INTO ect_school_periods (ect_id, school_id, induction_tutor_user_id, starts_on)
        VALUES (${ectId}, ${input.schoolId}, ${tutor.id}, ${startsOn})`);
      return { ok: true as const, ectId, moved: Boolean(known) };
    });
  } catch (error) {
    if (sqlState(error) === "23P01")
      return refuse(400, "Check the start date", {
        inductionStartsOn: ["The ECT was still at their last school on this date: choose a date after they left"],
      });
    throw error;
  }
}

/** Records the day an ECT leaves their school (their first day away); their mentor period there ends with it. */
export async function leaveSchool(db: Database, userId: string, ectId: string, leavesOn: string): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const [period] = parseRows(
      await tx.execute(sql`
        SELECT sp.id, sp.starts_on::text AS "startsOn", sp.school_id AS "schoolId" FROM ect_school_periods sp
         WHERE sp.ect_id = ${ectId} AND ${PERIOD_NOT_ENDED} AND sp.school_id IN (${tutoredSchoolIds(userId)})
         FOR UPDATE`),
      z.object({ id: z.string(), startsOn: dayText, schoolId: z.string() }),
      "the school period the ECT leaves",
    );
    if (!period) return refuse(404, "ECT not found");
    if (leavesOn <= period.startsOn)
      return refuse(400, "Check the date", { leavesOn: ["The day they leave must be after the day they started"] });
    await tx.execute(sql`UPDATE ect_school_periods SET ends_on = ${leavesOn} WHERE id = ${period.id}`);
    await tx.execute(sql`
      UPDATE ect_mentor_periods SET ends_on = ${leavesOn}
       WHERE ect_id = ${ectId} AND school_id = ${period.schoolId} AND (ends_on IS NULL OR ends_on > ${leavesOn})
         AND starts_on < ${leavesOn}`);
    await tx.execute(sql`
      DELETE FROM ect_mentor_periods
       WHERE ect_id = ${ectId} AND school_id = ${period.schoolId} AND starts_on >= ${leavesOn}`);
    return { ok: true as const };
  });
}

export type EctDetails = z.infer<typeof ectDetailsSchema>;

/** A change of working pattern or appropriate body, by the ECT's tutor. */
export async function updateEctDetails(
  db: Executor,
  userId: string,
  ectId: string,
  input: EctDetails,
): Promise<Outcome> {
  const rows = parseRows(
    await db.execute(sql`
      UPDATE ects SET fte_percent = ${input.ftePercent}, appropriate_body = ${input.appropriateBody}
       WHERE id = ${ectId} AND id IN (${tutoredEctIds(userId)}) RETURNING id`),
    idRow,
    "the ECT updated",
  );
  return rows.length === 0 ? refuse(404, "ECT not found") : { ok: true };
}

/** A school's standard weekly contact hours, from which released time is worked out. */
export async function setContactHours(
  db: Executor,
  userId: string,
  input: z.infer<typeof contactHoursSchema>,
): Promise<Outcome> {
  if (!(await isTutoredSchool(db, userId, input.schoolId))) return refuse(404, "School not found");
  await db.execute(sql`
    INSERT INTO school_ect_settings (school_id, weekly_contact_hours, updated_by)
    VALUES (${input.schoolId}, ${input.weeklyContactHours}, ${userId})
    ON CONFLICT (school_id) DO UPDATE SET weekly_contact_hours = EXCLUDED.weekly_contact_hours,
      updated_by = EXCLUDED.updated_by, updated_at = now()`);
  return { ok: true };
}

export type EctSummary = {
  id: string;
  name: string;
  trn: string;
  schoolName: string;
  mentorName: string | null;
  linked: boolean;
  cohorts: string[];
  progress: InductionProgress;
};

/** The ECTs at a tutor's schools now, with their mentor, cohorts and induction progress. */
export async function ectsOfTutor(db: Executor, userId: string, today: string): Promise<EctSummary[]> {
  const rows = parseRows(
    await db.execute(sql`
      SELECT e.id, e.name, e.trn, s.name AS "schoolName", e.user_id IS NOT NULL AS linked,
             e.induction_starts_on::text AS "inductionStartsOn", e.fte_percent AS "ftePercent",
             (SELECT u.name FROM ect_mentor_periods mp JOIN users u ON u.id = mp.mentor_user_id
               WHERE mp.ect_id = e.id AND mp.starts_on <= current_date AND (mp.ends_on IS NULL OR mp.ends_on > current_date)
               LIMIT 1) AS "mentorName",
             coalesce((SELECT json_agg(p.name || ': ' || c.name ORDER BY c.academic_year DESC)
                         FROM cohort_enrolments ce JOIN programme_cohorts c ON c.id = ce.cohort_id
                         JOIN ect_programmes p ON p.id = c.programme_id WHERE ce.ect_id = e.id), '[]'::json) AS cohorts,
             (SELECT json_agg(json_build_object('startsOn', p2.starts_on::text, 'endsOn', p2.ends_on::text))
                FROM ect_school_periods p2 WHERE p2.ect_id = e.id) AS periods
        FROM ect_school_periods sp JOIN ects e ON e.id = sp.ect_id JOIN schools s ON s.id = sp.school_id
       WHERE ${PERIOD_NOT_ENDED} AND sp.school_id IN (${tutoredSchoolIds(userId)})
       ORDER BY s.name, e.name`),
    ectSummaryRow,
    "a tutor's ECTs",
  );
  return rows.map(({ inductionStartsOn, ftePercent, periods, ...rest }) => ({
    ...rest,
    progress: inductionProgress(inductionStartsOn, ftePercent, periods, today),
  }));
}

export type SchoolPeriodRow = z.infer<typeof schoolPeriodRow>;
export type MentorPeriodRow = z.infer<typeof mentorPeriodRow>;

export type EctRecord = {
  id: string;
  name: string;
  email: string;
  trn: string;
  inductionStartsOn: string;
  ftePercent: number;
  appropriateBody: string;
  linked: boolean;
  periods: SchoolPeriodRow[];
  mentors: MentorPeriodRow[];
  current: SchoolPeriodRow | null;
  progress: InductionProgress;
  /** The viewer is a tutor at the ECT's school now and may change the record. */
  canManage: boolean;
  /** The viewer is the ECT. */
  isSelf: boolean;
};

/** One ECT's record as `userId` may see it, or null (another school's ECT is not found). */
export async function ectRecord(db: Executor, userId: string, ectId: string, today: string): Promise<EctRecord | null> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT e.id, e.name, e.email, e.trn, e.induction_starts_on::text AS "inductionStartsOn",
             e.fte_percent AS "ftePercent", e.appropriate_body AS "appropriateBody", e.user_id IS NOT NULL AS linked,
             e.user_id AS "userId", e.id IN (${tutoredEctIds(userId)}) AS "canManage"
        FROM ects e WHERE e.id = ${ectId} AND e.id IN (${readableEctIds(userId)})`),
    ectRow,
    "an ECT",
  );
  if (!row) return null;
  const periods = parseRows(
    await db.execute(sql`
      SELECT sp.id, sp.school_id AS "schoolId", s.name AS "schoolName", sp.starts_on::text AS "startsOn",
             sp.ends_on::text AS "endsOn", u.name AS "tutorName", sp.induction_tutor_user_id AS "tutorUserId"
        FROM ect_school_periods sp JOIN schools s ON s.id = sp.school_id
        LEFT JOIN users u ON u.id = sp.induction_tutor_user_id
       WHERE sp.ect_id = ${ectId} ORDER BY sp.starts_on DESC`),
    schoolPeriodRow,
    "an ECT's schools",
  );
  const mentors = parseRows(
    await db.execute(sql`
      SELECT mp.id, u.name AS "mentorName", mp.mentor_user_id AS "mentorUserId", mp.starts_on::text AS "startsOn",
             mp.ends_on::text AS "endsOn"
        FROM ect_mentor_periods mp JOIN users u ON u.id = mp.mentor_user_id
       WHERE mp.ect_id = ${ectId} ORDER BY mp.starts_on DESC`),
    mentorPeriodRow,
    "an ECT's mentors",
  );
  const current = periods.find((p) => p.endsOn === null || p.endsOn > today) ?? null;
  const { userId: ectUserId, ...rest } = row;
  return {
    ...rest,
    isSelf: ectUserId === userId,
    periods,
    mentors,
    current,
    progress: inductionProgress(row.inductionStartsOn, row.ftePercent, periods, today),
  };
}

/**
 * The user's own ECT record. An invitation accepted by them links the record the first time they come, so an ECT
 * who signed up through their tutor's invitation finds their timetable without anyone linking it by hand.
 */
export async function ownEct(db: Executor, userId: string): Promise<{ id: string } | null> {
  await db.execute(sql`
    UPDATE ects SET user_id = ${userId}
     WHERE user_id IS NULL AND invitation_id IN (SELECT id FROM invitations WHERE accepted_by = ${userId})`);
  const [row] = parseRows(
    await db.execute(sql`SELECT id FROM ects WHERE user_id = ${userId} ORDER BY created_at LIMIT 1`),
    idRow,
    "the user's own ECT record",
  );
  return row ?? null;
}

/**
 * What a person is in ECT programmes without a role for it: an ECT (their record, or one whose invitation they
 * accepted), a facilitator of a programme. One query per page, for the navigation.
 */
export async function programmeParts(db: Executor, userId: string): Promise<{ ect: boolean; facilitator: boolean }> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT EXISTS (SELECT 1 FROM ects WHERE user_id = ${userId})
             OR EXISTS (SELECT 1 FROM ects e JOIN invitations i ON i.id = e.invitation_id
                         WHERE e.user_id IS NULL AND i.accepted_by = ${userId}) AS ect,
             EXISTS (SELECT 1 FROM programme_facilitators WHERE user_id = ${userId}) AS facilitator`),
    z.object({ ect: z.boolean(), facilitator: z.boolean() }),
    "a person's parts in ECT programmes",
  );
  return row ?? { ect: false, facilitator: false };
}
