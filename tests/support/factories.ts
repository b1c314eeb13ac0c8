import { randomBytes } from "node:crypto";
import { startSession } from "../../app/auth/session.server";
import type { Role } from "../../app/vocabulary/roles";
import type { Database } from "../../db/client";
import { cookiePair } from "./requests";
import { memberships, organisations, partnerships, schools, users } from "../../db/schema";
import { firstRow } from "../../db/rows";

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

export async function createPartnership(
  db: Database,
  values: Partial<typeof partnerships.$inferInsert> = {},
): Promise<PartnershipRow> {
  const slug = values.slug ?? `partnership-${unique()}`;
  const row = firstRow(
    await db
      .insert(partnerships)
      .values({ slug, name: `Partnership ${slug}`, region: "North West", ...values })
      .returning(),
    "the row inserted into partnerships",
  );
  return row;
}

export async function createOrganisation(
  db: Database,
  values: Partial<typeof organisations.$inferInsert> = {},
): Promise<OrganisationRow> {
  const slug = values.slug ?? `organisation-${unique()}`;
  const row = firstRow(
    await db
      .insert(organisations)
      .values({ kind: "academy_trust", slug, name: `Organisation ${slug}`, ...values })
      .returning(),
    "the row inserted into organisations",
  );
  return row;
}

export async function createSchool(
  db: Database,
  values: Partial<typeof schools.$inferInsert> = {},
): Promise<SchoolRow> {
  const urn = values.urn ?? nextUrn++;
  const row = firstRow(
    await db
      .insert(schools)
      .values({
        urn,
        name: `School ${urn}`,
        phase: "Primary",
        laCode: "358",
        laName: "Trafford",
        source: "test fixture",
        ...values,
      })
      .returning(),
    "the row inserted into schools",
  );
  return row;
}

export async function createUser(db: Database, values: Partial<typeof users.$inferInsert> = {}): Promise<UserRow> {
  const email = values.email ?? `user-${unique()}@example.com`;
  // Tests that sign in through the form hash a real password; everything else needs no valid hash.
  const row = firstRow(
    await db
      .insert(users)
      .values({ email, name: email.slice(0, email.indexOf("@")), passwordHash: "not-a-real-hash", ...values })
      .returning(),
    "the row inserted into users",
  );
  return row;
}

export type MembershipPlace =
  { school: { id: string } } | { organisation: { id: string } } | { partnership: { id: string } };

/** Gives `user` the role at a school, an organisation or a partnership. */
export async function addMembership(db: Database, user: { id: string }, role: Role, place: MembershipPlace) {
  const scope =
    "school" in place
      ? { scopeKind: "school" as const, schoolId: place.school.id }
      : "organisation" in place
        ? { scopeKind: "organisation" as const, organisationId: place.organisation.id }
        : { scopeKind: "partnership" as const, partnershipId: place.partnership.id };
  const [row] = await db
    .insert(memberships)
    .values({ userId: user.id, role, ...scope })
    .returning();
  return row;
}

/**
 * A session for `user` that has finished signing in, second factor included (as a browser has after the code step),
 * as the Cookie header a browser would send. Tests of the steps themselves start their sessions with startSession.
 */
export async function sessionCookie(user: { id: string }): Promise<string> {
  return cookiePair(await startSession(user.id, { verified: true }));
}

/**
 * A ready-made region for access tests: partnership "vale" with trust A (schools a1, a2), trust B (b1),
 * a local authority (LA code 358) maintaining la1, and partnership "other" with a foreign trust and
 * school. Real Trafford and Stockport school locations, fictional ownership. One user per kind of role.
 */
export async function valeRegion(db: Database) {
  const vale = await createPartnership(db, { slug: "vale", name: "Vale" });
  const other = await createPartnership(db, { slug: "other", name: "Other" });
  const trustA = await createOrganisation(db, { slug: "trust-a", name: "Trust A", partnershipId: vale.id });
  const trustB = await createOrganisation(db, { slug: "trust-b", name: "Trust B", partnershipId: vale.id });
  const la = await createOrganisation(db, {
    kind: "local_authority",
    slug: "trafford",
    name: "Trafford Council",
    laCode: "358",
    partnershipId: vale.id,
  });
  const foreignTrust = await createOrganisation(db, {
    slug: "foreign",
    name: "Foreign Trust",
    partnershipId: other.id,
  });
  const school = (urn: number, name: string, lat: number, lng: number, more: Partial<typeof schools.$inferInsert>) =>
    createSchool(db, { urn, name, lat, lng, partnershipId: vale.id, ...more });
  const a1 = await school(106283, "Navigation Primary School", 53.396313, -2.348177, { trustId: trustA.id });
  const a2 = await school(106298, "Springfield Primary School", 53.423968, -2.320428, { trustId: trustA.id });
  const b1 = await school(106284, "Oldfield Brow Primary School", 53.391938, -2.376892, { trustId: trustB.id });
  const la1 = await school(106285, "Stamford Park Primary School", 53.38227, -2.339824, {});
  const foreign = await school(106135, "Stockport School", 53.391374, -2.13905, {
    laCode: "356",
    laName: "Stockport",
    trustId: foreignTrust.id,
    partnershipId: other.id,
  });

  const member = async (email: string, name: string, role: Role, place: MembershipPlace) => {
    const user = await createUser(db, { email, name });
    await addMembership(db, user, role, place);
    return user;
  };
  return {
    vale,
    other,
    trustA,
    trustB,
    la,
    foreignTrust,
    a1,
    a2,
    b1,
    la1,
    foreign,
    admin: await member("admin@vale.example", "Ada Admin", "partnership_admin", { partnership: vale }),
    hrA: await member("hr@a.example", "Harriet A", "hr", { organisation: trustA }),
    teacherTrustA: await member("teacher-at-trust@a.example", "Tom Trust", "teacher", { organisation: trustA }),
    hrB: await member("hr@b.example", "Henry B", "hr", { organisation: trustB }),
    hrLa: await member("hr@trafford.example", "Laura LA", "hr", { organisation: la }),
    mentor: await member("mentor@navigation.example", "Mo Mentor", "mentor", { school: a1 }),
    schoolHr: await member("office@navigation.example", "Olive Office", "hr", { school: a1 }),
    teacher: await member("pool@example.com", "Pat Pool", "teacher", { partnership: vale }),
    foreignAdmin: await member("admin@other.example", "Fred Other", "partnership_admin", { partnership: other }),
    foreignHr: await member("hr@foreign.example", "Fay Foreign", "hr", { organisation: foreignTrust }),
  };
}
