import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { SchoolMap } from "../components/school-map";
import { formatMiles } from "../vocabulary/distance";
import { findSchoolByUrn, nearestSchools } from "../schools/queries.server";
import { LiveVacancyList } from "../vacancies/components/live-list";
import { liveVacanciesAtSchool } from "../vacancies/public.server";
import { phaseInWords, schoolLead, typeInWords } from "../schools/describe";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.school.name} – Staffroom` : "School not found – Staffroom" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const urn = /^\d{1,7}$/.test(params.urn ?? "") ? Number(params.urn) : null;
  const school = urn === null ? null : await findSchoolByUrn(db(), urn);
  if (!school) throw notFound();
  const located = school.lat !== null && school.lng !== null;
  const [neighbours, vacancies] = await Promise.all([
    located ? nearestSchools(db(), { id: school.id, lat: school.lat!, lng: school.lng! }) : Promise.resolve([]),
    liveVacanciesAtSchool(db(), school.id),
  ]);
  return json({ school, neighbours: neighbours.map((n) => ({ ...n, distance: formatMiles(n.metres) })), vacancies });
}

export default function SchoolPage() {
  const { school, neighbours, vacancies } = useLoaderData<typeof loader>();
  const ages =
    school.statutoryLowAge !== null && school.statutoryHighAge !== null
      ? `${school.statutoryLowAge} to ${school.statutoryHighAge}`
      : null;
  return (
    <>
      <h1>{school.name}</h1>
      <p className="lead">{schoolLead(school)}</p>
      <dl className="summary">
        <dt>URN</dt>
        <dd>{school.urn}</dd>
        {phaseInWords(school.phase) ? (
          <>
            <dt>Phase</dt>
            <dd>{phaseInWords(school.phase)}</dd>
          </>
        ) : null}
        {typeInWords(school) ? (
          <>
            <dt>Type</dt>
            <dd>{typeInWords(school)}</dd>
          </>
        ) : null}
        {ages ? (
          <>
            <dt>Ages</dt>
            <dd>{ages}</dd>
          </>
        ) : null}
        <dt>Run by</dt>
        <dd>
          {school.trustName && school.trustSlug ? (
            <Link to={`/trusts/${school.trustSlug}`}>{school.trustName}</Link>
          ) : (
            `Maintained by ${school.laName}`
          )}
        </dd>
        <dt>Local authority</dt>
        <dd>
          {school.laName} ({school.laCode})
        </dd>
        {school.partnershipName ? (
          <>
            <dt>Partnership</dt>
            <dd>{school.partnershipName}</dd>
          </>
        ) : null}
        {school.postcode ? (
          <>
            <dt>Postcode</dt>
            <dd>{school.postcode}</dd>
          </>
        ) : null}
        {school.pupils !== null ? (
          <>
            <dt>Pupils</dt>
            <dd>{school.pupils.toLocaleString("en-GB")}</dd>
          </>
        ) : null}
        {school.religiousCharacter ? (
          <>
            <dt>Religious character</dt>
            <dd>{school.religiousCharacter}</dd>
          </>
        ) : null}
        {school.website ? (
          <>
            <dt>Website</dt>
            <dd>
              <a
                href={/^https?:\/\//.test(school.website) ? school.website : `https://${school.website}`}
                rel="noopener noreferrer"
              >
                {school.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>Vacancies</h2>
      <LiveVacancyList vacancies={vacancies} emptyText={`${school.name} has no live vacancies at the moment.`} />

      {school.lat !== null && school.lng !== null ? (
        <>
          <h2>Location and nearest schools</h2>
          <SchoolMap
            title={`${school.name} and its ${neighbours.length} nearest schools`}
            points={[
              { id: String(school.urn), label: school.name, lat: school.lat, lng: school.lng, highlight: true },
              ...neighbours.map((n) => ({ id: String(n.urn), label: n.name, lat: n.lat, lng: n.lng })),
            ]}
          />
          <ol>
            {neighbours.map((n) => (
              <li key={n.urn}>
                <Link to={`/schools/${n.urn}`}>{n.name}</Link>: {n.distance}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p className="small">
        Source: {school.source}
        {school.sourceDate ? `, ${school.sourceDate}` : ""}. Contains public sector information licensed under the Open
        Government Licence v3.0.
      </p>
    </>
  );
}
