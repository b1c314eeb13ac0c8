import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { createAlert, listAlerts } from "../alerts/alerts.server";
import { requireUser } from "../auth/guards.server";
import { redirectWithFlash, refused } from "../components/actions.server";
import { ErrorSummary } from "../components/error-summary";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction = () => [{ title: "Your job alerts – Staffroom" }];

const createForm = z.object({
  search: z.string().max(2000, "This search is too long to save"),
  frequency: z.enum(["daily", "weekly"], { error: "Choose every day or every week" }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const alerts = await listAlerts(db(), user.id);
  return json({
    verified: Boolean(user.emailVerifiedAt),
    alerts: alerts.map((a) => ({
      id: a.id,
      summary: a.summary,
      search: a.search,
      frequency: a.frequency,
      lastSentAt: a.lastSentAt ? formatLondon(a.lastSentAt) : null,
      unsubscribed: a.unsubscribedAt !== null,
      problem: a.problem,
    })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const parsed = createForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refused({
      error: issue?.message ?? "Something in the form was not right",
      field: String(issue?.path[0] ?? "form"),
    });
  }
  const outcome = await createAlert(db(), user, parsed.data.search, parsed.data.frequency);
  if (!outcome.ok) return refused({ error: outcome.message, field: outcome.field });
  return redirectWithFlash(request, "/alerts", {
    kind: "success",
    message: outcome.existing
      ? `You already had this alert: it now comes ${parsed.data.frequency === "daily" ? "every day" : "every week"}.`
      : `Alert saved. We will e-mail ${user.email} ${parsed.data.frequency === "daily" ? "each morning" : "each Monday morning"} when new vacancies match.`,
  });
}

export default function Alerts() {
  const { alerts, verified } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <h1>Your job alerts</h1>
      <ErrorSummary id="alert-errors" items={failed ? [{ message: failed.error }] : []} focusKey={failed} />
      {verified ? null : (
        <p className="flash flash--error">
          Alerts are e-mailed, so confirm your e-mail address first: <Link to="/account">your account</Link>.
        </p>
      )}
      {alerts.length === 0 ? (
        <p>
          You have no alerts. <Link to="/vacancies">Search for vacancies</Link>, then save the search as an alert.
        </p>
      ) : (
        <ul className="vacancy-list">
          {alerts.map((a) => (
            <li key={a.id}>
              <h2 className="result__title">
                <Link to={`/vacancies?${a.search}`}>{a.summary}</Link>
              </h2>
              <p>
                {a.unsubscribed ? (
                  <span className="status status--closed">Unsubscribed</span>
                ) : a.problem ? (
                  <span className="status status--scheduled">Paused</span>
                ) : (
                  <span className="status status--published">
                    {a.frequency === "daily" ? "Every day" : "Every week"}
                  </span>
                )}{" "}
                {a.lastSentAt ? `Last e-mailed ${a.lastSentAt}.` : "Nothing sent yet."}
              </p>
              {a.problem ? (
                <p className="field-error">
                  This alert cannot run: {a.problem} Save the search again from the search page.
                </p>
              ) : null}
              <div className="button-row">
                {a.unsubscribed ? (
                  <Form method="post" action={`/alerts/${a.id}`}>
                    <input type="hidden" name="intent" value="resubscribe" />
                    <button type="submit" className="button button--secondary">
                      Start this alert again
                    </button>
                  </Form>
                ) : (
                  <Form method="post" action={`/alerts/${a.id}`}>
                    <input type="hidden" name="intent" value="frequency" />
                    <input type="hidden" name="frequency" value={a.frequency === "daily" ? "weekly" : "daily"} />
                    <button type="submit" className="button button--secondary">
                      {a.frequency === "daily" ? "Send it weekly instead" : "Send it daily instead"}
                    </button>
                  </Form>
                )}
                <Form method="post" action={`/alerts/${a.id}`}>
                  <input type="hidden" name="intent" value="delete" />
                  <button type="submit" className="button button--secondary">
                    Delete<span className="visually-hidden"> the alert {a.summary}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
