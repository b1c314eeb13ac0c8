import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const messages: Record<number, { title: string; body: string }> = {
  400: { title: "Something in the request was not right", body: "Check what you entered and try again." },
  403: {
    title: "You do not have access to this page",
    body: "If you think you should, ask your organisation's administrator.",
  },
  404: { title: "Page not found", body: "The page may have moved, or the link may be wrong." },
  405: { title: "That is not something this page can do", body: "Go back and try again." },
  410: { title: "This link no longer works", body: "Ask whoever sent it for a new one." },
  429: { title: "Too many attempts", body: "Wait a few minutes, then try again." },
};

const serverError = {
  title: "Sorry, something went wrong on our side",
  body: "Try again in a moment. If it keeps happening, tell your administrator.",
};

/**
 * What the error page says. A 4xx thrown with its own text (say, "copy the whole link from the e-mail" for a cut-short
 * unsubscribe link) keeps that text: it is the one thing that helps. A 500's details stay in the server log.
 */
function describeError(error: unknown): { status: number; title: string; body: string } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = messages[status] ?? serverError;
  const own = status < 500 && isRouteErrorResponse(error) && typeof error.data === "string" ? error.data.trim() : "";
  return { status, title: known.title, body: own && own !== known.title ? own : known.body };
}

/** The error page's title, e.g. "Page not found – Staffroom", for the root's meta. */
export const errorPageTitle = (error: unknown) => `${describeError(error).title} – Staffroom`;

/** One friendly page for every error. */
export function PageErrorBoundary() {
  const error = useRouteError();
  const { status, title, body } = describeError(error);
  if (status >= 500) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p className="small">Error {status}</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
