import { fairPersonalData } from "../fairs/personal-data.server";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import {
  applicationEvents,
  applicationMessages,
  applications,
  jobAlerts,
  memberships,
  savedVacancies,
  users,
  vacancies,
} from "../../db/schema";
import { poolPersonalData } from "../pool/privacy/privacy.server";
import { myApplications } from "./applications.server";
import { loadEquality, loadProfile } from "./profile.server";

/**
 * Everything Staffroom holds about a person, for them to download (UK GDPR, right of access): the account, the
 * profile with its lists, equality answers, applications with their history and messages, saved jobs, alerts and
 * roles. Not HR's private notes, nor referees' answers: those are the employer's, given in confidence.
 */
export async function personalData(db: Executor, userId: string, now = new Date()) {
  const [account] = await db
    .select({
      name: users.name,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) return null;
  const profile = await loadProfile(db, userId);
  // Where each stands and at which vacancy, as the teacher's own page lists them; then what each said.
  const listed = await myApplications(db, userId);
  const said = new Map(
    (
      await db
        .select({
          id: applications.id,
          createdAt: applications.createdAt,
          withdrawReason: applications.withdrawReason,
          supportingStatement: applications.supportingStatement,
          profile: applications.profile,
        })
        .from(applications)
        .where(eq(applications.userId, userId))
    ).map((a) => [a.id, a]),
  );
  const mine = listed.map((a) => ({ ...a, ...said.get(a.id) }));
  const ids = mine.map((a) => a.id);
  const events = ids.length
    ? await db
        .select({
          applicationId: applicationEvents.applicationId,
          from: applicationEvents.fromStatus,
          to: applicationEvents.toStatus,
          message: applicationEvents.message,
          at: applicationEvents.at,
        })
        .from(applicationEvents)
        .where(inArray(applicationEvents.applicationId, ids))
        .orderBy(asc(applicationEvents.at))
    : [];
  const messages = ids.length
    ? await db
        .select({
          applicationId: applicationMessages.applicationId,
          fromEmployer: applicationMessages.fromEmployer,
          body: applicationMessages.body,
          at: applicationMessages.at,
        })
        .from(applicationMessages)
        .where(inArray(applicationMessages.applicationId, ids))
        .orderBy(asc(applicationMessages.at))
    : [];
  const of = <T extends { applicationId: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.applicationId === id).map(({ applicationId: _, ...rest }) => rest);
  return {
    exportedAt: now.toISOString(),
    account,
    profile,
    equalityMonitoring: await loadEquality(db, userId),
    applications: mine.map(({ vacancyId, vacancyTitle, employerName, closesAt, ...a }) => ({
      ...a,
      vacancy: { id: vacancyId, title: vacancyTitle, employer: employerName, closesAt },
      events: of(events, a.id),
      messages: of(messages, a.id),
    })),
    savedJobs: await db
      .select({ vacancyId: savedVacancies.vacancyId, title: vacancies.title, savedAt: savedVacancies.savedAt })
      .from(savedVacancies)
      .innerJoin(vacancies, eq(vacancies.id, savedVacancies.vacancyId))
      .where(eq(savedVacancies.userId, userId)),
    jobAlerts: await db
      .select({
        summary: jobAlerts.summary,
        frequency: jobAlerts.frequency,
        createdAt: jobAlerts.createdAt,
        unsubscribedAt: jobAlerts.unsubscribedAt,
      })
      .from(jobAlerts)
      .where(eq(jobAlerts.userId, userId)),
    regionalPool: await poolPersonalData(db, userId),
    recruitmentFairs: await fairPersonalData(db, userId),
    roles: await db
      .select({ role: memberships.role, scopeKind: memberships.scopeKind, createdAt: memberships.createdAt })
      .from(memberships)
      .where(eq(memberships.userId, userId)),
  };
}
