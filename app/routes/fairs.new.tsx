import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "../auth/guards.server";
import { replyFor } from "../components/intent-fields";
import type { FormReply } from "../components/intent-forms.server";
import { createFairFromForm } from "../fairs/actions.server";
import { FairForm } from "../fairs/components/fair-form";
import { adminPartnerships, fairFormOptions } from "../fairs/fairs.server";
import { db } from "../services.server";

export const meta: MetaFunction = () => [{ title: "Set up a recruitment fair – Staffroom" }];

async function partnershipFor(request: Request) {
  const { user } = await requireUser(request);
  const partnerships = await adminPartnerships(db(), user.id);
  const wanted = new URL(request.url).searchParams.get("partnership");
  const partnership = partnerships.find((p) => p.value === wanted) ?? (wanted ? undefined : partnerships[0]);
  if (!partnership) throw notFound();
  return { user, partnership };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { partnership } = await partnershipFor(request);
  return json({ partnership, options: await fairFormOptions(db(), partnership.value) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUser(request);
  return createFairFromForm(request, await request.formData(), user.id);
}

export default function NewFair() {
  const { partnership, options } = useLoaderData<typeof loader>();
  const data = useActionData<FormReply>();
  return (
    <>
      <h1>Set up a recruitment fair</h1>
      <p>
        For {partnership.label}. You add the schools taking part next; each school&apos;s HR then add their roles and
        meetings.
      </p>
      <FairForm
        reply={replyFor(data, "fair")}
        options={options}
        partnershipId={partnership.value}
        submitLabel="Set up the fair"
      />
    </>
  );
}
