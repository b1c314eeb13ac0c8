import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { holdsRoleAnywhere } from "../access/scope.server";
import { z } from "../forms/zod";
import { rolesRequiringSecondFactor } from "../vocabulary/roles";

/** Whether a user has a second factor turned on, and whether one of their roles requires it. */
export type SecondFactorStatus = { enabled: boolean; required: boolean };

/**
 * Read on every request of a session that has not given a second factor, because roles can be granted while a
 * session is open: an invitation accepted mid-session makes the very next request ask for a set-up.
 */
export async function secondFactorStatus(db: Executor, userId: string): Promise<SecondFactorStatus> {
  const [row] = parseRows(
    await db.execute(sql`SELECT
      EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = ${userId} AND f.enabled_at IS NOT NULL) AS enabled,
      ${holdsRoleAnywhere(userId, rolesRequiringSecondFactor)} AS required`),
    z.object({ enabled: z.boolean(), required: z.boolean() }),
    "a user's second-factor status",
  );
  return { enabled: row?.enabled === true, required: row?.required === true };
}

/** The step a session still owes after its password, if any. */
export type PendingStage = "second-factor" | "set-up";

export function pendingStage(status: SecondFactorStatus): PendingStage | null {
  if (status.enabled) return "second-factor";
  if (status.required) return "set-up";
  return null;
}
