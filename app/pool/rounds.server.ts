import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { partnerships, poolRoundPanel, poolRoundSchools, poolRounds, schools, users } from "../../db/schema";
import { schoolIdsWhereUserHolds } from "../access/scope.server";
import { isUuid } from "../forms/fields";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { roles } from "../vocabulary/roles";
import { adminPartnershipIds, managedRound } from "./access.server";
import type { RoundInput } from "./schemas";

/** Partnerships where the user may open a round. */
export async function roundRunners(db: Executor, userId: string) {
  return db
    .select({ value: partnerships.id, label: partnerships.name })
    .from(partnerships)
    .where(sql`${partnerships.id} IN (${adminPartnershipIds(userId)})`)
    .orderBy(asc(partnerships.name));
}

export async function createRound(
  db: Executor,
  userId: string,
  partnershipId: string,
  input: RoundInput,
): Promise<Outcome<{ roundId: string }>> {
  const runners = await roundRunners(db, userId);
  if (!isUuid(partnershipId) || !runners.some((r) => r.value === partnershipId))
    return refuse(400, "Check the round", { partnership: ["Choose a partnership you administer"] });
  const [row] = await db
    .insert(poolRounds)
    .values({ ...input, partnershipId, createdBy: userId })
    .returning({ id: poolRounds.id });
  if (!row) throw new Error("The round was not inserted");
  return { ok: true, roundId: row.id };
}

/**
 * Changes a round's details. A step cannot be taken away while candidates are at it: the panel would lose the way to
 * answer them.
 */
export async function updateRound(db: Database, userId: string, roundId: string, input: RoundInput): Promise<Outcome> {
  const round = await managedRound(db, userId, roundId);
  if (!round) return refuse(404, "No such round");
  const removed = round.steps.filter((s) => !input.steps.includes(s));
  if (removed.length > 0) {
    const [waiting] = parseRows(
      await db.execute(sql`
        SELECT count(*)::int AS n FROM pool_members
         WHERE round_id = ${roundId} AND status = 'screening' AND step IN (${sql.join(
           removed.map((s) => sql`${s}`),
           sql`, `,
         )})`),
      z.object({ n: z.number() }),
      "candidates at a step to be removed",
    );
    if ((waiting?.n ?? 0) > 0)
      return refuse(400, "Check the round", {
        steps: [`${waiting?.n} candidate(s) are at a step you took away: move them on or answer them first`],
      });
  }
  await db
    .update(poolRounds)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(poolRounds.id, roundId));
  return { ok: true };
}

/** The partnership's schools, for choosing who takes part. */
export async function partnershipSchoolChoices(db: Executor, partnershipId: string) {
  return db
    .select({ id: schools.id, name: schools.name, urn: schools.urn, town: schools.town, phase: schools.phase })
    .from(schools)
    .where(eq(schools.partnershipId, partnershipId))
    .orderBy(asc(schools.name))
    .limit(1000);
}

/** Sets the schools taking part: only schools of the round's partnership. */
export async function setRoundSchools(
  db: Database,
  userId: string,
  roundId: string,
  schoolIds: readonly string[],
): Promise<Outcome<{ count: number }>> {
  const round = await managedRound(db, userId, roundId);
  if (!round) return refuse(404, "No such round");
  const wanted = [...new Set(schoolIds)];
  if (wanted.length > 0) {
    const found = await db
      .select({ id: schools.id })
      .from(schools)
      .where(and(inArray(schools.id, wanted), eq(schools.partnershipId, round.partnershipId)));
    if (found.length !== wanted.length)
      return refuse(400, "Check the schools", { schoolId: ["Choose schools of the partnership from the list"] });
  }
  await db.transaction(async (tx) => {
    await tx.delete(poolRoundSchools).where(eq(poolRoundSchools.roundId, roundId));
    if (wanted.length > 0) await tx.insert(poolRoundSchools).values(wanted.map((schoolId) => ({ roundId, schoolId })));
  });
  return { ok: true, count: wanted.length };
}

export async function roundSchools(db: Executor, roundId: string) {
  return db
    .select({ id: schools.id, name: schools.name, urn: schools.urn, town: schools.town })
    .from(poolRoundSchools)
    .innerJoin(schools, eq(schools.id, poolRoundSchools.schoolId))
    .where(eq(poolRoundSchools.roundId, roundId))
    .orderBy(asc(schools.name));
}

/**
 * Adds a panel member by the e-mail of their account: someone who works at one of the partnership's schools (any
 * role there, at its trust or its local authority) or administers the partnership.
 */
export async function addPanelMember(
  db: Executor,
  userId: string,
  roundId: string,
  email: string,
): Promise<Outcome<{ name: string }>> {
  const round = await managedRound(db, userId, roundId);
  if (!round) return refuse(404, "No such round");
  const [person] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  const notEligible = refuse(400, "Check the panel member", {
    email: ["Enter the e-mail of someone with a Staffroom account at one of the partnership's schools"],
  });
  if (!person) return notEligible;
  const [eligible] = parseRows(
    await db.execute(sql`
      SELECT (EXISTS (SELECT 1 FROM schools s WHERE s.partnership_id = ${round.partnershipId}
                        AND s.id IN (${schoolIdsWhereUserHolds(person.id, roles)}))
              OR ${round.partnershipId}::text IN (${adminPartnershipIds(person.id)})) AS ok`),
    z.object({ ok: z.boolean() }),
    "whether a panel member works in the partnership",
  );
  if (!eligible?.ok) return notEligible;
  await db.insert(poolRoundPanel).values({ roundId, userId: person.id }).onConflictDoNothing();
  return { ok: true, name: person.name };
}

export async function removePanelMember(db: Executor, userId: string, roundId: string, memberUserId: string) {
  const round = await managedRound(db, userId, roundId);
  if (!round) return refuse(404, "No such round");
  await db
    .delete(poolRoundPanel)
    .where(and(eq(poolRoundPanel.roundId, roundId), eq(poolRoundPanel.userId, memberUserId)));
  return { ok: true as const };
}

export async function panelOf(db: Executor, roundId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(poolRoundPanel)
    .innerJoin(users, eq(users.id, poolRoundPanel.userId))
    .where(eq(poolRoundPanel.roundId, roundId))
    .orderBy(asc(users.name));
}

const countsByStatus = sql`(SELECT coalesce(jsonb_object_agg(status, n), '{}'::jsonb) FROM (
    SELECT status, count(*)::int AS n FROM pool_members m WHERE m.round_id = r.id AND m.status <> 'draft'
     GROUP BY status) c)`;

const roundListRow = z.object({
  id: z.string(),
  name: z.string(),
  partnershipName: z.string(),
  phase: z.string(),
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
});

/** The rounds of the partnerships the user administers, with how many candidates are where. */
export async function roundsOfAdmin(db: Executor, userId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT r.id, r.name, p.name AS "partnershipName", r.phase, r.opens_on::text AS "opensOn",
             r.closes_on::text AS "closesOn", ${countsByStatus} AS counts
        FROM pool_rounds r JOIN partnerships p ON p.id = r.partnership_id
       WHERE r.partnership_id IN (${adminPartnershipIds(userId)})
       ORDER BY r.opens_on DESC, r.name`),
    roundListRow,
    "the rounds an admin runs",
  );
}

/** The rounds the user screens as a panel member. */
export async function roundsOnPanel(db: Executor, userId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT r.id, r.name, p.name AS "partnershipName", r.phase, r.opens_on::text AS "opensOn",
             r.closes_on::text AS "closesOn", ${countsByStatus} AS counts
        FROM pool_rounds r JOIN partnerships p ON p.id = r.partnership_id
        JOIN pool_round_panel pp ON pp.round_id = r.id AND pp.user_id = ${userId}
       ORDER BY r.opens_on DESC, r.name`),
    roundListRow,
    "the rounds a panel member screens",
  );
}

/** Rounds taking applications on London day `today`, every partnership's, for teachers. */
export async function openRounds(db: Executor, today: string) {
  return db
    .select({
      id: poolRounds.id,
      name: poolRounds.name,
      partnershipName: partnerships.name,
      phase: poolRounds.phase,
      roles: poolRounds.roles,
      opensOn: poolRounds.opensOn,
      closesOn: poolRounds.closesOn,
    })
    .from(poolRounds)
    .innerJoin(partnerships, eq(partnerships.id, poolRounds.partnershipId))
    .where(
      and(
        sql`${poolRounds.opensOn} <= ${today}`,
        sql`(${poolRounds.closesOn} IS NULL OR ${poolRounds.closesOn} >= ${today})`,
      ),
    )
    .orderBy(asc(poolRounds.closesOn), asc(poolRounds.name))
    .limit(200);
}

/** Rounds in which one of the user's schools (as HR) takes part: where they can search the pool. */
export async function roundsForHr(db: Executor, userId: string) {
  return db
    .select({ id: poolRounds.id, name: poolRounds.name, partnershipName: partnerships.name })
    .from(poolRounds)
    .innerJoin(partnerships, eq(partnerships.id, poolRounds.partnershipId))
    .where(
      sql`EXISTS (SELECT 1 FROM pool_round_schools rs WHERE rs.round_id = ${poolRounds.id}
                     AND rs.school_id IN (${schoolIdsWhereUserHolds(userId, ["hr"])}))`,
    )
    .orderBy(asc(poolRounds.name))
    .limit(100);
}
