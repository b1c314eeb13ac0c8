import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db, enqueue, services } from "../services.server";
import { notFound, requireUser } from "../auth/guards.server";
import { invalid, redirectWithFlash, retryAfterHeaders, tooManyAttempts } from "../components/actions.server";
import { SelectField, TextField } from "../components/forms";
import { FormErrorSummary } from "../components/error-summary";
import { createInvitation, placeForInviter, scopeFrom } from "../memberships/invitations.server";
import { roleLabels } from "../vocabulary/roles";
import { INVITABLE_ROLES, invitationSchema, scopeQuerySchema } from "../memberships/schemas";

export const meta: MetaFunction = () => [{ title: "Invite a colleague – Staffroom" }];

export const headers = retryAfterHeaders;

async function placeFor(request: Request, userId: string, values: unknown) {
  const parsed = scopeQuerySchema.safeParse(values);
  if (!parsed.success) throw notFound();
  const place = await placeForInviter(db(), userId, scopeFrom(parsed.data.scope, parsed.data.id));
  if (!place) throw notFound();
  return { ...parsed.data, place };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const { scope, id, place } = await placeFor(request, user.id, Object.fromEntries(new URL(request.url).searchParams));
  return json({
    scope,
    id,
    placeName: place.name,
    roles: INVITABLE_ROLES[scope].map((r) => ({ value: r, label: roleLabels[r] })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  const formData = await request.formData();
  const { place } = await placeFor(request, user.id, Object.fromEntries(formData));
  const submission = parseWithZod(formData, { schema: invitationSchema });
  if (submission.status !== "success") return invalid(submission);
  const { email, role } = submission.value;
  const result = await createInvitation(
    db(),
    user,
    { email, role, scope: place.scope },
    { appUrl: services().config.appUrl, enqueue: enqueue() },
  );
  if (!result.ok) {
    switch (result.reason) {
      case "not-found":
        throw notFound();
      case "role-not-allowed":
        return invalid(submission, { fieldErrors: { role: ["Choose one of the roles listed"] } });
      case "already-member":
        return invalid(submission, { fieldErrors: { email: [`${email} already has this role at ${place.name}`] } });
      case "rate-limited":
        return tooManyAttempts(submission, result.retryAfterSeconds);
    }
  }
  return redirectWithFlash(
    request,
    `/invitations/new?scope=${place.scope.kind}&id=${encodeURIComponent(formData.get("id") as string)}`,
    {
      kind: "success",
      message: `Invitation sent to ${email}.`,
    },
  );
}

export default function NewInvitation() {
  const { scope, id, placeName, roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { role: roles[0]?.value },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitationSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="form">
      <h1>Invite a colleague to {placeName}</h1>
      <p>We will e-mail them a link. They accept it by signing in, or by creating an account with that address.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <input type="hidden" name="scope" value={scope} />
        <input type="hidden" name="id" value={id} />
        <TextField meta={fields.email} label="Their e-mail address" type="email" autoComplete="off" />
        <SelectField meta={fields.role} label="Role" options={roles} />
        <button type="submit" className="button">
          Send the invitation
        </button>
      </Form>
    </div>
  );
}
