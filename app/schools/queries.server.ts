import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";

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

export type DirectoryQuery = { q?: string; la?: string; phase?: string; page: number; pageSize: number };

/** The schools directory: name search (trigram-indexed), LA and phase filters, paged. */
export async function searchSchools(db: Executor, query: DirectoryQuery) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`TRUE
    ${pattern ? sql`AND (s.name ILIKE ${pattern} OR s.town ILIKE ${pattern} OR s.postcode ILIKE ${pattern})` : sql``}
    ${query.la ? sql`AND s.la_code = ${query.la}` : sql``}
    ${query.phase ? sql`AND s.phase = ${query.phase}` : sql``}`;
  const order = query.q ? sql`similarity(s.name, ${query.q}) DESC, s.name` : sql`s.name`;
  const rows = rowsOf<SchoolListItem & { total: number }>(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.la_name AS "laName", s.town, s.postcode, s.lat, s.lng, count(*) OVER ()::int AS total
        FROM schools s WHERE ${where}
       ORDER BY ${order}, s.urn
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
  );
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** Points for the map view of a directory query (capped: a map of thousands of dots says little). */
export async function schoolPoints(db: Executor, query: Omit<DirectoryQuery, "page" | "pageSize">, limit = 2000) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return rowsOf<{ urn: number; name: string; lat: number; lng: number }>(
    await db.execute(sql`
      SELECT s.urn, s.name, s.lat, s.lng FROM schools s
       WHERE s.lat IS NOT NULL AND s.lng IS NOT NULL
         ${pattern ? sql`AND (s.name ILIKE ${pattern} OR s.town ILIKE ${pattern} OR s.postcode ILIKE ${pattern})` : sql``}
         ${query.la ? sql`AND s.la_code = ${query.la}` : sql``}
         ${query.phase ? sql`AND s.phase = ${query.phase}` : sql``}
       ORDER BY s.name LIMIT ${limit}`),
  );
}

export async function directoryFacets(db: Executor) {
  const [las, phases] = await Promise.all([
    db.execute(sql`SELECT la_code AS value, la_name AS label, count(*)::int AS count FROM schools GROUP BY la_code, la_name ORDER BY la_name`),
    db.execute(sql`SELECT phase AS value, count(*)::int AS count FROM schools GROUP BY phase ORDER BY phase`),
  ]);
  return {
    localAuthorities: rowsOf<{ value: string; label: string; count: number }>(las),
    phases: rowsOf<{ value: string; count: number }>(phases),
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

export async function findSchoolByUrn(db: Executor, urn: number): Promise<SchoolDetails | null> {
  const [row] = rowsOf<SchoolDetails>(
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
  );
  return row ?? null;
}

/** The nearest schools to a school, by great-circle distance, using the GiST index on ll_to_earth. */
export async function nearestSchools(db: Executor, school: { id: string; lat: number; lng: number }, limit = 10) {
  return rowsOf<{ urn: number; name: string; lat: number; lng: number; metres: number }>(
    await db.execute(sql`
      SELECT s.urn, s.name, s.lat, s.lng,
             earth_distance(ll_to_earth(s.lat, s.lng), ll_to_earth(${school.lat}, ${school.lng})) AS metres
        FROM schools s
       WHERE s.id <> ${school.id} AND s.lat IS NOT NULL AND s.lng IS NOT NULL
       ORDER BY ll_to_earth(s.lat, s.lng) <-> ll_to_earth(${school.lat}, ${school.lng})
       LIMIT ${limit}`),
  );
}

export async function findOrganisation(db: Executor, slug: string) {
  const [row] = rowsOf<{ id: string; slug: string; name: string; kind: string; laCode: string | null; partnershipName: string | null }>(
    await db.execute(sql`
      SELECT o.id, o.slug, o.name, o.kind, o.la_code AS "laCode", p.name AS "partnershipName"
        FROM organisations o LEFT JOIN partnerships p ON p.id = o.partnership_id WHERE o.slug = ${slug}`),
  );
  return row ?? null;
}

/** A trust's schools, or a local authority's maintained schools. */
export async function schoolsOfOrganisation(db: Executor, organisationId: string) {
  return rowsOf<SchoolListItem>(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.la_name AS "laName", s.town, s.postcode, s.lat, s.lng
        FROM schools s JOIN organisations o ON o.id = ${organisationId}
       WHERE s.trust_id = o.id OR (o.kind = 'local_authority' AND s.la_code = o.la_code AND s.trust_id IS NULL)
       ORDER BY s.name`),
  );
}

export type StaffMember = { name: string; email: string; role: string; where: string };

/** Everyone who holds a role at a school, directly or at the trust (or LA) that runs it. */
export async function schoolStaff(db: Executor, schoolId: string): Promise<StaffMember[]> {
  return rowsOf<StaffMember>(
    await db.execute(sql`
      SELECT u.name, u.email, m.role, coalesce(sc.name, o.name) AS "where"
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN schools sc ON sc.id = m.school_id
        LEFT JOIN organisations o ON o.id = m.organisation_id
        JOIN schools s ON s.id = ${schoolId}
       WHERE m.school_id = s.id
          OR m.organisation_id = s.trust_id
          OR (s.trust_id IS NULL AND o.kind = 'local_authority' AND o.la_code = s.la_code)
       ORDER BY m.school_id IS NULL, u.name`),
  );
}
