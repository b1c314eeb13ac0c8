import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { resetPassword } from "../auth/accounts.server";
import { pendingStagePath } from "../auth/guards.server";
import { resetPasswordServerSchema } from "../auth/password-strength.server";
import { resetPasswordSchema } from "../auth/schemas";
import { invalid, redirectWithFlash } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";

export const meta: MetaFunction = () => [{ title: "Choose a new password – Staffroom" }];

/** The token is in this page's address: it must not leak in a Referer header or stay in a cache. */
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export function loader({ request }: LoaderFunctionArgs) {
  return json({ token: new URL(request.url).searchParams.get("token") ?? "" });
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordServerSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: ["password"] });
  const result = await resetPassword(db(), submission.value.token, submission.value.password);
  if (!result.ok) {
    return invalid(submission, {
      hideFields: ["password"],
      formErrors: ["This link has expired or has already been used. Ask for a new one."],
    });
  }
  // A reset link proves the mailbox, not the phone: a user with two-step sign-in gives a code next (ADR 0020).
  if (result.next) {
    return redirectWithFlash(
      request,
      pendingStagePath(result.next, "/account"),
      {
        kind: "success",
        message:
          result.next === "second-factor"
            ? "Your password is changed. Enter a code from your authenticator app to sign in."
            : "Your password is changed. Your role needs two-step sign-in: set it up to continue.",
      },
      [result.setCookie],
    );
  }
  return redirectWithFlash(
    request,
    "/account",
    { kind: "success", message: "Your password is changed and you are signed in." },
    [result.setCookie],
  );
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="form">
      <h1>Choose a new password</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="token" value={token} />
        <TextField
          meta={fields.password}
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters, and not a common password. A long phrase of ordinary words is a good one."
        />
        <button type="submit" className="button">
          Save my new password
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </div>
  );
}
