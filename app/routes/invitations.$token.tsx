import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { currentUser, notFound, pendingStagePath, requireUser } from "../auth/guards.server";
import { readSession } from "../auth/session.server";
import { redirectWithFlash } from "../components/actions.server";
import { acceptInvitation, findInvitation } from "../memberships/invitations.server";
import { roleLabels } from "../vocabulary/roles";

export const meta: MetaFunction = () => [{ title: "Your invitation – Staffroom" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = token.length > 200 ? null : await findInvitation(db(), token);
  if (!invitation) throw notFound("This invitation does not exist.");
  const signedIn = await currentUser(request);
  return json({
    token,
    invitation: {
      email: invitation.email,
      role: roleLabels[invitation.role],
      placeName: invitation.placeName,
      inviterName: invitation.inviterName,
      status: invitation.status,
    },
    signedInAs: signedIn?.user.email ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const result = await acceptInvitation(db(), params.token ?? "", user);
  if (!result.ok && result.reason === "wrong-account") {
    return json(
      { error: "This invitation was sent to a different e-mail address. Sign in with that address to accept it." },
      { status: 403 },
    );
  }
  if (!result.ok) {
    return json(
      { error: "This invitation has expired or has already been used. Ask whoever invited you for a new one." },
      { status: 410 },
    );
  }
  // A role that sees others' personal data needs two-step sign-in before anything else (ADR 0020): go straight there.
  const { pending } = await readSession(request);
  if (pending) {
    return redirectWithFlash(request, pendingStagePath(pending.stage, "/account"), {
      kind: "success",
      message: "Invitation accepted. Your new role needs two-step sign-in: set it up to continue.",
    });
  }
  return redirectWithFlash(request, "/account", {
    kind: "success",
    message: "Invitation accepted: your new role is on your account.",
  });
}

export default function Invitation() {
  const { token, invitation, signedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/invitations/${token}`;
  const query = new URLSearchParams({ redirectTo: here, email: invitation.email }).toString();
  return (
    <>
      <h1>Join {invitation.placeName} on Staffroom</h1>
      <p>
        {invitation.inviterName} invited {invitation.email} to join {invitation.placeName} as{" "}
        {invitation.role.toLowerCase()}.
      </p>
      {actionData?.error ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {invitation.status !== "pending" ? (
        <p>
          This invitation {invitation.status === "accepted" ? "has already been accepted" : "has expired"}. Ask{" "}
          {invitation.inviterName} for a new one if you need it.
        </p>
      ) : signedInAs === invitation.email ? (
        <Form method="post">
          <button type="submit" className="button">
            Accept the invitation
          </button>
        </Form>
      ) : signedInAs ? (
        <p>
          You are signed in as {signedInAs}. Sign out, then sign in as {invitation.email} to accept this invitation.
        </p>
      ) : (
        <div className="button-row">
          <Link className="button" to={`/sign-up?${query}`}>
            Create an account
          </Link>
          <Link className="button button--secondary" to={`/sign-in?${query}`}>
            Sign in
          </Link>
        </div>
      )}
    </>
  );
}
