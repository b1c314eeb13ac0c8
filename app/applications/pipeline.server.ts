import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { executePlannedOnce, type Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import {
  applicationEvents,
  applicationMessages,
  applicationNotes,
  applications,
  applicationViews,
  users,
  vacancies,
} from "../../db/schema";
import { z } from "../forms/zod";
import { securityLog } from "../security/security-log.server";
import { applicationStatuses, type ApplicationStatus } from "../vocabulary/applications";
import { hrOrganisationIds, hrSchoolIds, managedBy } from "../vacancies/access.server";
import { readsApplicationsOf, UUID } from "./access.server";
import { lockApplication, recordMove, refuse, tellApplicant, type Context, type Outcome } from "./applications.server";
import type { ApplicationProfile } from "./profile";
import { employerMove, identityVisible, type EmployerAction } from "./states";

/** The vacancy, if this user reads its applications; null (a 404) otherwise. */
export async function pipelineVacancy(db: Executor, userId: string, vacancyId: string) {
  if (!UUID.test(vacancyId)) return null;
  const [row] = await db
    .select({
      id: vacancies.id,
      title: vacancies.title,
      status: vacancies.status,
      closesAt: vacancies.closesAt,
      publishedAt: vacancies.publishedAt,
      applyMethod: vacancies.applyMethod,
      anonymiseUntilShortlisted: vacancies.anonymiseUntilShortlisted,
    })
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), sql`${readsApplicationsOf(userId, "vacancies")}`));
  return row ?? null;
}

/** How an applicant is named where their name is hidden: stable, and meaningless outside the vacancy. */
const applicantReference = (applicationId: string) => `Applicant ${applicationId.slice(0, 6).toUpperCase()}`;

const pipelineRow = z.object({
  id: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: z.union([z.date(), z.string()]),
  name: z.string().nullable(),
  qtsStatus: z.string().nullable(),
  anonymised: z.boolean(),
});

/** A vacancy's sent applications (drafts are the teacher's own), with counts by state, oldest first. */
export async function pipeline(
  db: Executor,
  vacancyId: string,
  anonymiseUntilShortlisted: boolean,
  status?: ApplicationStatus,
) {
  const counts = await db
    .select({ status: applications.status, n: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), sql`${applications.status} <> 'draft'`))
    .groupBy(applications.status);
  const rows = parseRows(
    await db.execute(sql`
      SELECT a.id, a.status, a.submitted_at AS "submittedAt", a.profile->>'name' AS name,
             a.profile->>'qtsStatus' AS "qtsStatus", a.anonymised_at IS NOT NULL AS anonymised
        FROM applications a
       WHERE a.vacancy_id = ${vacancyId} AND a.status <> 'draft'
         ${status ? sql`AND a.status = ${status}` : sql``}
       ORDER BY a.submitted_at, a.id
       LIMIT 1000`),
    pipelineRow,
    "a vacancy's applications",
  );
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<
      Record<ApplicationStatus, number>
    >,
    rows: rows.map((r) => ({
      ...r,
      submittedAt: new Date(r.submittedAt).toISOString(),
      name: identityVisible(anonymiseUntilShortlisted, r.status) && !r.anonymised ? r.name : null,
      reference: applicantReference(r.id),
    })),
  };
}

/** What HR sees when identity is hidden: no name, contact details or referees. */
function redacted(profile: ApplicationProfile): ApplicationProfile {
  return { ...profile, name: "", email: "", phone: "", referees: [] };
}

/**
 * One application as the employer reads it, with its history, notes and messages; each read is logged (who, when).
 * Someone who does not read the vacancy's applications finds nothing, and the attempt is logged.
 */
export async function employerApplication(db: Executor, userId: string, applicationId: string) {
  const [row] = UUID.test(applicationId)
    ? await db
        .select({
          a: applications,
          v: {
            id: vacancies.id,
            title: vacancies.title,
            anonymise: vacancies.anonymiseUntilShortlisted,
            status: vacancies.status,
          },
        })
        .from(applications)
        .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
        .where(
          and(
            eq(applications.id, applicationId),
            sql`${applications.status} <> 'draft'`,
            sql`${readsApplicationsOf(userId, "vacancies")}`,
          ),
        )
    : [];
  if (!row) {
    securityLog("application.refused", { userId, applicationId: applicationId.slice(0, 40) });
    return null;
  }
  await db.insert(applicationViews).values({ applicationId, userId });
  const visible = identityVisible(row.v.anonymise, row.a.status) && row.a.anonymisedAt === null;
  const events = await db
    .select({
      from: applicationEvents.fromStatus,
      to: applicationEvents.toStatus,
      message: applicationEvents.message,
      at: applicationEvents.at,
      by: users.name,
      actor: applicationEvents.actorUserId,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at));
  const notes = await db
    .select({ body: applicationNotes.body, at: applicationNotes.at, by: users.name })
    .from(applicationNotes)
    .leftJoin(users, eq(users.id, applicationNotes.authorUserId))
    .where(eq(applicationNotes.applicationId, applicationId))
    .orderBy(asc(applicationNotes.at));
  const messages = await applicationThread(db, applicationId);
  const views = await db
    .select({ at: applicationViews.at, by: users.name })
    .from(applicationViews)
    .leftJoin(users, eq(users.id, applicationViews.userId))
    .where(eq(applicationViews.applicationId, applicationId))
    .orderBy(sql`${applicationViews.at} DESC`)
    .limit(20);
  return {
    id: row.a.id,
    status: row.a.status,
    submittedAt: row.a.submittedAt,
    anonymised: row.a.anonymisedAt !== null,
    identityVisible: visible,
    reference: applicantReference(row.a.id),
    profile: visible ? row.a.profile : redacted(row.a.profile),
    supportingStatement: row.a.supportingStatement,
    withdrawReason: row.a.withdrawReason,
    vacancy: row.v,
    // The applicant's own steps (sending, withdrawing) would name them: they are "the applicant" here.
    events: events.map(({ actor, ...e }) => ({
      ...e,
      by: actor !== null && actor === row.a.userId ? "the applicant" : e.by,
    })),
    notes,
    messages: visible ? messages : messages.map((m) => ({ ...m, by: m.fromEmployer ? m.by : null })),
    views,
  };
}

/** Messages on an application, both ways, oldest first. */
export async function applicationThread(db: Executor, applicationId: string) {
  return db
    .select({
      body: applicationMessages.body,
      at: applicationMessages.at,
      fromEmployer: applicationMessages.fromEmployer,
      by: users.name,
    })
    .from(applicationMessages)
    .leftJoin(users, eq(users.id, applicationMessages.senderUserId))
    .where(eq(applicationMessages.applicationId, applicationId))
    .orderBy(asc(applicationMessages.at));
}

const employerWhere = (userId: string) => sql`${readsApplicationsOf(userId, "vacancies")}`;

/** Which e-mail an applicant gets for a move (accepted and declined were their own answer; no mail). */
const tellFor: Partial<Record<ApplicationStatus, "shortlisted" | "interviewing" | "offered" | "unsuccessful">> = {
  shortlisted: "shortlisted",
  interviewing: "interviewing",
  offered: "offered",
  unsuccessful: "unsuccessful",
};

export type BulkResult = { moved: number; skipped: { reference: string; reason: string }[] };

/**
 * Moves each of `applicationIds` (all of one vacancy) by `action`, telling each applicant, with `message` where
 * given (what an unsuccessful applicant reads). Each application is checked on its own: those that cannot move
 * that way are skipped with a reason; an id that is not this employer's, or not of this vacancy, refuses the lot.
 */
export async function moveApplications(
  db: Executor,
  userId: string,
  vacancyId: string,
  applicationIds: string[],
  action: EmployerAction,
  context: Context,
  message: string | null = null,
): Promise<Outcome<BulkResult>> {
  if (applicationIds.length === 0) return refuse(400, "Choose at least one application");
  return db
    .transaction(async (tx) => {
      const result: BulkResult = { moved: 0, skipped: [] };
      for (const id of [...new Set(applicationIds)].sort()) {
        const app = await lockApplication(tx, id, employerWhere(userId));
        if (!app || app.vacancyId !== vacancyId || app.status === "draft") {
          securityLog("application.refused", { userId, applicationId: id.slice(0, 40) });
          throw new NotFoundInBulk();
        }
        const move = employerMove(action, app.status, app.profile);
        if (!move.ok) {
          result.skipped.push({ reference: applicantReference(id), reason: move.message });
          continue;
        }
        await recordMove(tx, app, move.to, userId, context, { tell: tellFor[move.to] ?? null, message });
        result.moved += 1;
      }
      return { ok: true as const, ...result };
    })
    .catch((error: unknown) => {
      if (error instanceof NotFoundInBulk) return refuse(404, "No such application");
      throw error;
    });
}

class NotFoundInBulk extends Error {}

/** A private note: the employer's only. */
export async function addNote(db: Executor, userId: string, applicationId: string, body: string): Promise<Outcome> {
  const app = await lockApplication(db, applicationId, employerWhere(userId));
  if (!app || app.status === "draft") return refuse(404, "No such application");
  await db.insert(applicationNotes).values({ applicationId, authorUserId: userId, body });
  return { ok: true };
}

/** A message from the employer to the applicant, e-mailed to them, and kept on the application for both. */
export async function messageApplicant(
  db: Executor,
  userId: string,
  applicationId: string,
  body: string,
  context: Context,
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId, employerWhere(userId));
    if (!app || app.status === "draft") return refuse(404, "No such application");
    if (!app.userId) return refuse(409, "This application is anonymised: there is nobody to write to");
    await tx.insert(applicationMessages).values({ applicationId, senderUserId: userId, fromEmployer: true, body });
    await tellApplicant(tx, app.userId, app, "message", context, body);
    return { ok: true };
  });
}

/** The applicant's reply, seen by the employer on the application. */
export async function replyToEmployer(
  db: Executor,
  userId: string,
  applicationId: string,
  body: string,
): Promise<Outcome> {
  const app = await lockApplication(db, applicationId, sql`${applications.userId} = ${userId}`);
  if (!app || app.status === "draft") return refuse(404, "No such application");
  await db.insert(applicationMessages).values({ applicationId, senderUserId: userId, fromEmployer: false, body });
  return { ok: true };
}

/**
 * Applications still waiting for an answer when a vacancy closes. Not an offer: the person offered may be the one
 * who filled the post, so HR answers them themselves.
 */
const pendingStatuses: ApplicationStatus[] = ["submitted", "shortlisted", "interviewing"];

/**
 * No candidate is left in silence: when a vacancy closes filled (or withdrawn), everyone still pending is marked
 * unsuccessful and told, in HR's words. Runs in the closing transaction.
 */
export async function tellPendingOnClose(
  tx: Executor,
  userId: string | null,
  vacancyId: string,
  message: string,
  context: Context,
): Promise<number> {
  const pending = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), inArray(applications.status, pendingStatuses)));
  for (const { id } of pending) {
    const app = await lockApplication(tx, id, sql`true`);
    if (!app || !pendingStatuses.includes(app.status)) continue;
    await recordMove(tx, app, "unsuccessful", userId, context, { tell: "unsuccessful", message });
  }
  return pending.length;
}

/**
 * Roles taking applications in Staffroom that this HR user reads but does not manage: posted by their trust or
 * another employer, placed at a school they are HR for. Their applications are theirs to see too. (readsApplicationsOf
 * less what they manage: found from their schools' vacancy rows, not by testing every vacancy in the region.) Their
 * organisations' own roles are set aside first through the owner index; only the few left are tested with managedBy,
 * so a trust of hundreds of schools does not probe the school-owner index once per school, nor look up every role.
 * Planned once per connection: the plan does not depend on who asks (their schools are found at run time).
 */
export async function rolesAtMySchools(db: Executor, userId: string) {
  return parseRows(
    await executePlannedOnce(
      db,
      sql`
      SELECT v.id, v.title,
             (SELECT count(*)::int FROM applications a WHERE a.vacancy_id = v.id AND a.status <> 'draft') AS applications
        FROM vacancies v
       WHERE v.id IN (SELECT vs.vacancy_id FROM vacancy_schools vs WHERE vs.school_id = ANY(ARRAY(${hrSchoolIds(userId)}))
                      EXCEPT SELECT o.id FROM vacancies o WHERE o.owner_organisation_id = ANY(ARRAY(${hrOrganisationIds(userId)})))
         AND v.apply_method = 'staffroom' AND v.status IN ('published', 'closed')
         AND NOT coalesce(${managedBy(userId, "v")}, false)
       ORDER BY v.closes_at DESC NULLS LAST, v.id
       LIMIT 50`,
    ),
    z.object({ id: z.string(), title: z.string(), applications: z.number() }),
    "roles at an HR user's schools",
  );
}
