import { sql, type SQL } from "drizzle-orm";
import { executePlannedOnce, type Executor } from "../../db/client";
import { alias } from "drizzle-orm/pg-core";
import { parseRows } from "../../db/rows";
import { memberships, organisations, schools } from "../../db/schema";
import { z } from "../forms/zod";
import { organisationIdsWhereUserHolds, schoolIdsWhereUserHolds } from "../access/scope.server";
import type { Role } from "../vocabulary/roles";

const HR_ROLE: Role = "hr";
const HR: Role[] = [HR_ROLE];

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
    ${v}.owner_organisation_id = ANY(ARRAY(${hrOrganisationIds(userId)}))
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

/** Ids of the organisations (trusts, local authorities) a user holds hr for. */
export function hrOrganisationIds(userId: string): SQL {
  return organisationIdsWhereUserHolds(userId, HR);
}

/** Ids of the schools a user holds hr for. */
export function hrSchoolIds(userId: string): SQL {
  return schoolIdsWhereUserHolds(userId, HR);
}

export type PostingContext = { kind: "organisation" | "school"; id: string; name: string };

const postingContext = z.object({
  kind: z.enum(["organisation", "school"]),
  id: z.string(),
  name: z.string(),
}) satisfies z.ZodType<PostingContext>;

/** Where a user can post from: each organisation and each school at which they hold hr directly. */
export async function postingContexts(db: Executor, userId: string): Promise<PostingContext[]> {
  const m = alias(memberships, "m");
  const o = alias(organisations, "o");
  const s = alias(schools, "s");
  return parseRows(
    await db.execute(sql`
      SELECT 'organisation' AS kind, ${o.id}, ${o.name}
        FROM ${memberships} ${m} JOIN ${organisations} ${o} ON ${o.id} = ${m.organisationId}
       WHERE ${m.userId} = ${userId} AND ${m.role} = ${HR_ROLE}
      UNION ALL
      SELECT 'school' AS kind, ${s.id}, ${s.name} FROM ${memberships} ${m} JOIN ${schools} ${s} ON ${s.id} = ${m.schoolId}
       WHERE ${m.userId} = ${userId} AND ${m.role} = ${HR_ROLE}
      ORDER BY kind, name`),
    postingContext,
    "a user's posting contexts",
  );
}

export type PostableSchool = { id: string; urn: number; name: string; town: string | null };

const postableSchool = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  town: z.string().nullable(),
});

/**
 * Schools a vacancy owned by this user's HR role can be located at. Planned once per connection: it is on every
 * dashboard view, and its plan does not depend on who asks.
 */
export async function postableSchools(db: Executor, userId: string): Promise<PostableSchool[]> {
  return parseRows(
    await executePlannedOnce(
      db,
      sql`SELECT s.id, s.urn, s.name, s.town FROM schools s WHERE s.id IN (${hrSchoolIds(userId)}) ORDER BY s.name`,
    ),
    postableSchool,
    "the schools an HR user posts at",
  );
}
