import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { verifyEmail } from "../auth/accounts.server";
import { currentUser } from "../auth/guards.server";
import { tokenSchema } from "../auth/schemas";
import { redirectWithFlash } from "../components/actions.server";

export const meta: MetaFunction = () => [{ title: "Confirm your e-mail address – Staffroom" }];

export function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token") ?? "" });
}

// Confirming takes a button press (a POST): mail scanners that follow links must not use up the token.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = tokenSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success || !(await verifyEmail(db(), parsed.data.token))) {
    return json(
      {
        error: "This link has expired or has already been used. Sign in and ask for a new one from your account page.",
      },
      { status: 400 },
    );
  }
  const signedIn = await currentUser(request);
  return redirectWithFlash(request, signedIn ? "/account" : "/sign-in", {
    kind: "success",
    message: "Thank you: your e-mail address is confirmed.",
  });
}

export default function VerifyEmail() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Confirm your e-mail address</h1>
      {actionData?.error ? (
        <div className="error-summary" role="alert">
          <h2>There is a problem</h2>
          <p>{actionData.error}</p>
          <p>
            <Link to="/account">Go to your account</Link>
          </p>
        </div>
      ) : null}
      {token ? (
        <Form method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            Confirm my e-mail address
          </button>
        </Form>
      ) : (
        <p>This link is incomplete. Open the link from the e-mail we sent you again.</p>
      )}
    </>
  );
}
