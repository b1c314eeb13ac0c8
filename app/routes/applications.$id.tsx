import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { applicationFromForm } from "../applications/application-actions.server";
import { applicantHistory, ownApplication } from "../applications/applications.server";
import { ProfileSummary } from "../applications/components/profile-summary";
import { applicationThread } from "../applications/pipeline.server";
import { missingForApplication } from "../applications/profile";
import { activeStatuses } from "../applications/states";
import type { FormReply } from "../components/intent-forms.server";
import { ErrorSummary, replyFor, TextArea } from "../components/intent-fields";
import { applicationStatusLabels } from "../vocabulary/applications";
import { formatLondon, londonMonth } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Application: ${data.application.vacancyTitle}` : "Application"} – Staffroom` },
];

async function load(request: Request, id: string | undefined) {
  const { user } = await requireUser(request);
  const application = id ? await ownApplication(db(), user.id, id) : null;
  if (!application) throw notFound();
  return { user, application };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await load(request, params.id);
  const events = await applicantHistory(db(), application.id);
  return json({
    application,
    missing: application.status === "draft" ? missingForApplication(application.profile, londonMonth(new Date())) : [],
    events,
    messages: await applicationThread(db(), application.id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application } = await load(request, params.id);
  return applicationFromForm(request, await request.formData(), user.id, application.id);
}

export default function ApplicationPage() {
  const { application: a, missing, events, messages } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const draft = a.status === "draft";
  const active = activeStatuses.includes(a.status);
  return (
    <>
      <p>
        <Link to="/applications">Your applications</Link>
      </p>
      <h1>
        {draft ? "Your application for " : "Application: "}
        {a.vacancyTitle}
      </h1>
      <p className="lead">
        {a.employerName}. <Link to={`/vacancies/${a.vacancyId}`}>See the vacancy</Link>.{" "}
        {a.closesAt ? `Closes ${formatLondon(a.closesAt)} (London time).` : null}
      </p>
      <p>
        <strong>State: {applicationStatusLabels[a.status]}</strong>
        {a.submittedAt ? `, sent ${formatLondon(a.submittedAt)}` : null}
      </p>
      {draft ? <DraftPanel missing={missing} reply={reply} supportingStatement={a.supportingStatement} /> : null}
      {a.status === "offered" ? (
        <section aria-labelledby="offer" className="panel">
          <h2 id="offer">Your offer</h2>
          <ErrorSummary reply={replyFor(reply, "accept") ?? replyFor(reply, "decline")} prefix="offer" />
          <Form method="post" className="inline-form">
            <button type="submit" className="button" name="intent" value="accept">
              Accept the offer
            </button>{" "}
            <button type="submit" className="button button--secondary" name="intent" value="decline">
              Decline the offer
            </button>
          </Form>
        </section>
      ) : null}
      {!draft ? (
        <section aria-labelledby="history">
          <h2 id="history">What has happened</h2>
          <ol>
            {events.map((e, i) => (
              <li key={i}>
                {formatLondon(e.at)}: {applicationStatusLabels[e.to]}
                {e.message ? `. ${e.message}` : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {!draft ? (
        <section aria-labelledby="messages" className="panel">
          <h2 id="messages">Messages</h2>
          {messages.length === 0 ? <p>No messages yet.</p> : null}
          <ul className="inbox">
            {messages.map((m, i) => (
              <li key={i}>
                <strong>{m.fromEmployer ? a.employerName : "You"}</strong>, {formatLondon(m.at)}:{" "}
                <span className="prose">{m.body}</span>
              </li>
            ))}
          </ul>
          <Form method="post" noValidate>
            <ErrorSummary reply={replyFor(reply, "reply")} prefix="reply" />
            <input type="hidden" name="intent" value="reply" />
            <TextArea prefix="reply" name="body" label="Write to the employer" reply={replyFor(reply, "reply")} />
            <button type="submit" className="button button--secondary">
              Send the message
            </button>
          </Form>
        </section>
      ) : null}
      {active ? (
        <section aria-labelledby="withdraw" className="panel">
          <h2 id="withdraw">Withdraw your application</h2>
          <Form method="post" noValidate>
            <ErrorSummary reply={replyFor(reply, "withdraw")} prefix="withdraw" />
            <input type="hidden" name="intent" value="withdraw" />
            <TextArea
              prefix="withdraw"
              name="reason"
              label="Why are you withdrawing? (optional)"
              hint="The employer sees this."
              reply={replyFor(reply, "withdraw")}
            />
            <button type="submit" className="button button--warning">
              Withdraw the application
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="what-you-sent">
        <h2 id="what-you-sent">{draft ? "What the employer will see" : "What you sent"}</h2>
        <ProfileSummary profile={a.profile} supportingStatement={a.supportingStatement} headingLevel={3} />
      </section>
    </>
  );
}

function DraftPanel({
  missing,
  reply,
  supportingStatement,
}: {
  missing: { section: string; message: string }[];
  reply?: FormReply;
  supportingStatement: string;
}) {
  return (
    <section aria-labelledby="send" className="panel">
      <h2 id="send">Check and send</h2>
      <p>
        This application is a copy of <Link to="/profile">your profile</Link>. If you change your profile, bring the
        changes in here before you send it. Once sent, it never changes.
      </p>
      <Form method="post">
        <button type="submit" className="button button--secondary" name="intent" value="refresh">
          Bring in my latest profile
        </button>
      </Form>
      <Form method="post" noValidate>
        <ErrorSummary reply={replyFor(reply, "statement")} prefix="statement" />
        <input type="hidden" name="intent" value="statement" />
        <TextArea
          prefix="statement"
          name="supportingStatement"
          label="Anything to add for this school? (optional)"
          hint="Why this role, in a few paragraphs. Your personal statement is sent as well."
          defaultValue={supportingStatement}
          rows={6}
          reply={replyFor(reply, "statement")}
        />
        <button type="submit" className="button button--secondary">
          Save for later
        </button>
      </Form>
      {missing.length > 0 ? (
        <div>
          <h3>Still needed before you can send it</h3>
          <ul>
            {missing.map((m) => (
              <li key={m.message}>
                <Link to={`/profile#${m.section}`}>{m.message}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post">
        <ErrorSummary reply={replyFor(reply, "submit")} prefix="submit" />
        <button type="submit" className="button" name="intent" value="submit">
          Send the application
        </button>
      </Form>
    </section>
  );
}
