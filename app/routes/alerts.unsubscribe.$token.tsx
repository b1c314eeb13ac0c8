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
 * Opening the e-mail's link only shows the page: mail scanners and link previews open links (GET and HEAD), so
 * reading changes nothing. The page's one button unsubscribes (POST); a mail program's own one-click button posts
 * straight here (RFC 8058). After "start it again" the page is shown with ?resubscribed, which also only reads.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = alertId(params.token);
  const alert = await alertState(db(), id);
  if (!alert) throw notFound("This alert has been deleted.");
  return json({
    summary: alert.summary,
    subscribed: alert.unsubscribedAt === null,
    resubscribed: new URL(request.url).searchParams.has("resubscribed"),
  });
}

/**
 * POSTs come from this page's buttons (intent=unsubscribe or resubscribe) or from a mail program's one-click button
 * (body "List-Unsubscribe=One-Click", no Origin header): anything but "resubscribe" unsubscribes. The token is the
 * authority, so this path is exempt from the same-origin rule (app/security/origin.server.ts). Each answers with a
 * redirect to the page, so a reload repeats nothing.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const id = alertId(params.token);
  const resubscribe = (await request.formData()).get("intent") === "resubscribe";
  if (!(await unsubscribeById(db(), id, resubscribe))) throw notFound("This alert has been deleted.");
  return redirect(`/alerts/unsubscribe/${params.token}${resubscribe ? "?resubscribed" : ""}`, 303);
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>();
  if (data.subscribed)
    return (
      <>
        <h1>{data.resubscribed ? "Your alert is on again" : "Unsubscribe from this job alert"}</h1>
        <p>
          {data.resubscribed
            ? "We will e-mail you again when new vacancies match this search:"
            : "You get an e-mail when new vacancies match this search:"}{" "}
          {data.summary}.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="unsubscribe" />
          <button type="submit" className="button">
            Unsubscribe
          </button>
        </Form>
        <OtherLinks />
      </>
    );
  return (
    <>
      <h1>You are unsubscribed</h1>
      <p>We will not e-mail you again for this search: {data.summary}.</p>
      <Form method="post">
        <input type="hidden" name="intent" value="resubscribe" />
        <button type="submit" className="button button--secondary">
          That was a mistake: start the alert again
        </button>
      </Form>
      <OtherLinks />
    </>
  );
}

function OtherLinks() {
  return (
    <p>
      <Link to="/alerts">Manage all your alerts</Link> (you will need to sign in) or{" "}
      <Link to="/vacancies">search for vacancies</Link>.
    </p>
  );
}
