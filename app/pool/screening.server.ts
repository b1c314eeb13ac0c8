import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { poolEvents, poolMembers, poolScores, poolSlotBookings, poolViews, users } from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import { isUuid } from "../forms/fields";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { isoTime } from "../../db/iso-time";
import type { ApplicationProfile } from "../vocabulary/applications";
import { poolStatuses, screeningStepLabels, type ScreeningStep } from "../vocabulary/pool";
import { hiddenFromUser, type Round } from "./access.server";
import type { Context } from "./apply.server";
import { recordOutcome } from "./outcome-record.server";
import { fullyScored, nextStep } from "./screening";

/**
 * The panel's side: who is at which step, their scores, and moving each on, into the pool or "not this time" with
 * feedback. The panel never sees a candidate who hid from a school where the panel member works.
 */

const listRow = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(poolStatuses),
  step: z.string().nullable(),
  submittedAt: z.string(),
  scorers: z.number(),
  mean: z.number().nullable(),
  bookedAt: z.string().nullable(),
});
export type PanelListRow = z.output<typeof listRow>;

/** The round's sent applications the panel member may see, by status and step, oldest first. */
export async function panelList(db: Executor, userId: string, round: Round) {
  return parseRows(
    await db.execute(sql`
      SELECT m.id, m.profile->>'name' AS name, m.status, m.step, ${isoTime(sql`m.submitted_at`)} AS "submittedAt",
             (SELECT count(DISTINCT sc.scorer_user_id)::int FROM pool_scores sc
               WHERE sc.member_id = m.id AND sc.step = m.step) AS scorers,
             (SELECT round(avg(sc.score)::numeric, 1)::float8 FROM pool_scores sc
               WHERE sc.member_id = m.id AND sc.step = m.step) AS mean,
             (SELECT ${isoTime(sql`min(b.starts_at)`)} FROM pool_slot_bookings b
               JOIN pool_slots sl ON sl.id = b.slot_id
              WHERE b.member_id = m.id AND b.live AND sl.step = m.step) AS "bookedAt"
        FROM pool_members m
       WHERE m.round_id = ${round.id} AND m.status <> 'draft' AND NOT ${hiddenFromUser("m", userId)}
       ORDER BY m.submitted_at, m.id
       LIMIT 2000`),
    listRow,
    "the panel's list of candidates",
  );
}

/** One candidate as the panel reads them, or null (not this round's, a draft, or hidden from the panel member). */
export async function panelMember(db: Executor, userId: string, round: Round, memberId: string) {
  if (!isUuid(memberId)) return null;
  const [member] = parseRows(
    await db.execute(sql`
      SELECT m.id, m.status, m.step, m.profile, m.supporting_statement AS "supportingStatement", m.subjects, m.phases,
             m.year_groups AS "yearGroups", m.contracts, m.working_patterns AS "workingPatterns", m.postcode,
             m.travel_miles AS "travelMiles", m.available_from::text AS "availableFrom", m.feedback,
             m.shown_to_schools AS "shownToSchools", ${isoTime(sql`m.submitted_at`)} AS "submittedAt"
        FROM pool_members m
       WHERE m.id = ${memberId} AND m.round_id = ${round.id} AND m.status <> 'draft'
         AND NOT ${hiddenFromUser("m", userId)}`),
    z.object({
      id: z.string(),
      status: z.enum(poolStatuses),
      step: z.string().nullable(),
      profile: z.custom<ApplicationProfile>((v) => typeof v === "object" && v !== null),
      supportingStatement: z.string(),
      subjects: z.array(z.string()),
      phases: z.array(z.string()),
      yearGroups: z.array(z.string()),
      contracts: z.array(z.string()),
      workingPatterns: z.array(z.string()),
      postcode: z.string().nullable(),
      travelMiles: z.number().nullable(),
      availableFrom: z.string().nullable(),
      feedback: z.string().nullable(),
      shownToSchools: z.boolean(),
      submittedAt: z.string(),
    }),
    "a candidate for the panel",
  );
  if (!member) return null;
  const [scores, events] = await Promise.all([
    db
      .select({
        step: poolScores.step,
        criterion: poolScores.criterion,
        score: poolScores.score,
        note: poolScores.note,
        scorer: poolScores.scorerUserId,
        scorerName: users.name,
      })
      .from(poolScores)
      .leftJoin(users, eq(users.id, poolScores.scorerUserId))
      .where(eq(poolScores.memberId, memberId))
      .orderBy(asc(poolScores.at)),
    db
      .select({
        toStatus: poolEvents.toStatus,
        step: poolEvents.step,
        message: poolEvents.message,
        at: poolEvents.at,
        actorName: users.name,
      })
      .from(poolEvents)
      .leftJoin(users, eq(users.id, poolEvents.actorUserId))
      .where(eq(poolEvents.memberId, memberId))
      .orderBy(asc(poolEvents.at)),
  ]);
  return { ...member, scores, events };
}

/**
 * Records the panel member's scores at the candidate's current step, one per criterion (a second scoring replaces the
 * first), with one note. Only while the candidate is being screened.
 */
export async function scoreCandidate(
  db: Database,
  userId: string,
  round: Round,
  memberId: string,
  input: { step: string; scores: number[]; note: string },
): Promise<Outcome> {
  const member = await panelMember(db, userId, round, memberId);
  if (!member) return refuse(404, "No such candidate");
  if (member.status !== "screening" || member.step !== input.step)
    return refuse(409, "This candidate has moved on since the page was loaded: reload it and score the current step");
  await db.transaction(async (tx) => {
    for (const [i, criterion] of round.criteria.entries()) {
      const score = input.scores[i];
      if (score === undefined) continue;
      await tx
        .insert(poolScores)
        .values({ memberId, step: input.step, criterion, score, note: input.note, scorerUserId: userId })
        .onConflictDoUpdate({
          target: [poolScores.memberId, poolScores.step, poolScores.criterion, poolScores.scorerUserId],
          set: { score, note: input.note, at: new Date() },
        });
    }
  });
  return { ok: true };
}

/**
 * Moves a candidate on from `fromStep`: to the next step of the round, or into the pool after the last. Needs a full
 * set of scores at the step. `fromStep` is the step the panel member saw: if another panel member has moved the
 * candidate meanwhile, nothing happens twice.
 */
export async function moveOn(
  db: Database,
  context: Context,
  userId: string,
  round: Round,
  memberId: string,
  fromStep: string,
  now = new Date(),
): Promise<Outcome<{ to: "pooled" | ScreeningStep }>> {
  const member = await panelMember(db, userId, round, memberId);
  if (!member) return refuse(404, "No such candidate");
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: poolMembers.status, step: poolMembers.step, userId: poolMembers.userId })
      .from(poolMembers)
      .where(eq(poolMembers.id, memberId))
      .for("update");
    if (!locked || locked.status !== "screening" || locked.step !== fromStep)
      return refuse(409, "This candidate has already been moved on or answered: reload the page");
    const scores = await tx
      .select({ criterion: poolScores.criterion, score: poolScores.score, scorer: poolScores.scorerUserId })
      .from(poolScores)
      .where(and(eq(poolScores.memberId, memberId), eq(poolScores.step, fromStep)));
    if (
      !fullyScored(
        round.criteria,
        scores.map((s) => ({ ...s, scorer: s.scorer ?? "" })),
      )
    )
      return refuse(409, "Score every criterion at this step before moving the candidate on");
    const next = nextStep(round.steps, fromStep);
    await tx
      .update(poolMembers)
      .set(
        next
          ? { step: next, statusChangedAt: now, updatedAt: now }
          : { status: "pooled", step: null, pooledAt: now, statusChangedAt: now, updatedAt: now },
      )
      .where(eq(poolMembers.id, memberId));
    await tx.insert(poolEvents).values({
      memberId,
      actorUserId: userId,
      fromStatus: "screening",
      toStatus: next ? "screening" : "pooled",
      step: next,
    });
    await recordOutcome(tx, memberId);
    const [person] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, locked.userId));
    if (person)
      await queueEmail(tx, context.enqueue, person.email, "pool-update", {
        name: person.name,
        roundName: round.name,
        event: next ? "next_step" : "pooled",
        step: next ? screeningStepLabels[next] : null,
        shown: member.shownToSchools,
        url: `${context.appUrl}/pool/mine`,
      });
    return { ok: true as const, to: next ?? "pooled" };
  });
}

/**
 * Answers a candidate "not this time", with the feedback the panel writes (never empty: the database checks it too).
 * Their bookings are released. Needs a full set of scores at the step, like moving on.
 */
export async function notThisTime(
  db: Database,
  context: Context,
  userId: string,
  round: Round,
  memberId: string,
  fromStep: string,
  feedback: string,
  now = new Date(),
): Promise<Outcome> {
  const member = await panelMember(db, userId, round, memberId);
  if (!member) return refuse(404, "No such candidate");
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: poolMembers.status, step: poolMembers.step, userId: poolMembers.userId })
      .from(poolMembers)
      .where(eq(poolMembers.id, memberId))
      .for("update");
    if (!locked || locked.status !== "screening" || locked.step !== fromStep)
      return refuse(409, "This candidate has already been moved on or answered: reload the page");
    await tx
      .update(poolMembers)
      .set({
        status: "not_this_time",
        step: null,
        feedback,
        shownToSchools: false,
        statusChangedAt: now,
        updatedAt: now,
      })
      .where(eq(poolMembers.id, memberId));
    await tx
      .update(poolSlotBookings)
      .set({ live: false })
      .where(and(eq(poolSlotBookings.memberId, memberId), eq(poolSlotBookings.live, true)));
    await tx.insert(poolEvents).values({
      memberId,
      actorUserId: userId,
      fromStatus: "screening",
      toStatus: "not_this_time",
      step: fromStep,
      message: feedback,
    });
    await recordOutcome(tx, memberId);
    const [person] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, locked.userId));
    if (person)
      await queueEmail(tx, context.enqueue, person.email, "pool-update", {
        name: person.name,
        roundName: round.name,
        event: "not_this_time",
        feedback,
        url: `${context.appUrl}/pool/mine`,
      });
    return { ok: true as const };
  });
}

/** Logs that a panel member opened a candidate: pool profiles are personal data, and every view is recorded. */
export async function logPanelView(db: Executor, userId: string, memberId: string) {
  await db.insert(poolViews).values({ memberId, viewerUserId: userId, schoolId: null });
}
