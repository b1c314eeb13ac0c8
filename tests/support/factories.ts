import { randomBytes } from "node:crypto";
import { startSession } from "../../app/auth/session.server";
import type { Role } from "../../app/memberships/roles";
import type { Database } from "../../db/client";
import { memberships, organisations, partnerships, schools, users } from "../../db/schema";

/**
 * Small, generic fixture builders for integration tests. Every field has a harmless default; pass only
 * what the test is about. Unique values (slugs, URNs, e-mails) get a random suffix unless given.
 */

const unique = () => randomBytes(4).toString("hex");
let nextUrn = 900_000;

export type PartnershipRow = typeof partnerships.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type SchoolRow = typeof schools.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function createPartnership(db: Database, values: Partial<typeof partnerships.$inferInsert> = {}): Promise<PartnershipRow> {
  const slug = values.slug ?? `partnership-${unique()}`;
  const [row] = await db
    .insert(partnerships)
    .values({ slug, name: `Partnership ${slug}`, region: "North West", ...values })
    .returning();
  return row;
}

export async function createOrganisation(
  db: Database,
  values: Partial<typeof organisations.$inferInsert> = {},
): Promise<OrganisationRow> {
  const slug = values.slug ?? `organisation-${unique()}`;
  const [row] = await db
    .insert(organisations)
    .values({ kind: "academy_trust", slug, name: `Organisation ${slug}`, ...values })
    .returning();
  return row;
}

export async function createSchool(db: Database, values: Partial<typeof schools.$inferInsert> = {}): Promise<SchoolRow> {
  const urn = values.urn ?? nextUrn++;
  const [row] = await db
    .insert(schools)
    .values({ urn, name: `School ${urn}`, phase: "Primary", laCode: "358", laName: "Trafford", source: "test fixture", ...values })
    .returning();
  return row;
}

export async function createUser(db: Database, values: Partial<typeof users.$inferInsert> = {}): Promise<UserRow> {
  const email = values.email ?? `user-${unique()}@example.com`;
  // Tests that sign in through the form hash a real password; everything else needs no valid hash.
  const [row] = await db.insert(users).values({ email, name: email.split("@")[0], passwordHash: "not-a-real-hash", ...values }).returning();
  return row;
}

export type MembershipPlace = { school: { id: string } } | { organisation: { id: string } } | { partnership: { id: string } };

/** Gives `user` the role at a school, an organisation or a partnership. */
export async function addMembership(db: Database, user: { id: string }, role: Role, place: MembershipPlace) {
  const scope =
    "school" in place
      ? { scopeKind: "school" as const, schoolId: place.school.id }
      : "organisation" in place
        ? { scopeKind: "organisation" as const, organisationId: place.organisation.id }
        : { scopeKind: "partnership" as const, partnershipId: place.partnership.id };
  const [row] = await db.insert(memberships).values({ userId: user.id, role, ...scope }).returning();
  return row;
}

/** A session for `user`, as the Cookie header a browser would send. */
export async function sessionCookie(user: { id: string }): Promise<string> {
  return (await startSession(user.id)).split(";")[0];
}
