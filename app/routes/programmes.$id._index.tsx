import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, Input, replyFor, Select } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { programmeFormAction } from "../programmes/actions.server";
import { cohortsOf, facilitatorsOf, managedProgramme, strandsOf } from "../programmes/programmes.server";
import { db } from "../services.server";
import { academicYearOf } from "../vocabulary/academic-years";
import { programmeKindLabels, termLabels, terms } from "../vocabulary/programmes";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.programme.name ?? "Programme"} – Staffroom` },
];

async function load(request: Request, id: string | undefined) {
  const { user } = await requireUser(request);
  const programme = await managedProgramme(db(), user.id, id ?? "");
  if (!programme) throw notFound();
  return { user, programme };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme } = await load(request, params.id);
  const [strands, facilitators, cohorts] = await Promise.all([
    strandsOf(db(), programme.id),
    facilitatorsOf(db(), programme.id),
    cohortsOf(db(), programme.id),
  ]);
  const thisYear = academicYearOf(new Date().toISOString().slice(0, 10));
  return json({ programme, strands, facilitators, cohorts, years: [thisYear - 1, thisYear, thisYear + 1] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, programme } = await load(request, params.id);
  const answer = await programmeFormAction(request, await request.formData(), user.id, programme.id);
  if (!answer) throw notFound();
  return answer;
}

const yearLabel = (y: number) => `${y}/${String(y + 1).slice(2)}`;

export default function ProgrammePage() {
  const { programme, strands, facilitators, cohorts, years } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const strandReply = replyFor(data, "strand");
  const facilitatorReply = replyFor(data, "facilitator");
  const cohortReply = replyFor(data, "cohort");
  return (
    <>
      <p>
        <Link to="/programmes">All programmes</Link>
      </p>
      <h1>{programme.name}</h1>
      <p>
        {programmeKindLabels[programme.kind]}, run by {programme.runnerName}
        {programme.leadProvider
          ? `. Lead provider: ${programme.leadProvider}; delivery partner: ${programme.deliveryPartner ?? "none"}`
          : ""}
        .
      </p>

      <h2>Cohorts</h2>
      {cohorts.length === 0 ? (
        <p>No cohorts yet.</p>
      ) : (
        <ul>
          {cohorts.map((c) => (
            <li key={c.id}>
              <Link to={`/programmes/${programme.id}/cohorts/${c.id}`}>{c.name}</Link>: starts {termLabels[c.startTerm]}{" "}
              {yearLabel(c.academicYear)}; {c.sessions} session{c.sessions === 1 ? "" : "s"}, {c.enrolled} ECT
              {c.enrolled === 1 ? "" : "s"} enrolled
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="panel" noValidate>
        <h3>Add a cohort</h3>
        <ErrorSummary reply={cohortReply} prefix="cohort" />
        <input type="hidden" name="intent" value="cohort" />
        <Select
          prefix="cohort"
          name="academicYear"
          label="Academic year"
          options={years.map((y) => ({ value: String(y), label: yearLabel(y) }))}
          reply={cohortReply}
          defaultValue={String(years[1])}
        />
        <Select
          prefix="cohort"
          name="startTerm"
          label="Starts in"
          options={terms.map((t) => ({ value: t, label: `${termLabels[t]} term` }))}
          reply={cohortReply}
        />
        <Input
          prefix="cohort"
          name="name"
          label="Name (optional)"
          reply={cohortReply}
          hint="For example 2026/27 autumn start"
        />
        <button type="submit" className="button">
          Add the cohort
        </button>
      </Form>

      <h2>Strands</h2>
      <ul>
        {strands.map((s) => (
          <li key={s.id}>{s.name}</li>
        ))}
      </ul>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={strandReply} prefix="strand" />
        <input type="hidden" name="intent" value="strand" />
        <Input prefix="strand" name="name" label="Add a strand of the programme's own" reply={strandReply} />
        <button type="submit" className="button button--secondary">
          Add the strand
        </button>
      </Form>

      <h2>Facilitators</h2>
      {facilitators.length === 0 ? (
        <p>No facilitators yet. The programme&apos;s leads can take registers themselves.</p>
      ) : (
        <ul>
          {facilitators.map((f) => (
            <li key={f.id}>
              {f.name} ({f.email})
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={facilitatorReply} prefix="facilitator" />
        <input type="hidden" name="intent" value="facilitator" />
        <Input
          prefix="facilitator"
          name="email"
          label="Facilitator's e-mail address"
          type="email"
          reply={facilitatorReply}
          hint="Someone with a Staffroom account: they run sessions and take their registers"
          autoComplete="off"
        />
        <button type="submit" className="button button--secondary">
          Add the facilitator
        </button>
      </Form>
    </>
  );
}
