import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { memberships, organisations, partnerships, schools } from "../../db/schema";
import { z } from "../forms/zod";
import { roles, scopeKinds, type Role, type Scope } from "../vocabulary/roles";

export type MembershipSummary = {
  id: string;
  role: Role;
  scopeKind: Scope["kind"];
  scopeId: string;
  scopeName: string;
  scopeSlug: string | null;
};

const membershipSummary = z.object({
  id: z.string(),
  role: z.enum(roles),
  scopeKind: z.enum(scopeKinds),
  scopeId: z.string(),
  scopeName: z.string(),
  scopeSlug: z.string().nullable(),
}) satisfies z.ZodType<MembershipSummary>;

/** A user's memberships with the names of the places they are held at, for navigation and accounts. */
export async function listMemberships(db: Executor, userId: string): Promise<MembershipSummary[]> {
  const m = alias(memberships, "m");
  const s = alias(schools, "s");
  const o = alias(organisations, "o");
  const p = alias(partnerships, "p");
  const rows = await db.execute(sql`
    SELECT ${m.id}, ${m.role}, ${m.scopeKind} AS "scopeKind",
           coalesce(${m.schoolId}, ${m.organisationId}, ${m.partnershipId}) AS "scopeId",
           coalesce(${s.name}, ${o.name}, ${p.name}) AS "scopeName",
           coalesce(${s.urn}::text, ${o.slug}, ${p.slug}) AS "scopeSlug"
      FROM ${memberships} ${m}
      LEFT JOIN ${schools} ${s} ON ${s.id} = ${m.schoolId}
      LEFT JOIN ${organisations} ${o} ON ${o.id} = ${m.organisationId}
      LEFT JOIN ${partnerships} ${p} ON ${p.id} = ${m.partnershipId}
     WHERE ${m.userId} = ${userId}
     ORDER BY ${m.createdAt}`);
  return parseRows(rows, membershipSummary, "a user's memberships");
}
