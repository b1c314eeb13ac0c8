import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { agreementFromForm, agreementYears } from "../placements/actions.server";
import { agreementsOf, partnersFor } from "../placements/agreements.server";
import { AgreementsPanel } from "../placements/components/agreements-panel";
import type { FormReply } from "../components/intent-forms.server";
import { requireCoordinator } from "../placements/guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.provider.name ?? "Provider"}: placement agreements – Staffroom` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider } = await requireCoordinator(request, params.slug);
  const [agreements, partners] = await Promise.all([
    agreementsOf(db(), { providerId: provider.id }),
    partnersFor(db(), { providerId: provider.id }),
  ]);
  return json({ provider, agreements, partners, years: agreementYears() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, provider } = await requireCoordinator(request, params.slug);
  const formData = await request.formData();
  const back = `/placements/providers/${provider.slug}/agreements`;
  const answer = await agreementFromForm(request, formData, { userId: user.id, side: "provider" }, provider.id, back);
  if (!answer) throw notFound();
  return answer;
}

export default function ProviderAgreements() {
  const { provider, agreements, partners, years } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  return (
    <>
      <p>
        <Link to={`/placements/providers/${provider.slug}`}>All trainees of {provider.name}</Link>
      </p>
      <h1>{provider.name}: placement agreements</h1>
      <AgreementsPanel side="provider" agreements={agreements} partners={partners} years={years} reply={reply} />
    </>
  );
}
