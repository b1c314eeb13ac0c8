import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { applications, invitations, memberships, users, vacancies, vacancyImports } from "../../db/schema";
import { roleLabels, type Role } from "../vocabulary/roles";
import { removeMembersOfUser } from "../pool/privacy/privacy.server";
import { anonymiseApplications } from "./retention.server";
import { activeStatuses } from "./states";

/** Roles that are a person's own (a teacher in the pool, a trainee): they go with the account. */
const ownRoles: Role[] = ["teacher", "trainee"];

/**
 * Why this account cannot be deleted now, in words for its holder; null when it can. An application in a hiring
 * step is a promise to an employer in progress (withdraw it first); a staff role belongs to the employer, and the
 * records of staff work (invitations sent, imports) must keep who did them.
 */
export async function deletionRefusal(db: Executor, userId: string): Promise<string | null> {
  const active = await db
    .select({ title: vacancies.title, status: applications.status })
    .from(applications)
    .innerJoin(vacancies, eq(vacancies.id, applications.vacancyId))
    .where(and(eq(applications.userId, userId), inArray(applications.status, [...activeStatuses])));
  if (active.length > 0)
    return `You have ${active.length === 1 ? "an application" : `${active.length} applications`} in progress (${active
      .map((a) => a.title)
      .join(
        ", ",
      )}). Withdraw ${active.length === 1 ? "it" : "them"} from your applications page, or wait until ${active.length === 1 ? "it is" : "they are"} decided, then delete your account.`;
  const staff = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), notInArray(memberships.role, ownRoles)));
  if (staff.length > 0)
    return `You hold a staff role (${[...new Set(staff.map((s) => roleLabels[s.role]))].join(", ")}). Ask your organisation's administrator to remove it first: your work there is the employer's record.`;
  const [invited] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(eq(invitations.invitedBy, userId))
    .limit(1);
  const [imported] = await db
    .select({ id: vacancyImports.id })
    .from(vacancyImports)
    .where(eq(vacancyImports.userId, userId))
    .limit(1);
  if (invited || imported)
    return "Your account holds records of staff work (invitations sent or vacancies imported). Ask your partnership's administrator to close it.";
  return null;
}

/**
 * Deletes an account (UK GDPR, right to erasure): its applications are anonymised as retention does (the employer
 * keeps the counts, not the person), unsent drafts deleted, and the user row deleted, which cascades to the profile,
 * equality answers, saved jobs, alerts, sessions and own roles. The applications are locked first, so a submission
 * racing the deletion either lands before the check (and refuses it) or finds no account.
 */
export async function deleteAccount(
  db: Database,
  userId: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: string }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const mine = await tx
      .select({ id: applications.id, status: applications.status })
      .from(applications)
      .where(eq(applications.userId, userId))
      .for("update");
    const reason = await deletionRefusal(tx, userId);
    if (reason) return { ok: false, reason };
    await tx.delete(applications).where(and(eq(applications.userId, userId), eq(applications.status, "draft")));
    await anonymiseApplications(
      tx,
      mine.filter((a) => a.status !== "draft").map((a) => a.id),
      now,
    );
    // The pool's rows go; the anonymous outcome rows are brought up to date first and stay.
    await removeMembersOfUser(tx, userId);
    await tx.delete(users).where(eq(users.id, userId));
    return { ok: true };
  });
}
