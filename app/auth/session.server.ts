import { Cookie, type Session, type User } from "lucia";
import { generateToken, hashToken } from "./tokens.server";
import type { Executor } from "../../db/client";
import { sessions } from "../../db/schema";
import { services } from "../services.server";
import { lucia, PENDING_SESSION_MS, SESSION_ABSOLUTE_MS, SESSION_IDLE } from "./lucia.server";
import { pendingStage, secondFactorStatus, type PendingStage } from "./second-factor-status.server";

export type SignedIn = { user: User; session: Session; token: string };

/** A session that has given its password but still owes a second factor, or must set one up first. */
export type Pending = SignedIn & { stage: PendingStage };

/**
 * How a session starts. `pending`: it owes a second factor or a set-up, so it is short-lived. `verified`: it has
 * given its second factor (or carries over a session that had).
 */
export type SessionStart = { pending?: boolean; verified?: boolean };

function sessionValues(userId: string, token: string, start: SessionStart) {
  const now = Date.now();
  return {
    id: hashToken(token),
    userId,
    expiresAt: new Date(now + SESSION_IDLE.milliseconds()),
    absoluteExpiresAt: new Date(now + (start.pending ? PENDING_SESSION_MS : SESSION_ABSOLUTE_MS)),
    secondFactorVerifiedAt: start.verified ? new Date(now) : null,
  };
}

/**
 * A browser-session cookie (no Max-Age, no Expires): it goes when the browser closes, and idle and absolute
 * expiry are enforced on the server. Lucia's `expires: false` means the opposite (a 400-day cookie), so
 * the attributes are set here (ADR 0003).
 */
function sessionCookie(token: string): string {
  const { name, value, attributes } = lucia().createSessionCookie(token);
  return new Cookie(name, value, { ...attributes, maxAge: undefined, expires: undefined }).serialize();
}

/**
 * Starts a session: the cookie carries a fresh random token, the database only its SHA-256.
 * Returns the Set-Cookie header value.
 */
export async function startSession(userId: string, start: SessionStart = {}): Promise<string> {
  const token = generateToken();
  const { id, absoluteExpiresAt, secondFactorVerifiedAt } = sessionValues(userId, token, start);
  await lucia().createSession(userId, { absoluteExpiresAt, secondFactorVerifiedAt }, { sessionId: id });
  return sessionCookie(token);
}

/** startSession inside the caller's transaction (Lucia's adapter writes on its own connection). */
export async function startSessionIn(tx: Executor, userId: string, start: SessionStart = {}): Promise<string> {
  const token = generateToken();
  await tx.insert(sessions).values(sessionValues(userId, token, start));
  return sessionCookie(token);
}

function sessionTokenFrom(request: Request): string | null {
  return lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
}

export type SessionRead = { signedIn: SignedIn | null; pending?: Pending; setCookie?: string };

/**
 * The signed-in user, or null; `setCookie` clears the cookie of a session that has ended. A session that has not
 * given its second factor, of a user who has one or whose role requires one, is never `signedIn`: it is `pending`,
 * which only the second-factor and set-up pages accept (ADR 0020). This is the one place that decides.
 */
export function readSession(request: Request): Promise<SessionRead> {
  const token = sessionTokenFrom(request);
  if (!token) return Promise.resolve({ signedIn: null });
  let read = readsInFlight.get(token);
  if (!read) {
    read = readSessionOf(token).finally(() => readsInFlight.delete(token));
    readsInFlight.set(token, read);
  }
  return read;
}

/**
 * Reads not yet answered, by token. A page's loaders run together and each asks who is signed in (the root's and the
 * route's): one read answers them all. An entry goes when its read settles, so nothing is remembered between reads:
 * a request that joins a read sees what it would have seen arriving that read's few milliseconds earlier, as two
 * requests racing a sign-out always could. Signing out drops the entry at once.
 */
const readsInFlight = new Map<string, Promise<SessionRead>>();

async function readSessionOf(token: string): Promise<SessionRead> {
  const sessionId = hashToken(token);
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session) return { signedIn: null, setCookie: lucia().createBlankSessionCookie().serialize() };
  if (session.absoluteExpiresAt.getTime() <= Date.now()) {
    await lucia().invalidateSession(sessionId);
    return { signedIn: null, setCookie: lucia().createBlankSessionCookie().serialize() };
  }
  if (!session.secondFactorVerifiedAt) {
    const stage = pendingStage(await secondFactorStatus(services().connection.db, user.id));
    if (stage) return { signedIn: null, pending: { user, session, token, stage } };
  }
  return { signedIn: { user, session, token } };
}

/** Ends the request's session; returns the header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = sessionTokenFrom(request);
  if (token) {
    readsInFlight.delete(token);
    await lucia().invalidateSession(hashToken(token));
  }
  return lucia().createBlankSessionCookie().serialize();
}
