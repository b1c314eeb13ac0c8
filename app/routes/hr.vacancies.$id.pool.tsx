import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { redirectWithFlash } from "../components/actions.server";
import { FORM_FAILED } from "../components/error-summary";
import { ErrorSummary, Input, Select } from "../components/intent-fields";
import { invalidForm, refused, type FormReply } from "../components/intent-forms.server";
import { fieldErrorsOf } from "../forms/outcome";
import { poolShareSchema } from "../pool/matching/schemas";
import { shareableRounds, shareOf, shareWithPool } from "../pool/matching/vacancy-share.server";
import { db, enqueue } from "../services.server";
import { requireManagedVacancy } from "../vacancies/guards.server";
import { formatLondon } from "../vocabulary/london-time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Share with the pool first: ${data?.vacancy.title ?? "vacancy"} – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, vacancy } = await requireManagedVacancy(request, params.id);
  const [rounds, share] = await Promise.all([shareableRounds(db(), user.id, vacancy.id), shareOf(db(), vacancy.id)]);
  return json({ vacancy: { id: vacancy.id, title: vacancy.title, status: vacancy.status }, rounds, share });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, vacancy } = await requireManagedVacancy(request, params.id);
  const formData = await request.formData();
  const parsed = poolShareSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidForm("pool-share", fieldErrorsOf(parsed.error), formData);
  const outcome = await shareWithPool(db(), user.id, vacancy.id, parsed.data, { enqueue: enqueue() });
  if (!outcome.ok) return refused("pool-share", outcome, formData);
  return redirectWithFlash(request, `/hr/vacancies/${vacancy.id}/pool`, {
    kind: "success",
    message: `Shared with the pool. Everyone can see it from ${formatLondon(outcome.publicFrom)}.`,
  });
}

export default function PoolShare() {
  const { vacancy, rounds, share } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply & { [FORM_FAILED]?: true }>();
  return (
    <>
      <p>
        <Link to={`/hr/vacancies/${vacancy.id}`}>Back to the vacancy</Link>
      </p>
      <h1>Share with the pool first: {vacancy.title}</h1>
      <p>
        Members of a regional pool your school takes part in, whose preferences match, see the vacancy for a few days
        before everyone else. It is always published: it is scheduled to go live for everyone when those days end.
      </p>
      {share ? (
        <p>
          Shared with the {share.roundName}. Everyone can see it from {formatLondon(share.publicFrom)}.
        </p>
      ) : vacancy.status !== "draft" && vacancy.status !== "scheduled" ? (
        <p>Only a draft or a scheduled vacancy can be shared with the pool first.</p>
      ) : rounds.length === 0 ? (
        <p>None of this vacancy&rsquo;s schools where you are HR takes part in an open pool round.</p>
      ) : (
        <Form method="post">
          <ErrorSummary reply={reply} prefix="pool-share" />
          <Select
            prefix="pool-share"
            name="roundId"
            label="Pool round"
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
            reply={reply}
          />
          <Input
            prefix="pool-share"
            name="days"
            label="Days before everyone can see it"
            hint="From 1 to 14"
            type="number"
            defaultValue="7"
            reply={reply}
          />
          <button type="submit">Share with the pool</button>
        </Form>
      )}
    </>
  );
}
