import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { ProfileSummary } from "../applications/components/profile-summary";
import { ReferencesPanel } from "../applications/components/references-panel";
import { referencesFromForm } from "../applications/references-actions.server";
import { referencesOf } from "../applications/references.server";
import { employerFromForm } from "../applications/pipeline-actions.server";
import { employerApplication } from "../applications/pipeline.server";
import { employerActionLabels, employerActionsFor } from "../applications/states";
import type { FormReply } from "../components/intent-forms.server";
import { ErrorSummary, TextArea, replyFor } from "../components/intent-fields";
import { applicationStatusLabels } from "../vocabulary/applications";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `${data.application.identityVisible ? data.application.profile.name : data.application.reference}: ${data.application.vacancy.title}` : "Application"} – Staffroom`,
  },
];

/** The application, read through the employer's rule; it must belong to the vacancy in the URL. */
async function load(request: Request, vacancyId: string | undefined, applicationId: string | undefined) {
  const { user } = await requireUser(request);
  const application = applicationId ? await employerApplication(db(), user.id, applicationId) : null;
  if (!application || application.vacancy.id !== vacancyId) throw notFound();
  return { user, application };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await load(request, params.id, params.applicationId);
  // Referees are named only once the applicant may be known (ADR 0024): before that there is nothing to ask.
  const references =
    application.identityVisible && !application.anonymised ? await referencesOf(db(), application.id) : null;
  return json({ application, actions: employerActionsFor(application.status), references });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await load(request, params.id, params.applicationId);
  const formData = await request.formData();
  if (formData.get("intent") === "request-references")
    return referencesFromForm(request, formData, user.id, application.id);
  const answer = await employerFromForm(request, formData, user.id, application.vacancy.id, application.id);
  if (!answer) throw notFound();
  return answer;
}

export default function EmployerApplicationPage() {
  const { application: a, actions, references } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const who = a.identityVisible ? a.profile.name : a.reference;
  const move = replyFor(reply, "move");
  return (
    <>
      <p>
        <Link to={`/hr/vacancies/${a.vacancy.id}/applications`}>All applications for {a.vacancy.title}</Link>
      </p>
      <span className="caption">Application for {a.vacancy.title}</span>
      <h1>{who}</h1>
      <p>
        <strong>State: {applicationStatusLabels[a.status]}</strong>
        {a.submittedAt ? `, sent ${formatLondon(a.submittedAt)}` : null}
        {a.withdrawReason ? `. Reason for withdrawing: ${a.withdrawReason}` : null}
      </p>
      {actions.length > 0 ? (
        <section aria-labelledby="next" className="panel">
          <h2 id="next">Next step</h2>
          <Form method="post" noValidate>
            <ErrorSummary reply={move} prefix="move" />
            <input type="hidden" name="intent" value="move" />
            <TextArea
              prefix="move"
              name="message"
              label="Message to the applicant (optional)"
              hint="Sent with the e-mail telling them of this step."
              reply={move}
            />
            {actions.map((action) => (
              <button
                key={action}
                type="submit"
                name="action"
                value={action}
                className={action === "reject" ? "button button--warning" : "button"}
              >
                {employerActionLabels[action]}
              </button>
            ))}
          </Form>
        </section>
      ) : null}
      <ProfileSummary
        profile={a.profile}
        supportingStatement={a.supportingStatement}
        hidden={
          a.anonymised
            ? "This application has been anonymised under the retention policy."
            : a.identityVisible
              ? undefined
              : `${a.reference}: the name, contact details and referees are shown once the application is shortlisted.`
        }
      />
      {references ? (
        <ReferencesPanel referees={references.referees} request={references.request} reply={reply} />
      ) : null}
      <section aria-labelledby="messages" className="panel">
        <h2 id="messages">Messages with the applicant</h2>
        {a.messages.length === 0 ? <p>No messages yet.</p> : null}
        <ul className="inbox">
          {a.messages.map((m, i) => (
            <li key={i}>
              <strong>{m.fromEmployer ? (m.by ?? "Your side") : "Applicant"}</strong>, {formatLondon(m.at)}:{" "}
              <span className="prose">{m.body}</span>
            </li>
          ))}
        </ul>
        <Form method="post" noValidate>
          <ErrorSummary reply={replyFor(reply, "message")} prefix="message" />
          <input type="hidden" name="intent" value="message" />
          <TextArea
            prefix="message"
            name="body"
            label="Write to the applicant"
            hint="They are e-mailed it."
            reply={replyFor(reply, "message")}
          />
          <button type="submit" className="button button--secondary">
            Send the message
          </button>
        </Form>
      </section>
      <section aria-labelledby="notes" className="panel">
        <h2 id="notes">Private notes</h2>
        <p>Seen only by HR of the schools this role is at, never by the applicant.</p>
        <ul className="inbox">
          {a.notes.map((n, i) => (
            <li key={i}>
              <strong>{n.by ?? "Someone who has left"}</strong>, {formatLondon(n.at)}:{" "}
              <span className="prose">{n.body}</span>
            </li>
          ))}
        </ul>
        <Form method="post" noValidate>
          <ErrorSummary reply={replyFor(reply, "note")} prefix="note" />
          <input type="hidden" name="intent" value="note" />
          <TextArea prefix="note" name="body" label="Add a note" reply={replyFor(reply, "note")} />
          <button type="submit" className="button button--secondary">
            Add the note
          </button>
        </Form>
      </section>
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol>
          {a.events.map((e, i) => (
            <li key={i}>
              {formatLondon(e.at)}: {applicationStatusLabels[e.to]}
              {e.by ? ` (${e.by})` : ""}
              {e.message ? `. “${e.message}”` : ""}
            </li>
          ))}
        </ol>
        <h3>Who has opened this application</h3>
        <ul>
          {a.views.map((v, i) => (
            <li key={i}>
              {v.by ?? "Someone who has left"}, {formatLondon(v.at)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
