import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { membershipActsForSchool, schoolIdsWhereUserHolds } from "../access/scope.server";

export type SchoolListItem = {
  id: string;
  urn: number;
  name: string;
  phase: string;
  laName: string;
  town: string | null;
  postcode: string | null;
  lat: number | null;
  lng: number | null;
};

const schoolListRow = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  phase: z.string(),
  laName: z.string(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
}) satisfies z.ZodType<SchoolListItem>;

export type DirectoryFilters = { q?: string; la?: string; phase?: string };
export type DirectoryQuery = DirectoryFilters & { page: number; pageSize: number };

/** `%text%` for ILIKE, with the user's own %, _ and \ matched literally. */
function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The directory's WHERE clause; every value is a bound parameter. */
function directoryWhere(query: DirectoryFilters) {
  const pattern = query.q ? containsPattern(query.q) : null;
  return sql`TRUE
    ${pattern ? sql`AND (s.name ILIKE ${pattern} OR s.town ILIKE ${pattern} OR s.postcode ILIKE ${pattern})` : sql``}
    ${query.la ? sql`AND s.la_code = ${query.la}` : sql``}
    ${query.phase ? sql`AND s.phase = ${query.phase}` : sql``}`;
}

/**
 * The schools directory: name (trigram-indexed), town or postcode search, LA and phase filters, paged.
 * With a search, the closest names come first (trigram similarity), then alphabetical.
 */
export async function searchSchools(
  db: Executor,
  query: DirectoryQuery,
): Promise<{ rows: SchoolListItem[]; total: number }> {
  const where = directoryWhere(query);
  const order = query.q ? sql`similarity(s.name, ${query.q}) DESC, s.name` : sql`s.name`;
  const rows = parseRows(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.la_name AS "laName", s.town, s.postcode, s.lat, s.lng, count(*) OVER ()::int AS total
        FROM schools s WHERE ${where}
       ORDER BY ${order}, s.urn
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    schoolListRow.extend({ total: z.number().int() }),
    "the schools directory's page",
  );
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: no row carries the count, so ask for it (the page can then offer page 1).
    const [count] = parseRows(
      await db.execute(sql`SELECT count(*)::int AS total FROM schools s WHERE ${where}`),
      z.object({ total: z.number().int() }),
      "the schools directory's count",
    );
    return { rows: [], total: count?.total ?? 0 };
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** Points for the map view of a directory query (capped: a map of thousands of dots says little). */
export async function schoolPoints(db: Executor, query: DirectoryFilters, limit = 2000) {
  return parseRows(
    await db.execute(sql`
      SELECT s.urn, s.name, s.lat, s.lng FROM schools s
       WHERE s.lat IS NOT NULL AND s.lng IS NOT NULL AND ${directoryWhere(query)}
       ORDER BY s.name, s.urn LIMIT ${limit}`),
    z.object({ urn: z.number().int(), name: z.string(), lat: z.number(), lng: z.number() }),
    "the schools directory's map points",
  );
}

export async function directoryFacets(db: Executor) {
  const [las, phases] = await Promise.all([
    db.execute(
      sql`SELECT la_code AS value, la_name AS label, count(*)::int AS count FROM schools GROUP BY la_code, la_name ORDER BY la_name`,
    ),
    db.execute(sql`SELECT phase AS value, count(*)::int AS count FROM schools GROUP BY phase ORDER BY phase`),
  ]);
  return {
    localAuthorities: parseRows(
      las,
      z.object({ value: z.string(), label: z.string(), count: z.number().int() }),
      "the schools directory's local authorities",
    ),
    phases: parseRows(
      phases,
      z.object({ value: z.string(), count: z.number().int() }),
      "the schools directory's phases",
    ),
  };
}

export type SchoolDetails = {
  id: string;
  urn: number;
  name: string;
  phase: string;
  establishmentType: string | null;
  typeGroup: string | null;
  religiousCharacter: string | null;
  statutoryLowAge: number | null;
  statutoryHighAge: number | null;
  laCode: string;
  laName: string;
  region: string | null;
  postcode: string | null;
  town: string | null;
  lat: number | null;
  lng: number | null;
  pupils: number | null;
  website: string | null;
  source: string;
  sourceDate: string | null;
  trustName: string | null;
  trustSlug: string | null;
  partnershipName: string | null;
};

const schoolDetailsRow = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  phase: z.string(),
  establishmentType: z.string().nullable(),
  typeGroup: z.string().nullable(),
  religiousCharacter: z.string().nullable(),
  statutoryLowAge: z.number().int().nullable(),
  statutoryHighAge: z.number().int().nullable(),
  laCode: z.string(),
  laName: z.string(),
  region: z.string().nullable(),
  postcode: z.string().nullable(),
  town: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  pupils: z.number().int().nullable(),
  website: z.string().nullable(),
  source: z.string(),
  sourceDate: z.string().nullable(),
  trustName: z.string().nullable(),
  trustSlug: z.string().nullable(),
  partnershipName: z.string().nullable(),
}) satisfies z.ZodType<SchoolDetails>;

export async function findSchoolByUrn(db: Executor, urn: number): Promise<SchoolDetails | null> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.establishment_type AS "establishmentType", s.type_group AS "typeGroup",
             s.religious_character AS "religiousCharacter", s.statutory_low_age AS "statutoryLowAge",
             s.statutory_high_age AS "statutoryHighAge", s.la_code AS "laCode", s.la_name AS "laName", s.region,
             s.postcode, s.town, s.lat, s.lng, s.pupils, s.website, s.source, s.source_date AS "sourceDate",
             o.name AS "trustName", o.slug AS "trustSlug", p.name AS "partnershipName"
        FROM schools s
        LEFT JOIN organisations o ON o.id = s.trust_id
        LEFT JOIN partnerships p ON p.id = s.partnership_id
       WHERE s.urn = ${urn}`),
    schoolDetailsRow,
    "a school by URN",
  );
  return row ?? null;
}

export type Neighbour = { urn: number; name: string; lat: number; lng: number; metres: number };

const neighbourRow = z.object({
  urn: z.number().int(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  metres: z.number(),
}) satisfies z.ZodType<Neighbour>;

/**
 * The nearest schools to a school, nearest first, with great-circle distances in metres, dropping any
 * beyond `withinMetres`. The inner query is a KNN scan (ORDER BY ... <-> ... LIMIT) on the GiST index
 * over ll_to_earth(lat, lng), which stops after `limit` rows: 0.4 ms over England's 25,102 schools on
 * PostgreSQL 15. An earth_box bound in the same query made the planner read every school in the box
 * instead (48 ms in Greater Manchester), and a second ORDER BY key defeats the KNN scan (125 ms), so the
 * radius is applied outside and ties are left in index order.
 */
export async function nearestSchools(
  db: Executor,
  school: { id: string; lat: number; lng: number },
  limit = 10,
  withinMetres = 50_000,
): Promise<Neighbour[]> {
  const here = sql`ll_to_earth(${school.lat}::float8, ${school.lng}::float8)`;
  return parseRows(
    await db.execute(sql`
      SELECT n.urn, n.name, n.lat, n.lng, n.metres
        FROM (SELECT s.urn, s.name, s.lat, s.lng, earth_distance(ll_to_earth(s.lat, s.lng), ${here}) AS metres
                FROM schools s
               WHERE s.id <> ${school.id} AND s.lat IS NOT NULL AND s.lng IS NOT NULL
               ORDER BY ll_to_earth(s.lat, s.lng) <-> ${here}
               LIMIT ${limit}) n
       WHERE n.metres <= ${withinMetres}::float8
       ORDER BY n.metres`),
    neighbourRow,
    "a school's nearest schools",
  );
}

export type StaffMember = { name: string; email: string; role: string; where: string };

const staffMemberRow = z.object({
  name: z.string(),
  email: z.string(),
  role: z.string(),
  where: z.string(),
}) satisfies z.ZodType<StaffMember>;

/**
 * Everyone with a role at a school, plus the HR staff of the trust (or, for a maintained school, the local
 * authority) who act for it. Empty unless `viewerId` may manage the school (HR or partnership admin over it):
 * the scope is repeated in the query so a route that forgot its guard still reads nothing.
 */
export async function schoolStaff(db: Executor, viewerId: string, schoolId: string): Promise<StaffMember[]> {
  return parseRows(
    await db.execute(sql`
      SELECT u.name, u.email, m.role, coalesce(sc.name, o.name) AS "where"
        FROM schools s
        JOIN memberships m ON ${membershipActsForSchool("m", "s", ["hr"])}
        JOIN users u ON u.id = m.user_id
        LEFT JOIN schools sc ON sc.id = m.school_id
        LEFT JOIN organisations o ON o.id = m.organisation_id
       WHERE s.id = ${schoolId} AND s.id IN (${schoolIdsWhereUserHolds(viewerId, ["hr", "partnership_admin"])})
       ORDER BY m.school_id IS NULL, u.name, m.role`),
    staffMemberRow,
    "a school's staff",
  );
}
