import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { holdsRole, partnershipIdsWhereUserHolds, schoolOfOrganisation } from "../access/scope.server";

export type PartnershipSummary = { id: string; slug: string; name: string; region: string };

/** Partnerships where the user is a partnership admin. */
export async function adminPartnerships(db: Executor, userId: string) {
  return rowsOf<PartnershipSummary>(
    await db.execute(sql`
      SELECT p.id, p.slug, p.name, p.region FROM partnerships p
       WHERE p.id IN (${partnershipIdsWhereUserHolds(userId, ["partnership_admin"])})
       ORDER BY p.name`),
  );
}

/** Every partnership, for the public index of area pay pages. */
export async function allPartnerships(db: Executor) {
  return rowsOf<PartnershipSummary & { schools: number }>(
    await db.execute(sql`
      SELECT p.id, p.slug, p.name, p.region,
             (SELECT count(*)::int FROM schools s WHERE s.partnership_id = p.id) AS schools
        FROM partnerships p ORDER BY p.name`),
  );
}

export async function findPartnership(db: Executor, slug: string) {
  const [row] = rowsOf<PartnershipSummary>(
    await db.execute(sql`SELECT id, slug, name, region FROM partnerships WHERE slug = ${slug}`),
  );
  return row ?? null;
}

export type PartnershipSchool = {
  id: string;
  urn: number;
  name: string;
  phase: string;
  laName: string;
  trustName: string | null;
};
export type PartnershipOrganisation = { id: string; slug: string; name: string; kind: string; schools: number };
export type PartnershipMember = { id: string; name: string; email: string; role: string; where: string };
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
  const schools = rowsOf<PartnershipSchool & { total: number }>(schoolRows);
  const members = rowsOf<PartnershipMember & { total: number }>(memberRows);
  return {
    schools: schools.map(({ total: _t, ...s }) => s),
    schoolCount:
      schools[0]?.total ??
      (await countWhenPastEnd(
        db,
        sql`SELECT count(*)::int AS n FROM schools s WHERE s.partnership_id = ${partnershipId} AND ${allowed}`,
        paging.schools.page,
      )),
    organisations: rowsOf<PartnershipOrganisation>(orgRows),
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
  return rowsOf<{ n: number }>(await db.execute(query))[0]?.n ?? 0;
}
