import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { requestPasswordReset } from "../auth/accounts.server";
import { forgotPasswordSchema } from "../auth/schemas";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";

export const meta: MetaFunction = () => [{ title: "Reset your password – Staffroom" }];

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return invalid(submission);
  const result = await requestPasswordReset(db(), submission.value.email, {
    ip: context.clientIp,
    appUrl: services().config.appUrl,
    enqueue: enqueue(),
  });
  if (!result.ok) return tooManyAttempts(submission, result.retryAfterSeconds);
  return redirectWithFlash(request, "/check-email", {
    kind: "success",
    message: `If ${submission.value.email} has an account, we have sent it a link to choose a new password.`,
  });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="form">
      <h1>Reset your password</h1>
      <p>Enter the e-mail address of your account and we will send you a link to choose a new password.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <TextField meta={fields.email} label="Email address" type="email" autoComplete="email" />
        <button type="submit" className="button">
          Send the link
        </button>
      </Form>
    </div>
  );
}
