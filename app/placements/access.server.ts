import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { organisationIdsWhereUserHolds, schoolIdsWhereUserHolds } from "../access/scope.server";
import type { Role } from "../vocabulary/roles";
import { hostSchoolRow, providerRow } from "./rows";

/**
 * Who sees which placement records. A provider's side is its ITT coordinators; a school's side is whoever holds hr
 * or placement_lead for it (at the school, its trust or, for maintained schools, its LA); a trainee is the user
 * their record is linked to. Every placement query puts one of these in its WHERE clause, so another's record is simply not found.
 */
export type PlacementSide = "provider" | "school" | "trainee";

/** Ids of the ITT providers a user coordinates. */
export function coordinatedProviderIds(userId: string): SQL {
  return sql`SELECT o.id FROM organisations o
              WHERE o.kind = 'itt_provider' AND o.id IN (${organisationIdsWhereUserHolds(userId, ["itt_coordinator"])})`;
}

/** The roles that act for a school on placements: its HR, or a placement lead who has no vacancy powers. */
export const HOST_SCHOOL_ROLES: readonly Role[] = ["hr", "placement_lead"];

/** Ids of the schools whose placements a user manages (hr or placement lead, at the school, its trust or LA). */
export function hostedSchoolIds(userId: string): SQL {
  return schoolIdsWhereUserHolds(userId, HOST_SCHOOL_ROLES);
}

export type Provider = z.infer<typeof providerRow>;

export async function providersOf(db: Executor, userId: string): Promise<Provider[]> {
  return parseRows(
    await db.execute(sql`
      SELECT id, slug, name, partnership_id AS "partnershipId" FROM organisations
       WHERE id IN (${coordinatedProviderIds(userId)}) ORDER BY name`),
    providerRow,
    "the providers a user coordinates",
  );
}

/** One provider the user coordinates, by its slug: a coordinator holds few, so the list is filtered here. */
export async function providerBySlug(db: Executor, userId: string, slug: string): Promise<Provider | null> {
  return (await providersOf(db, userId)).find((p) => p.slug === slug) ?? null;
}

export type HostSchool = z.infer<typeof hostSchoolRow>;

export async function hostSchoolsOf(db: Executor, userId: string): Promise<HostSchool[]> {
  return parseRows(
    await db.execute(sql`
      SELECT id, urn, name, partnership_id AS "partnershipId" FROM schools
       WHERE id IN (${hostedSchoolIds(userId)}) ORDER BY name`),
    hostSchoolRow,
    "the schools whose placements a user manages",
  );
}

export async function hostSchoolByUrn(db: Executor, userId: string, urn: number): Promise<HostSchool | null> {
  return (await hostSchoolsOf(db, userId)).find((s) => s.urn === urn) ?? null;
}

/**
 * The user's own trainee record. An invitation accepted by them links the record the first time they come, so a
 * trainee who signed up through the provider's invitation finds their rotation without anyone linking it by hand.
 */
export async function ownTrainee(db: Executor, userId: string): Promise<{ id: string; providerId: string } | null> {
  await db.execute(sql`
    UPDATE trainees SET user_id = ${userId}
     WHERE user_id IS NULL AND invitation_id IN (SELECT id FROM invitations WHERE accepted_by = ${userId})`);
  const [row] = parseRows(
    await db.execute(
      sql`SELECT id, provider_id AS "providerId" FROM trainees WHERE user_id = ${userId} ORDER BY created_at LIMIT 1`,
    ),
    z.object({ id: z.string(), providerId: z.string() }),
    "a user's own trainee record",
  );
  return row ?? null;
}
