import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { saveRegisterFromForm } from "../programmes/actions.server";
import { RegisterForm } from "../programmes/components/register-form";
import { registerSheet } from "../programmes/register.server";
import { sessionWhen } from "../programmes/session-text";
import { db } from "../services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Register: ${data?.sheet.session.title ?? "session"} – Staffroom` },
];

async function load(request: Request, sessionId: string | undefined) {
  const { user } = await requireUser(request);
  const sheet = await registerSheet(db(), user.id, sessionId ?? "");
  if (!sheet) throw notFound();
  return { user, sheet };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { sheet } = await load(request, params.sessionId);
  return json({ sheet });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, sheet } = await load(request, params.sessionId);
  return saveRegisterFromForm(request, await request.formData(), user.id, sheet.session.id);
}

export default function RegisterPage() {
  const { sheet } = useLoaderData<typeof loader>();
  const reply = replyFor(useActionData<FormReply>(), "register");
  const { session, lines } = sheet;
  const marked = lines.filter((l) => l.mark !== null).length;
  return (
    <>
      <p>
        <Link to="/programmes">ECT programmes</Link>
      </p>
      <h1>Register: {session.title}</h1>
      <p>
        {session.programmeName}, {session.cohortName}. {sessionWhen(session.startsAt, session.endsAt)}.
      </p>
      {session.cancelledAt ? (
        <p>This session is cancelled: it has no register.</p>
      ) : !session.open ? (
        <p>The register opens on the day of the session.</p>
      ) : lines.length === 0 ? (
        <p>Nobody is booked on this session.</p>
      ) : (
        <>
          <p>
            {marked} of {lines.length} marked. Excused absences need a reason and are left out of engagement.
          </p>
          <RegisterForm lines={lines} reply={reply} />
        </>
      )}
    </>
  );
}
