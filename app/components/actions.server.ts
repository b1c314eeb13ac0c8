import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type HeadersFunction } from "@remix-run/node";
import { FORM_FAILED } from "./error-summary";
import { flashCookie, type Flash } from "./flash.server";

type Replyable = {
  reply: (options?: {
    formErrors?: string[];
    hideFields?: string[];
    fieldErrors?: Record<string, string[]>;
  }) => SubmissionResult<string[]>;
};

/** 400 with the errors at their fields, so the form shows them; passwords are never echoed back. */
export function invalid(
  submission: Replyable,
  options: {
    hideFields?: string[];
    fieldErrors?: Record<string, string[]>;
    formErrors?: string[];
    status?: number;
  } = {},
) {
  return json(
    {
      [FORM_FAILED]: true as const,
      result: submission.reply({
        hideFields: options.hideFields,
        fieldErrors: options.fieldErrors,
        formErrors: options.formErrors,
      }),
    },
    { status: options.status ?? 400 },
  );
}

export function tooManyAttempts(submission: Replyable, retryAfterSeconds: number, hideFields?: string[]) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return json(
    {
      [FORM_FAILED]: true as const,
      result: submission.reply({
        hideFields,
        formErrors: [`Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`],
      }),
    },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * 4xx for a form that conform does not drive (a file upload, a choice of actions on one page): the data is marked
 * as a failed form (title "Error: …") and carries whatever the page needs to show its error summary.
 */
export function refused<T extends Record<string, unknown>>(data: T, status = 400, headers?: HeadersInit) {
  return json({ [FORM_FAILED]: true as const, ...data }, { status, headers });
}

/** Redirects with a one-time message, plus any other cookies (a new session, say). */
export async function redirectWithFlash(
  request: Request,
  to: string,
  flash: Flash,
  cookies: (string | null | undefined)[] = [],
) {
  const headers = new Headers();
  for (const c of cookies) if (c) headers.append("Set-Cookie", c);
  headers.append("Set-Cookie", await flashCookie(request, flash));
  return redirect(to, { headers });
}

/**
 * For a route whose action can answer 429: a plain form post (no JavaScript) gets a whole document, whose
 * headers come from here, so the action's Retry-After must be passed on explicitly (the root's cookies stay).
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
