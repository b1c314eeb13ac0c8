import { redirect } from "@remix-run/node";
import { db, services } from "../services.server";
import { hasRole } from "../access/scope.server";
import type { Role, Scope } from "../vocabulary/roles";
import { sameOriginPath } from "../security/redirect";
import { readSession, type SignedIn } from "./session.server";

/** Only paths on this site may be redirected to after sign-in (see sameOriginPath). */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  return sameOriginPath(to, services().config.appUrl, fallback);
}

export async function currentUser(request: Request): Promise<SignedIn | null> {
  return (await readSession(request)).signedIn;
}

/** The signed-in user; anyone else is sent to sign in and brought back here afterwards. */
export async function requireUser(request: Request): Promise<SignedIn> {
  const { signedIn, setCookie } = await readSession(request);
  if (signedIn) return signedIn;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(
    `/sign-in?redirectTo=${encodeURIComponent(back)}`,
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export function notFound(message = "Page not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have access to this page"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/**
 * The signed-in user, who must hold `role` over `scope`. Anyone else gets a 404: another
 * organisation's records are not acknowledged to exist.
 */
export async function requireMembership(request: Request, role: Role | Role[], scope: Scope): Promise<SignedIn> {
  const signedIn = await requireUser(request);
  if (!(await hasRole(db(), signedIn.user.id, role, scope))) throw notFound();
  return signedIn;
}
