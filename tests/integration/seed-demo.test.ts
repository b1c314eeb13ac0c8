import { existsSync } from "node:fs";
import path from "node:path";
import { eq, isNotNull, sql } from "drizzle-orm";
import { placementMentors } from "../../db/seed/placements";
import { programmeMentors } from "../../db/seed/programmes";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/auth/password.server";
import { resolvePlace } from "../../app/places/lookup.server";
import { firstRow, rowsOf } from "../../db/rows";
import { roles } from "../../app/vocabulary/roles";
import { memberships, organisations, partnerships, schools, secondFactors, users } from "../../db/schema";
import { DEMO_TOTP_SECRET } from "../../db/seed/demo-cast";
import { DemoAlreadySeededError, isDatabaseEmpty, seedDemoAroundRealSchools, seedDemoRegion } from "../../db/seed/demo";
import { useTestDatabase } from "../support/database";
import { hashPassword } from "../../app/auth/password.server";

const dataDir = path.resolve(process.cwd(), "../shared/data");
const hasData = existsSync(dataDir);
const SKIP = hasData ? "" : "(skipped: ../shared/data not present)";

const demoEmails = [
  "admin@staffroom.example",
  "hr@northbrook.example",
  "hr@riverside.example",
  "hr.school@northbrook.example",
  "hr@demoshire.example",
  "teacher@staffroom.example",
  "trainee@staffroom.example",
  "itt@vale.example",
  "induction@northbrook.example",
  "mentor@northbrook.example",
  "lead@northbrook.example",
  "programmes@staffroom.example",
  "facilitator@staffroom.example",
  "ect@northbrook.example",
];

describe("demo seed", () => {
  const t = useTestDatabase();

  it("seeds applications in Staffroom: every pipeline state on the shared Music role, and the demo teacher ready to apply", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const states = rowsOf<{ status: string }>(
      await t.db
        .execute(sql`SELECT DISTINCT a.status::text AS status FROM applications a JOIN vacancies v ON v.id = a.vacancy_id
                              WHERE v.title LIKE 'Teacher of Music (shared with %' ORDER BY 1`),
    ).map((r) => r.status);
    expect(states).toEqual([
      "accepted",
      "declined",
      "interviewing",
      "offered",
      "shortlisted",
      "submitted",
      "unsuccessful",
      "withdrawn",
    ]);
    const staffroom = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`SELECT count(*)::int AS n FROM vacancies WHERE apply_method = 'staffroom' AND status = 'published'`,
      ),
    );
    expect(staffroom).toEqual([{ n: 4 }]);
    const tess = rowsOf<{ trn: string; referees: number; sent: number }>(
      await t.db
        .execute(sql`SELECT p.trn, (SELECT count(*)::int FROM profile_referees r WHERE r.user_id = u.id) AS referees,
                                    (SELECT count(*)::int FROM applications a WHERE a.user_id = u.id AND a.status = 'submitted') AS sent
                               FROM users u JOIN teacher_profiles p ON p.user_id = u.id WHERE u.email = 'teacher@staffroom.example'`),
    );
    expect(tess).toEqual([{ trn: expect.stringMatching(/^[0-9]{7}$/), referees: 2, sent: 1 }]);
  });

  it("seeds the fictional region: one partnership, five organisations, 40 schools, fourteen users", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const summary = await seedDemoRegion(t.db, { hashPassword });
    expect(summary).toEqual({ partnerships: 1, organisations: 5, schools: 40, users: 14, vacancies: 302 });
    expect(await isDatabaseEmpty(t.db)).toBe(false);

    const partnership = firstRow(await t.db.select().from(partnerships), "a row from partnerships");
    expect(partnership).toMatchObject({
      slug: "demo-vale",
      name: "Demo Vale Schools Partnership",
      region: "Fictional region",
    });
    const orgs = await t.db.select().from(organisations).orderBy(organisations.slug);
    expect(orgs.map((o) => [o.slug, o.kind, o.partnershipId])).toEqual([
      ["demoshire-county-council", "local_authority", partnership.id],
      ["northbrook-learning-trust", "academy_trust", partnership.id],
      ["riverside-schools-trust", "academy_trust", partnership.id],
      ["small-oak-trust", "academy_trust", partnership.id],
      ["vale-teacher-training", "itt_provider", partnership.id],
    ]);
    expect(orgs[0]?.laCode).toBe("990");

    const all = await t.db.select().from(schools).orderBy(schools.urn);
    expect(all.map((s) => s.urn)).toEqual(Array.from({ length: 40 }, (_, i) => 990001 + i));
    expect(
      all.every((s) => s.partnershipId === partnership.id && s.laCode === "990" && s.lat !== null && s.lng !== null),
    ).toBe(true);
    expect(new Set(all.map((s) => s.phase))).toEqual(
      new Set(["Primary", "Secondary", "Nursery", "16 plus", "All-through", "Not applicable"]),
    );
    expect(all.filter((s) => s.trustId === null).length).toBeGreaterThan(5);
    const byTrust = rowsOf<{ slug: string; n: number }>(
      await t.db.execute(
        sql`SELECT o.slug, count(*)::int AS n FROM schools s JOIN organisations o ON o.id = s.trust_id GROUP BY 1`,
      ),
    );
    const count = (slug: string) => byTrust.find((r) => r.slug === slug)?.n ?? 0;
    expect(count("northbrook-learning-trust")).toBeGreaterThan(count("riverside-schools-trust"));
    expect(count("riverside-schools-trust")).toBeGreaterThan(count("small-oak-trust"));
    expect(all[0]).toMatchObject({ name: "Northbrook Primary Academy", town: "Northbrook" });
  });

  it("spreads schools over about 20 km around 52.95N 1.15W, not along a line", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const all = await t.db.select({ lat: schools.lat, lng: schools.lng }).from(schools);
    const lats = all.map((s) => s.lat!);
    const lngs = all.map((s) => s.lng!);
    expect(Math.max(...lats) - Math.min(...lats)).toBeGreaterThan(0.12); // > 13 km north–south
    expect(Math.max(...lngs) - Math.min(...lngs)).toBeGreaterThan(0.2); // > 13 km east–west
    expect(Math.abs(lats.reduce((a, b) => a + b) / lats.length - 52.95)).toBeLessThan(0.05);
    expect(Math.abs(lngs.reduce((a, b) => a + b) / lngs.length + 1.15)).toBeLessThan(0.08);
    // Collinear points have a correlation of ±1.
    expect(Math.abs(correlation(lats, lngs))).toBeLessThan(0.9);
  });

  it("gives every demo user a verified address, the demo password and the promised role", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const rows = await t.db
      .select({
        email: users.email,
        verified: users.emailVerifiedAt,
        hash: users.passwordHash,
        role: memberships.role,
        scope: memberships.scopeKind,
        schoolId: memberships.schoolId,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id));
    // The demo cast, the placement season's two extra mentors and the ECT programme's three.
    expect(rows.map((r) => r.email).sort()).toEqual(
      [...demoEmails, ...placementMentors.map((m) => m.email), ...programmeMentors.map((m) => m.email)].sort(),
    );
    expect(rows.every((r) => r.verified !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(roles));
    expect(await verifyPassword(firstRow(rows, "a demo user").hash, "staffroom-demo-password")).toBe(true);

    const schoolOf = async (email: string) => {
      const id = rows.find((r) => r.email === email)!.schoolId!;
      const s = firstRow(
        await t.db.select({ urn: schools.urn }).from(schools).where(eq(schools.id, id)),
        "a row from schools",
      );
      return s.urn;
    };
    expect(await schoolOf("hr.school@northbrook.example")).toBe(990001);
    expect(await schoolOf("mentor@northbrook.example")).toBe(990002);
    expect(await schoolOf("lead@northbrook.example")).toBe(990002);
    expect(rows.find((r) => r.email === "admin@staffroom.example")).toMatchObject({
      role: "partnership_admin",
      scope: "partnership",
    });
  });

  it("gives exactly the demo users whose role requires it a second factor, with the published demo key", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const rows = await t.db
      .select({ email: users.email, secret: secondFactors.secret, enabledAt: secondFactors.enabledAt })
      .from(secondFactors)
      .innerJoin(users, eq(users.id, secondFactors.userId));
    expect(rows.map((r) => r.email).sort()).toEqual(
      [
        "admin@staffroom.example",
        "hr@northbrook.example",
        "hr@riverside.example",
        "hr.school@northbrook.example",
        "hr@demoshire.example",
        "itt@vale.example",
        "induction@northbrook.example",
        "lead@northbrook.example",
        "programmes@staffroom.example",
      ].sort(),
    );
    expect(rows.every((r) => r.secret === DEMO_TOTP_SECRET && r.enabledAt !== null)).toBe(true);
  });

  it("makes the demo's towns and invented postcodes findable", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    expect(await resolvePlace(t.db, "Northbrook")).toMatchObject({ kind: "town", label: "Northbrook" });
    expect(await resolvePlace(t.db, "demoshire")).toMatchObject({ kind: "local_authority" });
    expect(await resolvePlace(t.db, "DV1")).toMatchObject({ kind: "outcode", label: "DV1" });
  });

  it("refuses to seed twice, leaving the first seed as it was", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    await expect(seedDemoRegion(t.db, { hashPassword })).rejects.toThrow(DemoAlreadySeededError);
    const [counts] = rowsOf<{ p: number; s: number; u: number }>(
      await t.db.execute(
        sql`SELECT (SELECT count(*) FROM partnerships)::int AS p, (SELECT count(*) FROM schools)::int AS s, (SELECT count(*) FROM users)::int AS u`,
      ),
    );
    // The fourteen demo users, the placement season's two extra mentors (db/seed/placements.ts), the nine invented
    // applicants (db/seed/applications.ts), the ECT programme's three mentors (db/seed/programmes.ts), the sixteen
    // pool applicants (db/seed/pool.ts) and the six teachers registered for the fairs (db/seed/fairs.ts).
    expect(counts).toEqual({ p: 1, s: 40, u: 50 });
  });

  it.skipIf(!hasData)(`seeds the same cast around about 40 real Greater Manchester schools ${SKIP}`, async () => {
    const summary = await seedDemoAroundRealSchools(t.db, path.join(dataDir, "schools-greater-manchester.csv"), {
      hashPassword,
    });
    expect(summary.imported.inserted).toBe(1319);
    expect(summary.schools).toBeGreaterThanOrEqual(36);
    expect(summary.users).toBe(14);
    const [la] = await t.db.select().from(organisations).where(eq(organisations.kind, "local_authority"));
    expect(la).toMatchObject({ laCode: "358", name: "Trafford Council" });
    const attached = await t.db.select().from(schools).where(isNotNull(schools.partnershipId));
    expect(attached.length).toBe(summary.schools);
    expect(new Set(attached.map((s) => s.laCode)).size).toBeGreaterThanOrEqual(4);
    const laSchools = attached.filter((s) => s.trustId === null);
    expect(laSchools.length).toBeGreaterThan(0);
    expect(laSchools.every((s) => s.laCode === "358")).toBe(true);
    const [user] = await t.db.select().from(users).where(eq(users.email, "hr@demoshire.example"));
    expect(user).toBeDefined();
    await expect(
      seedDemoAroundRealSchools(t.db, path.join(dataDir, "schools-greater-manchester.csv"), { hashPassword }),
    ).rejects.toThrow(DemoAlreadySeededError);
  });
});

function correlation(xs: number[], ys: number[]): number {
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    // xs and ys are pairs read from the same rows, so ys[i] is there.
    const y = ys[i]!;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
