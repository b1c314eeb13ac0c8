import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { firstRow } from "../../db/rows";
import { poolMembers, poolRounds } from "../../db/schema";
import { refuse, type Outcome } from "../forms/outcome";
import { isUuid } from "../forms/fields";
import { applicationCopy, loadProfile } from "../applications/profile.server";
import { londonToday } from "../vocabulary/london-time";
import { roundIsOpen } from "./rounds";

/**
 * Starts (or returns) the teacher's application to a pool round that is open. One per teacher per round: the unique
 * index decides a race, and the loser gets the winner's. The draft copies the profile as it stands.
 */
export async function startPoolApplication(
  db: Executor,
  userId: string,
  roundId: string,
  now = new Date(),
): Promise<Outcome<{ memberId: string }>> {
  if (!isUuid(roundId)) return refuse(404, "No such pool round");
  const [round] = await db
    .select({ opensOn: poolRounds.opensOn, closesOn: poolRounds.closesOn })
    .from(poolRounds)
    .where(eq(poolRounds.id, roundId));
  if (!round) return refuse(404, "No such pool round");
  const [existing] = await db
    .select({ id: poolMembers.id })
    .from(poolMembers)
    .where(and(eq(poolMembers.roundId, roundId), eq(poolMembers.userId, userId)));
  if (existing) return { ok: true, memberId: existing.id };
  if (!roundIsOpen(round, londonToday(now))) return refuse(409, "This round is not taking applications now");
  const profile = await loadProfile(db, userId);
  if (!profile) return refuse(404, "No such account");
  const inserted = await db
    .insert(poolMembers)
    .values({ roundId, userId, profile: applicationCopy(profile) })
    .onConflictDoNothing()
    .returning({ id: poolMembers.id });
  if (inserted[0]) return { ok: true, memberId: inserted[0].id };
  const winner = firstRow(
    await db
      .select({ id: poolMembers.id })
      .from(poolMembers)
      .where(and(eq(poolMembers.roundId, roundId), eq(poolMembers.userId, userId))),
    "the pool application that won the race",
  );
  return { ok: true, memberId: winner.id };
}
