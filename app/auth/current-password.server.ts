import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { users } from "../../db/schema";
import { forgiveRateLimits, hitRateLimits, LIMITS, type RateDecision } from "../security/rate-limit.server";
import { verifyPassword } from "./password.server";

export type Limited = { ok: false; reason: "rate-limited"; retryAfterSeconds: number };
export const limited = (d: RateDecision): Limited => ({
  ok: false,
  reason: "rate-limited",
  retryAfterSeconds: d.retryAfterSeconds,
});

/**
 * Asks for the password again before a change that would let whoever holds an open session keep the account (a
 * new password, e-mail address or second factor). A password guess like any other: limited per account, failures
 * only.
 */
export async function checkCurrentPassword(
  db: Database,
  userId: string,
  password: string,
): Promise<{ ok: true } | { ok: false; reason: "wrong-password" } | Limited> {
  const checks = [{ limit: LIMITS.currentPasswordPerUser, subject: userId }];
  const now = new Date();
  const decision = await hitRateLimits(db, checks, now);
  if (!decision.allowed) return limited(decision);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "wrong-password" };
  await forgiveRateLimits(db, checks, now);
  return { ok: true };
}
