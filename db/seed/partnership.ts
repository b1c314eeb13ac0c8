import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { rolesRequiringSecondFactor } from "../../app/vocabulary/roles";
import { memberships, organisations, partnerships, schools, secondFactors, users } from "../schema";
import {
  DEMO_TOTP_SECRET,
  demoIttProvider,
  demoPartnership,
  demoTrusts,
  demoUsers,
  type DemoScope,
  type LocalAuthority,
  type TrustSlug,
} from "./demo-cast";
import { firstRow } from "../rows";

export type SeedSummary = {
  partnerships: number;
  organisations: number;
  schools: number;
  users: number;
  vacancies?: number;
};

/** Which schools (by id) belong to whom; order matters for Northbrook, whose first schools get staff. */
export type SchoolGrouping = Record<TrustSlug, string[]> & { localAuthority: string[] };

export type PartnershipPlan = {
  region: string;
  localAuthority: LocalAuthority;
  schools: SchoolGrouping;
  passwordHash: string;
};

/**
 * Creates the partnership, its organisations, demo users and their roles around schools that already
 * exist, whether fictional or imported. Users whose e-mail is taken are reused rather than duplicated.
 */
export async function seedPartnership(tx: Executor, plan: PartnershipPlan): Promise<SeedSummary> {
  const partnership = firstRow(
    await tx
      .insert(partnerships)
      .values({ ...demoPartnership, region: plan.region, settings: { defaultRadiusMiles: 10 } })
      .returning({ id: partnerships.id }),
    "the row inserted into partnerships",
  );
  const partnershipId = partnership.id;

  const orgRows = await tx
    .insert(organisations)
    .values([
      ...demoTrusts.map((t) => ({ kind: "academy_trust" as const, ...t, partnershipId })),
      { kind: "local_authority" as const, ...plan.localAuthority, partnershipId },
      { kind: "itt_provider" as const, ...demoIttProvider, partnershipId },
    ])
    .returning({ id: organisations.id, slug: organisations.slug });
  const orgId = (slug: string) => orgRows.find((o) => o.slug === slug)!.id;

  for (const trust of demoTrusts) {
    await attachSchools(tx, plan.schools[trust.slug], { trustId: orgId(trust.slug), partnershipId });
  }
  await attachSchools(tx, plan.schools.localAuthority, { trustId: null, partnershipId });

  const now = new Date();
  await tx
    .insert(users)
    .values(
      demoUsers.map((u) => ({ email: u.email, name: u.name, passwordHash: plan.passwordHash, emailVerifiedAt: now })),
    )
    .onConflictDoNothing({ target: users.email });
  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoUsers.map((u) => u.email),
      ),
    );
  const userId = (email: string) => userRows.find((u) => u.email === email)!.id;

  const scopeOf = (scope: DemoScope) => {
    if (scope.kind === "partnership") return { scopeKind: "partnership" as const, partnershipId };
    if (scope.kind === "northbrook-school") {
      return { scopeKind: "school" as const, schoolId: plan.schools["northbrook-learning-trust"][scope.index] };
    }
    const slug =
      scope.org === "local-authority"
        ? plan.localAuthority.slug
        : scope.org === "itt-provider"
          ? demoIttProvider.slug
          : scope.org;
    return { scopeKind: "organisation" as const, organisationId: orgId(slug) };
  };
  await tx
    .insert(memberships)
    .values(demoUsers.map((u) => ({ userId: userId(u.email), role: u.role, ...scopeOf(u.scope) })))
    .onConflictDoNothing();
  const needSecondFactor = demoUsers.filter((u) => rolesRequiringSecondFactor.includes(u.role));
  await tx
    .insert(secondFactors)
    .values(needSecondFactor.map((u) => ({ userId: userId(u.email), secret: DEMO_TOTP_SECRET, enabledAt: now })))
    .onConflictDoNothing();

  const schoolCount = Object.values(plan.schools).reduce((n, ids) => n + ids.length, 0);
  return { partnerships: 1, organisations: orgRows.length, schools: schoolCount, users: demoUsers.length };
}

async function attachSchools(
  tx: Executor,
  ids: string[],
  link: { trustId: string | null; partnershipId: string },
): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(schools).set(link).where(inArray(schools.id, ids));
}

/** The demo partnership is there already: seeding again would duplicate nothing but must say so. */
export async function hasDemoPartnership(db: Executor): Promise<boolean> {
  const rows = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.slug, demoPartnership.slug));
  return rows.length > 0;
}
