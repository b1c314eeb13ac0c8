import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const messages: Record<number, { title: string; body: string }> = {
  400: { title: "Something in the request was not right", body: "Check what you entered and try again." },
  403: {
    title: "You do not have access to this page",
    body: "If you think you should, ask your organisation's administrator.",
  },
  404: { title: "Page not found", body: "The page may have moved, or the link may be wrong." },
  405: { title: "That is not something this page can do", body: "Go back and try again." },
  429: { title: "Too many attempts", body: "Wait a few minutes, then try again." },
};

/** One friendly page for every error; details of a 500 stay in the server log. */
export function PageErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = messages[status] ?? {
    title: "Sorry, something went wrong on our side",
    body: "Try again in a moment. If it keeps happening, tell your administrator.",
  };
  if (status >= 500) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{known.title}</h1>
      <p>{known.body}</p>
      <p className="small">Error {status}</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
