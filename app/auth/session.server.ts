import { Cookie, type Session, type User } from "lucia";
import { generateToken, hashToken } from "./tokens.server";
import type { Executor } from "../../db/client";
import { sessions } from "../../db/schema";
import { lucia, SESSION_ABSOLUTE_MS, SESSION_IDLE } from "./lucia.server";

export type SignedIn = { user: User; session: Session; token: string };

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
export async function startSession(userId: string): Promise<string> {
  const token = generateToken();
  const absoluteExpiresAt = new Date(Date.now() + SESSION_ABSOLUTE_MS);
  await lucia().createSession(userId, { absoluteExpiresAt }, { sessionId: hashToken(token) });
  return sessionCookie(token);
}

/** startSession inside the caller's transaction (Lucia's adapter writes on its own connection). */
export async function startSessionIn(tx: Executor, userId: string): Promise<string> {
  const token = generateToken();
  const now = Date.now();
  await tx.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt: new Date(now + SESSION_IDLE.milliseconds()),
    absoluteExpiresAt: new Date(now + SESSION_ABSOLUTE_MS),
  });
  return sessionCookie(token);
}

function sessionTokenFrom(request: Request): string | null {
  return lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
}

/** The signed-in user, or null; `setCookie` clears the cookie of a session that has ended. */
export async function readSession(request: Request): Promise<{ signedIn: SignedIn | null; setCookie?: string }> {
  const token = sessionTokenFrom(request);
  if (!token) return { signedIn: null };
  const sessionId = hashToken(token);
  const { session, user } = await lucia().validateSession(sessionId);
  if (!session) return { signedIn: null, setCookie: lucia().createBlankSessionCookie().serialize() };
  if (session.absoluteExpiresAt.getTime() <= Date.now()) {
    await lucia().invalidateSession(sessionId);
    return { signedIn: null, setCookie: lucia().createBlankSessionCookie().serialize() };
  }
  return { signedIn: { user, session, token } };
}

/** Ends the request's session; returns the header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = sessionTokenFrom(request);
  if (token) await lucia().invalidateSession(hashToken(token));
  return lucia().createBlankSessionCookie().serialize();
}
