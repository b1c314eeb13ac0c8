import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { changeEmail, changePassword, resendVerification } from "../auth/accounts.server";
import { checkCurrentPassword } from "../auth/current-password.server";
import { endSession } from "../auth/session.server";
import { deleteAccount, deletionRefusal } from "../applications/account-deletion.server";
import { requireUser } from "../auth/guards.server";
import { changePasswordServerSchema } from "../auth/password-strength.server";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from "../auth/schemas";
import { secondFactorSummary } from "../auth/second-factor.server";
import { markAddressWorking } from "../deliverability/undeliverable.server";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";
import { listMemberships } from "../memberships/queries.server";
import { roleLabels } from "../vocabulary/roles";

export const meta: MetaFunction = () => [{ title: "Your account – Staffroom" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [memberships, secondFactor, cannotDelete] = await Promise.all([
    listMemberships(db(), user.id),
    secondFactorSummary(db(), user.id),
    deletionRefusal(db(), user.id),
  ]);
  return json({
    user: { name: user.name, email: user.email, verified: !!user.emailVerifiedAt },
    memberships: memberships.map((m) => ({ id: m.id, role: roleLabels[m.role], place: m.scopeName })),
    secondFactor: { on: secondFactor.state === "on", required: secondFactor.required },
    cannotDelete,
  });
}

/** Which of the page's forms a refused submission came from (conform echoes the hidden intent back). */
function formOf(actionData: unknown): string | undefined {
  const result = (actionData as { result?: { initialValue?: { intent?: unknown } } } | undefined)?.result;
  return typeof result?.initialValue?.intent === "string" ? result.initialValue.intent : undefined;
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
  if (intent === "address-works") {
    await markAddressWorking(db(), user.email);
    return redirectWithFlash(request, "/account", {
      kind: "success",
      message: `We will send e-mail to ${user.email} again. If it comes back undeliverable, we will tell you here.`,
    });
  }
  if (intent === "change-email") {
    const submission = parseWithZod(formData, { schema: changeEmailSchema });
    const hideFields = ["currentPassword"];
    if (submission.status !== "success") return invalid(submission, { hideFields });
    if (submission.value.email === user.email) {
      return invalid(submission, { hideFields, fieldErrors: { email: ["This is your address already"] } });
    }
    const result = await changeEmail(db(), user, submission.value, {
      appUrl: services().config.appUrl,
      enqueue: enqueue(),
    });
    if (!result.ok && result.reason === "rate-limited") {
      return tooManyAttempts(submission, result.retryAfterSeconds, hideFields);
    }
    if (!result.ok) {
      const fieldErrors: Record<string, string[]> =
        result.reason === "taken"
          ? { email: ["Another Staffroom account uses this address"] }
          : { currentPassword: ["Your current password is not right"] };
      return invalid(submission, { hideFields, fieldErrors });
    }
    return redirectWithFlash(request, "/account", {
      kind: "success",
      message: `Your address is now ${submission.value.email}. Confirm it with the link we have sent there.`,
    });
  }
  if (intent === "delete-account") return deleteAccountAction(request, formData, user.id);
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

/**
 * Deleting the account: refused, with the reason, while an application is in a hiring step or the account holds a
 * staff role (account-deletion.server.ts); otherwise the password again, then everything goes and the session ends.
 */
async function deleteAccountAction(request: Request, formData: FormData, userId: string) {
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  const hideFields = ["currentPassword"];
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const reason = await deletionRefusal(db(), userId);
  if (reason) return invalid(submission, { hideFields, formErrors: [reason], status: 409 });
  const checked = await checkCurrentPassword(db(), userId, submission.value.currentPassword);
  if (!checked.ok && checked.reason === "rate-limited")
    return tooManyAttempts(submission, checked.retryAfterSeconds, hideFields);
  if (!checked.ok)
    return invalid(submission, { hideFields, fieldErrors: { currentPassword: ["Your password is not right"] } });
  const deleted = await deleteAccount(db(), userId);
  if (!deleted.ok) return invalid(submission, { hideFields, formErrors: [deleted.reason], status: 409 });
  return redirectWithFlash(
    request,
    "/",
    { kind: "success", message: "Your account is deleted, and your applications are anonymised." },
    [await endSession(request)],
  );
}

export default function Account() {
  const { user, memberships, secondFactor, cannotDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusedForm = formOf(actionData);
  // Each form shows only its own refusal.
  const resultFor = (intent: string) =>
    refusedForm === intent && actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: resultFor("change-password"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
    shouldValidate: "onBlur",
  });
  const [emailForm, emailFields] = useForm({
    id: "change-email",
    lastResult: resultFor("change-email"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changeEmailSchema }),
    shouldValidate: "onBlur",
  });
  const [deleteForm, deleteFields] = useForm({
    id: "delete-account",
    lastResult: resultFor("delete-account"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteAccountSchema }),
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
      <h2>Two-step sign-in</h2>
      {secondFactor.on ? (
        <p>
          On: signing in asks for a code from your authenticator app.{" "}
          <Link to="/account/two-factor">Manage two-step sign-in</Link> (new recovery codes, a new phone).
        </p>
      ) : (
        <p>
          Off: signing in asks only for your password. Add a code from an app on your phone, so that a stolen password
          is not enough. <Link to="/account/two-factor">Set up two-step sign-in</Link>
        </p>
      )}
      <h2 id="change-email">Change your e-mail address</h2>
      <Form method="post" className="form" {...getFormProps(emailForm)}>
        <FormErrorSummary form={emailForm} focusKey={refusedForm === "change-email" ? actionData : undefined} />
        <input type="hidden" name="intent" value="change-email" />
        <TextField
          meta={emailFields.email}
          label="New e-mail address"
          type="email"
          autoComplete="email"
          hint="We send a link to confirm it, and tell your current address about the change."
        />
        <TextField
          meta={emailFields.currentPassword}
          label="Current password"
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button">
          Change e-mail address
        </button>
      </Form>
      <h2>Change your password</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={refusedForm === "change-password" ? actionData : undefined} />
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
      <h2>Your data</h2>
      <p>
        <a href="/account/data" download>
          Download everything Staffroom holds about you
        </a>{" "}
        (a JSON file: your account, profile, applications and their messages, saved jobs and alerts).
      </p>
      <h2 id="delete-account">Delete your account</h2>
      {cannotDelete ? (
        <p>You cannot delete your account now. {cannotDelete}</p>
      ) : (
        <>
          <p>
            Your profile, saved jobs and alerts are deleted. Employers keep your finished applications only as anonymous
            counts. This cannot be undone.
          </p>
          <Form method="post" className="form" {...getFormProps(deleteForm)}>
            <FormErrorSummary form={deleteForm} focusKey={refusedForm === "delete-account" ? actionData : undefined} />
            <input type="hidden" name="intent" value="delete-account" />
            <TextField
              meta={deleteFields.currentPassword}
              label="Your password"
              type="password"
              autoComplete="current-password"
            />
            <button type="submit" className="button button--secondary">
              Delete your account
            </button>
          </Form>
        </>
      )}
    </>
  );
}
