/**
 * The nightly pay pass and the open-data feed at 100,000 vacancies (issue 19, goals 4 and 5): the batched pass
 * (app/pay/nightly.server.ts) on a first night (nothing checked), a quiet night and the night after a policy change;
 * the one-by-one assessment on a sample, for the before; the feed's first page, and the exact count it replaced.
 * Prints its figures; writes nothing. `BENCH_DATABASE_URL=postgres://… npx tsx tests/bench/pay-nightly.ts`
 * (SHARED_DATA names the directory holding schools-england.csv, ../shared/data by default; BENCH_SCRATCH_PREFIX the
 * scratch database, bench_pay_<random> by default).
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { assessVacancy } from "../../app/pay/assessment.server";
import { reassessOpenVacanciesBatched } from "../../app/pay/nightly.server";
import { DEFAULT_POLICY } from "../../app/pay/policy";
import { services } from "../../app/services.server";
import { vacancyFeed } from "../../app/vacancies/public.server";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { importSchools } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { loadVacancies } from "./fixture";
import { withBenchRuntime } from "./runtime";
import { measure, ms } from "./stats";

const SCHOOLS_FILE = path.resolve(process.env.SHARED_DATA ?? "../shared/data", "schools-england.csv");
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 100_000);
const SAMPLE = Number(process.env.BENCH_PAY_SAMPLE ?? 3000);
const DAY = 86_400_000;

async function main() {
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`Skipping: ${SCHOOLS_FILE} is not present (it needs England's real schools).`);
    return;
  }
  await withBenchRuntime("bench_pay", async (engine) => {
    const db = services().connection.db;
    const cpus = os.cpus();
    console.log(
      `machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${engine}`,
    );
    await importSchools(db, SCHOOLS_FILE);
    let t = performance.now();
    await loadVacancies(db, VACANCIES);
    console.log(`loaded ${VACANCIES} vacancies in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await ensurePayScales(db);
    // Every school in the bench partnership, so that its policy is every vacancy's policy.
    const { id: partnershipId } = firstRow(
      rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM partnerships WHERE slug = 'bench'`)),
      "the bench partnership",
    );
    await db.execute(sql`UPDATE schools SET partnership_id = ${partnershipId}`);
    // The bulk load logged every offer as a change a moment ago, inside the hour the pass allows for late commits
    // (EVENT_GRACE_SECONDS), so every night would see every vacancy as near a change. A region's offers were loaded
    // long before: the log is dated two hours back, so a quiet night is quiet.
    await db.execute(sql`UPDATE pay_offer_events SET at = at - interval '2 hours'`);
    await db.execute(sql`ANALYZE`);
    console.log(`load average: ${os.loadavg()[0]!.toFixed(2)}`);

    // The feed: its first page now, and the exact count of live rows that was most of its time before.
    const now = new Date();
    const feed = await measure(200, () => vacancyFeed(db, 1, 50, now));
    const count = await measure(200, () =>
      db.execute(
        sql`SELECT count(*)::int AS n FROM vacancies WHERE status = 'published' AND closes_at > ${now.toISOString()}`,
      ),
    );
    const total = (await vacancyFeed(db, 1, 50, now)).total;
    console.log(
      `feed page 1 of 50 (total ${total}): p50 ${ms(feed.p50)} p95 ${ms(feed.p95)} p99 ${ms(feed.p99)}; ` +
        `the count it no longer runs: p50 ${ms(count.p50)} p95 ${ms(count.p95)} p99 ${ms(count.p99)}`,
    );
    const page200 = await measure(50, () => vacancyFeed(db, 200, 50, now));
    console.log(`feed page 200 of 50: p50 ${ms(page200.p50)} p95 ${ms(page200.p95)} p99 ${ms(page200.p99)}`);

    // Before: one vacancy after another (assessVacancy, as reassessOpenVacancies does), on a sample.
    const sample = rowsOf<{ id: string }>(
      await db.execute(
        sql`SELECT id FROM vacancies WHERE status = 'published' AND closes_at > ${now.toISOString()} ORDER BY md5(id) LIMIT ${SAMPLE}`,
      ),
    ).map((r) => r.id);
    t = performance.now();
    for (const id of sample) await assessVacancy(db, id, now);
    const perVacancy = (performance.now() - t) / sample.length;
    const open = firstRow(
      rowsOf<{ n: number }>(
        await db.execute(
          sql`SELECT count(*)::int AS n FROM vacancies WHERE status = 'published' AND closes_at > ${now.toISOString()}`,
        ),
      ),
      "the open count",
    ).n;
    console.log(
      `one by one (assessment only, no writes): ${perVacancy.toFixed(2)} ms a vacancy over ${sample.length}; ` +
        `${open} open vacancies would take ${((perVacancy * open) / 1000).toFixed(0)} s`,
    );

    const night = async (label: string, at: Date) => {
      const started = performance.now();
      const report = await reassessOpenVacanciesBatched(db, at);
      console.log(
        `${label}: ${((performance.now() - started) / 1000).toFixed(1)} s (${report.open} open, ${report.assessed} assessed, ` +
          `${report.skipped} unchanged, ${report.changed} new assessments kept; load average ${os.loadavg()[0]!.toFixed(2)})`,
      );
    };
    await night("batched pass, first night (nothing checked yet)", now);
    await night("batched pass, quiet night", new Date(now.getTime() + DAY));
    await db.execute(sql`
      INSERT INTO pay_policies (partnership_id, radius_miles, lookback_months, min_comparables, min_schools,
                                tolerance_basis_points, premium_basis_points, on_flag)
      VALUES (${partnershipId}, ${DEFAULT_POLICY.radiusMiles}, ${DEFAULT_POLICY.lookbackMonths}, ${DEFAULT_POLICY.minComparables},
              ${DEFAULT_POLICY.minSchools}, 500, ${DEFAULT_POLICY.premiumBasisPoints}, 'justify')`);
    await night("batched pass after a policy change (tolerance 3% to 5%)", new Date(now.getTime() + 2 * DAY));
    await night("batched pass, quiet night again", new Date(now.getTime() + 3 * DAY));
  });
}

await main();
