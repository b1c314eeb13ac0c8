import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { invalid } from "../components/actions.server";
import { FormErrorSummary } from "../components/error-summary";
import { RoleFields } from "../vacancies/components/step-forms";
import { StepList } from "../vacancies/components/step-list";
import { requireHr } from "../vacancies/guards.server";
import { roleStep } from "../vacancies/schemas";
import { createDraft } from "../vacancies/editing.server";
import { PostingFor } from "../vacancies/components/posting-for";

export const meta: MetaFunction = () => [{ title: "Post a vacancy – Staffroom" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { contexts } = await requireHr(request);
  return json({ contexts: contexts.map((c) => ({ value: `${c.kind}:${c.id}`, label: c.name })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, contexts } = await requireHr(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: roleStep });
  const ownerValue = String(formData.get("owner") ?? "");
  const owner =
    contexts.find((c) => `${c.kind}:${c.id}` === ownerValue) ?? (contexts.length === 1 ? contexts[0] : undefined);
  if (submission.status !== "success") return invalid(submission);
  if (!owner) return invalid(submission, { formErrors: ["Choose who is posting the vacancy"] });
  const id = await createDraft(db(), user.id, owner, submission.value);
  return redirect(`/hr/vacancies/${id}/edit/where`);
}

export default function NewVacancy() {
  const { contexts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roleStep }),
    shouldValidate: "onBlur",
  });
  return (
    <div className="form">
      <h1>Post a vacancy</h1>
      <StepList current="role" />
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        <PostingFor contexts={contexts} />
        <RoleFields fields={fields} />
        <button type="submit" className="button">
          Save and continue
        </button>
      </Form>
    </div>
  );
}
