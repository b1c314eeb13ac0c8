import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { areaOffers, groupOffers } from "../../app/pay/area.server";
import {
  assessmentHistory,
  assessVacancy,
  inputsOfMany,
  loadScales,
  policyOf,
  reassessOpenVacancies,
  recordAssessment,
} from "../../app/pay/assessment.server";
import { publicPayBadge } from "../../app/pay/public.server";
import {
  comparablesFor,
  evidenceStatement,
  neighbourEvidence,
  neighbourStatement,
  neighbourSummaries,
} from "../../app/pay/neighbours.server";
import { assessOffer, byDistance, EVIDENCE_COMPARABLES, type Comparable } from "../../app/pay/rule";
import { DEFAULT_POLICY } from "../../app/pay/policy";
import { policyChanges, savePolicy } from "../../app/pay/policy.server";
import { distanceMetres } from "../../app/vocabulary/distance";
import { action as policyAction, loader as policyLoader } from "../../app/routes/admin.$slug_.pay-policy";
import { loader as csvLoader } from "../../app/routes/pay.$slug_.offers[.]csv";
import { loader as payPageLoader } from "../../app/routes/pay.$slug";
import { vacancyFeed } from "../../app/vacancies/public.server";
import { createDraft, setLocation, updateVacancy } from "../../app/vacancies/editing.server";
import { publishVacancy } from "../../app/vacancies/lifecycle.server";
import { BUNDLED_PAY_SCALES, ensurePayScales, importPayScales } from "../../db/importers/pay-scales";
import { importSchools } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { services } from "../../app/services.server";
import { payAssessments, vacancies } from "../../db/schema";
import { drainSearchSync } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";
import { addMembership, createOrganisation, createSchool, createUser, sessionCookie } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { searchRegion } from "../support/search-fixtures";

const t = useTestDatabase();
const SHARED = path.resolve("../shared/data");

/**
 * The search fixture's real Trafford/Manchester schools and offers, plus a trust with one school of its own
 * (Sale, real coordinates) whose HR posts the offer under test. Neighbours' secondary main-range maths and
 * chemistry offers top out at £44,000–£45,352.
 */
async function region() {
  await ensurePayScales(t.db);
  const f = await searchRegion(t.db);
  const trust = await createOrganisation(t.db, {
    slug: "sale-trust",
    name: "Sale Trust",
    partnershipId: f.partnership.id,
  });
  const own = await createSchool(t.db, {
    urn: 106288,
    name: "Sale Grammar School",
    lat: 53.42246,
    lng: -2.30867,
    laCode: "358",
    laName: "Trafford",
    typeGroup: "la_maintained",
    trustId: trust.id,
    partnershipId: f.partnership.id,
  });
  const hr = await createUser(t.db, { email: "hr@sale.example" });
  await addMembership(t.db, hr, "hr", { organisation: trust });
  return { f, trust, own, hr };
}

async function draftOffer(
  r: Awaited<ReturnType<typeof region>>,
  pay: { min: number; max: number },
  title = "Teacher of Mathematics",
  fte = 1000,
) {
  const id = await createDraft(
    t.db,
    r.hr.id,
    { kind: "organisation", id: r.trust.id, name: r.trust.name },
    {
      title,
      role: "classroom_teacher",
      phases: ["secondary"],
      subjects: ["mathematics"],
      payRange: "main",
      salaryMinFte: pay.min,
      salaryMaxFte: pay.max,
      aboutRole: "Teach mathematics to classes across key stages 3 and 4.",
      applyMethod: "external_link",
      applyUrl: "https://example.org/apply",
      closesAt: new Date(Date.now() + 20 * 86_400_000),
    },
  );
  await setLocation(t.db, r.hr.id, id, {
    fte,
    workingPattern: fte === 1000 ? "full_time" : "part_time",
    schools: [{ schoolId: r.own.id, share: null }],
  });
  return id;
}

describe("the neighbour query", () => {
  it("finds other schools' comparable offers within the radius, measured school to school", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 39556 });
    const found = await comparablesFor(
      t.db,
      { vacancyId: id, role: "classroom_teacher", phases: ["secondary"], payRange: "main", entryLevel: false },
      DEFAULT_POLICY,
      new Date(),
    );
    // Secondary main range within 10 miles: the past-closing one at Dixons Brooklands, the closed one at Holy Family,
    // the chemistry role through Prospect Vale (its nearer school). The draft is not an offer; upper-range and primary
    // roles differ; v1 at Dixons Brooklands is suitable for ECTs, so it is an entry-level offer, compared only with those.
    expect(found.map((c) => [c.schoolName, c.salaryMaxFte]).sort()).toEqual([
      ["Dixons Brooklands Academy", 45352],
      ["Holy Family Catholic Primary School", 45352],
      ["Prospect Vale Primary School", 44000],
    ]);
    for (const c of found) {
      const school = Object.values(r.f.schools).find((s) => s.name === c.schoolName)!;
      expect(Math.abs(c.distanceMetres - distanceMetres({ lat: 53.42246, lng: -2.30867 }, school))).toBeLessThan(2);
    }
  });

  it("compares like with like: an offer marked suitable for ECTs moves to the entry-level comparables, with its minimum", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 36413 });
    const shape = { vacancyId: id, role: "classroom_teacher", phases: ["secondary"], payRange: "main" };
    const before = await comparablesFor(t.db, { ...shape, entryLevel: false }, DEFAULT_POLICY, new Date());
    const moved = before.find((c) => c.schoolName === "Prospect Vale Primary School")!;
    // The trigger keeps pay_offers in step with the vacancy in the same statement.
    await t.db.execute(
      sql`UPDATE vacancies SET ect_suitable = true, salary_min_fte = 31650 WHERE id = ${moved.vacancyId}`,
    );
    const experienced = await comparablesFor(t.db, { ...shape, entryLevel: false }, DEFAULT_POLICY, new Date());
    const entryLevel = await comparablesFor(t.db, { ...shape, entryLevel: true }, DEFAULT_POLICY, new Date());
    expect(experienced.map((c) => c.vacancyId)).not.toContain(moved.vacancyId);
    expect(experienced).toHaveLength(before.length - 1);
    // v1 of the fixture is suitable for ECTs already; the moved offer joins it, with its own minimum.
    expect(entryLevel.map((c) => [c.schoolName, c.salaryMinFte, c.entryLevel]).sort()).toEqual([
      ["Dixons Brooklands Academy", 32916, true],
      ["Prospect Vale Primary School", 31650, true],
    ]);
  });

  it.skipIf(!existsSync(path.join(SHARED, "schools-greater-manchester.csv")))(
    "agrees with distances computed here over Greater Manchester's real schools (skipped without ../shared/data)",
    async () => {
      await ensurePayScales(t.db);
      await importSchools(t.db, path.join(SHARED, "schools-greater-manchester.csv"));
      const rows = parse<{
        urn: string;
        lat: string;
        lng: string;
        phase: string;
      }>(readFileSync(path.join(SHARED, "schools-greater-manchester.csv")), { columns: true });
      const byUrn = new Map(
        rows.map((s) => [Number(s.urn), { lat: Number(s.lat), lng: Number(s.lng), phase: s.phase }]),
      );
      const ids = new Map(
        rowsOf<{ id: string; urn: number }>(await t.db.execute(sql`SELECT id, urn FROM schools`)).map((s) => [
          Number(s.urn),
          s.id,
        ]),
      );
      const centre = 106345; // Holy Family Catholic Primary School, Sale
      const secondaries = [...byUrn.entries()].filter(([, s]) => s.phase === "Secondary").map(([urn]) => urn);
      // A maths offer at every GM secondary school, and one at the centre school to assess.
      for (const urn of [...secondaries, centre]) {
        await t.db.execute(sql`
          INSERT INTO vacancies (owner_school_id, status, title, role, phases, subjects, pay_range, salary_min_fte, salary_max_fte, published_at, closes_at)
          VALUES (${ids.get(urn)}, 'published', 'Teacher of Mathematics', 'classroom_teacher', '{secondary}', '{mathematics}', 'main', 32916, 45352, now(), now() + interval '10 days')`);
      }
      await t.db.execute(
        sql`INSERT INTO vacancy_schools (vacancy_id, school_id) SELECT id, owner_school_id FROM vacancies`,
      );
      const own = firstRow(
        rowsOf<{ id: string }>(
          await t.db.execute(
            sql`SELECT v.id FROM vacancies v JOIN schools s ON s.id = v.owner_school_id WHERE s.urn = ${centre}`,
          ),
        ),
        "a row from vacancies",
      );
      const here = byUrn.get(centre)!;
      // Several radii: the index box around each circle must never cut it.
      for (const radiusMiles of [3, 10, 25]) {
        const expected = secondaries.filter(
          (urn) => urn !== centre && distanceMetres(here, byUrn.get(urn)!) <= radiusMiles * 1609.344,
        );
        const found = await comparablesFor(
          t.db,
          { vacancyId: own.id, role: "classroom_teacher", phases: ["secondary"], payRange: "main", entryLevel: false },
          { ...DEFAULT_POLICY, radiusMiles },
          new Date(),
        );
        const foundUrns = found.map((c) => [...ids].find(([, id]) => id === c.schoolId)![0]).sort();
        expect(foundUrns, `${radiusMiles} miles`).toEqual(expected.sort());
        for (const c of found) {
          const urn = [...ids].find(([, id]) => id === c.schoolId)![0];
          expect(Math.abs(c.distanceMetres - distanceMetres(here, byUrn.get(urn)!))).toBeLessThan(2);
        }
      }
      expect(secondaries.filter((urn) => distanceMetres(here, byUrn.get(urn)!) <= 3 * 1609.344).length).toBeGreaterThan(
        2,
      );
    },
  );

  it("keeps the nearest comparables named as evidence, and counts and prices every one, as the rule does from all of them", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 39556 });
    // 32 more secondary schools around Sale, 300 m apart northward, each with a published maths offer on its own pay;
    // one also shares a vacancy with the offer's own school, so it is not "another school's" and is left out.
    for (let i = 0; i < 32; i++) {
      const school = await createSchool(t.db, {
        name: `Ring School ${i}`,
        lat: 53.42246 + (i + 1) * 0.0027,
        lng: -2.30867 + (i % 3) * 0.001,
        phase: "Secondary",
      });
      await t.db.execute(sql`
        INSERT INTO vacancies (owner_school_id, status, title, role, phases, subjects, pay_range, salary_min_fte, salary_max_fte, published_at, closes_at)
        VALUES (${school.id}, 'published', ${`Maths teacher ${i}`}, 'classroom_teacher', '{secondary}', '{mathematics}', 'main',
                32916, ${40000 + ((i * 7) % 11) * 500}, now() - interval '2 days', now() + interval '10 days')`);
      await t.db.execute(sql`
        INSERT INTO vacancy_schools (vacancy_id, school_id, position)
        SELECT v.id, ${school.id}, 0 FROM vacancies v WHERE v.owner_school_id = ${school.id}`);
      if (i === 0)
        await t.db.execute(sql`
          INSERT INTO vacancy_schools (vacancy_id, school_id, position)
          SELECT v.id, ${r.own.id}, 1 FROM vacancies v WHERE v.owner_school_id = ${school.id}`);
    }
    const now = new Date();
    const inputs = firstRow(await inputsOfMany(t.db, [id], now), "the offer's inputs");
    const every = await comparablesFor(t.db, inputs.offer, inputs.policy, now);
    const reference = assessOffer(inputs.offer, inputs.schools, every, await loadScales(t.db), inputs.policy);
    const assessed = (await assessVacancy(t.db, id, now))!.assessment;

    const evidence = (a: typeof assessed) =>
      a.findings.find((f) => f.kind === "undercuts_neighbours" || f.kind === "at_local_rate") as
        { found: number; schools: number; benchmark: number; comparables: Comparable[] } | undefined;
    const kept = evidence(assessed)!;
    // The fixture's three and 31 of the ring (the one sharing a vacancy with the offer's school is not another's).
    expect(kept.found).toBe(34);
    expect(kept.schools).toBe(34);
    expect(kept.comparables).toHaveLength(EVIDENCE_COMPARABLES);
    const nearest = [...every].sort(byDistance).slice(0, EVIDENCE_COMPARABLES);
    expect(kept.comparables.map((c) => c.vacancyId).sort()).toEqual(nearest.map((c) => c.vacancyId).sort());
    for (const c of kept.comparables) expect(c.title && c.schoolName, c.vacancyId).toBeTruthy();
    expect(kept.comparables.some((c) => c.schoolName === "Ring School 0")).toBe(false);

    // The same assessment as the rule makes from every comparable (names aside: those it was given name fewer).
    const unnamed = (a: typeof assessed) =>
      JSON.parse(JSON.stringify(a, (k, v: unknown) => (k === "title" || k === "schoolName" ? undefined : v)));
    expect(unnamed(assessed)).toEqual(unnamed(reference));
    expect(evidence(reference)!.benchmark).toBe(kept.benchmark);

    // The nightly pass's batch gives the same evidence, names included.
    const batch = await neighbourSummaries(t.db, [{ offer: inputs.offer, policy: inputs.policy }], now, {
      nearest: true,
    });
    expect(batch.get(id)).toEqual(await neighbourEvidence(t.db, inputs.offer, inputs.policy, now));

    // One row crosses the wire, however many comparables there are.
    const statement = evidenceStatement(inputs.offer, inputs.policy, now)!.statement;
    expect(rowsOf(await t.db.execute(statement))).toHaveLength(1);

    // Teachers are told how many offers the badge rests on (all of them, not the named nearest), on the offer's basis.
    await t.db.transaction((tx) =>
      recordAssessment(tx, id, { assessment: assessed, policy: inputs.policy }, { reason: "publish" }),
    );
    expect((await publicPayBadge(t.db, id))?.basis).toMatch(
      /^Compared with 34 similar offers at other schools within 10 miles: their median top of range is £[\d,]+\.$/,
    );
    await t.db.execute(sql`
      UPDATE pay_assessments SET findings = (SELECT jsonb_agg(CASE WHEN f ? 'basis' THEN f || '{"basis": "starting_salary"}' ELSE f END)
                                               FROM jsonb_array_elements(findings) f)
       WHERE vacancy_id = ${id}`);
    expect((await publicPayBadge(t.db, id))?.basis).toMatch(/their median starting salary is £/);
  });

  it("is served by pay_offers' index, not a scan of the offers or the vacancies", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 39556 });
    // The statement comparablesFor runs (prepared, so not through db.execute).
    const built = neighbourStatement(
      { vacancyId: id, role: "classroom_teacher", phases: ["secondary"], payRange: "main", entryLevel: false },
      DEFAULT_POLICY,
      new Date(),
    );
    // A test database is small enough that a scan is cheapest; with scans priced out, the plan shows whether the
    // query's conditions can use the index at all (at scale the planner chooses it: docs/performance.md).
    const plan = await t.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return rowsOf<Record<string, string>>(await tx.execute(sql`EXPLAIN ${built!.statement}`))
        .map((row) => Object.values(row)[0])
        .join("\n");
    });
    expect(plan).toMatch(/Index (Only )?Scan using pay_offers_near_idx on pay_offers/);
    expect(plan).toMatch(/Index Cond: .*phase = 'secondary'.*lat_band = band\.n.*lng >=/);
    expect(plan).not.toMatch(/Seq Scan on (pay_offers|vacancies)\b/);
  });
});

describe("publishing with the pay rule", () => {
  it("an undercutting offer needs a justification; without one nothing changes, with one it is kept", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 39556 });
    const refused = await publishVacancy(t.db, r.hr.id, id);
    expect(refused).toMatchObject({ ok: false, reason: "pay", needs: "justification" });
    expect((await t.db.select().from(vacancies).where(eq(vacancies.id, id)))[0]).toMatchObject({
      status: "draft",
      payAssessmentId: null,
    });
    expect(await assessmentHistory(t.db, id)).toEqual([]);
    expect(await publishVacancy(t.db, r.hr.id, id, { justification: "too short" })).toMatchObject({
      reason: "pay",
      needs: "justification",
    });

    const justification = "Part of the role is funded by a grant that ends in July; we will review the pay then.";
    expect(await publishVacancy(t.db, r.hr.id, id, { justification })).toEqual({ ok: true, status: "published" });
    const kept = firstRow(await assessmentHistory(t.db, id), "the kept assessment");
    expect(kept).toMatchObject({
      reason: "publish",
      flagged: true,
      badge: "below_nearby",
      badgeBasisPoints: 1279, // 12.780…%, rounded up: a gap is never shown smaller than it is
      benchmark: 45352,
      justification,
      decidedBy: r.hr.id,
    });
    const undercut = (kept.findings as { kind: string; comparables?: unknown[] }[]).find(
      (x) => x.kind === "undercuts_neighbours",
    );
    expect(undercut?.comparables).toHaveLength(3);
    await drainSearchSync(t.db, services().search);
    const hit = (
      await services().search.search({
        text: "mathematics",
        filters: {},
        sort: "newest",
        page: 1,
        pageSize: 20,
        now: new Date(),
      })
    ).hits.find((h) => h.vacancyId === id);
    expect(hit?.document.payBadge).toEqual({ kind: "below_nearby", basisPoints: 1279 });

    // The open feed carries the finding, so the openness is in the data too.
    const fed = (await vacancyFeed(t.db, 1, 100)).vacancies.find((v) => v.id === id)!;
    expect(fed.payFinding).toMatchObject({
      badge: "below_nearby",
      comparison: {
        kind: "undercuts_neighbours",
        basis: "top_of_range",
        benchmark: 45352,
        offered: 39556,
        comparables: 3,
        differenceBasisPoints: -1279,
      },
    });
  });

  it("an offer at the local rate publishes without a question, with its assessment", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 45352 });
    expect(await publishVacancy(t.db, r.hr.id, id)).toEqual({ ok: true, status: "published" });
    expect((await assessmentHistory(t.db, id))[0]).toMatchObject({
      flagged: false,
      badge: "at_or_above_local_rate",
      justification: null,
    });
  });

  it("a 0.6 FTE offer is compared at its full-time equivalent: the local rate is not undercut by paying 60% of it", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 45352 }, "Teacher of Mathematics (part time)", 600);
    expect(await publishVacancy(t.db, r.hr.id, id)).toEqual({ ok: true, status: "published" });
    expect((await assessmentHistory(t.db, id))[0]).toMatchObject({ flagged: false, badge: "at_or_above_local_rate" });
    // And a part-time post under the local rate, full-time equivalent, is flagged as a full-time one would be.
    const under = await draftOffer(r, { min: 32916, max: 39556 }, "Teacher of Mathematics (part time, lower)", 600);
    expect(await publishVacancy(t.db, r.hr.id, under)).toMatchObject({
      ok: false,
      reason: "pay",
      needs: "justification",
    });
  });

  it("a policy of refusing blocks it even with a justification, and below the statutory minimum is flagged too", async () => {
    const r = await region();
    await savePolicy(t.db, r.f.partnership.id, r.hr.id, { ...DEFAULT_POLICY, onFlag: "block" });
    const id = await draftOffer(r, { min: 30000, max: 45352 });
    const result = await assessVacancy(t.db, id);
    expect(result!.assessment.findings.map((f) => f.kind)).toContain("below_statutory_minimum");
    expect(
      await publishVacancy(t.db, r.hr.id, id, {
        justification: "We really cannot afford the statutory minimum this year.",
      }),
    ).toMatchObject({ reason: "pay", needs: "blocked" });
  });

  it("refuses an edit that would newly flag a live vacancy's pay, and keeps the pay it had", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 45352 });
    await publishVacancy(t.db, r.hr.id, id);
    expect(await updateVacancy(t.db, r.hr.id, id, { salaryMaxFte: 37000 })).toBe("pay-flagged");
    expect((await t.db.select().from(vacancies).where(eq(vacancies.id, id)))[0]?.salaryMaxFte).toBe(45352);
    expect(await updateVacancy(t.db, r.hr.id, id, { salaryMaxFte: 46000 })).toBe("saved");
    expect((await assessmentHistory(t.db, id)).map((a) => a.reason)).toEqual(["edit", "publish"]);
  });
});

describe("the nightly re-check", () => {
  it("keeps a new assessment only when the local picture changed the outcome", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 44000 });
    await publishVacancy(t.db, r.hr.id, id);
    expect((await assessmentHistory(t.db, id))[0]?.badge).toBe("about_local_rate"); // 3.0% below £45,352: within tolerance
    await reassessOpenVacancies(t.db); // the fixture's other vacancies get their first assessments
    expect(await reassessOpenVacancies(t.db)).toMatchObject({ changed: 0 });
    // Neighbours raise their offers: the same pay now undercuts.
    await t.db.execute(sql`UPDATE vacancies SET salary_max_fte = 48000 WHERE id <> ${id} AND salary_max_fte = 45352`);
    const report = await reassessOpenVacancies(t.db);
    expect(report.changed).toBeGreaterThanOrEqual(1);
    const history = await assessmentHistory(t.db, id);
    expect(history.map((a) => [a.reason, a.badge])).toEqual([
      ["nightly", "below_nearby"],
      ["publish", "about_local_rate"],
    ]);
    const { current } = firstRow(
      rowsOf<{ current: string }>(
        await t.db.execute(sql`SELECT pay_assessment_id AS current FROM vacancies WHERE id = ${id}`),
      ),
      "a row from vacancies",
    );
    expect(current).toBe(history[0]?.id);
  });
});

describe("the policy", () => {
  it("logs each change with who and what, and nothing when nothing changed", async () => {
    const r = await region();
    expect(await policyOf(t.db, r.f.partnership.id)).toEqual(DEFAULT_POLICY);
    expect(await savePolicy(t.db, r.f.partnership.id, r.hr.id, { ...DEFAULT_POLICY, toleranceBasisPoints: 500 })).toBe(
      1,
    );
    expect(await savePolicy(t.db, r.f.partnership.id, r.hr.id, { ...DEFAULT_POLICY, toleranceBasisPoints: 500 })).toBe(
      0,
    );
    const changes = await policyChanges(t.db, r.f.partnership.id);
    expect(changes.map((c) => c.changes)).toEqual([{ toleranceBasisPoints: { from: 300, to: 500 } }]);
  });

  it("through its page: only a partnership admin, bad input at the field with a 400", async () => {
    const r = await region();
    const admin = await createUser(t.db, { email: "admin@gm.example" });
    await addMembership(t.db, admin, "partnership_admin", { partnership: r.f.partnership });
    const slug = r.f.partnership.slug;
    expect(
      (await callRoute(policyLoader, getRequest(`/admin/${slug}/pay-policy`, await sessionCookie(r.hr)), { slug }))
        .status,
    ).toBe(404);
    const cookie = await sessionCookie(admin);
    const fields = {
      radiusMiles: "12",
      lookbackMonths: "12",
      minComparables: "3",
      minSchools: "2",
      tolerance: "2.5",
      premium: "10",
      onFlag: "justify",
    };
    const bad = await callRoute(
      policyAction,
      formRequest(`/admin/${slug}/pay-policy`, { ...fields, radiusMiles: "-3", tolerance: "lots" }, cookie),
      { slug },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(["radiusMiles", "tolerance"]);
    expect(await policyOf(t.db, r.f.partnership.id)).toEqual(DEFAULT_POLICY);
    expect(
      (await callRoute(policyAction, formRequest(`/admin/${slug}/pay-policy`, fields, cookie), { slug })).status,
    ).toBe(302);
    expect(await policyOf(t.db, r.f.partnership.id)).toMatchObject({ radiusMiles: 12, toleranceBasisPoints: 250 });
  });
});

describe("the area's pay page", () => {
  it("groups offers by role, phase and pay range with medians, flags, the statutory range and the employer split", async () => {
    const r = await region();
    const id = await draftOffer(r, { min: 32916, max: 39556 });
    await publishVacancy(t.db, r.hr.id, id, { justification: "A temporary grant funds this post; reviewed in July." });
    const offers = await areaOffers(t.db, r.f.partnership.id, DEFAULT_POLICY, new Date());
    const groups = groupOffers(offers, await loadScales(t.db), new Date());
    const secondaryMain = groups.find(
      (g) => g.family === "classroom_teacher" && g.phase === "secondary" && g.payRange === "main",
    )!;
    expect(secondaryMain.offers).toHaveLength(5);
    expect(secondaryMain.median).toBe(45352);
    expect(secondaryMain.flagged).toBe(1);
    expect(secondaryMain.statutory).toMatchObject({ min: 32916, max: 45352, area: "rest_of_england" });
    // Small trusts: two offers at Dixons Brooklands (Mersey trust) and Sale Grammar's; LA schools: Holy Family's, and the
    // chemistry role's first school, Prospect Vale.
    expect(secondaryMain.byEmployer.map((e) => [e.kind, e.count])).toEqual([
      ["large_trust", 0],
      ["small_trust", 3],
      ["la_school", 2],
    ]);

    const page = await callRoute(payPageLoader, getRequest(`/pay/${r.f.partnership.slug}`), {
      slug: r.f.partnership.slug,
    });
    expect(page.status).toBe(200);
    type PayPage = {
      lead: boolean;
      groups: { family: string; phase: string; payRange: string }[];
      contents: { name: string; href: string; offers: number }[];
      errors: Record<string, string>;
    };
    const shown = (await page.json()) as PayPage;
    // By default: what most readers want, classroom teachers in primary and secondary on the main and upper ranges.
    expect(shown.lead).toBe(true);
    expect(shown.groups.length).toBeGreaterThan(0);
    for (const g of shown.groups) {
      expect(g.family).toBe("classroom_teacher");
      expect(["primary", "secondary"]).toContain(g.phase);
      expect(["main", "upper"]).toContain(g.payRange);
    }
    // Every group is in the contents, each with a link that shows it alone.
    expect(shown.contents.length).toBeGreaterThan(shown.groups.length);
    const other = shown.contents.find((c) => !c.href.includes("role=classroom_teacher"))!;
    const url = new URL(other.href, "http://localhost");
    const asked = (await (
      await callRoute(payPageLoader, getRequest(`${url.pathname}${url.search}`), { slug: r.f.partnership.slug })
    ).json()) as PayPage;
    expect(asked.lead).toBe(false);
    expect(asked.groups).toHaveLength(1);
    expect(`role=${asked.groups[0]?.family}&phase=${asked.groups[0]?.phase}&range=${asked.groups[0]?.payRange}`).toBe(
      url.search.slice(1),
    );
    // A made-up choice is a 400 with the message at its field, and draws nothing.
    const bad = await callRoute(
      payPageLoader,
      getRequest(`/pay/${r.f.partnership.slug}?phase=__proto__&employer=toString`),
      { slug: r.f.partnership.slug },
    );
    expect(bad.status).toBe(400);
    const badPage = (await bad.json()) as PayPage;
    expect(badPage.errors).toEqual({
      phase: "Choose a phase from the list",
      employer: "Choose a kind of employer from the list",
    });
    expect(badPage.groups).toEqual([]);
    expect((await callRoute(payPageLoader, getRequest("/pay/nowhere"), { slug: "nowhere" })).status).toBe(404);
    const csv = await callRoute(csvLoader, getRequest(`/pay/${r.f.partnership.slug}/offers.csv`), {
      slug: r.f.partnership.slug,
    });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const rows = parse<Record<string, string>>(await csv.text(), { columns: true });
    expect(rows.find((x) => x.vacancy_id === id)).toMatchObject({
      school: "Sale Grammar School",
      salary_max_fte: "39556",
      flagged: "yes",
      pay_badge: "below_nearby",
    });
  });
});

describe("pay scales", () => {
  it("load the bundled statutory figures once, each with a source", async () => {
    // Every row of the shared file (229) and the headteacher range minimum in four pay areas.
    expect(await ensurePayScales(t.db)).toBe(233);
    expect(await ensurePayScales(t.db)).toBe(0);
    const scales = await loadScales(t.db);
    expect(scales.every((s) => s.source.length > 0)).toBe(true);
    expect(
      scales.find((s) => s.year === "2025/26" && s.area === "inner_london" && s.range === "main" && s.point === "min")
        ?.annual,
    ).toBe(40317);
  });

  it.skipIf(!existsSync(path.join(SHARED, "pay-scales-england.csv")))(
    "the bundle is the full shared file: importing it again changes nothing (skipped without ../shared/data)",
    async () => {
      await importPayScales(t.db, BUNDLED_PAY_SCALES);
      const report = await importPayScales(t.db, path.join(SHARED, "pay-scales-england.csv"));
      expect(report).toMatchObject({ read: 229, inserted: 0, unchanged: 229 });
    },
  );

  it("add bundled figures missing after an upgrade without overwriting an operator's figures", async () => {
    await ensurePayScales(t.db);
    await t.db.execute(sql`DELETE FROM pay_scale_figures WHERE range = 'headteacher'`);
    await t.db.execute(
      sql`UPDATE pay_scale_figures SET annual_pounds = 33000 WHERE year = '2025/26' AND area = 'rest_of_england' AND range = 'main' AND point = 'min'`,
    );
    expect(await ensurePayScales(t.db)).toBe(4);
    const scales = await loadScales(t.db);
    const figure = (range: string) =>
      scales.find((s) => s.year === "2025/26" && s.area === "rest_of_england" && s.range === range && s.point === "min")
        ?.annual;
    expect(figure("headteacher")).toBe(58569);
    expect(figure("main")).toBe(33000);
  });

  it("refuse rows without a source, a real year or a known area, and say why", async () => {
    const { Readable } = await import("node:stream");
    const file = Readable.from([
      "year,area,range,point,annual_gbp,source\n",
      "2026/27,rest_of_england,main,min,34000,Made-up 2026\n",
      "2026/28,rest_of_england,main,max,50000,A source\n",
      "2026/27,moon,main,max,50000,A source\n",
      "2026/27,rest_of_england,main,max,50000,\n",
    ]);
    const report = await importPayScales(t.db, file, { fileName: "test.csv" });
    expect(report.inserted).toBe(1);
    expect(Object.keys(report.skipped).sort()).toEqual([
      "area is not one of rest_of_england, fringe, outer_london, inner_london",
      "no source",
      "year is not like 2025/26",
    ]);
    expect(await t.db.select().from(payAssessments)).toEqual([]);
  });
});
