import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { sessions, users, userTokens } from "../../db/schema";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import { pseudonym, securityLog } from "../security/security-log.server";
import { forgiveRateLimits, hitRateLimits, LIMITS } from "../security/rate-limit.server";
import { checkCurrentPassword, limited, type Limited } from "./current-password.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import { pendingStage, secondFactorStatus, type PendingStage } from "./second-factor-status.server";
import { startSession, startSessionIn } from "./session.server";
import { generateToken, hashToken } from "./tokens.server";

const VERIFY_TOKEN_HOURS = 48;
const RESET_TOKEN_MINUTES = 30;

/** A new session's cookie, and the step it still owes (null: none, it is signed in). */
export type Started = { ok: true; setCookie: string; next: PendingStage | null };

/** Voids a user's unused tokens of one purpose: only the newest link works, and none after a reset. */
async function voidTokens(db: Executor, userId: string, purpose: "verify_email" | "reset_password") {
  await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}

async function issueToken(db: Executor, userId: string, purpose: "verify_email" | "reset_password", ttlMs: number) {
  if (purpose === "reset_password") await voidTokens(db, userId, purpose);
  const token = generateToken();
  await db.insert(userTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return token;
}

/**
 * Creates an account and signs it in. An address that already has an account gets a mail saying so
 * instead, and the caller shows the same "check your e-mail" page: sign-up does not reveal who is registered.
 */
export async function signUp(
  db: Database,
  input: { name: string; email: string; password: string },
  context: { ip: string; appUrl: string; enqueue: Enqueue },
): Promise<{ ok: true; setCookie: string | null } | Limited> {
  const decision = await hitRateLimits(db, [{ limit: LIMITS.signUpPerIp, subject: context.ip }]);
  if (!decision.allowed) return limited(decision);
  const passwordHash = await hashPassword(input.password);
  const outcome = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const [newUser] = inserted;
    if (!newUser) {
      const [existing] = await tx.select({ name: users.name }).from(users).where(eq(users.email, input.email));
      await queueEmail(tx, context.enqueue, input.email, "account-exists", {
        name: existing?.name ?? input.name,
        signInUrl: `${context.appUrl}/sign-in`,
        resetUrl: `${context.appUrl}/forgot-password`,
      });
      return null;
    }
    const userId = newUser.id;
    const token = await issueToken(tx, userId, "verify_email", VERIFY_TOKEN_HOURS * 3600_000);
    await queueEmail(tx, context.enqueue, input.email, "verify-email", {
      name: input.name,
      url: `${context.appUrl}/verify-email?token=${token}`,
      expiresInHours: VERIFY_TOKEN_HOURS,
    });
    return userId;
  });
  return { ok: true, setCookie: outcome ? await startSession(outcome) : null };
}

/**
 * Checks the password. A user with a second factor, or whose role requires one, gets a short-lived session that
 * grants nothing until the code is given or the factor set up (`next` says which).
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string },
  context: { ip: string },
): Promise<Started | { ok: false; reason: "wrong-credentials" } | Limited> {
  const checks = [
    { limit: LIMITS.signInPerAccountAndIp, subject: `${input.email}|${context.ip}` },
    { limit: LIMITS.signInPerAccount, subject: input.email },
    { limit: LIMITS.signInPerIp, subject: context.ip },
  ];
  const now = new Date();
  const decision = await hitRateLimits(db, checks, now);
  if (!decision.allowed) return limited(decision);
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  // Verify against a dummy hash when nobody matches, so the answer takes as long either way.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    securityLog("sign-in.failed", { account: pseudonym(input.email), userId: user?.id ?? null, ip: context.ip });
    return { ok: false, reason: "wrong-credentials" };
  }
  // Only failures count: the owner signing in does not use up their own allowance.
  await forgiveRateLimits(db, checks, now);
  const next = pendingStage(await secondFactorStatus(db, user.id));
  return { ok: true, setCookie: await startSession(user.id, { pending: next !== null }), next };
}

/** Consumes a token: single use, unexpired, of the right purpose. Returns its user, or null. */
async function consumeToken(db: Executor, token: string, purpose: "verify_email" | "reset_password") {
  const now = new Date();
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning({ userId: userTokens.userId });
  return row?.userId ?? null;
}

export async function verifyEmail(db: Database, token: string): Promise<boolean> {
  const userId = await consumeToken(db, token, "verify_email");
  if (!userId) return false;
  await db
    .update(users)
    .set({ emailVerifiedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
  return true;
}

export async function resendVerification(
  db: Database,
  user: { id: string; email: string; name: string },
  context: { appUrl: string; enqueue: Enqueue },
): Promise<{ ok: true } | Limited> {
  const decision = await hitRateLimits(db, [{ limit: LIMITS.verificationPerUser, subject: user.id }]);
  if (!decision.allowed) return limited(decision);
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "verify_email", VERIFY_TOKEN_HOURS * 3600_000);
    await queueEmail(tx, context.enqueue, user.email, "verify-email", {
      name: user.name,
      url: `${context.appUrl}/verify-email?token=${token}`,
      expiresInHours: VERIFY_TOKEN_HOURS,
    });
  });
  return { ok: true };
}

/** Always answers the same way whether or not the address has an account. */
export async function requestPasswordReset(
  db: Database,
  email: string,
  context: { ip: string; appUrl: string; enqueue: Enqueue },
): Promise<{ ok: true } | Limited> {
  const decision = await hitRateLimits(db, [
    { limit: LIMITS.resetPerAccount, subject: email },
    { limit: LIMITS.resetPerIp, subject: context.ip },
  ]);
  if (!decision.allowed) return limited(decision);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) return { ok: true };
  await db.transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "reset_password", RESET_TOKEN_MINUTES * 60_000);
    await queueEmail(tx, context.enqueue, user.email, "reset-password", {
      name: user.name,
      url: `${context.appUrl}/reset-password?token=${token}`,
      expiresInMinutes: RESET_TOKEN_MINUTES,
    });
  });
  return { ok: true };
}

/**
 * Stores a new password, voids every reset link, ends every session and starts a fresh one, in one
 * transaction: a crash or shutdown part-way leaves either the old password with its sessions or the new
 * password with only the new session, never the new password with old sessions still alive.
 *
 * After a `change` (made from a session that is signed in, so has given any second factor) the new session carries
 * that over. After a `reset` it does not: a reset link proves the mailbox, not the second factor, so a user with one
 * still has to give a code (ADR 0020).
 */
async function replacePassword(
  tx: Executor,
  userId: string,
  passwordHash: string,
  how: "change" | "reset",
  extra: Partial<typeof users.$inferInsert> = {},
): Promise<Started> {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date(), ...extra })
    .where(eq(users.id, userId));
  await voidTokens(tx, userId, "reset_password");
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  const status = await secondFactorStatus(tx, userId);
  const next = how === "reset" ? pendingStage(status) : null;
  const setCookie = await startSessionIn(tx, userId, { pending: next !== null, verified: status.enabled && !next });
  return { ok: true, setCookie, next };
}

/** Sets a new password from a reset link, ends every session and starts a fresh one. */
export async function resetPassword(
  db: Database,
  token: string,
  newPassword: string,
): Promise<Started | { ok: false; reason: "invalid-token" }> {
  const passwordHash = await hashPassword(newPassword);
  const started = await db.transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "reset_password");
    if (!userId) return null;
    // Following a reset link proves the address too.
    const [user] = await tx.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
    return replacePassword(tx, userId, passwordHash, "reset", { emailVerifiedAt: user?.verified ?? new Date() });
  });
  return started ?? { ok: false, reason: "invalid-token" };
}

export async function changePassword(
  db: Database,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<Started | { ok: false; reason: "wrong-password" } | Limited> {
  const checked = await checkCurrentPassword(db, userId, input.currentPassword);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction((tx) => replacePassword(tx, userId, passwordHash, "change"));
}

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string } | null)?.code === "23505" ||
  (error as { cause?: { code?: string } } | null)?.cause?.code === "23505";

/**
 * Moves the account to a new address, with the current password. The new address is unconfirmed until its link is
 * followed; the old one is told (a security mail), so an owner whose password was stolen hears of it.
 */
export async function changeEmail(
  db: Database,
  user: { id: string; email: string; name: string },
  input: { email: string; currentPassword: string },
  context: { appUrl: string; enqueue: Enqueue },
): Promise<{ ok: true } | { ok: false; reason: "wrong-password" | "taken" } | Limited> {
  // Every attempt counts, not only wrong passwords: "taken" answers whether an address has an account.
  const decision = await hitRateLimits(db, [{ limit: LIMITS.emailChangePerUser, subject: user.id }]);
  if (!decision.allowed) return limited(decision);
  const checked = await checkCurrentPassword(db, user.id, input.currentPassword);
  if (!checked.ok) return checked;
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (taken) return { ok: false as const, reason: "taken" as const };
      await tx.update(users).set({ email: input.email, emailVerifiedAt: null }).where(eq(users.id, user.id));
      await voidTokens(tx, user.id, "verify_email");
      const token = await issueToken(tx, user.id, "verify_email", VERIFY_TOKEN_HOURS * 3600_000);
      await queueEmail(tx, context.enqueue, input.email, "verify-email", {
        name: user.name,
        url: `${context.appUrl}/verify-email?token=${token}`,
        expiresInHours: VERIFY_TOKEN_HOURS,
      });
      await queueEmail(tx, context.enqueue, user.email, "email-changed", {
        name: user.name,
        newEmail: input.email,
        signInUrl: `${context.appUrl}/sign-in`,
      });
      return { ok: true as const };
    });
  } catch (error) {
    // Two accounts moving to one address at once: the unique index decides, and the loser hears "taken".
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}
