import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../services.server";
import { notFound, requireMembership } from "../auth/guards.server";
import { MembersTable } from "../components/members-table";
import { roleLabels, type Role } from "../vocabulary/roles";
import { findSchoolByUrn, schoolStaff } from "../schools/queries.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Staff – ${data.school.name} – Staffroom` : "Staffroom" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const urn = /^\d{1,7}$/.test(params.urn ?? "") ? Number(params.urn) : null;
  const school = urn === null ? null : await findSchoolByUrn(db(), urn);
  if (!school) throw notFound();
  // HR of this school, its trust or its LA, or the partnership's admins; anyone else: 404.
  const { user } = await requireMembership(request, ["hr", "partnership_admin"], {
    kind: "school",
    schoolId: school.id,
  });
  const staff = await schoolStaff(db(), user.id, school.id);
  return json({
    school: { id: school.id, urn: school.urn, name: school.name },
    staff: staff.map((s) => ({ ...s, role: roleLabels[s.role as Role] ?? s.role })),
  });
}

export default function SchoolAdmin() {
  const { school, staff } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/schools/${school.urn}`}>Back to {school.name}</Link>
      </p>
      <h1>{school.name}: staff</h1>
      <p>
        <Link className="button" to={`/invitations/new?scope=school&id=${school.id}`}>
          Invite a colleague
        </Link>
      </p>
      {staff.length === 0 ? (
        <p>Nobody has a role here yet.</p>
      ) : (
        <MembersTable
          caption={`People with a role at ${school.name}, or at the trust or authority that runs it`}
          members={staff.map((s) => ({ ...s, key: `${s.email}-${s.role}-${s.where}` }))}
        />
      )}
    </>
  );
}
