import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../app/auth/password.server";
import { assessVacancy } from "../../app/pay/assessment.server";
import { outcomeOf, reassessOpenVacanciesBatched } from "../../app/pay/nightly.server";
import { DEFAULT_POLICY } from "../../app/pay/policy";
import { savePolicy } from "../../app/pay/policy.server";
import type { Assessment } from "../../app/pay/rule";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { firstRow, rowsOf } from "../../db/rows";
import { seedDemoRegion } from "../../db/seed/demo";
import { useTestDatabase } from "../support/database";

const DAY = 86_400_000;

describe("the nightly pay pass, batched", () => {
  const t = useTestDatabase();

  /** What assessing every open vacancy one after another finds at `now` (assessVacancy, as the one-by-one pass does). */
  async function oneByOne(now: Date) {
    const open = rowsOf<{ id: string }>(
      await t.db.execute(
        sql`SELECT id FROM vacancies WHERE status = 'published' AND closes_at > ${now.toISOString()}::timestamptz ORDER BY id`,
      ),
    );
    const found = new Map<string, Assessment>();
    for (const { id } of open) {
      const result = await assessVacancy(t.db, id, now);
      if (result) found.set(id, result.assessment);
    }
    return found;
  }

  async function currentOutcomes() {
    return new Map(
      rowsOf<{ id: string; outcome: string }>(
        await t.db.execute(sql`
          SELECT v.id, pa.badge || '|' || coalesce(pa.badge_basis_points::text, 'null') || '|' || coalesce(pa.benchmark::text, 'null') || '|' || pa.flagged AS outcome
            FROM vacancies v JOIN pay_assessments pa ON pa.id = v.pay_assessment_id`),
      ).map((r) => [r.id, r.outcome]),
    );
  }

  /**
   * Runs the batched pass at `now` and checks it against one-by-one: every assessment it made is the one assessVacancy
   * makes, and afterwards every open vacancy's current outcome is the one-by-one outcome (what the one-by-one pass
   * leaves), so the vacancies it skipped could not have changed.
   */
  async function nightAgreeing(now: Date) {
    const expected = await oneByOne(now);
    const seen = new Map<string, Assessment>();
    const outcomes = new Map<string, string>();
    const report = await reassessOpenVacanciesBatched(t.db, now, {
      onAssessed: (id, result) => seen.set(id, result.assessment),
      onOutcome: (id, outcome) => outcomes.set(id, outcome),
      // The nights here follow each other within seconds: no grace for changes still being committed.
      graceSeconds: 0,
    });
    // Every outcome the pass read from a summary of the comparables is the one-by-one outcome, and every assessment it
    // made in full (whose outcome changed) is the one-by-one assessment, evidence and all.
    expect(outcomes.size).toBe(report.assessed);
    for (const [id, outcome] of outcomes) expect(outcome, id).toBe(outcomeOf(expected.get(id)!));
    for (const [id, assessment] of seen) expect(assessment, id).toEqual(expected.get(id));
    const current = await currentOutcomes();
    for (const [id, assessment] of expected) expect(current.get(id), id).toBe(outcomeOf(assessment));
    expect(report.assessed + report.skipped).toBe(expected.size);
    return { report, seen, outcomes, expected };
  }

  it(
    "finds what one-by-one finds on the demo region, after a policy change, on a quiet night and after a neighbour's change",
    { timeout: 180_000 },
    async () => {
      await ensurePayScales(t.db);
      await seedDemoRegion(t.db, { hashPassword });
      const start = new Date();

      // The first night: nothing was checked, so every open teacher vacancy is assessed.
      const first = await nightAgreeing(start);
      expect(first.expected.size).toBeGreaterThan(20);
      expect(first.report.assessed).toBe(first.expected.size);
      expect(first.report.changed).toBeGreaterThan(0);
      expect([...first.expected.values()].some((a) => a.findings.some((f) => "benchmark" in f))).toBe(true);

      // A policy change: every vacancy of the partnership is assessed again under it.
      const { partnershipId, userId } = firstRow(
        rowsOf<{ partnershipId: string; userId: string }>(
          await t.db.execute(
            sql`SELECT p.id AS "partnershipId", (SELECT id FROM users ORDER BY email LIMIT 1) AS "userId" FROM partnerships p WHERE p.slug = 'demo-vale'`,
          ),
        ),
        "the demo partnership",
      );
      await savePolicy(t.db, partnershipId, userId, {
        ...DEFAULT_POLICY,
        radiusMiles: 6,
        toleranceBasisPoints: 150,
        minComparables: 2,
      });
      const afterPolicy = await nightAgreeing(new Date(start.getTime() + DAY));
      expect(afterPolicy.report.assessed).toBe(afterPolicy.expected.size);
      expect(afterPolicy.report.changed).toBeGreaterThan(0);

      // A quiet night: nothing changed, nothing is assessed.
      const quiet = await nightAgreeing(new Date(start.getTime() + 2 * DAY));
      expect(quiet.report).toMatchObject({ assessed: 0, changed: 0 });

      // One school raises its pay: the vacancies near it are assessed again, the others are not. The vacancy raised is
      // still open on that night (one closing before it is no longer the pass's to assess).
      const raised = firstRow(
        rowsOf<{ id: string }>(
          await t.db.execute(sql`
          UPDATE vacancies SET salary_max_fte = salary_max_fte + 9000
           WHERE id = (SELECT id FROM vacancies WHERE status = 'published' AND role = 'classroom_teacher' AND pay_range = 'main'
                          AND closes_at > ${new Date(start.getTime() + 4 * DAY).toISOString()}::timestamptz
                        ORDER BY id LIMIT 1)
          RETURNING id`),
        ),
        "the raised vacancy",
      );
      const neighbour = await nightAgreeing(new Date(start.getTime() + 3 * DAY));
      // The raised vacancy itself (its own digest changed) is assessed again (in full only if its outcome changed);
      // whether any other vacancy is depends on which vacancy the random ids put first (it may have no neighbour with the
      // same keys in range). Either way, nightAgreeing has checked that every vacancy whose outcome one-by-one would
      // change was assessed.
      expect(neighbour.report.assessed).toBeGreaterThanOrEqual(1);
      expect(neighbour.report.skipped).toBeGreaterThan(0);
      expect(neighbour.outcomes.has(raised.id)).toBe(true);
    },
  );
});
