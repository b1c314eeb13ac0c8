import { sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import type { CsvInput } from "../importers/csv-source";
import { importSchools, type ImportReport } from "../importers/schools";
import { countOf, firstRow, idRow, parseRows } from "../rows";
import { places, schools } from "../schema";
import { DEMO_PASSWORD, demoPartnership, fictionalLocalAuthority, trustSlugs } from "./demo-cast";
import { seedApplications } from "./applications";
import { seedFairs } from "./fairs";
import { seedPlacements } from "./placements";
import { seedPool } from "./pool";
import { seedProgrammes } from "./programmes";
import { seedVacancies } from "./vacancies";
import { seedSharedRoles } from "./shared-roles";
import { fictionalSchools, type FictionalSchool } from "./fictional-region";
import { hasDemoPartnership, seedPartnership, type SchoolGrouping, type SeedSummary } from "./partnership";
import { chooseRealSchools, realLocalAuthority, realRegion } from "./real-schools";

export type { SeedSummary } from "./partnership";

/** The server seeds only a database with no partnership at all, so it never mixes a demo into real data. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  return countOf(await db.execute(sql`SELECT count(*)::int AS n FROM partnerships`), "partnerships") === 0;
}

export class DemoAlreadySeededError extends Error {
  constructor() {
    super("The demo partnership (demo-vale) already exists: nothing seeded.");
  }
}

/** How the app hashes passwords (app/auth/password.server.ts), passed in: db/ imports nothing from app/. */
export type PasswordHasher = { hashPassword: (password: string) => Promise<string> };

/** Demoshire: the fictional region `npm start` shows on an empty database. */
export async function seedDemoRegion(db: Database, auth: PasswordHasher): Promise<SeedSummary> {
  // Hashed once for all demo users: argon2 is deliberately slow.
  const passwordHash = await auth.hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    if (await hasDemoPartnership(tx)) throw new DemoAlreadySeededError();
    const generated = fictionalSchools();
    const inserted = await tx
      .insert(schools)
      .values(generated.map(({ owner: _owner, ...school }) => school))
      .returning({ id: schools.id, urn: schools.urn });
    const idOf = new Map(inserted.map((s) => [s.urn, s.id]));
    const grouping = groupByOwner(generated, idOf);
    await tx.insert(places).values(placesOf(generated)).onConflictDoNothing();
    const summary = await seedPartnership(tx, {
      region: "Fictional region",
      localAuthority: fictionalLocalAuthority,
      schools: grouping,
      passwordHash,
    });
    const partnershipId = await demoPartnershipId(tx);
    await seedPlacements(tx, partnershipId, passwordHash);
    await seedProgrammes(tx, partnershipId, passwordHash);
    const vacancies = await seedAllVacancies(tx, partnershipId);
    await seedApplications(tx, passwordHash, new Date());
    await seedPool(tx, partnershipId, passwordHash, new Date());
    await seedFairs(tx, partnershipId, passwordHash);
    return { ...summary, vacancies };
  });
}

/** The same cast around real schools: imports `schoolsFile`, then attaches about 40 of them. */
export async function seedDemoAroundRealSchools(
  db: Database,
  schoolsFile: CsvInput,
  auth: PasswordHasher,
): Promise<SeedSummary & { imported: ImportReport }> {
  if (await hasDemoPartnership(db)) throw new DemoAlreadySeededError();
  const imported = await importSchools(db, schoolsFile);
  const passwordHash = await auth.hashPassword(DEMO_PASSWORD);
  const summary = await db.transaction(async (tx) => {
    const grouping = await chooseRealSchools(tx);
    const seeded = await seedPartnership(tx, {
      region: realRegion,
      localAuthority: realLocalAuthority,
      schools: grouping,
      passwordHash,
    });
    const partnershipId = await demoPartnershipId(tx);
    await seedPlacements(tx, partnershipId, passwordHash);
    await seedProgrammes(tx, partnershipId, passwordHash);
    const vacancies = await seedAllVacancies(tx, partnershipId);
    await seedApplications(tx, passwordHash, new Date());
    await seedPool(tx, partnershipId, passwordHash, new Date());
    await seedFairs(tx, partnershipId, passwordHash);
    return { ...seeded, vacancies };
  });
  return { ...summary, imported };
}

/** The generated vacancies, then the two roles shared across employers. */
async function seedAllVacancies(tx: Executor, partnershipId: string): Promise<number> {
  const now = new Date();
  return (await seedVacancies(tx, partnershipId, { now })).vacancies + (await seedSharedRoles(tx, partnershipId, now));
}

async function demoPartnershipId(tx: Executor): Promise<string> {
  const row = firstRow(
    parseRows(await tx.execute(sql`SELECT id FROM partnerships WHERE slug = ${demoPartnership.slug}`), idRow, "an id"),
    "the demo partnership",
  );
  return row.id;
}

function groupByOwner(generated: FictionalSchool[], idOf: Map<number, string>): SchoolGrouping {
  const idsOf = (owner: FictionalSchool["owner"]) =>
    generated.filter((s) => s.owner === owner).map((s) => idOf.get(s.urn)!);
  return {
    ...(Object.fromEntries(trustSlugs.map((slug) => [slug, idsOf(slug)])) as Record<
      (typeof trustSlugs)[number],
      string[]
    >),
    localAuthority: idsOf("la"),
  };
}

/** Centroids for the invented DV postcodes and outcodes, so postcode search works in the demo too. */
function placesOf(generated: FictionalSchool[]): (typeof places.$inferInsert)[] {
  const source = "demo:fictional";
  const common = { laCode: "990", laName: "Demoshire", source };
  const byOutcode = new Map<string, FictionalSchool[]>();
  for (const s of generated) {
    const outcode = s.postcode!.replace(/ .*$/, "");
    byOutcode.set(outcode, [...(byOutcode.get(outcode) ?? []), s]);
  }
  const outcodes = [...byOutcode].map(([key, members]) => ({
    key,
    kind: "outcode" as const,
    lat: mean(members.map((m) => m.lat!)),
    lng: mean(members.map((m) => m.lng!)),
    postcodeCount: members.length,
    ...common,
  }));
  const units = generated.map((s) => ({
    key: s.postcode!,
    kind: "postcode" as const,
    lat: s.lat!,
    lng: s.lng!,
    postcodeCount: 1,
    ...common,
  }));
  return [...outcodes, ...units];
}

function mean(xs: number[]): number {
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e6) / 1e6;
}
