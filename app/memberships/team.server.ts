import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { organisations } from "../../db/schema";
import type { Role } from "./roles";

export async function findOrganisationBySlug(db: Executor, slug: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return org ?? null;
}

export type TeamMember = { membershipId: string; name: string; email: string; role: Role; place: string };

/** Everyone with a role at an organisation or at one of its schools (its trust's or, for an LA, its maintained schools). */
export async function organisationTeam(db: Executor, organisationId: string): Promise<TeamMember[]> {
  return rowsOf<TeamMember>(
    await db.execute(sql`
      WITH org AS (SELECT id, kind, la_code FROM organisations WHERE id = ${organisationId}),
      its_schools AS (
        SELECT s.id, s.name FROM schools s, org
         WHERE s.trust_id = org.id OR (org.kind = 'local_authority' AND s.la_code = org.la_code AND s.trust_id IS NULL))
      SELECT m.id AS "membershipId", u.name, u.email, m.role, coalesce(sc.name, o.name) AS place
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN its_schools sc ON sc.id = m.school_id
        LEFT JOIN organisations o ON o.id = m.organisation_id
       WHERE m.organisation_id = ${organisationId} OR m.school_id IN (SELECT id FROM its_schools)
       ORDER BY place, u.name`),
  );
}

/** The schools an organisation acts for, for its team page's invite links. */
export async function organisationSchools(db: Executor, organisationId: string) {
  return rowsOf<{ id: string; urn: number; name: string }>(
    await db.execute(sql`
      SELECT s.id, s.urn, s.name FROM schools s JOIN organisations o ON o.id = ${organisationId}
       WHERE s.trust_id = o.id OR (o.kind = 'local_authority' AND s.la_code = o.la_code AND s.trust_id IS NULL)
       ORDER BY s.name`),
  );
}
