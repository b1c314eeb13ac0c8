import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, replyFor, TextArea } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { sessionFormAction } from "../programmes/actions.server";
import { SessionForm } from "../programmes/components/session-form";
import { managedProgramme, managedSession, sessionFormOptions } from "../programmes/programmes.server";
import { sessionClock, sessionWhen, venueText } from "../programmes/session-text";
import { db } from "../services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.session.title ?? "Session"} – Staffroom` },
];

async function load(request: Request, sessionId: string | undefined) {
  const { user } = await requireUser(request);
  const session = await managedSession(db(), user.id, sessionId ?? "");
  if (!session) throw notFound();
  return { user, session };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session } = await load(request, params.sessionId);
  const programme = await managedProgramme(db(), user.id, session.programmeId);
  if (!programme) throw notFound();
  return json({ session, options: await sessionFormOptions(db(), programme) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, session } = await load(request, params.sessionId);
  const answer = await sessionFormAction(request, await request.formData(), user.id, session.id);
  if (!answer) throw notFound();
  return answer;
}

export default function SessionPage() {
  const { session, options } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const cancelReply = replyFor(data, "cancel");
  return (
    <>
      <p>
        <Link to={`/programmes/${session.programmeId}/cohorts/${session.cohortId}`}>
          {session.programmeName}: {session.cohortName}
        </Link>
      </p>
      <h1>{session.title}</h1>
      <p>
        {sessionWhen(session.startsAt, session.endsAt)}, {venueText(session)}. {session.booked} of {session.capacity}{" "}
        places booked.
      </p>
      {session.cancelledAt ? (
        <p className="panel panel--warning">This session is cancelled. Reason given: {session.cancelReason}</p>
      ) : (
        <>
          <p>
            <Link to={`/programmes/sessions/${session.id}/register`}>Take the register</Link>
          </p>
          <h2>Change or move the session</h2>
          <p>
            A new time or place is e-mailed at once to the booked ECTs and their induction tutors, saying what changed.
          </p>
          <SessionForm
            reply={replyFor(data, "session")}
            options={options}
            values={{ ...session, ...sessionClock(session.startsAt, session.endsAt) }}
            submitLabel="Save the changes"
          />
          <h2>Cancel the session</h2>
          <Form method="post" className="panel" noValidate>
            <ErrorSummary reply={cancelReply} prefix="cancel" />
            <input type="hidden" name="intent" value="cancel" />
            <TextArea
              prefix="cancel"
              name="reason"
              label="Why is it cancelled?"
              hint="Sent to the booked ECTs and their tutors"
              reply={cancelReply}
            />
            <button type="submit" className="button button--secondary">
              Cancel the session
            </button>
          </Form>
        </>
      )}
    </>
  );
}
