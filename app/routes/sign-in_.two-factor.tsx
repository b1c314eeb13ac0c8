import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { requirePendingSecondFactor, safeRedirectPath } from "../auth/guards.server";
import { secondFactorCodeSchema } from "../auth/schemas";
import { verifySecondFactor } from "../auth/second-factor.server";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";

export const meta: MetaFunction = () => [{ title: "Two-step sign-in – Staffroom" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await requirePendingSecondFactor(request);
  return json({ email: pending.user.email });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingSecondFactor(request);
  const submission = parseWithZod(await request.formData(), { schema: secondFactorCodeSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: ["code"] });
  const result = await verifySecondFactor(
    db(),
    { userId: pending.user.id, sessionId: pending.session.id },
    submission.value.code,
    { ip: context.clientIp, appUrl: services().config.appUrl, enqueue: enqueue() },
  );
  if (!result.ok && result.reason === "rate-limited") {
    return tooManyAttempts(submission, result.retryAfterSeconds, ["code"]);
  }
  if (!result.ok) {
    const message =
      result.reason === "reused"
        ? "That code has been used already. Wait for your app to show a new one, then enter it."
        : "That code is not right. Enter the code your app shows now for Staffroom, or one of your recovery codes.";
    return invalid(submission, { hideFields: ["code"], status: 401, fieldErrors: { code: [message] } });
  }
  return redirectWithFlash(
    request,
    safeRedirectPath(submission.value.redirectTo, "/account"),
    {
      kind: result.usedRecoveryCode ? "info" : "success",
      message: result.usedRecoveryCode
        ? "You are signed in with a recovery code, which now no longer works. If you have lost your phone, set up two-step sign-in again from your account."
        : "You are signed in.",
    },
    [result.setCookie],
  );
}

export default function TwoFactorSignIn() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: secondFactorCodeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form">
      <h1>Two-step sign-in</h1>
      <p>
        Your password is right. Open the authenticator app you set up for Staffroom and enter the code it shows for{" "}
        {email}.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          meta={fields.code}
          label="Code"
          autoComplete="one-time-code"
          hint="The 6-digit code from your app. Lost your phone? Enter one of your recovery codes instead."
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Continue
          </button>
        </div>
      </Form>
      <Form method="post" action="/sign-out">
        <button type="submit" className="button button--secondary">
          Cancel
        </button>
      </Form>
    </div>
  );
}
