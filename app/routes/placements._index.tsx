import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { requireUser } from "../auth/guards.server";
import { listMemberships } from "../memberships/queries.server";
import { hostSchoolsOf, ownTrainee, providersOf } from "../placements/access.server";

export const meta: MetaFunction = () => [{ title: "Placements – Staffroom" }];

/** Where each of the user's placement roles is worked from. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUser(request);
  const [trainee, providers, schools, memberships] = await Promise.all([
    ownTrainee(db(), user.id),
    providersOf(db(), user.id),
    hostSchoolsOf(db(), user.id),
    listMemberships(db(), user.id),
  ]);
  const partnerships = memberships
    .filter((m) => m.role === "partnership_admin" && m.scopeKind === "partnership")
    .map((m) => ({ slug: m.scopeSlug, name: m.scopeName }));
  return json({ trainee: Boolean(trainee), providers, schools, partnerships });
}

export default function Placements() {
  const { trainee, providers, schools, partnerships } = useLoaderData<typeof loader>();
  const nothing = !trainee && providers.length === 0 && schools.length === 0 && partnerships.length === 0;
  return (
    <>
      <h1>Placements</h1>
      <p className="lead">
        Trainee teachers' school placements across the area: real dates, places that cannot be overbooked, and a mentor
        for every placement.
      </p>
      {nothing ? (
        <p>
          You have no placement role. Trainees are registered by their ITT provider; schools publish offers through
          their HR staff.
        </p>
      ) : null}
      <ul className="link-list">
        {trainee ? (
          <li>
            <Link to="/placements/mine">Your rotation</Link>
          </li>
        ) : null}
        {providers.map((p) => (
          <li key={p.id}>
            <Link to={`/placements/providers/${p.slug}`}>{p.name}: trainees and rotations</Link>
          </li>
        ))}
        {schools.map((s) => (
          <li key={s.id}>
            <Link to={`/placements/schools/${s.urn}`}>{s.name}: offers and requests</Link>
          </li>
        ))}
        {partnerships.map((p) => (
          <li key={p.slug}>
            <Link to={`/placements/season/${p.slug}`}>{p.name}: the season at a glance</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
