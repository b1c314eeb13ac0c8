import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { pseudonym, securityLog } from "./security-log.server";

export type Limit = { name: string; max: number; windowSeconds: number };

/**
 * The limits Staffroom enforces. Password checks count failures only (a success gives its hit back): ten
 * wrong guesses at one account from one address stop that address; a hundred from anywhere stop the
 * account for a while, so guessing stays slow without one stranger being able to lock a known account.
 */
export const LIMITS = {
  signInPerAccountAndIp: { name: "sign-in:account-ip", max: 10, windowSeconds: 15 * 60 },
  signInPerAccount: { name: "sign-in:account", max: 100, windowSeconds: 15 * 60 },
  signInPerIp: { name: "sign-in:ip", max: 50, windowSeconds: 15 * 60 },
  currentPasswordPerUser: { name: "current-password:user", max: 10, windowSeconds: 15 * 60 },
  // Only someone who knows the password reaches the code step. Five wrong codes per quarter hour and twenty a day
  // leave a guesser about a 0.006% chance a day (three codes of a million are valid at a time): ADR 0020.
  secondFactorPerUser: { name: "second-factor:user", max: 5, windowSeconds: 15 * 60 },
  secondFactorPerUserDaily: { name: "second-factor:user-day", max: 20, windowSeconds: 24 * 60 * 60 },
  emailChangePerUser: { name: "email-change:user", max: 5, windowSeconds: 60 * 60 },
  signUpPerIp: { name: "sign-up:ip", max: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { name: "reset:account", max: 3, windowSeconds: 60 * 60 },
  resetPerIp: { name: "reset:ip", max: 10, windowSeconds: 60 * 60 },
  verificationPerUser: { name: "verify-mail:user", max: 3, windowSeconds: 60 * 60 },
  invitationsPerUser: { name: "invite:user", max: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one hit against `limit` for `subject` in the current fixed window and says whether it is
 * within the limit. Kept in Postgres so that every web process shares the count.
 */
export async function hitRateLimit(
  db: Executor,
  limit: Limit,
  subject: string,
  now = new Date(),
): Promise<RateDecision> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${limit.name}:${subject.toLowerCase()}`;
  const row = firstRow(
    parseRows(
      await db.execute(sql`
      INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${windowStart.toISOString()}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
      RETURNING hits`),
      z.object({ hits: z.number().int() }),
      "the window's hits",
    ),
    "the row inserted into rate_limits",
  );
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  const allowed = Number(row.hits) <= limit.max;
  if (!allowed)
    securityLog("rate-limit.refused", { limit: limit.name, subject: pseudonym(subject), retryAfterSeconds });
  return { allowed, retryAfterSeconds };
}

/** Checks several limits; all are counted, and the first exceeded one decides. */
export async function hitRateLimits(
  db: Executor,
  checks: { limit: Limit; subject: string }[],
  now = new Date(),
): Promise<RateDecision> {
  let decision: RateDecision = { allowed: true, retryAfterSeconds: 0 };
  for (const { limit, subject } of checks) {
    const d = await hitRateLimit(db, limit, subject, now);
    if (!d.allowed && decision.allowed) decision = d;
  }
  return decision;
}

/** Gives back the hits a request made (a password check that succeeded does not count as a failure). */
export async function forgiveRateLimits(
  db: Executor,
  checks: { limit: Limit; subject: string }[],
  now = new Date(),
): Promise<void> {
  for (const { limit, subject } of checks) {
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    await db.execute(sql`
      UPDATE rate_limits SET hits = greatest(hits - 1, 0)
      WHERE key = ${`${limit.name}:${subject.toLowerCase()}`} AND window_start = ${windowStart.toISOString()}`);
  }
}
