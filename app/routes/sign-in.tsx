import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { db } from "../services.server";
import { signIn } from "../auth/accounts.server";
import { currentUser, pendingStagePath, safeRedirectPath } from "../auth/guards.server";
import { signInSchema } from "../auth/schemas";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";

export const meta: MetaFunction = () => [{ title: "Sign in – Staffroom" }];

export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) {
    throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/account"));
  }
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signInSchema });
  if (submission.status !== "success") return invalid(submission, { hideFields: ["password"] });
  const result = await signIn(db(), submission.value, { ip: context.clientIp });
  if (!result.ok && result.reason === "rate-limited") {
    return tooManyAttempts(submission, result.retryAfterSeconds, ["password"]);
  }
  if (!result.ok) {
    return invalid(submission, {
      hideFields: ["password"],
      status: 401,
      formErrors: ["The e-mail address or password is not right. Check them and try again."],
    });
  }
  const to = safeRedirectPath(submission.value.redirectTo, "/account");
  if (result.next === "second-factor") return redirect(pendingStagePath(result.next, to), setCookie(result.setCookie));
  if (result.next === "set-up") {
    return redirectWithFlash(
      request,
      pendingStagePath(result.next, to),
      { kind: "info", message: "Your password is right. Your role needs two-step sign-in: set it up to continue." },
      [result.setCookie],
    );
  }
  return redirectWithFlash(request, to, { kind: "success", message: "You are signed in." }, [result.setCookie]);
}

const setCookie = (cookie: string) => ({ headers: { "Set-Cookie": cookie } });

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { email: params.get("email") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form">
      <h1>Sign in</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField meta={fields.email} label="Email address" type="email" autoComplete="email" />
        <TextField meta={fields.password} label="Password" type="password" autoComplete="current-password" />
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Sign in
          </button>
          <Link to="/forgot-password">I have forgotten my password</Link>
        </div>
      </Form>
      <p>
        New to Staffroom? <Link to={`/sign-up${params.toString() ? `?${params}` : ""}`}>Create an account</Link>.
      </p>
    </div>
  );
}
