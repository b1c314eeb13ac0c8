import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { services } from "../services.server";
import { sessions, users } from "../../db/schema";

/** Idle expiry: Lucia slides it forward while the session is used. */
export const SESSION_IDLE = new TimeSpan(7, "d");
/** Absolute expiry: a session never outlives this, however busy. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** A session that still owes its second factor (or a set-up) lasts this long at most: enough to find a phone. */
export const PENDING_SESSION_MS = 15 * 60 * 1000;

function createLucia(secure: boolean) {
  const adapter = new DrizzlePostgreSQLAdapter(services().connection.db, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: SESSION_IDLE,
    sessionCookie: {
      // The __Host- prefix pins the cookie to this exact host, over https, with path=/.
      name: secure ? "__Host-staffroom_session" : "staffroom_session",
      // Lucia's `expires: false` is a 400-day cookie; session.server.ts drops Max-Age to make the browser-session
      // cookie ADR 0003 describes. Expiry is enforced on the server, so the cookie never needs re-issuing.
      expires: false,
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({
      absoluteExpiresAt: attributes.absoluteExpiresAt,
      secondFactorVerifiedAt: attributes.secondFactorVerifiedAt,
    }),
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      emailVerifiedAt: attributes.emailVerifiedAt,
    }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: { absoluteExpiresAt: Date; secondFactorVerifiedAt: Date | null };
    DatabaseUserAttributes: { email: string; name: string; emailVerifiedAt: Date | null };
  }
}

let cached: { key: unknown; lucia: ReturnType<typeof createLucia> } | undefined;

/** One Lucia per runtime (tests start several runtimes in one process). */
export function lucia() {
  const r = services();
  if (!cached || cached.key !== r) cached = { key: r, lucia: createLucia(r.config.secureCookies) };
  return cached.lucia;
}
