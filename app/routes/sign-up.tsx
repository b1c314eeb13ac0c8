import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { signUp } from "../auth/accounts.server";
import { currentUser, safeRedirectPath } from "../auth/guards.server";
import { signUpServerSchema } from "../auth/password-strength.server";
import { signUpSchema } from "../auth/schemas";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";

export const meta: MetaFunction = () => [{ title: "Create an account – Staffroom" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signUpServerSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: ["password"] });
  const { appUrl } = services().config;
  const result = await signUp(db(), submission.value, { ip: context.clientIp, appUrl, enqueue: enqueue() });
  if (!result.ok) return tooManyAttempts(submission, result.retryAfterSeconds, ["password"]);
  const next = result.setCookie ? safeRedirectPath(submission.value.redirectTo, "/check-email") : "/check-email";
  return redirectWithFlash(
    request,
    next,
    { kind: "success", message: `We have sent a link to ${submission.value.email}. Open it to confirm your address.` },
    [result.setCookie],
  );
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { email: params.get("email") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form">
      <h1>Create an account</h1>
      <p>Teachers, trainees and school staff all use the same account. Your school can add your role later.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField meta={fields.name} label="Full name" autoComplete="name" />
        <TextField meta={fields.email} label="Email address" type="email" autoComplete="email" />
        <TextField
          meta={fields.password}
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters, and not a common password. A long phrase of ordinary words is a good one."
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Create account
          </button>
          <Link to={`/sign-in${params.toString() ? `?${params}` : ""}`}>I already have an account</Link>
        </div>
      </Form>
    </div>
  );
}
