import type { Database } from "../../db/client";
import { memberships, organisations, partnerships, schools, users } from "../../db/schema";
import { createDraft, setLocation } from "../../app/vacancies/editing.server";
import { firstRow } from "../../db/rows";
import { exactly } from "./arrays";

const DAY = 24 * 3600_000;

/** Two trusts in one partnership, three real Trafford school locations (fictional ownership), an HR user for each trust. */
export async function twoTrustRegion(db: Database) {
  const p = firstRow(
    await db.insert(partnerships).values({ slug: "gm", name: "GM Partnership", region: "North West" }).returning(),
    "the row inserted into partnerships",
  );
  const trustA = firstRow(
    await db
      .insert(organisations)
      .values({ kind: "academy_trust", slug: "trust-a", name: "Trust A", partnershipId: p.id })
      .returning(),
    "the row inserted into organisations",
  );
  const trustB = firstRow(
    await db
      .insert(organisations)
      .values({ kind: "academy_trust", slug: "trust-b", name: "Trust B", partnershipId: p.id })
      .returning(),
    "the row inserted into organisations",
  );
  const school = (urn: number, name: string, trustId: string, lat: number, lng: number) => ({
    urn,
    name,
    phase: "Secondary",
    laCode: "358",
    laName: "Trafford",
    town: "Sale",
    postcode: "M33 6AA",
    lat,
    lng,
    trustId,
    partnershipId: p.id,
    source: "test",
  });
  const inserted = await db
    .insert(schools)
    .values([
      school(106283, "Navigation Primary", trustA.id, 53.396313, -2.348177),
      school(106167, "St John Vianney", trustA.id, 53.451462, -2.278292),
      school(106290, "Trust B High", trustB.id, 53.4239, -2.3253),
    ])
    .returning();
  const school_ = (i: number) => firstRow(inserted.slice(i), `school ${i + 1} of the three inserted`);
  const [a1, a2, b1] = [school_(0), school_(1), school_(2)];
  const user = async (email: string) =>
    firstRow(await db.insert(users).values({ email, name: email, passwordHash: "x" }).returning(), `user ${email}`);
  const hrA = await user("hr@a.example");
  const hrB = await user("hr@b.example");
  await db.insert(memberships).values([
    { userId: hrA.id, role: "hr", scopeKind: "organisation", organisationId: trustA.id },
    { userId: hrB.id, role: "hr", scopeKind: "organisation", organisationId: trustB.id },
  ]);
  const ownerA = { kind: "organisation" as const, id: trustA.id, name: "Trust A" };
  return { partnership: p, trustA, trustB, a1, a2, b1, hrA, hrB, ownerA };
}

export type TwoTrustRegion = Awaited<ReturnType<typeof twoTrustRegion>>;

/** A complete draft (ready to publish), shared 0.6/0.4 between trust A's two schools. */
export async function publishableDraft(db: Database, r: TwoTrustRegion, overrides: Record<string, unknown> = {}) {
  const id = await createDraft(db, r.hrA.id, r.ownerA, {
    title: "Teacher of Mathematics",
    role: "classroom_teacher",
    phases: ["secondary"],
    subjects: ["mathematics"],
    payRange: "main",
    salaryMinFte: 32916,
    salaryMaxFte: 45352,
    aboutRole: "Teach mathematics to classes across key stages 3 and 4.",
    applyMethod: "external_link",
    applyUrl: "https://example.org/apply",
    closesAt: new Date(Date.now() + 14 * DAY),
    ...overrides,
  });
  await setLocation(db, r.hrA.id, id, {
    fte: 1000,
    workingPattern: "full_time",
    schools: [
      { schoolId: r.a1.id, share: 600 },
      { schoolId: r.a2.id, share: 400 },
    ],
  });
  return id;
}

/** A school in another partnership (Stockport School's real URN, fictional ownership): never any of the region's. */
export async function schoolElsewhere(db: Database) {
  const elsewhere = firstRow(
    await db.insert(partnerships).values({ slug: "elsewhere", name: "Elsewhere", region: "North West" }).returning(),
    "the row inserted into partnerships",
  );
  const [school] = exactly(
    1,
    await db
      .insert(schools)
      .values({
        urn: 106135,
        name: "Stockport School",
        phase: "Secondary",
        laCode: "356",
        laName: "Stockport",
        partnershipId: elsewhere.id,
        source: "test",
      })
      .returning(),
  );
  return school;
}
