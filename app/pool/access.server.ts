import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { partnerships, poolRounds } from "../../db/schema";
import { partnershipIdsWhereUserHolds, schoolIdsWhereUserHolds } from "../access/scope.server";
import { hiddenFromSchool } from "./matching/hide-rules";
import { isUuid } from "../forms/fields";
import { roles } from "../vocabulary/roles";

/**
 * Who may act on a pool round: its partnership's admins run it; its panel screens it. Every function answers null
 * for a round the user may not act on, an unknown one or a malformed id alike, so the route answers 404.
 */

const roundColumns = {
  id: poolRounds.id,
  partnershipId: poolRounds.partnershipId,
  partnershipName: partnerships.name,
  partnershipSlug: partnerships.slug,
  name: poolRounds.name,
  description: poolRounds.description,
  phase: poolRounds.phase,
  roles: poolRounds.roles,
  subjects: poolRounds.subjects,
  opensOn: poolRounds.opensOn,
  closesOn: poolRounds.closesOn,
  steps: poolRounds.steps,
  criteria: poolRounds.criteria,
};

async function oneRound(db: Executor, roundId: string, where: SQL) {
  if (!isUuid(roundId)) return null;
  const [row] = await db
    .select(roundColumns)
    .from(poolRounds)
    .innerJoin(partnerships, eq(partnerships.id, poolRounds.partnershipId))
    .where(and(eq(poolRounds.id, roundId), where));
  return row ?? null;
}
export type Round = NonNullable<Awaited<ReturnType<typeof oneRound>>>;

/** Partnership ids where the user is an admin, as a subquery. */
export const adminPartnershipIds = (userId: string) => partnershipIdsWhereUserHolds(userId, ["partnership_admin"]);

/** The round, if the user is an admin of its partnership. */
export function managedRound(db: Executor, userId: string, roundId: string) {
  return oneRound(db, roundId, sql`${poolRounds.partnershipId} IN (${adminPartnershipIds(userId)})`);
}

/** The round, if the user sits on its panel. */
export function panelRound(db: Executor, userId: string, roundId: string) {
  return oneRound(
    db,
    roundId,
    sql`EXISTS (SELECT 1 FROM pool_round_panel pp WHERE pp.round_id = ${poolRounds.id} AND pp.user_id = ${userId})`,
  );
}

/** Any round, for its public page. */
export function publicRound(db: Executor, roundId: string) {
  return oneRound(db, roundId, sql`true`);
}

/**
 * A boolean SQL expression over a pool member alias: the member hid from a school where `userId` holds any role.
 * A panel member from a school a candidate hid from must not learn that they applied.
 */
export function hiddenFromUser(member: string, userId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM schools us
                      WHERE us.id IN (${schoolIdsWhereUserHolds(userId, roles)})
                        AND ${hiddenFromSchool(member, sql`us.id`)})`;
}
