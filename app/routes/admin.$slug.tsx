import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime";
import { notFound, requireMembership } from "../auth/guards.server";
import { MembersTable } from "../components/members-table";
import { roleLabels, type Role } from "../memberships/roles";
import { findPartnership, partnershipOverview } from "../partnerships/queries.server";

const kindLabels: Record<string, string> = {
  academy_trust: "Academy trust",
  local_authority: "Local authority",
  itt_provider: "ITT provider",
  teaching_school_hub: "Teaching school hub",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.partnership.name} – admin – Staffroom` : "Staffroom" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const partnership = await findPartnership(db(), (params.slug ?? "").slice(0, 200));
  if (!partnership) throw notFound();
  await requireMembership(request, "partnership_admin", { kind: "partnership", partnershipId: partnership.id });
  const overview = await partnershipOverview(db(), partnership.id);
  return json({
    partnership,
    ...overview,
    organisations: overview.organisations.map((o) => ({ ...o, kindLabel: kindLabels[o.kind] ?? o.kind })),
    members: overview.members.map((m) => ({ ...m, role: roleLabels[m.role as Role] ?? m.role })),
  });
}

export default function PartnershipAdmin() {
  const { partnership, schools, organisations, members } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{partnership.name}</h1>
      <p className="lead">{partnership.region}</p>
      <p>
        <Link to={`/invitations/new?scope=partnership&id=${partnership.id}`}>Invite another partnership administrator</Link>
      </p>

      <h2>Organisations ({organisations.length})</h2>
      <table>
        <caption className="visually-hidden">Organisations in the partnership</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Schools</th>
            <th scope="col">Team</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={`/trusts/${o.slug}`}>{o.name}</Link>
              </td>
              <td>{o.kindLabel}</td>
              <td>{o.schools}</td>
              <td>
                <Link to={`/organisations/${o.slug}/team`}>Team</Link> ·{" "}
                <Link to={`/invitations/new?scope=organisation&id=${o.id}`}>
                  Invite HR staff<span className="visually-hidden"> to {o.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Members ({members.length})</h2>
      <MembersTable caption="Everyone with a role in the partnership" captionHidden members={members.map((m) => ({ ...m, key: m.id }))} />

      <h2>Schools ({schools.length})</h2>
      <table>
        <caption className="visually-hidden">Schools in the partnership</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Phase</th>
            <th scope="col">Run by</th>
            <th scope="col">Staff</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/schools/${s.urn}`}>{s.name}</Link>
              </td>
              <td>{s.phase}</td>
              <td>{s.trustName ?? s.laName}</td>
              <td>
                <Link to={`/schools/${s.urn}/admin`}>
                  Staff<span className="visually-hidden"> at {s.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
