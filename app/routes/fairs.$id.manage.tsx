import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { ErrorSummary, Input, replyFor, Select } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { adminFair } from "../fairs/access.server";
import { manageFairAction } from "../fairs/actions.server";
import { FairForm } from "../fairs/components/fair-form";
import { fairFormOptions, fairFormValues, fairSchoolsWithRoles } from "../fairs/fairs.server";
import { fairWhen } from "../fairs/text";
import { db } from "../services.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Manage ${data?.fair.name ?? "the fair"} – Staffroom` },
];

async function load(request: Request, fairId: string | undefined) {
  const { user } = await requireUser(request);
  const fair = await adminFair(db(), user.id, fairId ?? "");
  if (!fair) throw notFound();
  return { user, fair };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair } = await load(request, params.id);
  const [options, schools] = await Promise.all([
    fairFormOptions(db(), fair.partnershipId),
    fairSchoolsWithRoles(db(), fair.id),
  ]);
  return json({ fair, values: fairFormValues(fair), options, schools });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, fair } = await load(request, params.id);
  const answer = await manageFairAction(request, await request.formData(), user.id, fair.id);
  if (!answer) throw notFound();
  return answer;
}

export default function ManageFair() {
  const { fair, values, options, schools } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  const schoolReply = replyFor(data, "school");
  const taking = new Set(schools.map((s) => s.id));
  return (
    <>
      <p>
        <Link to={`/fairs/${fair.id}`}>The fair&apos;s public page</Link>
      </p>
      <h1>{fair.name}</h1>
      <p>{fairWhen(fair.startsAt, fair.endsAt)}</p>
      <h2>Schools taking part</h2>
      <ErrorSummary reply={replyFor(data, "remove-school")} prefix="remove-school" />
      {schools.length === 0 ? <p>No schools yet.</p> : null}
      <ul>
        {schools.map((s) => (
          <li key={s.id}>
            {s.name}
            {s.stand ? ` (${s.stand})` : ""}: {s.roles.length} role{s.roles.length === 1 ? "" : "s"}{" "}
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="remove-school" />
              <input type="hidden" name="schoolId" value={s.id} />
              <button type="submit" className="button button--secondary">
                Remove<span className="visually-hidden"> {s.name}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="panel" noValidate>
        <ErrorSummary reply={schoolReply} prefix="school" />
        <input type="hidden" name="intent" value="school" />
        <Select
          prefix="school"
          name="schoolId"
          label="School"
          options={options.schools.filter((s) => !taking.has(s.value))}
          placeholder="Choose a school"
          reply={schoolReply}
        />
        <Input prefix="school" name="stand" label="Stand or room (optional)" reply={schoolReply} />
        <button type="submit" className="button">
          Add the school
        </button>
      </Form>
      <h2>The fair&apos;s details</h2>
      <FairForm reply={replyFor(data, "fair")} options={options} values={values} submitLabel="Save the details" />
    </>
  );
}
