import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { invalid, redirectWithFlash } from "../components/actions.server";
import { FormErrorSummary } from "../components/error-summary";
import { formatFte } from "../vacancies/fte";
import { isEditable } from "../vacancies/lifecycle";
import { AdvertFields, ApplyFields, PayFields, RoleFields, WhereFields } from "../vacancies/components/step-forms";
import { StepList } from "../vacancies/components/step-list";
import { requireManagedVacancy } from "../vacancies/guards.server";
import { shareableSchools } from "../vacancies/shares.server";
import {
  nextStep,
  STEPS,
  stepDefaults,
  stepFields,
  stepSchemas,
  type StepFormInput,
  type StepKey,
} from "../vacancies/steps";
import { PAY_FLAG_ON_EDIT } from "../pay/gate.server";
import { setLocation, updateVacancy } from "../vacancies/editing.server";
import { fillSalaryFieldsFromPoints } from "../pay/pay-points";
import { pointSalariesForVacancy } from "../pay/pay-points.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.stepTitle ?? "Edit"}: ${data?.title ?? "vacancy"} – Staffroom` },
];

/** The vacancy's start date as YYYY-MM-DD, when it has one: it picks the pay year of the point figures. */
function startDateOf(vacancy: { startDate?: string | Date | null }): string | null {
  if (!vacancy.startDate) return null;
  return typeof vacancy.startDate === "string"
    ? vacancy.startDate.slice(0, 10)
    : vacancy.startDate.toISOString().slice(0, 10);
}

function stepOf(param: string | undefined): StepKey {
  const step = STEPS.find((s) => s.key === param);
  if (!step) throw notFound();
  return step.key;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepOf(params.step);
  const { user, vacancy } = await requireManagedVacancy(request, params.id);
  if (!isEditable(vacancy.status)) throw redirect(`/hr/vacancies/${vacancy.id}`);
  const schoolChoices =
    step === "where"
      ? (await shareableSchools(db(), user.id, vacancy.id)).map((s) => {
          const chosen = vacancy.schools.find((c) => c.schoolId === s.id);
          return {
            id: s.id,
            name: s.name,
            town: s.town,
            otherEmployer: s.byLead ? null : s.employerName,
            chosen: !!chosen,
            share: chosen?.fteShare ? formatFte(chosen.fteShare) : "",
          };
        })
      : [];
  return json({
    id: vacancy.id,
    title: vacancy.title,
    status: vacancy.status,
    step,
    stepTitle: STEPS.find((s) => s.key === step)!.title,
    defaults: stepDefaults(step, vacancy),
    schoolChoices,
    pointSalaries: step === "pay" ? await pointSalariesForVacancy(db(), vacancy.id, startDateOf(vacancy)) : {},
  });
}

/** The schools table posts `school` (ticked ids) and `share.<id>`; zod wants an indexed list. */
function whereFormData(formData: FormData): FormData {
  const out = new FormData();
  for (const [k, v] of formData) if (k !== "school" && !k.startsWith("share.")) out.append(k, v);
  formData.getAll("school").forEach((id, i) => {
    out.append(`schools[${i}].schoolId`, String(id));
    out.append(`schools[${i}].share`, String(formData.get(`share.${id}`) ?? ""));
  });
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const step = stepOf(params.step);
  const { user, vacancy } = await requireManagedVacancy(request, params.id);
  if (!isEditable(vacancy.status)) throw redirect(`/hr/vacancies/${vacancy.id}`);
  const raw = await request.formData();
  // Pay points chosen and salaries left blank: the statutory figures fill them before they are checked.
  const formData =
    step === "where"
      ? whereFormData(raw)
      : step === "pay"
        ? fillSalaryFieldsFromPoints(raw, await pointSalariesForVacancy(db(), vacancy.id, startDateOf(vacancy)))
        : raw;
  const submission = parseWithZod(formData, { schema: stepSchemas[step] });
  if (submission.status !== "success") return invalid(submission);

  let outcome: string;
  if (step === "where") {
    const v = submission.value as {
      fte: number;
      workingPattern: "full_time";
      hoursPerWeek?: number;
      locationKind: "one" | "split" | "central";
      schools: { schoolId: string; share: number | null }[];
    };
    const located = await setLocation(db(), user.id, vacancy.id, v);
    if (located === "school-not-allowed")
      return invalid(submission, {
        fieldErrors: { schools: ["Choose schools from the list: yours, or other employers' in your partnership"] },
      });
    if (typeof located === "object")
      return invalid(submission, { fieldErrors: { schools: [located.refused] }, status: 409 });
    outcome = located;
  } else {
    const mapped = stepFields(step, submission.value);
    if (!mapped.ok) return invalid(submission, { fieldErrors: mapped.fieldErrors });
    outcome = await updateVacancy(db(), user.id, vacancy.id, mapped.fields);
  }
  if (outcome === "not-found") throw notFound();
  if (outcome === "pay-flagged") return invalid(submission, { formErrors: [PAY_FLAG_ON_EDIT], status: 409 });
  const next = raw.get("intent") === "save-draft" ? null : nextStep(step);
  return redirectWithFlash(request, next ? `/hr/vacancies/${vacancy.id}/edit/${next}` : `/hr/vacancies/${vacancy.id}`, {
    kind: "success",
    message: vacancy.status === "draft" ? "Draft saved." : "Changes saved.",
  });
}

export default function EditStep() {
  const { id, title, step, stepTitle, defaults, schoolChoices, status, pointSalaries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<StepFormInput>({
    id: `vacancy-${step}`,
    lastResult: actionData?.result,
    defaultValue: defaults,
    // Each step is validated by the server when saved; no round trip on every blur.
    shouldValidate: "onSubmit",
  });
  const f = fields;
  return (
    <div className="form">
      <p>
        <Link to={`/hr/vacancies/${id}`}>Back to {title}</Link>
      </p>
      <h1>{stepTitle}</h1>
      <StepList current={step} vacancyId={id} />
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary form={form} focusKey={actionData} />
        {step === "role" ? <RoleFields fields={f} /> : null}
        {step === "where" ? <WhereFields fields={f} schools={schoolChoices} /> : null}
        {step === "pay" ? <PayFields fields={f} pointSalaries={pointSalaries} /> : null}
        {step === "advert" ? <AdvertFields fields={f} /> : null}
        {step === "apply" ? <ApplyFields fields={f} /> : null}
        <div className="button-row">
          <button type="submit" className="button" name="intent" value="continue">
            {nextStep(step) ? "Save and continue" : "Save and review"}
          </button>
          <button type="submit" className="button button--secondary" name="intent" value="save-draft">
            {status === "draft" ? "Save draft" : "Save"}
          </button>
        </div>
      </Form>
    </div>
  );
}
