import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";

/** Partnerships where the user is a partnership admin. */
export async function adminPartnerships(db: Executor, userId: string) {
  return rowsOf<{ id: string; slug: string; name: string; region: string }>(
    await db.execute(sql`
      SELECT p.id, p.slug, p.name, p.region FROM partnerships p
        JOIN memberships m ON m.partnership_id = p.id AND m.role = 'partnership_admin' AND m.user_id = ${userId}
       ORDER BY p.name`),
  );
}

export async function findPartnership(db: Executor, slug: string) {
  const [row] = rowsOf<{ id: string; slug: string; name: string; region: string }>(
    await db.execute(sql`SELECT id, slug, name, region FROM partnerships WHERE slug = ${slug}`),
  );
  return row ?? null;
}

/** What a partnership admin sees: its schools, organisations (with school counts) and everyone with a role in it. */
export async function partnershipOverview(db: Executor, partnershipId: string) {
  const [schoolRows, orgRows, memberRows] = await Promise.all([
    db.execute(sql`
      SELECT s.id, s.urn, s.name, s.phase, s.la_name AS "laName", o.name AS "trustName"
        FROM schools s LEFT JOIN organisations o ON o.id = s.trust_id
       WHERE s.partnership_id = ${partnershipId} ORDER BY s.name`),
    db.execute(sql`
      SELECT o.id, o.slug, o.name, o.kind,
             (SELECT count(*)::int FROM schools s WHERE s.partnership_id = ${partnershipId}
                AND (s.trust_id = o.id OR (o.kind = 'local_authority' AND s.la_code = o.la_code AND s.trust_id IS NULL))) AS schools
        FROM organisations o WHERE o.partnership_id = ${partnershipId} ORDER BY o.kind, o.name`),
    db.execute(sql`
      SELECT m.id, u.name, u.email, m.role, coalesce(s.name, o.name, p.name) AS "where"
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN schools s ON s.id = m.school_id
        LEFT JOIN organisations o ON o.id = m.organisation_id
        LEFT JOIN partnerships p ON p.id = m.partnership_id
       WHERE m.partnership_id = ${partnershipId}
          OR o.partnership_id = ${partnershipId}
          OR s.partnership_id = ${partnershipId}
       ORDER BY m.role, u.name`),
  ]);
  return {
    schools: rowsOf<{ id: string; urn: number; name: string; phase: string; laName: string; trustName: string | null }>(schoolRows),
    organisations: rowsOf<{ id: string; slug: string; name: string; kind: string; schools: number }>(orgRows),
    members: rowsOf<{ id: string; name: string; email: string; role: string; where: string }>(memberRows),
  };
}
