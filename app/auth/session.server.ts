import type { Session, User } from "lucia";
import { generateToken, hashToken } from "./tokens.server";
import { lucia, SESSION_ABSOLUTE_MS } from "./lucia.server";

export type SignedIn = { user: User; session: Session; token: string };

/**
 * Starts a session: the cookie carries a fresh random token, the database only its SHA-256.
 * Returns the Set-Cookie header value.
 */
export async function startSession(userId: string): Promise<string> {
  const token = generateToken();
  const absoluteExpiresAt = new Date(Date.now() + SESSION_ABSOLUTE_MS);
  await lucia().createSession(userId, { absoluteExpiresAt }, { sessionId: hashToken(token) });
  return lucia().createSessionCookie(token).serialize();
}

export function sessionTokenFrom(request: Request): string | null {
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

/** Ends every session of a user (password change or reset), e.g. before starting a new one. */
export async function endAllSessions(userId: string): Promise<void> {
  await lucia().invalidateUserSessions(userId);
}
