import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireMembership, requireUser } from "../auth/guards.server";
import { academicYearLabel, planningYear } from "../placements/academic-year";
import { findPartnership } from "../partnerships/queries.server";
import { seasonOf } from "../placements/season.server";
import { subjectLabel } from "../vocabulary/subjects";

export const meta: MetaFunction = () => [{ title: "Placement season – Staffroom" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const found = await findPartnership(db(), params.slug ?? "");
  if (!found) throw notFound();
  const partnership = { id: found.id, name: found.name };
  await requireMembership(request, "partnership_admin", { kind: "partnership", partnershipId: partnership.id });
  const url = new URL(request.url);
  const asked = Number(url.searchParams.get("year"));
  // The year being planned, as on the schools' and providers' pages: from May, the next year's season.
  const year = Number.isInteger(asked) && asked > 2000 && asked < 2100 ? asked : planningYear();
  const season = await seasonOf(db(), partnership.id, year);
  return json({ partnership, year, yearLabel: academicYearLabel(year), ...season });
}

export default function Season() {
  const { partnership, yearLabel, lines, gaps } = useLoaderData<typeof loader>();
  const total = lines.reduce((t, l) => ({ places: t.places + l.places, filled: t.filled + l.filled }), {
    places: 0,
    filled: 0,
  });
  return (
    <>
      <h1>
        {partnership.name}: placements in {yearLabel}
      </h1>
      <p className="lead">
        {total.filled} of {total.places} places filled; {total.places - total.filled} left.
      </p>
      <table>
        <caption>Offers by phase and subject</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Subject</th>
            <th scope="col">Offers</th>
            <th scope="col">Places</th>
            <th scope="col">Filled</th>
            <th scope="col">Left</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.phase}-${l.subject}`}>
              <th scope="row">{l.phase}</th>
              <td>{l.subject ? subjectLabel(l.subject) : "—"}</td>
              <td>{l.offers}</td>
              <td>{l.places}</td>
              <td>{l.filled}</td>
              <td>{l.left}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Trainees without a second school ({gaps.length})</h2>
      <ul>
        {gaps.map((g) => (
          <li key={g.id}>
            {g.name} ({g.providerName}): {g.schools === 0 ? "no school yet" : "one school so far"}
          </li>
        ))}
      </ul>
    </>
  );
}
