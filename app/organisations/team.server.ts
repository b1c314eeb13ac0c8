import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { memberships, organisations, schools, users } from "../../db/schema";
import { z } from "../forms/zod";
import { schoolOfOrganisation } from "../access/scope.server";
import { roles, type Role } from "../vocabulary/roles";

export type TeamMember = { membershipId: string; name: string; email: string; role: Role; place: string };

const teamMember = z.object({
  membershipId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  place: z.string(),
}) satisfies z.ZodType<TeamMember>;

/** Everyone with a role at an organisation or at one of its schools (its trust's or, for an LA, its maintained schools). */
export async function organisationTeam(db: Executor, organisationId: string): Promise<TeamMember[]> {
  // "s" and "org" are the aliases schoolOfOrganisation's predicate names.
  const s = alias(schools, "s");
  const org = alias(organisations, "org");
  const m = alias(memberships, "m");
  const u = alias(users, "u");
  const o = alias(organisations, "o");
  return parseRows(
    await db.execute(sql`
      WITH its_schools AS (
        SELECT ${s.id}, ${s.name} FROM ${schools} ${s} JOIN ${organisations} ${org} ON ${org.id} = ${organisationId}
         WHERE ${schoolOfOrganisation("s", "org")})
      SELECT ${m.id} AS "membershipId", ${u.name}, ${u.email}, ${m.role}, coalesce(sc.name, ${o.name}) AS place
        FROM ${memberships} ${m}
        JOIN ${users} ${u} ON ${u.id} = ${m.userId}
        LEFT JOIN its_schools sc ON sc.id = ${m.schoolId}
        LEFT JOIN ${organisations} ${o} ON ${o.id} = ${m.organisationId}
       WHERE ${m.organisationId} = ${organisationId} OR ${m.schoolId} IN (SELECT id FROM its_schools)
       ORDER BY place, ${u.name}`),
    teamMember,
    "an organisation's team",
  );
}
