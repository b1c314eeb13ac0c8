import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod";
import { db } from "../services.server";
import { notFound, requireMembership } from "../auth/guards.server";
import { MembersTable } from "../components/members-table";
import { Pagination } from "../components/pagination";
import { roleLabels, type Role } from "../vocabulary/roles";
import { organisationKindLabels } from "../vocabulary/organisation-kinds";
import { findPartnership, partnershipOverview } from "../partnerships/queries.server";
import { ScrollRegion } from "../components/scroll-region";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.partnership.name} – admin – Staffroom` : "Staffroom" },
];

const PAGE_SIZE = 50;
// Stale or hostile page numbers fall back to the first page.
const query = z.object({
  schoolsPage: z.coerce.number().int().min(1).max(10_000).catch(1),
  membersPage: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const partnership = await findPartnership(db(), (params.slug ?? "").slice(0, 200));
  if (!partnership) throw notFound();
  const { user } = await requireMembership(request, "partnership_admin", {
    kind: "partnership",
    partnershipId: partnership.id,
  });
  const url = new URL(request.url);
  const q = query.parse(Object.fromEntries(url.searchParams));
  const overview = await partnershipOverview(db(), user.id, partnership.id, {
    schools: { page: q.schoolsPage, pageSize: PAGE_SIZE },
    members: { page: q.membersPage, pageSize: PAGE_SIZE },
  });
  return json({
    partnership,
    ...overview,
    paging: { ...q, pageSize: PAGE_SIZE, search: url.searchParams.toString() },
    organisations: overview.organisations.map((o) => ({ ...o, kindLabel: organisationKindLabels[o.kind] ?? o.kind })),
    members: overview.members.map((m) => ({ ...m, role: roleLabels[m.role as Role] ?? m.role })),
  });
}

export default function PartnershipAdmin() {
  const { partnership, schools, schoolCount, organisations, members, memberCount, paging } =
    useLoaderData<typeof loader>();
  // Two paged lists: each keeps the other's page, lands back on its own heading and has its own label.
  const pager = (param: "membersPage" | "schoolsPage", count: number, list: "members" | "schools") => (
    <Pagination
      page={paging[param]}
      pages={Math.max(1, Math.ceil(count / paging.pageSize))}
      search={paging.search}
      param={param}
      label={`Pages of ${list}`}
      hash={list}
    />
  );
  return (
    <>
      <h1>{partnership.name}</h1>
      <p>
        <Link to={`/admin/${partnership.slug}/pay-policy`}>Pay policy</Link> ·{" "}
        <Link to={`/pay/${partnership.slug}`}>The area's pay page</Link>
      </p>
      <p className="lead">{partnership.region}</p>
      <p>
        <Link to={`/invitations/new?scope=partnership&id=${partnership.id}`}>
          Invite another partnership administrator
        </Link>
      </p>

      <h2>Organisations ({organisations.length})</h2>
      <ScrollRegion label={"Organisations in the partnership"}>
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
      </ScrollRegion>

      <h2 id="members">Members ({memberCount})</h2>
      {members.length === 0 ? (
        <p>
          {memberCount === 0
            ? "Nobody has a role in the partnership yet."
            : "There are no more members: go back a page."}
        </p>
      ) : (
        <MembersTable
          caption="Everyone with a role in the partnership"
          captionHidden
          members={members.map((m) => ({ ...m, key: m.id }))}
        />
      )}
      {pager("membersPage", memberCount, "members")}

      <h2 id="schools">Schools ({schoolCount})</h2>
      {schools.length === 0 ? (
        <p>
          {schoolCount === 0 ? "The partnership has no schools yet." : "There are no more schools: go back a page."}
        </p>
      ) : (
        <ScrollRegion label={"Schools in the partnership"}>
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
                    </Link>{" "}
                    ·{" "}
                    <Link to={`/invitations/new?scope=school&id=${s.id}`}>
                      Invite HR staff<span className="visually-hidden"> to {s.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {pager("schoolsPage", schoolCount, "schools")}
    </>
  );
}
