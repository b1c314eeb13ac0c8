import { redirect } from "@remix-run/node";
import { db, services } from "../services.server";
import { hasRole } from "../access/scope.server";
import type { Role, Scope } from "../vocabulary/roles";
import { sameOriginPath } from "../security/redirect";
import { readSession, type Pending, type SessionRead, type SignedIn } from "./session.server";
import type { PendingStage } from "./second-factor-status.server";

/** Only paths on this site may be redirected to after sign-in (see sameOriginPath). */
export function safeRedirectPath(to: string | null | undefined, fallback = "/"): string {
  return sameOriginPath(to, services().config.appUrl, fallback);
}

export async function currentUser(request: Request): Promise<SignedIn | null> {
  return (await readSession(request)).signedIn;
}

/** Where a session that owes a step after its password goes, to come back to `back` afterwards. */
export function pendingStagePath(stage: PendingStage, back: string): string {
  const page = stage === "second-factor" ? "/sign-in/two-factor" : "/account/two-factor";
  return `${page}?redirectTo=${encodeURIComponent(back)}`;
}

function here(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/**
 * The signed-in user; anyone else is sent to sign in and brought back here afterwards. A session that has given its
 * password but owes a second factor (or a set-up) is sent to that step instead.
 */
export async function requireUser(request: Request): Promise<SignedIn> {
  return signedInOrRedirect(request, await readSession(request));
}

function signedInOrRedirect(request: Request, { signedIn, pending, setCookie }: SessionRead): SignedIn {
  if (signedIn) return signedIn;
  if (pending) throw redirect(pendingStagePath(pending.stage, here(request)));
  throw redirect(
    `/sign-in?redirectTo=${encodeURIComponent(here(request))}`,
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

/** The set-up page: a signed-in user, or a session whose role requires a second factor it has not set up yet. */
export async function requireUserOrSetUp(request: Request): Promise<SignedIn & { settingUp: boolean }> {
  const read = await readSession(request);
  if (read.pending?.stage === "set-up") return { ...read.pending, settingUp: true };
  return { ...signedInOrRedirect(request, read), settingUp: false };
}

/** The second step of signing in: only a session that has given its password and owes a code. */
export async function requirePendingSecondFactor(request: Request): Promise<Pending> {
  const { signedIn, pending } = await readSession(request);
  const back = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/account");
  if (pending?.stage === "second-factor") return pending;
  if (pending) throw redirect(pendingStagePath(pending.stage, back));
  throw redirect(signedIn ? back : "/sign-in");
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
