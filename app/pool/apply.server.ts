import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database, Executor, Transaction } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import {
  organisations,
  partnerships,
  poolEvents,
  poolHiddenFrom,
  poolMatches,
  poolMembers,
  poolRounds,
  poolSlotBookings,
  schools,
  users,
} from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import { missingForApplication } from "../applications/profile";
import { applicationCopy, loadProfile } from "../applications/profile.server";
import { isUuid } from "../forms/fields";
import { refuse, type Outcome } from "../forms/outcome";
import { resolvePlace } from "../places/lookup.server";
import { londonToday } from "../vocabulary/london-time";
import { recordOutcome } from "./outcome-record.server";
import { editable, retentionDay, roundIsOpen } from "./rounds";

export { retentionDay };
import type { PoolApplicationInput } from "./schemas";

export type Context = { appUrl: string; enqueue: Enqueue };

/** The teacher's own pool application, with its round; another teacher's id, or a malformed one, finds nothing. */
export async function ownMember(db: Executor, userId: string, memberId: string) {
  if (!isUuid(memberId)) return null;
  const [row] = await db
    .select({
      id: poolMembers.id,
      roundId: poolMembers.roundId,
      status: poolMembers.status,
      step: poolMembers.step,
      subjects: poolMembers.subjects,
      phases: poolMembers.phases,
      yearGroups: poolMembers.yearGroups,
      contracts: poolMembers.contracts,
      workingPatterns: poolMembers.workingPatterns,
      postcode: poolMembers.postcode,
      travelMiles: poolMembers.travelMiles,
      availableFrom: poolMembers.availableFrom,
      supportingStatement: poolMembers.supportingStatement,
      shownToSchools: poolMembers.shownToSchools,
      retainUntil: poolMembers.retainUntil,
      feedback: poolMembers.feedback,
      roundName: poolRounds.name,
      partnershipId: poolRounds.partnershipId,
      partnershipName: partnerships.name,
      opensOn: poolRounds.opensOn,
      closesOn: poolRounds.closesOn,
      steps: poolRounds.steps,
    })
    .from(poolMembers)
    .innerJoin(poolRounds, eq(poolRounds.id, poolMembers.roundId))
    .innerJoin(partnerships, eq(partnerships.id, poolRounds.partnershipId))
    .where(and(eq(poolMembers.id, memberId), eq(poolMembers.userId, userId)));
  if (!row) return null;
  const hidden = await db
    .select({ schoolId: poolHiddenFrom.schoolId, organisationId: poolHiddenFrom.organisationId })
    .from(poolHiddenFrom)
    .where(eq(poolHiddenFrom.memberId, memberId));
  return {
    ...row,
    hideSchool: hidden.flatMap((h) => (h.schoolId ? [h.schoolId] : [])),
    hideOrganisation: hidden.flatMap((h) => (h.organisationId ? [h.organisationId] : [])),
  };
}

/** The teacher's application to a round, if they have started one. */
export async function memberIdFor(db: Executor, userId: string, roundId: string): Promise<string | null> {
  if (!isUuid(roundId)) return null;
  const [row] = await db
    .select({ id: poolMembers.id })
    .from(poolMembers)
    .where(and(eq(poolMembers.roundId, roundId), eq(poolMembers.userId, userId)));
  return row?.id ?? null;
}

/** The schools and organisations (trusts, councils) of the partnership a teacher can hide from. */
export async function hideChoices(db: Executor, partnershipId: string) {
  const [schoolRows, organisationRows] = await Promise.all([
    db
      .select({ value: schools.id, label: schools.name })
      .from(schools)
      .where(eq(schools.partnershipId, partnershipId))
      .orderBy(asc(schools.name))
      .limit(1000),
    db
      .select({ value: organisations.id, label: organisations.name })
      .from(organisations)
      .where(
        and(
          eq(organisations.partnershipId, partnershipId),
          inArray(organisations.kind, ["academy_trust", "local_authority"]),
        ),
      )
      .orderBy(asc(organisations.name)),
  ]);
  return { schools: schoolRows, organisations: organisationRows };
}

/**
 * Saves the teacher's preferences, statement and hide list. The postcode must be a real place (it is where distance
 * is measured from); the hide list names only the partnership's schools and organisations. A submitted application's
 * statement is frozen; preferences and the hide list can change while the teacher is screened or in the pool.
 */
export async function savePoolApplication(
  db: Database,
  userId: string,
  memberId: string,
  input: PoolApplicationInput,
): Promise<Outcome> {
  const member = await ownMember(db, userId, memberId);
  if (!member) return refuse(404, "No such pool application");
  if (!editable(member.status))
    return refuse(409, "This application is finished: its preferences can no longer change");
  const place = await resolvePlace(db, input.postcode);
  if (!place)
    return refuse(400, "Check your preferences", {
      postcode: ["We could not find that postcode: check it, or enter the town you travel from"],
    });
  const choices = await hideChoices(db, member.partnershipId);
  const schoolIds = new Set(choices.schools.map((s) => s.value));
  const organisationIds = new Set(choices.organisations.map((o) => o.value));
  if (input.hideSchool.some((id) => !schoolIds.has(id)))
    return refuse(400, "Check your preferences", { hideSchool: ["Choose schools from the list"] });
  if (input.hideOrganisation.some((id) => !organisationIds.has(id)))
    return refuse(400, "Check your preferences", { hideOrganisation: ["Choose trusts or councils from the list"] });
  await db.transaction(async (tx) => {
    await tx
      .update(poolMembers)
      .set({
        subjects: input.subjects,
        phases: input.phases,
        yearGroups: input.yearGroups,
        contracts: input.contracts,
        workingPatterns: input.workingPatterns,
        postcode: input.postcode.toUpperCase(),
        lat: place.lat,
        lng: place.lng,
        travelMiles: input.travelMiles,
        availableFrom: input.availableFrom,
        ...(member.status === "draft" ? { supportingStatement: input.supportingStatement } : {}),
        updatedAt: new Date(),
      })
      .where(eq(poolMembers.id, memberId));
    // The hide list takes effect with the same commit as everything else: no moment where it is half-written.
    await tx.delete(poolHiddenFrom).where(eq(poolHiddenFrom.memberId, memberId));
    const rows = [
      ...[...new Set(input.hideSchool)].map((schoolId) => ({ memberId, schoolId })),
      ...[...new Set(input.hideOrganisation)].map((organisationId) => ({ memberId, organisationId })),
    ];
    if (rows.length > 0) await tx.insert(poolHiddenFrom).values(rows);
    if (member.status !== "draft") await recordOutcome(tx, memberId);
  });
  return { ok: true };
}

/** Locks the member row for a change of state, so two changes at once are decided one after the other. */
async function lockMember(tx: Transaction, memberId: string) {
  const [row] = await tx
    .select({ status: poolMembers.status, step: poolMembers.step, userId: poolMembers.userId })
    .from(poolMembers)
    .where(eq(poolMembers.id, memberId))
    .for("update");
  return row ?? null;
}

async function emailMember(
  tx: Transaction,
  context: Context,
  userId: string,
  props: Omit<Parameters<typeof queueEmail<"pool-update">>[4], "name" | "url">,
) {
  const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await queueEmail(tx, context.enqueue, user.email, "pool-update", {
    ...props,
    name: user.name,
    url: `${context.appUrl}/pool/mine`,
  });
}

/**
 * Sends the application: the profile must be complete (as for a vacancy), the preferences saved, the round open. The
 * profile is copied as it stands and frozen. Consent to be shown to schools is a separate, explicit choice: `consent`
 * is true only when the teacher ticked it.
 */
export async function submitPoolApplication(
  db: Database,
  context: Context,
  userId: string,
  memberId: string,
  consent: boolean,
  now = new Date(),
): Promise<Outcome> {
  const member = await ownMember(db, userId, memberId);
  if (!member) return refuse(404, "No such pool application");
  if (member.status !== "draft") return refuse(409, "This application has already been sent");
  const today = londonToday(now);
  if (!roundIsOpen(member, today)) return refuse(409, "This round is not taking applications now");
  if (!member.postcode) return refuse(400, "Save your preferences before you send the application");
  const profile = await loadProfile(db, userId);
  if (!profile) return refuse(404, "No such account");
  const missing = missingForApplication(profile, today.slice(0, 7));
  if (missing.length > 0)
    return refuse(400, `Your profile is not complete: ${missing.map((m) => m.message).join("; ")}`);
  return db.transaction(async (tx) => {
    const locked = await lockMember(tx, memberId);
    if (locked?.status !== "draft") return refuse(409, "This application has already been sent");
    await tx
      .update(poolMembers)
      .set({
        status: "screening",
        step: "application_review",
        profile: applicationCopy(profile),
        submittedAt: now,
        statusChangedAt: now,
        shownToSchools: consent,
        consentGivenAt: consent ? now : null,
        retainUntil: retentionDay(member.closesOn, today),
        updatedAt: now,
      })
      .where(eq(poolMembers.id, memberId));
    await tx.insert(poolEvents).values({
      memberId,
      actorUserId: userId,
      fromStatus: "draft",
      toStatus: "screening",
      step: "application_review",
    });
    await recordOutcome(tx, memberId);
    await emailMember(tx, context, userId, { roundName: member.roundName, event: "received" });
    return { ok: true as const };
  });
}

/**
 * Gives or withdraws consent to be shown to the round's schools. Withdrawing hides the member at once: every school
 * listing reads `shown_to_schools` in the same query that lists. Giving it again renews retention for six months.
 */
export async function setConsent(
  db: Database,
  userId: string,
  memberId: string,
  shown: boolean,
  now = new Date(),
): Promise<Outcome> {
  const member = await ownMember(db, userId, memberId);
  if (!member) return refuse(404, "No such pool application");
  if (!editable(member.status) || member.status === "draft")
    return refuse(409, "Consent applies once your application is sent and until it is finished");
  await db
    .update(poolMembers)
    .set(
      shown
        ? {
            shownToSchools: true,
            consentGivenAt: now,
            retainUntil: retentionDay(member.closesOn, londonToday(now)),
            updatedAt: now,
          }
        : { shownToSchools: false, updatedAt: now },
    )
    .where(and(eq(poolMembers.id, memberId), eq(poolMembers.userId, userId)));
  return { ok: true };
}

/**
 * Withdraws from the round: screening stops, the member leaves the pool, live slot bookings are released and every
 * open conversation with a school is closed.
 */
export async function withdrawFromPool(
  db: Database,
  userId: string,
  memberId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome> {
  const member = await ownMember(db, userId, memberId);
  if (!member) return refuse(404, "No such pool application");
  return db.transaction(async (tx) => {
    const locked = await lockMember(tx, memberId);
    if (!locked || !editable(locked.status))
      return refuse(409, "This application is finished: there is nothing to withdraw");
    await tx
      .update(poolMembers)
      .set({ status: "withdrawn", step: null, shownToSchools: false, statusChangedAt: now, updatedAt: now })
      .where(eq(poolMembers.id, memberId));
    await tx
      .update(poolSlotBookings)
      .set({ live: false })
      .where(and(eq(poolSlotBookings.memberId, memberId), eq(poolSlotBookings.live, true)));
    await tx
      .update(poolMatches)
      .set({ state: "closed", updatedAt: now })
      .where(
        and(eq(poolMatches.memberId, memberId), inArray(poolMatches.state, ["shortlisted", "invited", "offered"])),
      );
    await tx.insert(poolEvents).values({
      memberId,
      actorUserId: userId,
      fromStatus: locked.status,
      toStatus: "withdrawn",
      message: reason || null,
    });
    if (locked.status !== "draft") await recordOutcome(tx, memberId);
    return { ok: true as const };
  });
}

/** Every pool application of the teacher's, newest first. */
export async function myPoolApplications(db: Executor, userId: string) {
  return db
    .select({
      id: poolMembers.id,
      roundId: poolMembers.roundId,
      roundName: poolRounds.name,
      partnershipName: partnerships.name,
      status: poolMembers.status,
      step: poolMembers.step,
      shownToSchools: poolMembers.shownToSchools,
      retainUntil: poolMembers.retainUntil,
      feedback: poolMembers.feedback,
      submittedAt: poolMembers.submittedAt,
      closesOn: poolRounds.closesOn,
    })
    .from(poolMembers)
    .innerJoin(poolRounds, eq(poolRounds.id, poolMembers.roundId))
    .innerJoin(partnerships, eq(partnerships.id, poolRounds.partnershipId))
    .where(eq(poolMembers.userId, userId))
    .orderBy(desc(poolMembers.updatedAt))
    .limit(100);
}
