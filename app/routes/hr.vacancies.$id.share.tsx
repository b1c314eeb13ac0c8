import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { invalid, redirectWithFlash } from "../components/actions.server";
import { ChoiceGroup } from "../components/choice-fields";
import { FormErrorSummary } from "../components/error-summary";
import { TextAreaField } from "../components/forms";
import { Advert } from "../vacancies/components/advert";
import { VacancyHistory } from "../vacancies/components/history";
import { SharesTable } from "../vacancies/components/shares-table";
import { StatusTag } from "../vacancies/components/status-tag";
import { vacancyHistory } from "../vacancies/audit.server";
import { requireInvolvedVacancy } from "../vacancies/guards.server";
import { shareAnswerSchema } from "../vacancies/schemas";
import { checkDecision, employedByText, shareText } from "../vacancies/shares";
import { decideShare, employerOf, sharesOf } from "../vacancies/shares.server";
import { formatFte } from "../vacancies/fte";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Shared role: ${data?.vacancy.title ?? "vacancy"} – Staffroom` },
];

/**
 * A role another employer shares with the reader's school (docs/decisions/0022): read-only, with a form to confirm or
 * decline each share the reader answers for. The vacancy's own HR may open it too (it links back to their page).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, vacancy, access } = await requireInvolvedVacancy(request, params.id);
  const [shares, employer, history] = await Promise.all([
    sharesOf(db(), vacancy.id, user.id),
    employerOf(db(), vacancy.id),
    vacancyHistory(db(), user.id, vacancy.id),
  ]);
  return json({
    vacancy,
    access,
    shares,
    employer: employer.name,
    employedBy: employedByText(employer.name, employer.sharedWith),
    canAnswer: checkDecision(vacancy.status),
    history,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, vacancy } = await requireInvolvedVacancy(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: shareAnswerSchema });
  if (submission.status !== "success") return invalid(submission);
  const { schoolId, asked, decision, reason } = submission.value;
  const outcome = await decideShare(db(), user.id, {
    vacancyId: vacancy.id,
    schoolId,
    asked,
    decision: decision === "confirm" ? { confirm: true } : { confirm: false, reason: reason ?? "" },
  });
  if (!outcome.ok && outcome.reason === "not-found") throw notFound();
  if (!outcome.ok) return invalid(submission, { formErrors: [outcome.message], status: 409 });
  return redirectWithFlash(request, `/hr/vacancies/${vacancy.id}/share`, {
    kind: "success",
    message:
      decision === "confirm"
        ? "You confirmed your school's share. The employer has been told."
        : "You declined your school's share. The employer has been told why.",
  });
}

type Share = ReturnType<typeof useLoaderData<typeof loader>>["shares"][number];

/** One school's answer: confirm, or decline with a reason. Each share has its own form, so its errors stay with it. */
function AnswerForm({ share, employer }: { share: Share; employer: string }) {
  const actionData = useActionData<typeof action>();
  const mine =
    actionData && "result" in actionData && actionData.result.initialValue?.schoolId === share.schoolId
      ? actionData
      : undefined;
  const [form, fields] = useForm<{ schoolId: string; asked: string; decision: string; reason: string }>({
    id: `share-${share.schoolId}`,
    lastResult: mine?.result,
    defaultValue: { schoolId: share.schoolId, asked: share.requestedAt },
    shouldValidate: "onSubmit",
  });
  const place = shareText(share);
  return (
    <Form method="post" {...getFormProps(form)} className="panel">
      <FormErrorSummary form={form} focusKey={mine} />
      <h3>Your answer for {share.schoolName}</h3>
      <input {...getInputProps(fields.schoolId, { type: "hidden" })} />
      <input {...getInputProps(fields.asked, { type: "hidden" })} />
      <ChoiceGroup
        meta={fields.decision}
        legend={`Does ${share.schoolName} take this share?`}
        hint={`${employer} employs the person appointed and sets the pay; your school hosts ${share.fteShare === null ? "the role as one of its schools" : `${formatFte(share.fteShare)} FTE of it`}.`}
        type="radio"
        options={[
          { value: "confirm", label: `Confirm: ${place} takes this share` },
          { value: "decline", label: "Decline" },
        ]}
      />
      <TextAreaField
        meta={fields.reason}
        label="If you decline, say why"
        hint="The employer's HR read this. At most 1,000 characters."
      />
      <button type="submit" className="button">
        Send your answer
      </button>
    </Form>
  );
}

export default function SharedRole() {
  const { vacancy, access, shares, employer, employedBy, canAnswer, history } = useLoaderData<typeof loader>();
  const answerable = shares.filter((s) => s.answerable);
  return (
    <>
      <p>
        {access === "manager" ? (
          <Link to={`/hr/vacancies/${vacancy.id}`}>Back to {vacancy.title}</Link>
        ) : (
          <Link to="/hr/vacancies/shares">Roles shared with your schools</Link>
        )}
      </p>
      <span className="caption">A role shared with {access === "manager" ? "other employers" : "your school"}</span>
      <h1>{vacancy.title}</h1>
      <p>
        <StatusTag status={vacancy.status} /> {employedBy}.
      </p>
      {access === "partner" ? (
        <p>
          You can read this vacancy and answer for your school's share. {employer}'s HR write the advert, set the pay
          and publish it, once every other employer's school has confirmed its share.
        </p>
      ) : null}

      <h2>The shares</h2>
      <SharesTable shares={shares} />

      {answerable.length > 0 ? (
        canAnswer.ok ? (
          answerable.map((s) => <AnswerForm key={s.schoolId} share={s} employer={employer} />)
        ) : (
          <p>{canAnswer.message}.</p>
        )
      ) : null}

      <h2>The advert so far</h2>
      <div className="panel">
        <Advert vacancy={vacancy} level={3} employedBy={employedBy} />
      </div>

      <h2>History</h2>
      <VacancyHistory history={history} />
    </>
  );
}
