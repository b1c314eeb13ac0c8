import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireMembership } from "../auth/guards.server";
import { pendingInvitations } from "../memberships/invitations.server";
import { MembersTable } from "../components/members-table";
import { roleLabels } from "../vocabulary/roles";
import { findOrganisation, schoolsOfOrganisation } from "../organisations/queries.server";
import { organisationTeam } from "../organisations/team.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Team – ${data?.organisation.name ?? "Staffroom"}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = await findOrganisation(db(), (params.slug ?? "").slice(0, 200));
  if (!organisation) throw notFound();
  await requireMembership(request, ["hr", "partnership_admin"], {
    kind: "organisation",
    organisationId: organisation.id,
  });
  const [team, schoolList, pending] = await Promise.all([
    organisationTeam(db(), organisation.id),
    schoolsOfOrganisation(db(), organisation.id),
    pendingInvitations(db(), { kind: "organisation", organisationId: organisation.id }),
  ]);
  return json({
    organisation: { id: organisation.id, name: organisation.name },
    team: team.map((m) => ({ ...m, role: roleLabels[m.role] })),
    schools: schoolList.map(({ id, urn, name }) => ({ id, urn, name })),
    pending: pending.map((p) => ({ ...p, role: roleLabels[p.role] })),
  });
}

export default function Team() {
  const { organisation, team, schools, pending } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organisation.name}: team</h1>
      <p>
        <Link className="button" to={`/invitations/new?scope=organisation&id=${organisation.id}`}>
          Invite a colleague to {organisation.name}
        </Link>
      </p>
      <MembersTable
        caption="People with a role here or at its schools"
        members={team.map((m) => ({ ...m, key: m.membershipId, where: m.place }))}
      />
      {pending.length > 0 ? (
        <>
          <h2>Invitations not yet accepted</h2>
          <ul>
            {pending.map((p) => (
              <li key={p.id}>
                {p.email}: {p.role.toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Invite someone to one of the schools</h2>
      {schools.length === 0 ? (
        <p>No schools are linked to {organisation.name} yet.</p>
      ) : (
        <ul>
          {schools.map((s) => (
            <li key={s.id}>
              <Link to={`/invitations/new?scope=school&id=${s.id}`}>Invite a colleague to {s.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
