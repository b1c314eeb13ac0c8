import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { changePassword, resendVerification } from "../auth/accounts.server";
import { requireUser } from "../auth/guards.server";
import { changePasswordServerSchema } from "../auth/password-strength.server";
import { changePasswordSchema } from "../auth/schemas";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";
import { listMemberships } from "../memberships/queries.server";
import { roleLabels } from "../vocabulary/roles";

export const meta: MetaFunction = () => [{ title: "Your account – Staffroom" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const memberships = await listMemberships(db(), user.id);
  return json({
    user: { name: user.name, email: user.email, verified: !!user.emailVerifiedAt },
    memberships: memberships.map((m) => ({ id: m.id, role: roleLabels[m.role], place: m.scopeName })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "resend-verification") {
    if (user.emailVerifiedAt)
      return redirectWithFlash(request, "/account", {
        kind: "info",
        message: "Your e-mail address is already confirmed.",
      });
    const result = await resendVerification(db(), user, { appUrl: services().config.appUrl, enqueue: enqueue() });
    if (!result.ok) {
      return json(
        { resendError: "We have sent several links already. Wait an hour, then ask again.", result: undefined },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return redirectWithFlash(request, "/account", {
      kind: "success",
      message: `We have sent a new link to ${user.email}.`,
    });
  }
  if (intent !== "change-password") return json({ resendError: undefined, result: undefined }, { status: 400 });
  const submission = parseWithZod(formData, { schema: changePasswordServerSchema });
  const hideFields = ["currentPassword", "newPassword"];
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const result = await changePassword(db(), user.id, submission.value);
  if (!result.ok && result.reason === "rate-limited") {
    return tooManyAttempts(submission, result.retryAfterSeconds, hideFields);
  }
  if (!result.ok) {
    return invalid(submission, {
      hideFields,
      fieldErrors: { currentPassword: ["Your current password is not right"] },
    });
  }
  return redirectWithFlash(
    request,
    "/account",
    { kind: "success", message: "Your password is changed. Other devices are signed out." },
    [result.setCookie],
  );
}

export default function Account() {
  const { user, memberships } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <h1>Your account</h1>
      <dl className="summary">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>E-mail address</dt>
        <dd>
          {user.email}{" "}
          {user.verified ? <span className="tag">Confirmed</span> : <span className="tag">Not confirmed yet</span>}
        </dd>
      </dl>
      {user.verified ? null : (
        <div className="panel">
          <p>Confirm your e-mail address with the link we sent you. Lost it?</p>
          {actionData && "resendError" in actionData && actionData.resendError ? (
            <p className="field-error" role="alert">
              {actionData.resendError}
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="resend-verification" />
            <button type="submit" className="button button--secondary">
              Send me a new link
            </button>
          </Form>
        </div>
      )}
      <h2>Your roles</h2>
      {memberships.length === 0 ? (
        <p>You have no roles at a school or organisation yet. Your school's HR staff can invite you.</p>
      ) : (
        <ul>
          {memberships.map((m) => (
            <li key={m.id}>
              {m.role} at {m.place}
            </li>
          ))}
        </ul>
      )}
      <h2>Change your password</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="intent" value="change-password" />
        <TextField
          meta={fields.currentPassword}
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <TextField
          meta={fields.newPassword}
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters, and not a common password. Changing it signs you out everywhere else."
        />
        <button type="submit" className="button">
          Change password
        </button>
      </Form>
    </>
  );
}
