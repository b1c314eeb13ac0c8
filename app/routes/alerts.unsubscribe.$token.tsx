import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db, services } from "../services.server";
import { alertState, unsubscribeById } from "../alerts/alerts.server";
import { alertIdFromToken } from "../alerts/unsubscribe-token.server";
import { notFound } from "../auth/guards.server";

export const meta: MetaFunction = () => [{ title: "Job alert – Staffroom" }, { name: "robots", content: "noindex" }];

function alertId(token: string | undefined): string {
  const id = alertIdFromToken(token ?? "", services().config.sessionSecret);
  if (!id) throw notFound("This unsubscribe link is not right: copy the whole link from the e-mail.");
  return id;
}

/**
 * One click on the e-mail's link unsubscribes: no sign-in, and clicking again changes nothing. After "start it
 * again" the page is shown with ?resubscribed, which only reads.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = alertId(params.token);
  const alert = new URL(request.url).searchParams.has("resubscribed")
    ? await alertState(db(), id)
    : await unsubscribeById(db(), id, false);
  if (!alert) throw notFound("This alert has been deleted.");
  return json({ summary: alert.summary, subscribed: alert.unsubscribedAt === null });
}

/**
 * POSTs come from mail programs' own one-click button (RFC 8058, body "List-Unsubscribe=One-Click") or from
 * this page's "start it again" button. The token is the authority, so this path is exempt from the same-origin
 * rule (app/security/origin.server.ts). Each answers with a redirect to the page, so a reload repeats nothing.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const id = alertId(params.token);
  const resubscribe = (await request.formData()).get("intent") === "resubscribe";
  if (!(await unsubscribeById(db(), id, resubscribe))) throw notFound("This alert has been deleted.");
  return redirect(`/alerts/unsubscribe/${params.token}${resubscribe ? "?resubscribed" : ""}`);
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{data.subscribed ? "Your alert is on again" : "You are unsubscribed"}</h1>
      <p>
        {data.subscribed ? "We will e-mail you again when new vacancies match" : "We will not e-mail you again for"} “
        {data.summary}”.
      </p>
      {data.subscribed ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="resubscribe" />
          <button type="submit" className="button button--secondary">
            That was a mistake: start the alert again
          </button>
        </Form>
      )}
      <p>
        <Link to="/alerts">Manage all your alerts</Link> (you will need to sign in) or{" "}
        <Link to="/vacancies">search for vacancies</Link>.
      </p>
    </>
  );
}
