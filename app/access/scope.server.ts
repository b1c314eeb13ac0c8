import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import type { Role, Scope } from "../vocabulary/roles";

/**
 * The one statement of who may act where. Every query that reads or writes organisation data puts one of
 * these fragments in its WHERE clause; nothing else in the app writes this SQL.
 *
 * A membership with role R grants R
 * - over a school when it is held at the school, at the school's trust, or at the school's local authority
 *   if the school is maintained (has no trust); a partnership admin's membership also grants over every school
 *   of the partnership;
 * - over an organisation when it is held there; a partnership admin's over every organisation of the partnership;
 * - over a partnership when it is held there.
 *
 * The id lists are UNIONs of index-friendly branches rather than one OR-join: wrapped in `= ANY(ARRAY(…))` they
 * run once as an InitPlan (see docs/performance.md).
 */

const PARTNERSHIP_ADMIN: Role = "partnership_admin";

function roleIn(alias: SQL, roles: readonly Role[]): SQL {
  if (roles.length === 0) throw new Error("scope: at least one role is needed");
  return sql`${alias}.role IN (${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )})`;
}

const m = sql.raw("m");

/** Ids of the schools where `userId` holds one of `roles` (directly, via trust or LA, or as partnership admin). */
export function schoolIdsWhereUserHolds(userId: string, roles: readonly Role[]): SQL {
  const branches = [
    sql`SELECT m.school_id FROM memberships m
         WHERE m.user_id = ${userId} AND ${roleIn(m, roles)} AND m.school_id IS NOT NULL`,
    sql`SELECT s.id FROM schools s JOIN memberships m ON m.organisation_id = s.trust_id
         WHERE m.user_id = ${userId} AND ${roleIn(m, roles)}`,
    sql`SELECT s.id FROM schools s JOIN organisations o ON o.kind = 'local_authority' AND o.la_code = s.la_code
          JOIN memberships m ON m.organisation_id = o.id
         WHERE m.user_id = ${userId} AND ${roleIn(m, roles)} AND s.trust_id IS NULL`,
  ];
  if (roles.includes(PARTNERSHIP_ADMIN)) {
    branches.push(sql`SELECT s.id FROM schools s JOIN memberships m ON m.partnership_id = s.partnership_id
         WHERE m.user_id = ${userId} AND m.role = ${PARTNERSHIP_ADMIN}`);
  }
  return sql.join(branches, sql` UNION `);
}

/** Ids of the organisations where `userId` holds one of `roles` (there, or as admin of its partnership). */
export function organisationIdsWhereUserHolds(userId: string, roles: readonly Role[]): SQL {
  const branches = [
    sql`SELECT m.organisation_id FROM memberships m
         WHERE m.user_id = ${userId} AND ${roleIn(m, roles)} AND m.organisation_id IS NOT NULL`,
  ];
  if (roles.includes(PARTNERSHIP_ADMIN)) {
    branches.push(sql`SELECT o.id FROM organisations o JOIN memberships m ON m.partnership_id = o.partnership_id
         WHERE m.user_id = ${userId} AND m.role = ${PARTNERSHIP_ADMIN}`);
  }
  return sql.join(branches, sql` UNION `);
}

/** Ids of the partnerships where `userId` holds one of `roles`. */
export function partnershipIdsWhereUserHolds(userId: string, roles: readonly Role[]): SQL {
  return sql`SELECT m.partnership_id FROM memberships m
              WHERE m.user_id = ${userId} AND ${roleIn(m, roles)} AND m.partnership_id IS NOT NULL`;
}

/** A boolean SQL expression: `userId` holds one of `roles` over `scope`. */
export function holdsRole(userId: string, roles: readonly Role[], scope: Scope): SQL {
  switch (scope.kind) {
    case "school":
      return sql`(${scope.schoolId}::text IN (${schoolIdsWhereUserHolds(userId, roles)}))`;
    case "organisation":
      return sql`(${scope.organisationId}::text IN (${organisationIdsWhereUserHolds(userId, roles)}))`;
    case "partnership":
      return sql`(${scope.partnershipId}::text IN (${partnershipIdsWhereUserHolds(userId, roles)}))`;
  }
}

/** A boolean SQL expression: `userId` holds one of `roles` somewhere, whatever the scope. */
export function holdsRoleAnywhere(userId: string, roles: readonly Role[]): SQL {
  return sql`EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ${userId} AND ${roleIn(m, roles)})`;
}

export async function hasRole(db: Executor, userId: string, role: Role | Role[], scope: Scope): Promise<boolean> {
  const roles = Array.isArray(role) ? role : [role];
  const [row] = parseRows(
    await db.execute(sql`SELECT ${holdsRole(userId, roles, scope)} AS held`),
    z.object({ held: z.boolean() }),
    "a role check",
  );
  return row?.held === true;
}

/**
 * A predicate over two row aliases: school `school` is one of organisation `organisation`'s schools (its trust's
 * schools, or the maintained schools of a local authority).
 */
export function schoolOfOrganisation(school: string, organisation: string): SQL {
  const s = sql.raw(school);
  const o = sql.raw(organisation);
  return sql`(${s}.trust_id = ${o}.id
              OR (${o}.kind = 'local_authority' AND ${s}.la_code = ${o}.la_code AND ${s}.trust_id IS NULL))`;
}

/**
 * A predicate over two row aliases, read from the school's side: membership `membership` acts for school `school`.
 * Every role held at the school counts; a role held at the school's trust or local authority counts when it is one
 * of `inheritedRoles` (a trust's teacher is not staff of each of its schools; its HR is). Partnership-wide roles
 * are not staff of a school.
 */
export function membershipActsForSchool(membership: string, school: string, inheritedRoles: readonly Role[]): SQL {
  const mm = sql.raw(membership);
  const s = sql.raw(school);
  return sql`(${mm}.school_id = ${s}.id
              OR (${roleIn(mm, inheritedRoles)} AND ${mm}.organisation_id IN (
                    SELECT o.id FROM organisations o WHERE ${schoolOfOrganisation(school, "o")})))`;
}

/**
 * The same rule read from the other end: ids of the users who hold one of `roles` over `scope` (at the school, its
 * trust or, if maintained, its LA; at the organisation; at the partnership; and, when `roles` includes it, as admin
 * of the partnership). Who to tell or offer as a choice (a school's mentors, a provider's coordinators).
 */
export function userIdsWhoHold(roles: readonly Role[], scope: Scope): SQL {
  const admins = roles.includes(PARTNERSHIP_ADMIN);
  switch (scope.kind) {
    case "school":
      return sql`SELECT DISTINCT m.user_id FROM memberships m JOIN schools s ON s.id = ${scope.schoolId}
                  WHERE ${roleIn(m, roles)}
                    AND (m.school_id = s.id
                         OR m.organisation_id IN (SELECT o.id FROM organisations o WHERE ${schoolOfOrganisation("s", "o")})
                         ${admins ? sql`OR (m.role = ${PARTNERSHIP_ADMIN} AND m.partnership_id = s.partnership_id)` : sql``})`;
    case "organisation":
      return sql`SELECT DISTINCT m.user_id FROM memberships m JOIN organisations o ON o.id = ${scope.organisationId}
                  WHERE ${roleIn(m, roles)}
                    AND (m.organisation_id = o.id
                         ${admins ? sql`OR (m.role = ${PARTNERSHIP_ADMIN} AND m.partnership_id = o.partnership_id)` : sql``})`;
    case "partnership":
      return sql`SELECT DISTINCT m.user_id FROM memberships m
                  WHERE ${roleIn(m, roles)} AND m.partnership_id = ${scope.partnershipId}`;
  }
}
