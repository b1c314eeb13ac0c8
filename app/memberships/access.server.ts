import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { memberships, organisations, schools } from "../../db/schema";
import type { Role, Scope } from "./roles";

/**
 * The WHERE clause for "this membership grants one of `roles` over `scope`":
 * - at a school: held at the school, at its trust, at its local authority (maintained schools only),
 *   or, for partnership admins, across the school's partnership;
 * - at an organisation: held there, or by a partnership admin of its partnership;
 * - at a partnership: held there.
 */
function grants(scope: Scope): SQL {
  switch (scope.kind) {
    case "school":
      return or(
        eq(memberships.schoolId, scope.schoolId),
        sql`${memberships.organisationId} IN (
          SELECT ${schools.trustId} FROM ${schools} WHERE ${schools.id} = ${scope.schoolId} AND ${schools.trustId} IS NOT NULL
          UNION
          SELECT ${organisations.id} FROM ${organisations} JOIN ${schools} ON ${schools.laCode} = ${organisations.laCode}
           WHERE ${schools.id} = ${scope.schoolId} AND ${schools.trustId} IS NULL AND ${organisations.kind} = 'local_authority')`,
        and(
          eq(memberships.role, "partnership_admin"),
          sql`${memberships.partnershipId} = (SELECT ${schools.partnershipId} FROM ${schools} WHERE ${schools.id} = ${scope.schoolId})`,
        ),
      )!;
    case "organisation":
      return or(
        eq(memberships.organisationId, scope.organisationId),
        and(
          eq(memberships.role, "partnership_admin"),
          sql`${memberships.partnershipId} = (SELECT ${organisations.partnershipId} FROM ${organisations} WHERE ${organisations.id} = ${scope.organisationId})`,
        ),
      )!;
    case "partnership":
      return and(eq(memberships.partnershipId, scope.partnershipId), isNull(memberships.schoolId))!;
  }
}

export async function hasRole(db: Executor, userId: string, role: Role | Role[], scope: Scope): Promise<boolean> {
  const wanted = Array.isArray(role) ? role : [role];
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, wanted), grants(scope)))
    .limit(1);
  return rows.length > 0;
}

export type MembershipSummary = {
  id: string;
  role: Role;
  scopeKind: Scope["kind"];
  scopeId: string;
  scopeName: string;
  scopeSlug: string | null;
};

/** A user's memberships with the names of the places they are held at, for navigation and accounts. */
export async function listMemberships(db: Executor, userId: string): Promise<MembershipSummary[]> {
  const rows = await db.execute(sql`
    SELECT m.id, m.role, m.scope_kind AS "scopeKind",
           coalesce(m.school_id, m.organisation_id, m.partnership_id) AS "scopeId",
           coalesce(s.name, o.name, p.name) AS "scopeName",
           coalesce(s.urn::text, o.slug, p.slug) AS "scopeSlug"
      FROM memberships m
      LEFT JOIN schools s ON s.id = m.school_id
      LEFT JOIN organisations o ON o.id = m.organisation_id
      LEFT JOIN partnerships p ON p.id = m.partnership_id
     WHERE m.user_id = ${userId}
     ORDER BY m.created_at`);
  return rowsOf<MembershipSummary>(rows);
}
