import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import type { Role, Scope } from "../vocabulary/roles";

export type MembershipSummary = {
  id: string;
  role: Role;
  scopeKind: Scope["kind"];
  scopeId: string;
  scopeName: string;
  scopeSlug: string | null;
};

/** A user's memberships with the names of the places they are held at, for navigation and accounts. */
export async function listMemberships(db: Executor, userId: string): Promise<MembershipSummary[]> {
  const rows = await db.execute(sql`
    SELECT m.id, m.role, m.scope_kind AS "scopeKind",
           coalesce(m.school_id, m.organisation_id, m.partnership_id) AS "scopeId",
           coalesce(s.name, o.name, p.name) AS "scopeName",
           coalesce(s.urn::text, o.slug, p.slug) AS "scopeSlug"
      FROM memberships m
      LEFT JOIN schools s ON s.id = m.school_id
      LEFT JOIN organisations o ON o.id = m.organisation_id
      LEFT JOIN partnerships p ON p.id = m.partnership_id
     WHERE m.user_id = ${userId}
     ORDER BY m.created_at`);
  return rowsOf<MembershipSummary>(rows);
}
