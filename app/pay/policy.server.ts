import { desc, eq } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { payPolicies, payPolicyChanges, users } from "../../db/schema";
import { diff } from "../audit/diff";
import { policyOf } from "./assessment.server";
import type { PayPolicy } from "./policy";

/** Saves a partnership's policy and logs what changed, who changed it and when (nothing is logged if nothing changed). */
export async function savePolicy(
  db: Database,
  partnershipId: string,
  userId: string,
  next: PayPolicy,
): Promise<number> {
  return db.transaction(async (tx) => {
    const before = await policyOf(tx, partnershipId);
    const changes = diff(before, next);
    if (Object.keys(changes).length === 0) return 0;
    await tx
      .insert(payPolicies)
      .values({ partnershipId, ...next, updatedBy: userId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: payPolicies.partnershipId,
        set: { ...next, updatedBy: userId, updatedAt: new Date() },
      });
    await tx.insert(payPolicyChanges).values({ partnershipId, userId, changes });
    return Object.keys(changes).length;
  });
}

export async function policyChanges(db: Executor, partnershipId: string) {
  return db
    .select({ id: payPolicyChanges.id, at: payPolicyChanges.at, changes: payPolicyChanges.changes, who: users.name })
    .from(payPolicyChanges)
    .leftJoin(users, eq(users.id, payPolicyChanges.userId))
    .where(eq(payPolicyChanges.partnershipId, partnershipId))
    .orderBy(desc(payPolicyChanges.at));
}
