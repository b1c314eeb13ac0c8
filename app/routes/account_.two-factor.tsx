import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { requireUserOrSetUp, safeRedirectPath } from "../auth/guards.server";
import { qrCodeDataUrl } from "../auth/qr.server";
import { confirmSecondFactorSchema, manageSecondFactorSchema } from "../auth/schemas";
import {
  cancelReplacement,
  claimRecoveryCodes,
  confirmSecondFactor,
  keyBeingSetUp,
  regenerateRecoveryCodes,
  secondFactorSummary,
  startReplacement,
  turnOffSecondFactor,
} from "../auth/second-factor.server";
import { groupedSecret, keyUri } from "../auth/totp";
import { invalid, redirectWithFlash, refused, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { ChoiceGroup } from "../components/choice-fields";
import { TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";
import { formatLondonDate } from "../vocabulary/london-time";

const titles = { codes: "Save your recovery codes", "set-up": "Set up two-step sign-in", manage: "Two-step sign-in" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? (data.view === "set-up" && data.replacing ? "Replace your authenticator app" : titles[data.view]) : titles.manage} – Staffroom`,
  },
];

export const headers = retryAfterHeaders;

function continueTo(request: Request, formData?: FormData): string {
  const raw = formData?.get("redirectTo") ?? new URL(request.url).searchParams.get("redirectTo");
  return safeRedirectPath(typeof raw === "string" ? raw : null, "/account");
}

const pagePath = (to: string) => `/account/two-factor?redirectTo=${encodeURIComponent(to)}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUserOrSetUp(request);
  const to = continueTo(request);
  const codes = me.settingUp ? null : await claimRecoveryCodes(db(), me.user.id);
  if (codes) return json({ view: "codes" as const, codes, continueTo: to });
  const summary = await secondFactorSummary(db(), me.user.id);
  const setUp = await keyBeingSetUp(db(), me.user.id);
  if (setUp) {
    return json({
      view: "set-up" as const,
      settingUp: me.settingUp,
      replacing: setUp.replacing,
      required: summary.required,
      secret: groupedSecret(setUp.secret),
      qr: await qrCodeDataUrl(keyUri(me.user.email, setUp.secret)),
      continueTo: to,
    });
  }
  return json({
    view: "manage" as const,
    required: summary.required,
    enabledOn: summary.state === "on" ? formatLondonDate(summary.enabledAt) : null,
    recoveryCodesLeft: summary.state === "on" ? summary.recoveryCodesLeft : 0,
  });
}

const wrongCode = {
  "wrong-code": "That code is not right. Check that you entered the code your app shows now for this Staffroom entry.",
  expired: "This set-up took too long and has expired. Scan the new QR code below, then enter the code it gives.",
};

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireUserOrSetUp(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const to = continueTo(request, formData);
  const mail = { appUrl: services().config.appUrl, enqueue: enqueue() };
  if (intent === "confirm") {
    const submission = parseWithZod(formData, { schema: confirmSecondFactorSchema });
    if (submission.status !== "success") return invalid(submission, { hideFields: ["code"] });
    const result = await confirmSecondFactor(db(), me.user.id, submission.value.code, mail);
    if (!result.ok)
      return invalid(submission, { hideFields: ["code"], fieldErrors: { code: [wrongCode[result.reason]] } });
    // A redirect, so the new session's cookie is in place before the page that shows the recovery codes is read.
    return redirect(pagePath(to), { headers: { "Set-Cookie": result.setCookie } });
  }
  // A session that must set up its second factor may do only that.
  if (me.settingUp) return refused({ formErrors: ["Set up two-step sign-in first."] });
  if (intent === "cancel-replace") {
    await cancelReplacement(db(), me.user.id);
    return redirectWithFlash(request, "/account/two-factor", {
      kind: "info",
      message: "Nothing changed: your authenticator app works as before.",
    });
  }
  const submission = parseWithZod(formData, { schema: manageSecondFactorSchema });
  const hideFields = ["currentPassword"];
  if (submission.status !== "success") return invalid(submission, { hideFields });
  const { intent: chosen, currentPassword } = submission.value;
  const result =
    chosen === "regenerate"
      ? await regenerateRecoveryCodes(db(), me.user.id, currentPassword, mail)
      : chosen === "replace"
        ? await startReplacement(db(), me.user.id, currentPassword)
        : await turnOffSecondFactor(db(), me.user.id, currentPassword, mail);
  if (!result.ok) {
    if (result.reason === "rate-limited") return tooManyAttempts(submission, result.retryAfterSeconds, hideFields);
    if (result.reason === "wrong-password") {
      return invalid(submission, {
        hideFields,
        fieldErrors: { currentPassword: ["Your current password is not right"] },
      });
    }
    const message =
      result.reason === "required"
        ? "Your role needs two-step sign-in, so it cannot be turned off. You can replace your authenticator app."
        : "Two-step sign-in is not on.";
    return invalid(submission, { hideFields, status: 409, formErrors: [message] });
  }
  if (chosen === "turn-off") {
    return redirectWithFlash(request, "/account", { kind: "success", message: "Two-step sign-in is off." });
  }
  return redirect(chosen === "regenerate" ? pagePath(to) : "/account/two-factor");
}

export default function TwoFactor() {
  const data = useLoaderData<typeof loader>();
  if (data.view === "codes") return <RecoveryCodes codes={data.codes} continueTo={data.continueTo} />;
  if (data.view === "set-up") return <SetUp {...data} />;
  return <Manage {...data} />;
}

function RecoveryCodes({ codes, continueTo }: { codes: string[]; continueTo: string }) {
  return (
    <>
      <h1>Save your recovery codes</h1>
      <p>
        Two-step sign-in is on. If you lose your phone, sign in with one of these codes instead of a code from the app.
        Each code works once.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        Keep them somewhere safe away from your phone: printed, or in a password manager. They are shown only this once;
        you can make new ones from your account page with your password.
      </p>
      <Link className="button" to={continueTo}>
        I have saved my codes: continue
      </Link>
    </>
  );
}

function SetUp({
  settingUp,
  replacing,
  required,
  secret,
  qr,
  continueTo,
}: {
  settingUp: boolean;
  replacing: boolean;
  required: boolean;
  secret: string;
  qr: string;
  continueTo: string;
}) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "confirm",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmSecondFactorSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form">
      <h1>{replacing ? "Replace your authenticator app" : "Set up two-step sign-in"}</h1>
      {required && !replacing ? (
        <p>
          Your role gives you access to other people&apos;s personal data, so your account needs two-step sign-in: your
          password and a code from an app on your phone.
        </p>
      ) : (
        <p>Signing in will ask for your password and a code from an app on your phone.</p>
      )}
      <ol className="steps">
        <li>
          Install an authenticator app on your phone if you have none: any app for time-based codes (TOTP) works, such
          as Google Authenticator, Microsoft Authenticator or 2FAS.
        </li>
        <li>
          In the app, add an account and scan this QR code:
          <img className="qr-code" src={qr} width={200} height={200} alt="QR code for your authenticator app" />
          Cannot scan it? Choose to enter a key instead, and type this key (time-based):
          <code className="secret-key">{secret}</code>
        </li>
        <li>Enter the 6-digit code the app now shows for Staffroom.</li>
      </ol>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="redirectTo" value={continueTo} />
        <TextField meta={fields.code} label="Code from your app" autoComplete="one-time-code" />
        <button type="submit" className="button">
          {replacing ? "Use the new app" : "Turn on two-step sign-in"}
        </button>
      </Form>
      {replacing ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel-replace" />
          <button type="submit" className="button button--secondary">
            Cancel: keep the app I have
          </button>
        </Form>
      ) : null}
      {settingUp ? (
        <Form method="post" action="/sign-out">
          <button type="submit" className="button button--secondary">
            Not now: leave without setting it up
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function Manage({
  required,
  enabledOn,
  recoveryCodesLeft,
}: {
  required: boolean;
  enabledOn: string | null;
  recoveryCodesLeft: number;
}) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "manage",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: manageSecondFactorSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="form">
      <h1>Two-step sign-in</h1>
      <dl className="summary">
        <dt>Status</dt>
        <dd>On since {enabledOn}</dd>
        <dt>Recovery codes left</dt>
        <dd>{recoveryCodesLeft} of 10</dd>
      </dl>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <ChoiceGroup
          meta={fields.intent}
          legend="What do you want to do?"
          type="radio"
          hint={
            required
              ? "Your role needs two-step sign-in, so it cannot be turned off. You can replace your authenticator app."
              : undefined
          }
          options={[
            { value: "regenerate", label: "Make new recovery codes (the old ones stop working)" },
            { value: "replace", label: "Replace your authenticator app (a new phone)" },
            ...(required ? [] : [{ value: "turn-off", label: "Turn off two-step sign-in" }]),
          ]}
        />
        <TextField
          meta={fields.currentPassword}
          label="Current password"
          type="password"
          autoComplete="current-password"
          hint="Each of these changes needs your password."
        />
        <button type="submit" className="button">
          Continue
        </button>
      </Form>
      <p>
        <Link to="/account">Back to your account</Link>
      </p>
    </div>
  );
}
