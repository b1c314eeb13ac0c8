import { createCookieSessionStorage } from "@remix-run/node";
import { services } from "../services.server";

export type Flash = { kind: "success" | "info" | "error"; message: string };

function storage() {
  const { config } = services();
  return createCookieSessionStorage<Record<string, never>, { flash: Flash }>({
    cookie: {
      name: config.secureCookies ? "__Host-staffroom_flash" : "staffroom_flash",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: config.secureCookies,
      secrets: [config.sessionSecret],
    },
  });
}

/** A Set-Cookie header carrying a one-time message for the next page. */
export async function flashCookie(request: Request, flash: Flash): Promise<string> {
  const s = storage();
  const session = await s.getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  return s.commitSession(session);
}

/** Reads (and so consumes) the flash message; returns the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie?: string }> {
  const s = storage();
  const session = await s.getSession(request.headers.get("Cookie"));
  const flash = session.get("flash") ?? null;
  if (!flash) return { flash: null };
  return { flash, setCookie: await s.commitSession(session) };
}
