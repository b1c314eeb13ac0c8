import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { organisationIdsWhereUserHolds, schoolIdsWhereUserHolds } from "../access/scope.server";
import type { Role } from "../vocabulary/roles";

const HR: Role[] = ["hr"];

/**
 * SQL for "the vacancy owners this user manages as HR": organisations where they hold hr, and schools
 * where they hold hr (app/access/scope.server.ts says how). Every HR query about vacancies puts this in its
 * WHERE clause.
 */
export function managedBy(userId: string, alias = "v"): SQL {
  const v = sql.raw(alias);
  // `= ANY(ARRAY(subquery))` makes each side an InitPlan evaluated once, so the owner indexes answer with a
  // BitmapOr; an OR of two `IN (subquery)` scans every vacancy (see docs/performance.md).
  return sql`(
    ${v}.owner_organisation_id = ANY(ARRAY(${organisationIdsWhereUserHolds(userId, HR)}))
    OR ${v}.owner_school_id = ANY(ARRAY(${hrSchoolIds(userId)}))
  )`;
}

/**
 * SQL for "vacancies another employer shares with this user": a school the user holds hr for takes a share of the
 * role and answers for it (docs/decisions/0022). Such HR read the vacancy and answer for their school; they never
 * change it.
 */
export function sharedWith(userId: string, alias = "v"): SQL {
  const v = sql.raw(alias);
  return sql`EXISTS (SELECT 1 FROM vacancy_share_confirmations c
                      WHERE c.vacancy_id = ${v}.id AND c.school_id = ANY(ARRAY(${hrSchoolIds(userId)})))`;
}

/** The vacancy's own HR, or HR of a school that takes a share of it: who may read it. */
export function involves(userId: string, alias = "v"): SQL {
  return sql`(${managedBy(userId, alias)} OR ${sharedWith(userId, alias)})`;
}

/** Ids of the schools a user holds hr for. */
export function hrSchoolIds(userId: string): SQL {
  return schoolIdsWhereUserHolds(userId, HR);
}

export type PostingContext = { kind: "organisation" | "school"; id: string; name: string };

/** Where a user can post from: each organisation and each school at which they hold hr directly. */
export async function postingContexts(db: Executor, userId: string): Promise<PostingContext[]> {
  return rowsOf<PostingContext>(
    await db.execute(sql`
      SELECT 'organisation' AS kind, o.id, o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
       WHERE m.user_id = ${userId} AND m.role = 'hr'
      UNION ALL
      SELECT 'school' AS kind, s.id, s.name FROM memberships m JOIN schools s ON s.id = m.school_id
       WHERE m.user_id = ${userId} AND m.role = 'hr'
      ORDER BY kind, name`),
  );
}

export type PostableSchool = { id: string; urn: number; name: string; town: string | null };

/** Schools a vacancy owned by this user's HR role can be located at. */
export async function postableSchools(db: Executor, userId: string): Promise<PostableSchool[]> {
  return rowsOf<PostableSchool>(
    await db.execute(sql`SELECT id, urn, name, town FROM schools WHERE id IN (${hrSchoolIds(userId)}) ORDER BY name`),
  );
}
