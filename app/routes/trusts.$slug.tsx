import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { SchoolMap } from "../components/school-map";
import { organisationKindLabels } from "../vocabulary/organisation-kinds";
import { findOrganisation, schoolsOfOrganisation } from "../organisations/queries.server";
import { LiveVacancyList } from "../vacancies/components/live-list";
import { liveVacanciesForOrganisation } from "../vacancies/public.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organisation.name} – Staffroom` : "Not found – Staffroom" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const organisation = await findOrganisation(db(), (params.slug ?? "").slice(0, 200));
  if (!organisation) throw notFound();
  const [schoolList, vacancies] = await Promise.all([
    schoolsOfOrganisation(db(), organisation.id),
    liveVacanciesForOrganisation(db(), organisation.id),
  ]);
  return json({
    organisation: { ...organisation, kindLabel: organisationKindLabels[organisation.kind] ?? organisation.kind },
    schools: schoolList,
    vacancies,
  });
}

export default function TrustPage() {
  const { organisation, schools, vacancies } = useLoaderData<typeof loader>();
  const located = schools.filter((s) => s.lat !== null && s.lng !== null);
  return (
    <>
      <h1>{organisation.name}</h1>
      <p className="lead">
        {organisation.kindLabel}
        {organisation.partnershipName ? `, part of ${organisation.partnershipName}` : ""}
      </p>
      <h2>Vacancies</h2>
      <LiveVacancyList vacancies={vacancies} emptyText={`${organisation.name} has no live vacancies at the moment.`} />
      <h2>Schools ({schools.length})</h2>
      {located.length > 0 ? (
        <SchoolMap
          title={`Map of ${organisation.name}'s schools`}
          points={located.map((s) => ({ id: s.id, label: s.name, lat: s.lat!, lng: s.lng! }))}
        />
      ) : null}
      <ul>
        {schools.map((s) => (
          <li key={s.id}>
            <Link to={`/schools/${s.urn}`}>{s.name}</Link>, {s.phase}
            {s.town ? `, ${s.town}` : ""}
          </li>
        ))}
      </ul>
    </>
  );
}
