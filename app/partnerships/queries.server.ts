import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { holdsRole, partnershipIdsWhereUserHolds, schoolOfOrganisation } from "../access/scope.server";

const partnershipSummaryRow = z.object({ id: z.string(), slug: z.string(), name: z.string(), region: z.string() });

/** Partnerships where the user is a partnership admin. */
export async function adminPartnerships(db: Executor, userId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT p.id, p.slug, p.name, p.region FROM partnerships p
       WHERE p.id IN (${partnershipIdsWhereUserHolds(userId, ["partnership_admin"])})
       ORDER BY p.name`),
    partnershipSummaryRow,
    "the partnerships a user administers",
  );
}

/** Every partnership, for the public index of area pay pages. */
export async function allPartnerships(db: Executor) {
  return parseRows(
    await db.execute(sql`
      SELECT p.id, p.slug, p.name, p.region,
             (SELECT count(*)::int FROM schools s WHERE s.partnership_id = p.id) AS schools
        FROM partnerships p ORDER BY p.name`),
    partnershipSummaryRow.extend({ schools: z.number().int() }),
    "every partnership",
  );
}

export async function findPartnership(db: Executor, slug: string) {
  const [row] = parseRows(
    await db.execute(sql`SELECT id, slug, name, region FROM partnerships WHERE slug = ${slug}`),
    partnershipSummaryRow,
    "a partnership by slug",
  );
  return row ?? null;
}

const partnershipSchoolRow = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  phase: z.string(),
  laName: z.string(),
  trustName: z.string().nullable(),
});

const partnershipOrganisationRow = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  schools: z.number().int(),
});

const partnershipMemberRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  where: z.string(),
});
export type Paged = { page: number; pageSize: number };

/**
 * What a partnership admin sees: its schools (paged), its organisations with their number of schools, and
 * everyone with a role in it (held at the partnership, at one of its organisations or at one of its
 * schools; paged). Everything is empty unless `viewerId` administers the partnership.
 */
export async function partnershipOverview(
  db: Executor,
  viewerId: string,
  partnershipId: string,
  paging: { schools: Paged; members: Paged },
) {
  const allowed = holdsRole(viewerId, ["partnership_admin"], { kind: "partnership", partnershipId });
  const [schoolRows, orgRows, memberRows] = await Promise.all([
    db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.la_name AS "laName", o.name AS "trustName", count(*) OVER ()::int AS total
        FROM schools s LEFT JOIN organisations o ON o.id = s.trust_id
       WHERE s.partnership_id = ${partnershipId} AND ${allowed}
       ORDER BY s.name, s.urn
       LIMIT ${paging.schools.pageSize} OFFSET ${(paging.schools.page - 1) * paging.schools.pageSize}`),
    db.execute(sql`
      SELECT o.id, o.slug, o.name, o.kind,
             (SELECT count(*)::int FROM schools s WHERE s.partnership_id = ${partnershipId}
                AND ${schoolOfOrganisation("s", "o")}) AS schools
        FROM organisations o
       WHERE o.partnership_id = ${partnershipId} AND ${allowed}
       ORDER BY o.kind, o.name`),
    db.execute(sql`
      SELECT m.id, u.name, u.email, m.role, coalesce(s.name, o.name, p.name) AS "where", count(*) OVER ()::int AS total
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN schools s ON s.id = m.school_id
        LEFT JOIN organisations o ON o.id = m.organisation_id
        LEFT JOIN partnerships p ON p.id = m.partnership_id
       WHERE (m.partnership_id = ${partnershipId} OR o.partnership_id = ${partnershipId} OR s.partnership_id = ${partnershipId})
         AND ${allowed}
       ORDER BY m.school_id IS NOT NULL, m.organisation_id IS NOT NULL, m.role, u.name, m.id
       LIMIT ${paging.members.pageSize} OFFSET ${(paging.members.page - 1) * paging.members.pageSize}`),
  ]);
  const schools = parseRows(
    schoolRows,
    partnershipSchoolRow.extend({ total: z.number().int() }),
    "a partnership's schools",
  );
  const members = parseRows(
    memberRows,
    partnershipMemberRow.extend({ total: z.number().int() }),
    "a partnership's members",
  );
  return {
    schools: schools.map(({ total: _t, ...s }) => s),
    schoolCount:
      schools[0]?.total ??
      (await countWhenPastEnd(
        db,
        sql`SELECT count(*)::int AS n FROM schools s WHERE s.partnership_id = ${partnershipId} AND ${allowed}`,
        paging.schools.page,
      )),
    organisations: parseRows(orgRows, partnershipOrganisationRow, "a partnership's organisations"),
    members: members.map(({ total: _t, ...m }) => m),
    memberCount:
      members[0]?.total ??
      (await countWhenPastEnd(
        db,
        sql`SELECT count(*)::int AS n FROM memberships m
              LEFT JOIN schools s ON s.id = m.school_id LEFT JOIN organisations o ON o.id = m.organisation_id
             WHERE (m.partnership_id = ${partnershipId} OR o.partnership_id = ${partnershipId} OR s.partnership_id = ${partnershipId}) AND ${allowed}`,
        paging.members.page,
      )),
  };
}

/** A page past the end has no rows to carry the window count: count separately (only then). */
async function countWhenPastEnd(db: Executor, query: ReturnType<typeof sql>, page: number) {
  if (page <= 1) return 0;
  return parseRows(await db.execute(query), z.object({ n: z.number().int() }), "a count past the last page")[0]?.n ?? 0;
}
