import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { recoveryCodes, secondFactors, sessions, users } from "../../db/schema";
import { queueEmail } from "../../emails/outbox.server";
import type { SecondFactorChange } from "../../emails/templates/second-factor-changed";
import { forgiveRateLimits, hitRateLimits, LIMITS } from "../security/rate-limit.server";
import { securityLog } from "../security/security-log.server";
import { checkCurrentPassword, limited, type Limited } from "./current-password.server";
import { secondFactorStatus } from "./second-factor-status.server";
import { startSessionIn } from "./session.server";
import { hashToken } from "./tokens.server";
import {
  generateRecoveryCodes,
  generateSecret,
  looksLikeTotpCode,
  matchStep,
  normaliseCode,
  type StepMatch,
} from "./totp";

/** A set-up or replacement not confirmed within this time starts again with a new key. */
const PENDING_MINUTES = 30;

type Mailer = { appUrl: string; enqueue: Enqueue };

export type SecondFactorSummary =
  { state: "off"; required: boolean } | { state: "on"; required: boolean; enabledAt: Date; recoveryCodesLeft: number };

/** What the account page shows about the second factor. */
export async function secondFactorSummary(db: Executor, userId: string): Promise<SecondFactorSummary> {
  const { required } = await secondFactorStatus(db, userId);
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (!row?.enabledAt) return { state: "off", required };
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { state: "on", required, enabledAt: row.enabledAt, recoveryCodesLeft: Number(left?.n ?? 0) };
}

const fresh = (since: Date | null, now: Date) => !!since && now.getTime() - since.getTime() < PENDING_MINUTES * 60_000;

/**
 * The key being set up, for the set-up page: a user without a second factor gets one (the same one on every visit
 * for half an hour, so a reload does not invalidate what the app has scanned). A user with a second factor gets
 * one only while a replacement they started with their password is open; otherwise null.
 */
export async function keyBeingSetUp(
  db: Executor,
  userId: string,
  now = new Date(),
): Promise<{ secret: string; replacing: boolean } | null> {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (row?.enabledAt) {
    return row.pendingSecret && fresh(row.pendingSince, now) ? { secret: row.pendingSecret, replacing: true } : null;
  }
  if (row?.pendingSecret && fresh(row.pendingSince, now)) return { secret: row.pendingSecret, replacing: false };
  const secret = await newPendingSecret(db, userId, now);
  return { secret, replacing: false };
}

async function newPendingSecret(db: Executor, userId: string, now: Date): Promise<string> {
  const pendingSecret = generateSecret();
  await db
    .insert(secondFactors)
    .values({ userId, pendingSecret, pendingSince: now })
    .onConflictDoUpdate({ target: secondFactors.userId, set: { pendingSecret, pendingSince: now } });
  return pendingSecret;
}

async function tellOwner(tx: Executor, userId: string, change: SecondFactorChange, mail: Mailer) {
  const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) return;
  await queueEmail(tx, mail.enqueue, user.email, "second-factor-changed", {
    name: user.name,
    change,
    accountUrl: `${mail.appUrl}/account/two-factor`,
  });
}

/**
 * Confirms the key being set up with a code from it: the key becomes the second factor (replacing any other), the
 * old recovery codes stop working and new ones are owed to the next view of the set-up page (claimRecoveryCodes),
 * every session of the user ends, and a new one starts that has given its second factor. One transaction.
 */
export async function confirmSecondFactor(
  db: Database,
  userId: string,
  code: string,
  mail: Mailer,
  now = new Date(),
): Promise<{ ok: true; setCookie: string } | { ok: false; reason: "wrong-code" | "expired" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, userId)).for("update");
    if (!row?.pendingSecret || !fresh(row.pendingSince, now)) return { ok: false, reason: "expired" };
    const match = matchStep(row.pendingSecret, code, now.getTime(), null);
    if (!match || !("step" in match)) return { ok: false, reason: "wrong-code" };
    await tx
      .update(secondFactors)
      .set({
        secret: row.pendingSecret,
        enabledAt: now,
        lastUsedStep: match.step,
        pendingSecret: null,
        pendingSince: null,
        recoveryCodesDue: true,
      })
      .where(eq(secondFactors.userId, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tellOwner(tx, userId, row.enabledAt ? "replaced" : "turned-on", mail);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    return { ok: true, setCookie: await startSessionIn(tx, userId, { verified: true }) };
  });
}

/**
 * The recovery codes owed to the owner, made now: ten single-use codes, stored as hashes, returned once. Null when
 * none are owed (a reload of the page that showed them shows them no more).
 */
export async function claimRecoveryCodes(db: Database, userId: string): Promise<string[] | null> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(secondFactors)
      .set({ recoveryCodesDue: false })
      .where(and(eq(secondFactors.userId, userId), eq(secondFactors.recoveryCodesDue, true)))
      .returning({ userId: secondFactors.userId });
    if (claimed.length === 0) return null;
    const codes = generateRecoveryCodes();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashToken(normaliseCode(code)) })));
    return codes;
  });
}

/** Starts replacing the second factor (a new phone): needs the password; the old one works until the new is confirmed. */
export async function startReplacement(
  db: Database,
  userId: string,
  currentPassword: string,
): Promise<{ ok: true } | { ok: false; reason: "wrong-password" | "not-on" } | Limited> {
  const checked = await checkCurrentPassword(db, userId, currentPassword);
  if (!checked.ok) return checked;
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (!row?.enabledAt) return { ok: false, reason: "not-on" };
  await newPendingSecret(db, userId, new Date());
  return { ok: true };
}

export async function cancelReplacement(db: Database, userId: string): Promise<void> {
  await db
    .update(secondFactors)
    .set({ pendingSecret: null, pendingSince: null })
    .where(eq(secondFactors.userId, userId));
}

/** New recovery codes: needs the password. The old ones stop working now; the new are shown by claimRecoveryCodes. */
export async function regenerateRecoveryCodes(
  db: Database,
  userId: string,
  currentPassword: string,
  mail: Mailer,
): Promise<{ ok: true } | { ok: false; reason: "wrong-password" | "not-on" } | Limited> {
  const checked = await checkCurrentPassword(db, userId, currentPassword);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(secondFactors)
      .set({ recoveryCodesDue: true })
      .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.enabledAt)))
      .returning({ userId: secondFactors.userId });
    if (updated.length === 0) return { ok: false, reason: "not-on" };
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tellOwner(tx, userId, "new-recovery-codes", mail);
    return { ok: true };
  });
}

/** Turns the second factor off: needs the password, and is refused while a role requires it. */
export async function turnOffSecondFactor(
  db: Database,
  userId: string,
  currentPassword: string,
  mail: Mailer,
): Promise<{ ok: true } | { ok: false; reason: "wrong-password" | "required" } | Limited> {
  const checked = await checkCurrentPassword(db, userId, currentPassword);
  if (!checked.ok) return checked;
  if ((await secondFactorStatus(db, userId)).required) return { ok: false, reason: "required" };
  await db.transaction(async (tx) => {
    const deleted = await tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).returning();
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    if (deleted[0]?.enabledAt) await tellOwner(tx, userId, "turned-off", mail);
  });
  return { ok: true };
}

export type CodeRefusal = { ok: false; reason: "wrong-code" | "reused" };

/**
 * The second step of signing in, for a session that has given its password: a code from the app (one step either
 * side of now, and only for a step later than the last accepted one) or an unused recovery code. Wrong codes count
 * against per-account limits and are logged; a right one gives its hit back. On success the pending session is
 * replaced by a new one that has given its second factor (a fresh token: nothing issued before this step survives).
 */
export async function verifySecondFactor(
  db: Database,
  pending: { userId: string; sessionId: string },
  code: string,
  context: { ip: string } & Mailer,
  now = new Date(),
): Promise<{ ok: true; setCookie: string; usedRecoveryCode: boolean } | CodeRefusal | Limited> {
  const checks = [
    { limit: LIMITS.secondFactorPerUser, subject: pending.userId },
    { limit: LIMITS.secondFactorPerUserDaily, subject: pending.userId },
  ];
  const decision = await hitRateLimits(db, checks, now);
  if (!decision.allowed) return limited(decision);
  const usedRecoveryCode = !looksLikeTotpCode(code);
  const outcome = usedRecoveryCode
    ? await spendRecoveryCode(db, pending.userId, code, now)
    : await acceptTotp(db, pending.userId, code, now);
  if (!outcome.ok) {
    securityLog("second-factor.failed", {
      userId: pending.userId,
      ip: context.ip,
      kind: usedRecoveryCode ? "recovery-code" : "totp",
      reason: outcome.reason,
    });
    return outcome;
  }
  await forgiveRateLimits(db, checks, now);
  if (usedRecoveryCode) securityLog("second-factor.recovery-code-used", { userId: pending.userId, ip: context.ip });
  const setCookie = await db.transaction(async (tx) => {
    if (usedRecoveryCode) await tellOwner(tx, pending.userId, "recovery-code-used", context);
    await tx.delete(sessions).where(eq(sessions.id, pending.sessionId));
    return startSessionIn(tx, pending.userId, { verified: true });
  });
  return { ok: true, setCookie, usedRecoveryCode };
}

async function acceptTotp(db: Database, userId: string, code: string, now: Date): Promise<{ ok: true } | CodeRefusal> {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  if (!row?.enabledAt || !row.secret) return { ok: false, reason: "wrong-code" };
  const match: StepMatch = matchStep(row.secret, code, now.getTime(), row.lastUsedStep);
  if (!match) return { ok: false, reason: "wrong-code" };
  if (!("step" in match)) return { ok: false, reason: "reused" };
  // Conditional, so two requests with the same code at the same moment cannot both pass.
  const claimed = await db
    .update(secondFactors)
    .set({ lastUsedStep: match.step })
    .where(
      and(
        eq(secondFactors.userId, userId),
        sql`(${secondFactors.lastUsedStep} IS NULL OR ${secondFactors.lastUsedStep} < ${match.step})`,
      ),
    )
    .returning({ userId: secondFactors.userId });
  return claimed.length === 1 ? { ok: true } : { ok: false, reason: "reused" };
}

async function spendRecoveryCode(
  db: Database,
  userId: string,
  code: string,
  now: Date,
): Promise<{ ok: true } | CodeRefusal> {
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashToken(normaliseCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: recoveryCodes.userId });
  return spent.length === 1 ? { ok: true } : { ok: false, reason: "wrong-code" };
}
