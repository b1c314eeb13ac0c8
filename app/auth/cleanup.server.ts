import { lt, or, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rateLimits, sessions, userTokens } from "../../db/schema";

/** Hourly housekeeping: expired sessions and tokens, and rate-limit windows long past. */
export async function deleteExpiredAuthRecords(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)));
  await db.delete(userTokens).where(or(lt(userTokens.expiresAt, now), isNotNull(userTokens.usedAt)));
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600_000)));
}
