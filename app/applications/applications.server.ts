import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { firstRow } from "../../db/rows";
import {
  applicationEquality,
  applicationEvents,
  applications,
  equalityMonitoring,
  organisations,
  schools,
  users,
  vacancies,
} from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import type { ApplicationUpdateProps } from "../../emails/templates/application-update";
import { formatLondon, londonMonth } from "../vocabulary/london-time";
import type { ApplicationStatus } from "../vocabulary/applications";
import { UUID } from "./access.server";
import { missingForApplication, type ApplicationProfile } from "./profile";
import { applicationCopy, loadProfile } from "./profile.server";
import { inTime, teacherMove, type TeacherAction } from "./states";

export type Context = { appUrl: string; enqueue: Enqueue };
import { refuse, type Outcome } from "../forms/outcome";

export { refuse, type Outcome };

const employerName = sql<string>`coalesce(${organisations.name}, ${schools.name})`;

/**
 * Starts (or returns) the teacher's application to a vacancy that takes applications in Staffroom and is open. One
 * application per teacher per vacancy: the unique index decides a race, and the loser gets the winner's.
 */
export async function startApplication(
  db: Executor,
  userId: string,
  vacancyId: string,
  now = new Date(),
): Promise<Outcome<{ applicationId: string }>> {
  if (!UUID.test(vacancyId)) return refuse(404, "No such vacancy");
  const [vacancy] = await db
    .select({ status: vacancies.status, applyMethod: vacancies.applyMethod, closesAt: vacancies.closesAt })
    .from(vacancies)
    .where(eq(vacancies.id, vacancyId));
  if (!vacancy || vacancy.status !== "published") return refuse(404, "No such vacancy");
  if (vacancy.applyMethod !== "staffroom")
    return refuse(400, "This vacancy takes applications on the employer's own site");
  if (!inTime(vacancy.closesAt, now)) return refuse(409, "This vacancy has closed: applications are no longer taken");
  const profile = await loadProfile(db, userId);
  if (!profile) return refuse(404, "No such account");
  const inserted = await db
    .insert(applications)
    .values({ vacancyId, userId, profile: applicationCopy(profile) })
    .onConflictDoNothing()
    .returning({ id: applications.id });
  if (inserted[0]) return { ok: true, applicationId: inserted[0].id };
  const existing = firstRow(
    await db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.vacancyId, vacancyId), eq(applications.userId, userId))),
    "the application that won the race",
  );
  return { ok: true, applicationId: existing.id };
}

const ownColumns = {
  id: applications.id,
  status: applications.status,
  profile: applications.profile,
  supportingStatement: applications.supportingStatement,
  submittedAt: applications.submittedAt,
  statusChangedAt: applications.statusChangedAt,
  withdrawReason: applications.withdrawReason,
  createdAt: applications.createdAt,
  vacancyId: vacancies.id,
  vacancyTitle: vacancies.title,
  vacancyStatus: vacancies.status,
  closesAt: vacancies.closesAt,
  employerName,
};

/** The teacher's own application; another teacher's id, or a malformed one, finds nothing. */
export async function ownApplication(db: Executor, userId: string, applicationId: string) {
  if (!UUID.test(applicationId)) return null;
  const [row] = await db
    .select(ownColumns)
    .from(applications)
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .leftJoin(organisations, eq(organisations.id, vacancies.ownerOrganisationId))
    .leftJoin(schools, eq(schools.id, vacancies.ownerSchoolId))
    .where(and(eq(applications.id, applicationId), eq(applications.userId, userId)));
  return row ?? null;
}

/** Every application of the teacher's, newest first, with where each stands. */
export async function myApplications(db: Executor, userId: string) {
  return db
    .select({
      id: applications.id,
      status: applications.status,
      submittedAt: applications.submittedAt,
      statusChangedAt: applications.statusChangedAt,
      vacancyId: vacancies.id,
      vacancyTitle: vacancies.title,
      closesAt: vacancies.closesAt,
      employerName,
    })
    .from(applications)
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .leftJoin(organisations, eq(organisations.id, vacancies.ownerOrganisationId))
    .leftJoin(schools, eq(schools.id, vacancies.ownerSchoolId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.updatedAt))
    .limit(500);
}

/** A draft takes the profile as it now stands (a submitted application never does). */
export async function refreshDraft(db: Executor, userId: string, applicationId: string): Promise<Outcome> {
  const own = await ownApplication(db, userId, applicationId);
  if (!own) return refuse(404, "No such application");
  if (own.status !== "draft") return refuse(409, "A sent application keeps what it said when it was sent");
  const profile = await loadProfile(db, userId);
  if (!profile) return refuse(404, "No such account");
  await db
    .update(applications)
    .set({ profile: applicationCopy(profile), updatedAt: new Date() })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "draft")));
  return { ok: true };
}

export async function saveSupportingStatement(
  db: Executor,
  userId: string,
  applicationId: string,
  supportingStatement: string,
): Promise<Outcome> {
  const own = await ownApplication(db, userId, applicationId);
  if (!own) return refuse(404, "No such application");
  if (own.status !== "draft") return refuse(409, "A sent application cannot be changed");
  await db
    .update(applications)
    .set({ supportingStatement, updatedAt: new Date() })
    .where(and(eq(applications.id, applicationId), eq(applications.status, "draft")));
  return { ok: true };
}

type Locked = {
  id: string;
  status: ApplicationStatus;
  profile: ApplicationProfile;
  userId: string | null;
  vacancyId: string;
  vacancyTitle: string;
  vacancyStatus: string;
  closesAt: Date | null;
  employerName: string;
};

/** The application locked for a change, read through `where` (the owner's or the employer's rule). */
export async function lockApplication(tx: Executor, applicationId: string, where: ReturnType<typeof sql>) {
  if (!UUID.test(applicationId)) return null;
  const [row] = await tx
    .select({
      id: applications.id,
      status: applications.status,
      profile: applications.profile,
      userId: applications.userId,
      vacancyId: vacancies.id,
      vacancyTitle: vacancies.title,
      vacancyStatus: vacancies.status,
      closesAt: vacancies.closesAt,
      employerName,
    })
    .from(applications)
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .leftJoin(organisations, eq(organisations.id, vacancies.ownerOrganisationId))
    .leftJoin(schools, eq(schools.id, vacancies.ownerSchoolId))
    .where(and(eq(applications.id, applicationId), where))
    .for("update", { of: applications });
  return (row as Locked | undefined) ?? null;
}

/** Moves an application, records the event, and tells the applicant when `tell` says so; inside the caller's tx. */
export async function recordMove(
  tx: Executor,
  app: Pick<Locked, "id" | "status" | "userId" | "vacancyTitle" | "employerName">,
  to: ApplicationStatus,
  actorUserId: string | null,
  context: Context,
  options: {
    message?: string | null;
    tell?: ApplicationUpdateProps["event"] | null;
    withdrawReason?: string | null;
    now?: Date;
  } = {},
) {
  const now = options.now ?? new Date();
  await tx
    .update(applications)
    .set({
      status: to,
      statusChangedAt: now,
      updatedAt: now,
      ...(to === "submitted" ? { submittedAt: now } : {}),
      ...(to === "withdrawn" ? { withdrawReason: options.withdrawReason ?? null } : {}),
    })
    .where(eq(applications.id, app.id));
  await tx.insert(applicationEvents).values({
    applicationId: app.id,
    actorUserId,
    fromStatus: app.status,
    toStatus: to,
    message: options.message ?? null,
    at: now,
  });
  if (options.tell && app.userId) await tellApplicant(tx, app.userId, app, options.tell, context, options.message);
}

export async function tellApplicant(
  tx: Executor,
  userId: string,
  app: Pick<Locked, "id" | "vacancyTitle" | "employerName">,
  event: ApplicationUpdateProps["event"],
  context: Context,
  message?: string | null,
) {
  const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await queueEmail(tx, context.enqueue, user.email, "application-update", {
    name: user.name,
    event,
    vacancyTitle: app.vacancyTitle,
    employerName: app.employerName,
    message: message ?? null,
    url: `${context.appUrl}/applications/${app.id}`,
  });
}

const ownedBy = (userId: string) => sql`${applications.userId} = ${userId}`;

/**
 * Sends a draft: only before the vacancy's closing moment (checked here, on the server's clock, whatever the page
 * showed), only with a complete profile, and only once (the row is locked, so a double submit sends one).
 */
export async function submitApplication(
  db: Executor,
  userId: string,
  applicationId: string,
  context: Context,
  now = new Date(),
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId, ownedBy(userId));
    if (!app) return refuse(404, "No such application");
    const move = teacherMove("submit", app.status);
    if (!move.ok) return refuse(409, "This application has already been sent");
    if (app.vacancyStatus !== "published" || !inTime(app.closesAt, now))
      return refuse(
        409,
        `This vacancy closed${app.closesAt ? ` on ${formatLondon(app.closesAt)}` : ""}: applications are no longer taken`,
      );
    const missing = missingForApplication(app.profile, londonMonth(now));
    if (missing.length > 0)
      return refuse(400, `Your application is not complete: ${missing.map((m) => m.message).join("; ")}`);
    await recordMove(tx, app, move.to, userId, context, { tell: "submitted", now });
    const [equality] = await tx.select().from(equalityMonitoring).where(eq(equalityMonitoring.userId, userId));
    if (equality) await tx.insert(applicationEquality).values({ applicationId: app.id, answers: equality.answers });
    return { ok: true };
  });
}

/** The teacher's own moves after sending: withdraw (with an optional reason), accept or decline an offer. */
export async function teacherAct(
  db: Executor,
  userId: string,
  applicationId: string,
  action: Exclude<TeacherAction, "submit">,
  context: Context,
  reason: string | null = null,
): Promise<Outcome<{ to: ApplicationStatus }>> {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId, ownedBy(userId));
    if (!app) return refuse(404, "No such application");
    const move = teacherMove(action, app.status);
    if (!move.ok) return refuse(409, move.message);
    await recordMove(tx, app, move.to, userId, context, {
      tell: action === "withdraw" ? "withdrawn" : null,
      withdrawReason: reason,
      message: reason,
    });
    return { ok: true, to: move.to };
  });
}

/** What the applicant sees of their application's history: each state and what they were told (never HR's notes). */
export async function applicantHistory(db: Executor, applicationId: string) {
  return db
    .select({ to: applicationEvents.toStatus, message: applicationEvents.message, at: applicationEvents.at })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.at));
}
