import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { schoolOfOrganisation } from "../access/scope.server";
import type { Role } from "../vocabulary/roles";

export type TeamMember = { membershipId: string; name: string; email: string; role: Role; place: string };

/** Everyone with a role at an organisation or at one of its schools (its trust's or, for an LA, its maintained schools). */
export async function organisationTeam(db: Executor, organisationId: string): Promise<TeamMember[]> {
  return rowsOf<TeamMember>(
    await db.execute(sql`
      WITH its_schools AS (
        SELECT s.id, s.name FROM schools s JOIN organisations org ON org.id = ${organisationId}
         WHERE ${schoolOfOrganisation("s", "org")})
      SELECT m.id AS "membershipId", u.name, u.email, m.role, coalesce(sc.name, o.name) AS place
        FROM memberships m
        JOIN users u ON u.id = m.user_id
        LEFT JOIN its_schools sc ON sc.id = m.school_id
        LEFT JOIN organisations o ON o.id = m.organisation_id
       WHERE m.organisation_id = ${organisationId} OR m.school_id IN (SELECT id FROM its_schools)
       ORDER BY place, u.name`),
  );
}
