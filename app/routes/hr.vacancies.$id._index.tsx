import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { redirectWithFlash, refused } from "../components/actions.server";
import { ErrorSummary } from "../components/error-summary";
import { LabelledField } from "../components/forms";
import { Advert } from "../vacancies/components/advert";
import { StatusTag } from "../vacancies/components/status-tag";
import { StepList } from "../vacancies/components/step-list";
import { requireManagedVacancy } from "../vacancies/guards.server";
import { closeReasonLabels, isEditable } from "../vacancies/lifecycle";
import { formatLondon, fromLondonLocal, toLondonLocal } from "../vocabulary/london-time";
import { closeSchema, extendSchema } from "../vacancies/schemas";
import {
  archiveVacancy,
  closeVacancy,
  DEFAULT_MESSAGE_TO_APPLICANTS,
  extendVacancy,
  missingForPublication,
  publishVacancy,
  type PublishOutcome,
} from "../vacancies/lifecycle.server";
import { copyVacancy } from "../vacancies/editing.server";
import { MIN_JUSTIFICATION } from "../pay/policy";
import { vacancyHistory } from "../vacancies/audit.server";
import { AssessmentPanel } from "../pay/components/assessment-panel";
import { payPanel } from "../pay/panel.server";
import { VacancyHistory } from "../vacancies/components/history";
import { SharesTable } from "../vacancies/components/shares-table";
import { employedByText, publicationBlockers } from "../vacancies/shares";
import { employerOf, sharesOf } from "../vacancies/shares.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.vacancy.title ?? "Vacancy"} – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, vacancy } = await requireManagedVacancy(request, params.id);
  const [history, pay, shares, employer] = await Promise.all([
    vacancyHistory(db(), user.id, vacancy.id),
    payPanel(db(), vacancy.id, vacancy.status),
    sharesOf(db(), vacancy.id),
    employerOf(db(), vacancy.id),
  ]);
  return json({
    vacancy,
    shares,
    employedBy: employedByText(employer.name, employer.sharedWith),
    missing: vacancy.status === "draft" ? missingForPublication(vacancy) : [],
    editable: isEditable(vacancy.status),
    closesAtLocal: toLondonLocal(vacancy.closesAt),
    history,
    pay,
  });
}

type ActionData = { error: string; field?: string; justification?: string };

/** The control each refused action's error summary links to (publish and archive have only their button). */
const ERROR_TARGETS: Record<string, string> = {
  justification: "justification",
  close: "reason",
  extend: "closesAt",
  publish: "publish-button",
  archive: "archive-button",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, vacancy } = await requireManagedVacancy(request, params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const done = (outcome: PublishOutcome, message: string, justification?: string) => {
    if (!outcome.ok && outcome.reason === "not-found") throw notFound();
    if (!outcome.ok && outcome.reason === "pay") {
      // What HR typed comes back into the field: a refused publish loses nothing.
      return refused<ActionData>(
        {
          error: outcome.message,
          field: outcome.needs === "justification" ? "justification" : "publish",
          justification,
        },
        outcome.needs === "justification" ? 400 : 409,
      );
    }
    if (!outcome.ok) return refused<ActionData>({ error: outcome.message, field: String(intent) }, 409);
    return redirectWithFlash(request, `/hr/vacancies/${vacancy.id}`, { kind: "success", message });
  };
  switch (intent) {
    case "publish": {
      const justification = String(formData.get("justification") ?? "").slice(0, 2000);
      const outcome = await publishVacancy(db(), user.id, vacancy.id, { justification });
      return done(
        outcome,
        outcome.ok && outcome.status === "scheduled"
          ? "Scheduled: it will go live on its publish date."
          : "Published: the vacancy is live.",
        justification,
      );
    }
    case "close": {
      const parsed = closeSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return refused<ActionData>({ error: "Choose why the vacancy is closing", field: "close" });
      if (parsed.data.reason === "filled_staffroom" && vacancy.applyMethod !== "staffroom")
        return refused<ActionData>({ error: "This vacancy did not take applications in Staffroom", field: "close" });
      return done(
        await closeVacancy(db(), user.id, vacancy.id, parsed.data.reason, parsed.data.messageToApplicants),
        vacancy.applyMethod === "staffroom"
          ? "The vacancy is closed. Applicants still waiting for an answer have been told."
          : "The vacancy is closed.",
      );
    }
    case "extend": {
      const parsed = extendSchema.safeParse(Object.fromEntries(formData));
      const closesAt = parsed.success ? fromLondonLocal(parsed.data.closesAt) : null;
      if (!parsed.success || !closesAt) {
        const message = parsed.success
          ? "Enter a real date and time"
          : (parsed.error.issues[0]?.message ?? "Enter a real date and time");
        return refused<ActionData>({ error: message, field: "extend" });
      }
      return done(
        await extendVacancy(db(), user.id, vacancy.id, closesAt, parsed.data.note),
        "The closing date is extended.",
      );
    }
    case "archive":
      return done(await archiveVacancy(db(), user.id, vacancy.id), "The vacancy is archived.");
    case "copy": {
      const copyId = await copyVacancy(db(), user.id, vacancy.id);
      if (!copyId) throw notFound();
      return redirectWithFlash(request, `/hr/vacancies/${copyId}`, {
        kind: "success",
        message: "Copied: this is a new draft.",
      });
    }
    default:
      throw redirect(`/hr/vacancies/${vacancy.id}`);
  }
}

export default function ReviewVacancy() {
  const { vacancy, missing, editable, closesAtLocal, history, pay, shares, employedBy } =
    useLoaderData<typeof loader>();
  const waiting = publicationBlockers(shares);
  const actionData = useActionData<typeof action>();
  const error = (field: string) =>
    actionData && "error" in actionData && actionData.field === field ? (
      <p className="field-error" id={`${field}-error`}>
        {actionData.error}
      </p>
    ) : null;
  const status = vacancy.status;
  const invalid = (field: string) =>
    actionData && "error" in actionData && actionData.field === field
      ? { "aria-invalid": true, "aria-describedby": `${field}-error` }
      : {};
  const summary =
    actionData && "error" in actionData
      ? [{ message: actionData.error, href: `#${ERROR_TARGETS[actionData.field ?? ""] ?? "actions"}` }]
      : [];
  return (
    <>
      <p>
        <Link to="/hr/vacancies">All vacancies</Link>
      </p>
      <ErrorSummary id="vacancy-errors" items={summary} focusKey={actionData} />
      <span className="caption">{editable ? "Review and publish" : "Your vacancy"}</span>
      <h1>{vacancy.title}</h1>
      <p>
        <StatusTag status={status} />
        {status === "scheduled" && vacancy.publishAt ? ` Goes live ${formatLondon(vacancy.publishAt)}.` : ""}
        {status === "closed" && vacancy.closedReason ? ` ${closeReasonLabels[vacancy.closedReason]}.` : ""}
        {status === "published" || status === "closed" ? (
          <>
            {" "}
            <Link to={`/vacancies/${vacancy.id}`}>See the public page</Link>
          </>
        ) : null}
      </p>
      {editable ? <StepList current="review" vacancyId={vacancy.id} /> : null}
      {vacancy.applyMethod === "staffroom" && status !== "draft" ? (
        <p className="panel">
          <Link to={`/hr/vacancies/${vacancy.id}/applications`}>Applications and figures for this vacancy</Link>
        </p>
      ) : null}

      {shares.length > 0 ? (
        <section className="panel" aria-labelledby="shares-title">
          <h2 id="shares-title">Shared with other employers</h2>
          <p>
            {employedBy}. Each other employer's HR confirm their school's share before the role can be published; they
            are e-mailed when the shares are set or change.
          </p>
          <SharesTable shares={shares} />
          {status === "draft" && waiting.length > 0 ? (
            <p>
              <strong>Not ready to publish:</strong> {waiting.join(". ")}.
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="panel" id="actions" tabIndex={-1}>
        <h2>What you can do</h2>
        {status === "draft" ? (
          missing.length > 0 ? (
            <>
              <p>Before you can publish:</p>
              <ul>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : (
            <Form method="post">
              {error("publish")}
              {pay.view?.flagged && pay.onFlag === "block" ? (
                <p>The partnership does not publish offers like this: change the pay first (see below).</p>
              ) : (
                <>
                  {pay.view?.flagged ? (
                    <LabelledField
                      id="justification"
                      label="Why is this pay right? (needed to publish)"
                      hint={`This offer is flagged below. Your reason is kept with the vacancy and shown to the partnership. At least ${MIN_JUSTIFICATION} characters.`}
                      error={
                        actionData && "field" in actionData && actionData.field === "justification"
                          ? actionData.error
                          : undefined
                      }
                    >
                      {(describedBy) => (
                        <textarea
                          id="justification"
                          name="justification"
                          rows={4}
                          aria-describedby={describedBy}
                          defaultValue={
                            actionData && "justification" in actionData ? actionData.justification : undefined
                          }
                        />
                      )}
                    </LabelledField>
                  ) : null}
                  <button type="submit" className="button" name="intent" value="publish" id="publish-button">
                    Publish
                  </button>
                </>
              )}
            </Form>
          )
        ) : null}
        {status === "published" || status === "scheduled" ? (
          <Form method="post" className="filters">
            {error("close")}
            <div className="field">
              <label htmlFor="reason">Close early because</label>
              <select id="reason" name="reason" defaultValue="" {...invalid("close")}>
                <option value="">Choose…</option>
                {status === "published" && vacancy.applyMethod === "staffroom" ? (
                  <option value="filled_staffroom">{closeReasonLabels.filled_staffroom}</option>
                ) : null}
                {status === "published" ? (
                  <option value="filled_elsewhere">{closeReasonLabels.filled_elsewhere}</option>
                ) : null}
                <option value="withdrawn">{closeReasonLabels.withdrawn}</option>
              </select>
            </div>
            {vacancy.applyMethod === "staffroom" && status === "published" ? (
              <div className="field">
                <label htmlFor="messageToApplicants">What applicants still waiting for an answer are told</label>
                <span className="hint" id="messageToApplicants-hint">
                  Everyone not yet offered the job is e-mailed this and marked unsuccessful.
                </span>
                <textarea
                  id="messageToApplicants"
                  name="messageToApplicants"
                  rows={3}
                  aria-describedby="messageToApplicants-hint"
                  defaultValue={DEFAULT_MESSAGE_TO_APPLICANTS}
                />
              </div>
            ) : null}
            <button type="submit" className="button button--secondary" name="intent" value="close">
              Close the vacancy
            </button>
          </Form>
        ) : null}
        {status === "published" ||
        status === "scheduled" ||
        (status === "closed" && vacancy.closedReason === "expired") ? (
          <Form method="post" className="filters">
            {error("extend")}
            <div className="field">
              <label htmlFor="closesAt">New closing date and time (UK time)</label>
              <input
                id="closesAt"
                name="closesAt"
                type="datetime-local"
                defaultValue={closesAtLocal}
                {...invalid("extend")}
              />
            </div>
            <div className="field">
              <label htmlFor="note">Why</label>
              <input id="note" name="note" type="text" />
            </div>
            <button type="submit" className="button button--secondary" name="intent" value="extend">
              Extend the closing date
            </button>
          </Form>
        ) : null}
        <div className="button-row">
          <Form method="post">
            <button type="submit" className="button button--secondary" name="intent" value="copy">
              Copy as a new draft
            </button>
          </Form>
          {status === "closed" ? (
            <Form method="post">
              {error("archive")}
              <button
                type="submit"
                className="button button--secondary"
                name="intent"
                value="archive"
                id="archive-button"
              >
                Archive
              </button>
            </Form>
          ) : null}
        </div>
      </div>

      {pay.view ? (
        <AssessmentPanel
          view={pay.view}
          heading={
            status === "draft"
              ? "Pay compared with neighbouring schools, before you publish"
              : "Pay compared with neighbouring schools"
          }
        />
      ) : null}
      {pay.history.length > 1 ? (
        <>
          <h3>How the comparison has changed</h3>
          <ol className="history">
            {pay.history.map((h, i) => (
              <li key={i}>
                {h.at} (
                {h.reason === "nightly"
                  ? "nightly re-check"
                  : h.reason === "publish"
                    ? "when published"
                    : "after an edit"}
                ): {h.badge ?? "no badge"}
                {h.flagged ? " · flagged" : ""}
              </li>
            ))}
          </ol>
        </>
      ) : null}

      <h2>Preview</h2>
      <div className="panel">
        <Advert vacancy={vacancy} level={3} employedBy={employedBy} />
      </div>

      <h2>History</h2>
      <VacancyHistory history={history} />
    </>
  );
}
