import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { applications, organisations, savedVacancies as saves, schools, vacancies } from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import { z } from "../forms/zod";
import { formatLondon } from "../vocabulary/london-time";
import { UUID } from "./access.server";
import type { Context } from "./applications.server";

/** Saves a live vacancy to the teacher's list (again is a no-op); false for one the public cannot see. */
export async function saveVacancy(db: Executor, userId: string, vacancyId: string): Promise<boolean> {
  if (!UUID.test(vacancyId)) return false;
  const [live] = await db
    .select({ id: vacancies.id })
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), eq(vacancies.status, "published")));
  if (!live) return false;
  await db.insert(saves).values({ userId, vacancyId }).onConflictDoNothing();
  return true;
}

export async function unsaveVacancy(db: Executor, userId: string, vacancyId: string): Promise<void> {
  if (!UUID.test(vacancyId)) return;
  await db.delete(saves).where(and(eq(saves.userId, userId), eq(saves.vacancyId, vacancyId)));
}

export async function isSaved(db: Executor, userId: string, vacancyId: string): Promise<boolean> {
  if (!UUID.test(vacancyId)) return false;
  const [row] = await db
    .select({ at: saves.savedAt })
    .from(saves)
    .where(and(eq(saves.userId, userId), eq(saves.vacancyId, vacancyId)));
  return !!row;
}

/**
 * The teacher's saved jobs, closing soonest first (closed ones last), each with the teacher's own application to it
 * if any, so the page can say "applied" or "not sent yet".
 */
export async function savedVacancies(db: Executor, userId: string) {
  return db
    .select({
      vacancyId: vacancies.id,
      title: vacancies.title,
      employerName: sql<string>`coalesce(${organisations.name}, ${schools.name})`,
      status: vacancies.status,
      closesAt: vacancies.closesAt,
      applyMethod: vacancies.applyMethod,
      savedAt: saves.savedAt,
      applicationId: applications.id,
      applicationStatus: applications.status,
    })
    .from(saves)
    .innerJoin(vacancies, eq(vacancies.id, saves.vacancyId))
    .leftJoin(organisations, eq(organisations.id, vacancies.ownerOrganisationId))
    .leftJoin(schools, eq(schools.id, vacancies.ownerSchoolId))
    .leftJoin(applications, and(eq(applications.vacancyId, vacancies.id), eq(applications.userId, userId)))
    .where(eq(saves.userId, userId))
    .orderBy(sql`${vacancies.status} <> 'published'`, asc(vacancies.closesAt), asc(vacancies.title))
    .limit(500);
}

/**
 * The day before a saved job closes (in London), its saver is reminded, once, unless they have sent an application
 * to it (a draft is not sent, so its holder is reminded). Run each morning; a job saved on its last day is reminded
 * on the next run if it is still open. Rows are locked and skipped if locked, so two runs never send twice.
 */
const closingSaveRow = z.object({
  userId: z.string(),
  vacancyId: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string(),
  employerName: z.string(),
  // A timestamp selected as it is: text from both drivers (Drizzle turns their Date parsers off).
  closesAt: z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/),
});

export async function remindSavedClosing(db: Database, context: Context, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = parseRows(
      await tx.execute(sql`
        SELECT sv.user_id AS "userId", sv.vacancy_id AS "vacancyId", u.name, u.email, v.title,
               coalesce(o.name, s.name) AS "employerName", v.closes_at AS "closesAt"
          FROM saved_vacancies sv
          JOIN users u ON u.id = sv.user_id
          JOIN vacancies v ON v.id = sv.vacancy_id
          LEFT JOIN organisations o ON o.id = v.owner_organisation_id
          LEFT JOIN schools s ON s.id = v.owner_school_id
         WHERE sv.reminded_at IS NULL
           AND v.status = 'published'
           AND v.closes_at > ${now.toISOString()}::timestamptz
           AND (v.closes_at AT TIME ZONE 'Europe/London')::date
               <= (${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/London')::date + 1
           AND NOT EXISTS (SELECT 1 FROM applications a
                            WHERE a.vacancy_id = sv.vacancy_id AND a.user_id = sv.user_id AND a.status <> 'draft')
         ORDER BY v.closes_at
         LIMIT 1000
         FOR UPDATE OF sv SKIP LOCKED`),
      closingSaveRow,
      "the saved jobs closing tomorrow",
    );
    for (const row of due) {
      await tx
        .update(saves)
        .set({ remindedAt: now })
        .where(and(eq(saves.userId, row.userId), eq(saves.vacancyId, row.vacancyId)));
      await queueEmail(tx, context.enqueue, row.email, "saved-job-closing", {
        name: row.name,
        vacancyTitle: row.title,
        employerName: row.employerName,
        closes: formatLondon(new Date(row.closesAt)),
        url: `${context.appUrl}/vacancies/${row.vacancyId}`,
        savedJobsUrl: `${context.appUrl}/applications`,
      });
    }
    return due.length;
  });
}
