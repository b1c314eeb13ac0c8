/**
 * `npm run bench`: server-side timings of the queries behind the busiest pages, at the scale of a real
 * region's data: the 25,102 open schools of England (../shared/data) and 100,000 vacancies over them.
 * Runs on the PostgreSQL server named by BENCH_DATABASE_URL (a scratch database is created and dropped),
 * or on an in-memory PGlite when it is unset. Writes its figures into docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { startSession } from "../../app/auth/session.server";
import { hrDashboard } from "../../app/vacancies/dashboard.server";
import { findPublicVacancy, liveVacanciesAtSchool, vacancyFeed } from "../../app/vacancies/public.server";
import { applyDueTransitions } from "../../app/vacancies/scheduler.server";
import type { Database } from "../../db/client";
import { importPostcodes } from "../../db/importers/postcodes";
import { importSchools } from "../../db/importers/schools";
import { vacancies } from "../../db/schema";
import { rowsOf, firstRow } from "../../db/rows";
import { postgresEngine } from "../../search/postgres/engine.server";
import { reindex } from "../../search/reindex.server";
import { assessVacancy, inputsOfMany, reassessOpenVacancies } from "../../app/pay/assessment.server";
import { evidenceStatement } from "../../app/pay/neighbours.server";
import { keepPayOffersInMemory, offersKeptInMemory } from "../../app/pay/offers-in-memory.server";
import { comparedCount } from "../../app/pay/rule";
import { ensurePayScales } from "../../db/importers/pay-scales";
import { services } from "../../app/services.server";
import { loadVacancies } from "./fixture";
import { engineQuery, naiveSearch, outcodes, representativeQueries, totalOf } from "./search";
import { withBenchRuntime } from "./runtime";
import { measure, measureTurnAbout, ms, type percentiles } from "./stats";
import { cycle } from "../support/arrays";
import { cookiePair } from "../support/requests";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-england.csv");
const OUTCODES_FILE = path.resolve("../shared/data/postcode-outcodes-gb.csv");
/** The search page as a visitor would load it: maths within 10 miles (the default) of Manchester's M1. */
const SEARCH_PAGE = "q=maths&location=M1";
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** A query slower than this at p95 gets its EXPLAIN ANALYZE printed. */
const SLOW_MS = 50;
/** A naive search quicker than this (one trust's) is timed turn about with the engine; the others take half a second. */
const QUICK_NAIVE_MS = 50;
type Result = { name: string; p50: number; p95: number; p99: number; n: number };

/** Runs `fn` against a database whose `execute` records each statement, then explains each one. */
async function explainExecuted(db: Database, fn: (spy: Database) => Promise<unknown>): Promise<string[]> {
  const statements: SQL[] = [];
  // A statement planned once comes through a transaction of the spy's own (executePlannedOnce), beside two SETs.
  const spying = <T extends object>(executor: T): T =>
    new Proxy(executor, {
      get(target, key, receiver) {
        const real = target as unknown as Database;
        if (key === "execute") return (query: SQL) => (statements.push(query), real.execute(query));
        if (key === "transaction")
          return (body: (tx: unknown) => unknown) => real.transaction((tx) => body(spying(tx)) as Promise<unknown>);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  await fn(spying(db));
  const plans: string[] = [];
  const dialect = new PgDialect();
  for (const q of statements) {
    if (/^\s*SET\b/i.test(dialect.sqlToQuery(q).sql)) continue;
    plans.push(planText(await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`)));
  }
  return plans;
}

/** Remix's request handler over the production build (built first if missing), as the server uses it. */
async function remixHandler() {
  const buildFile = path.resolve("build/index.js");
  if (!existsSync(buildFile)) spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { stdio: "inherit" });
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  return createRequestHandler(build, "production");
}

/** The scheduler's two queries are built with Drizzle's query builder; these are the same as applyDueTransitions'. */
async function explainScheduler(now: Date): Promise<string[]> {
  const db = services().connection.db;
  const at = now.toISOString();
  const queries = [
    db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} IN ('published', 'scheduled') AND ${vacancies.closesAt} <= ${at}`)
      .orderBy(vacancies.closesAt)
      .limit(1000)
      .toSQL(),
    db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} = 'scheduled' AND ${vacancies.publishAt} <= ${at}`)
      .orderBy(vacancies.publishAt)
      .limit(1000)
      .toSQL(),
  ];
  const plans: string[] = [];
  for (const q of queries) {
    const result = await services().connection.executeSql(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
    plans.push(planText(result.rows));
  }
  return plans;
}

function planText(result: unknown): string {
  return rowsOf<Record<string, string>>(result)
    .map((r) => Object.values(r)[0])
    .join("\n");
}

async function main() {
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`Skipping the benchmark: ${SCHOOLS_FILE} is not present (it needs England's real schools).`);
    return;
  }
  await withBenchRuntime("bench", async (engine) => {
    const db = services().connection.db;
    const version = firstRow(
      rowsOf<{ v: string }>(await db.execute(sql`SELECT current_setting('server_version') AS v`)),
      "the server version",
    ).v;
    console.log(`engine: ${engine} ${version}`);

    let t = performance.now();
    const report = await importSchools(db, SCHOOLS_FILE);
    const importSeconds = (performance.now() - t) / 1000;
    console.log(`imported ${report.inserted} schools in ${importSeconds.toFixed(1)} s`);

    t = performance.now();
    const fixture = await loadVacancies(db, VACANCIES);
    const loadSeconds = (performance.now() - t) / 1000;
    console.log(`loaded ${VACANCIES} vacancies in ${loadSeconds.toFixed(1)} s`);

    const [loadAverage] = os.loadavg() as [number, number, number];
    const results: Result[] = [];
    const run = async (
      name: string,
      fn: (i: number) => Promise<unknown>,
      explain?: () => Promise<string[]>,
      iterations = ITERATIONS,
    ) => {
      const r = await measure(iterations, fn);
      results.push({ name, ...r });
      console.log(`${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}`);
      // A slow query gets its plan printed, to choose an index from.
      if (r.p95 > SLOW_MS && explain)
        for (const plan of await explain()) console.log(`EXPLAIN ANALYZE (${name}):\n${plan}\n`);
    };
    const now = new Date();
    const someSchool = fixture.trustSchoolIds[Math.floor(fixture.trustSchoolIds.length / 2)];
    const handle = await remixHandler();
    const render = async (url: string, headers: Record<string, string> = {}) => {
      const response = await handle(new Request(`http://localhost${url}`, { headers }), {
        cspNonce: "bench",
        clientIp: "127.0.0.1",
      });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html.slice(0, 200)}`);
    };
    // BENCH_ONLY_SEARCH=1 or BENCH_ONLY_PAY=1 runs that benchmark alone (its section of docs/performance.md only).
    if (process.env.BENCH_ONLY_SEARCH) {
      await benchSearch({ engine, version, render });
      return;
    }
    if (process.env.BENCH_ONLY_PAY) {
      await benchPay({ engine, version });
      return;
    }
    await run("(a) public vacancy page: the vacancy, its owner and schools (findPublicVacancy)", (i) =>
      findPublicVacancy(db, cycle(fixture.publishedIds, i * 7919), now),
    );
    await run(
      `(b) HR dashboard, first page (hrDashboard; the trust manages ${fixture.trustVacancies.toLocaleString("en-GB")} vacancies)`,
      () => hrDashboard(db, fixture.hrUserId, { page: 1, pageSize: 25 }),
      () => explainExecuted(db, (spy) => hrDashboard(spy, fixture.hrUserId, { page: 1, pageSize: 25 })),
    );
    await run("(b) HR dashboard, filtered: live only, page 3", () =>
      hrDashboard(db, fixture.hrUserId, { status: "published", page: 3, pageSize: 25 }),
    );
    await run("(b) HR dashboard, filtered: one school, live only", () =>
      hrDashboard(db, fixture.hrUserId, { status: "published", schoolId: someSchool, page: 1, pageSize: 25 }),
    );
    await run(
      "(c) scheduler pass with nothing due (applyDueTransitions)",
      () => applyDueTransitions(db, now),
      () => explainScheduler(now),
    );
    await run("school page: live vacancies at a school (liveVacanciesAtSchool)", (i) =>
      liveVacanciesAtSchool(db, cycle(fixture.schoolIds, i * 104729), now),
    );
    // The feed is slow at this scale (hundreds of ms a call): fewer runs keep the benchmark to a few minutes.
    const feedRuns = Math.min(ITERATIONS, 30);
    await run(
      `open-data feed, page 1 of 50 (vacancyFeed; ${feedRuns} runs)`,
      () => vacancyFeed(db, 1, 50, now),
      undefined,
      feedRuns,
    );
    await run(
      `open-data feed, page 200 of 50 (${feedRuns} runs)`,
      () => vacancyFeed(db, 200, 50, now),
      undefined,
      feedRuns,
    );

    // The same pages end to end on the server: Remix's request handler runs the loaders and renders the HTML.
    const cookie = cookiePair(await startSession(fixture.hrUserId, { verified: true }));
    await run("(a) public vacancy page, whole server render (loaders and HTML, no network)", (i) =>
      render(`/vacancies/${cycle(fixture.publishedIds, i * 7919)}`),
    );
    await run("(b) HR dashboard page, whole server render, signed in", () =>
      render("/hr/vacancies", { Cookie: cookie }),
    );

    writeSection({ engine, version, importSeconds, loadSeconds, loadAverage, results });
    if (!process.env.BENCH_SKIP_SEARCH) await benchSearch({ engine, version, render });
    await benchPay({ engine, version });
  });
}

/**
 * The search benchmark (issue 4): reindex time, then each representative query on the search engine and on
 * the naive baseline, one after the other in the same run. The search page itself is timed too.
 */
async function benchSearch(r: { engine: string; version: string; render: (url: string) => Promise<void> }) {
  const { connection, search } = services();
  const db = connection.db;
  const now = new Date();
  let t = performance.now();
  const report = await reindex(db, search, {
    onProgress: (done, total) => void process.stdout.write(`\rreindex ${done}/${total}`),
  });
  const reindexSeconds = (performance.now() - t) / 1000;
  console.log(
    `\nreindexed ${report.documents} documents (${report.searchable} searchable vacancies) in ${reindexSeconds.toFixed(1)} s`,
  );
  const places = outcodes(OUTCODES_FILE, ["M1", "LS1", "B1", "SW1A"]);
  // The search page looks places up: England's outcode centroids let it find "M1".
  await importPostcodes(db, OUTCODES_FILE);
  const rows: SearchRow[] = [];
  const naiveRuns = Math.min(ITERATIONS, Number(process.env.BENCH_NAIVE_ITERATIONS ?? 20));
  // The engine itself: every run searches (the server's engine keeps results between index writes, ADR 0031).
  const engine = search.name === "postgres" ? postgresEngine(db, { keepResults: false }) : search;
  for (const q of representativeQueries(places)) {
    const query = engineQuery(q, now);
    const total = await totalOf(engine, query);
    // A naive query as quick as the engine's (one trust's) is timed turn about with it, as often; a slow one (half a
    // second, which would upset the engine's next run) 20 times after it.
    const naiveStart = performance.now();
    await naiveSearch(db, query);
    const quick = performance.now() - naiveStart < QUICK_NAIVE_MS;
    const { a: engineTimes, b: naiveTimes } = quick
      ? await measureTurnAbout(
          ITERATIONS,
          () => engine.search(query),
          () => naiveSearch(db, query),
        )
      : {
          a: await measure(ITERATIONS, () => engine.search(query)),
          b: await measure(naiveRuns, () => naiveSearch(db, query)),
        };
    rows.push({ name: q.name, total, engine: engineTimes, naive: naiveTimes });
    console.log(
      `${q.name}: ${total} matches; engine p50 ${ms(engineTimes.p50)} p95 ${ms(engineTimes.p95)} p99 ${ms(engineTimes.p99)}; naive p50 ${ms(naiveTimes.p50)} of ${naiveTimes.n} runs (x${(naiveTimes.p50 / engineTimes.p50).toFixed(0)})`,
    );
  }
  t = performance.now();
  const page = await measure(Math.min(ITERATIONS, 100), () => r.render(`/vacancies?${SEARCH_PAGE}`));
  console.log(`search page render p95 ${ms(page.p95)} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  writeSearchSection({
    ...r,
    reindexSeconds,
    documents: report.documents,
    searchable: report.searchable,
    rows,
    page,
    naiveRuns,
  });
}

/**
 * The pay benchmark (issue 5): one vacancy's assessment as publishing does it (its inputs, policy, the statutory
 * scales and the neighbour query), over the same 100,000 vacancies; then the nightly pass over every open one.
 */
async function benchPay(r: { engine: string; version: string }) {
  const db = services().connection.db;
  await ensurePayScales(db);
  const sample = rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id FROM vacancies WHERE status = 'published' AND role = 'classroom_teacher' ORDER BY md5(id) LIMIT 2000`,
    ),
  ).map((v) => v.id);
  const now = new Date();
  // The first assessment reads every published offer into this process's memory (ADR 0034).
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  await assessVacancy(db, firstRow(sample, "a sampled vacancy"), now);
  const firstMs = performance.now() - loadStarted;
  const keptMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(
    `pay: the first assessment read ${offersKeptInMemory().toLocaleString("en-GB")} vacancies' offers into memory in ${firstMs.toFixed(0)} ms (heap +${keptMiB.toFixed(0)} MiB)`,
  );
  const comparables: number[] = [];
  for (const id of sample.slice(0, 200)) {
    const result = await assessVacancy(db, id, now);
    const evidence = result?.assessment.findings.find((f) => "comparables" in f);
    comparables.push(evidence && "comparables" in evidence ? comparedCount(evidence) : 0);
  }
  const one = await measure(ITERATIONS, (i) => assessVacancy(db, cycle(sample, i * 7919), now));
  console.log(`pay: one assessment p50 ${ms(one.p50)} p95 ${ms(one.p95)} p99 ${ms(one.p99)}`);
  // The same with PAY_OFFERS_IN_MEMORY=off: the neighbours read from the database.
  keepPayOffersInMemory(false);
  const fromDatabase = await measure(ITERATIONS, (i) => assessVacancy(db, cycle(sample, i * 7919), now));
  keepPayOffersInMemory(true);
  console.log(
    `pay: one assessment, offers not kept in memory, p50 ${ms(fromDatabase.p50)} p95 ${ms(fromDatabase.p95)} p99 ${ms(fromDatabase.p99)}`,
  );
  // The neighbour query runs as a prepared statement (not through db.execute): explained from its builder.
  const inputs = await inputsOfMany(db, [firstRow(sample, "a sampled vacancy")], now);
  const built = inputs[0] ? evidenceStatement(inputs[0].offer, inputs[0].policy, now) : null;
  const neighbourPlan = built ? planText(await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${built.statement}`)) : "";
  const scansVacancies = /Seq Scan on vacancies/.test(neighbourPlan);
  console.log(
    `pay: the neighbour query ${scansVacancies ? "SCANS" : "does not scan"} the vacancies table:\n${neighbourPlan}`,
  );
  // BENCH_PAY_SKIP_NIGHTLY=1: one assessment only (the nightly pass has its own benchmark, tests/bench/pay-nightly.ts).
  if (process.env.BENCH_PAY_SKIP_NIGHTLY) {
    const counts = [...comparables].sort((a, b) => a - b);
    console.log(`pay: comparables per vacancy (200 sampled): median ${counts[100]}, most ${counts[199]}`);
    return;
  }
  const started = performance.now();
  const nightly = await reassessOpenVacancies(db, now);
  const nightlySeconds = (performance.now() - started) / 1000;
  console.log(
    `pay: nightly pass over ${nightly.open} open vacancies (${nightly.assessed} assessed, ${nightly.changed} changed) in ${nightlySeconds.toFixed(1)} s`,
  );
  // The next night, on the same picture: every vacancy is assessed again and (nothing having changed) none is kept.
  const again = performance.now();
  const steady = await reassessOpenVacancies(db, now);
  const steadySeconds = (performance.now() - again) / 1000;
  console.log(
    `pay: second nightly pass (${steady.assessed} assessed, ${steady.changed} changed) in ${steadySeconds.toFixed(1)} s`,
  );
  const sorted = [...comparables].sort((a, b) => a - b);
  const date = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
  replaceSection("pay-bench", [
    "## Pay benchmark",
    "",
    `Run ${date} by \`npm run bench\` on ${machineLine()}; ${r.engine} ${r.version.split(" ")[0]}. Data: the ${VACANCIES.toLocaleString("en-GB")} vacancies above`,
    "over England's 25,102 real schools, the bundled statutory figures and the default policy (10 miles, 12 months, 3 offers from 2 schools).",
    `One assessment is \`assessVacancy()\` as publishing calls it: the vacancy and its schools, the partnership's policy, the scales and`,
    `the neighbour query, then the pure rule. ${ITERATIONS} runs over 2,000 published classroom-teacher vacancies, after 10 warm-up runs.`,
    `Comparables found per vacancy (200 sampled): median ${sorted[Math.floor(sorted.length / 2)]}, most ${sorted[sorted.length - 1]}.`,
    "",
    "| measure | p50 | p95 | p99 |",
    "| --- | ---: | ---: | ---: |",
    `| one assessment (goal: p95 under 5 ms, p99 under 10 ms) | ${ms(one.p50)} | ${ms(one.p95)} | ${ms(one.p99)} |`,
    `| one assessment with \`PAY_OFFERS_IN_MEMORY=off\` (neighbours read from the database) | ${ms(fromDatabase.p50)} | ${ms(fromDatabase.p95)} | ${ms(fromDatabase.p99)} |`,
    "",
    `The first assessment of a process read ${offersKeptInMemory().toLocaleString("en-GB")} vacancies' offers into its memory in ${firstMs.toFixed(0)} ms (heap +${keptMiB.toFixed(0)} MiB; ADR 0034).`,
    "",
    `Nightly re-check of every open vacancy (\`reassessOpenVacancies\`, one after another): ${nightly.open.toLocaleString("en-GB")} open, ${nightly.assessed.toLocaleString("en-GB")} assessed`,
    `(teacher roles), ${nightly.changed.toLocaleString("en-GB")} new assessments kept (none existed), in ${nightlySeconds.toFixed(1)} s. The next night on the same`,
    `picture (${steady.assessed.toLocaleString("en-GB")} assessed, ${steady.changed.toLocaleString("en-GB")} kept, as nothing changed): ${steadySeconds.toFixed(1)} s.`,
    "",
    `The neighbour query ${scansVacancies ? "scans" : "does not scan"} the vacancies table; its plan for one vacancy:`,
    "",
    "```",
    neighbourPlan.trim(),
    "```",
  ]);
}

type SearchRow = {
  name: string;
  total: number;
  engine: ReturnType<typeof percentiles>;
  naive: ReturnType<typeof percentiles>;
};

function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function writeSearchSection(r: {
  engine: string;
  version: string;
  reindexSeconds: number;
  documents: number;
  searchable: number;
  rows: SearchRow[];
  page: ReturnType<typeof percentiles>;
  naiveRuns: number;
}) {
  const date = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
  const worst = Math.max(...r.rows.map((x) => x.engine.p95));
  const lines = [
    "## Search benchmark",
    "",
    `Run ${date} by \`npm run bench\` on ${machineLine()}; ${r.engine} ${r.version.split(" ")[0]}, the Postgres search engine`,
    `(search/postgres). Data: the ${VACANCIES.toLocaleString("en-GB")} vacancies above over England's 25,102 real schools; the index holds`,
    `${r.documents.toLocaleString("en-GB")} documents for ${r.searchable.toLocaleString("en-GB")} searchable vacancies. Places are real outcode centroids`,
    "(../shared/data/postcode-outcodes-gb.csv). Every query asks for the first 20 results (or the page named), the exact total and",
    "all eleven facet counts, as the search page does. Server-side time of `engine.search()`, " +
      `${ITERATIONS} runs after 10 warm-up runs; the naive`,
    `baseline (ILIKE and the haversine over every vacancy–school row, facets by GROUP BY; tests/bench/search.ts) ${r.naiveRuns} runs after`,
    `the engine's, or where one takes under ${QUICK_NAIVE_MS} ms ${ITERATIONS} runs, turn about with the engine's.`,
    "",
    `Reindex (fresh tables, bulk load, indexes built, swapped in): ${r.reindexSeconds.toFixed(1)} s for ${r.documents.toLocaleString("en-GB")} documents.`,
    "",
    "| query | matches | p50 | p95 | p99 | naive p50 | naive ÷ engine (p50) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.rows.map(
      (x) =>
        `| ${x.name} | ${x.total.toLocaleString("en-GB")} | ${ms(x.engine.p50)} | ${ms(x.engine.p95)} | ${ms(x.engine.p99)} | ${ms(x.naive.p50)} | ${(x.naive.p50 / x.engine.p50).toFixed(1)}× |`,
    ),
    "",
    `Slowest p95: ${ms(worst)} (target: under 30 ms). The search page (/vacancies?${SEARCH_PAGE}), whole server`,
    `render including the place lookup (the same search each time: after the first, its result is kept in memory, ADR 0031):`,
    `p50 ${ms(r.page.p50)}, p95 ${ms(r.page.p95)}.`,
    "Typo queries find nothing in the naive baseline (ILIKE has no typo tolerance); the timing is still what it costs.",
  ];
  replaceSection("search-bench", lines);
}

/** Replaces one marked section of docs/performance.md, or appends it. */
function replaceSection(marker: string, body: string[]) {
  const file = path.resolve("docs/performance.md");
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const lines = [start, ...body, end].join("\n");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => lines)
    : `${current.trimEnd()}\n\n${lines}\n`;
  writeFileSync(file, next);
  console.log(`figures written to ${path.relative(process.cwd(), file)} (${marker})`);
}

/** Rewrites the "Vacancies benchmark" section of docs/performance.md (between its markers) and nothing else. */
function writeSection(r: {
  engine: string;
  version: string;
  importSeconds: number;
  loadSeconds: number;
  loadAverage: number;
  results: Result[];
}) {
  const file = path.resolve("docs/performance.md");
  const start = "<!-- vacancies-bench:start -->";
  const end = "<!-- vacancies-bench:end -->";
  const date = process.env.BENCH_DATE ?? new Date().toISOString().slice(0, 10);
  const cpus = os.cpus();
  const machine = `${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const slow = r.results.filter((x) => x.p95 > SLOW_MS);
  const load = r.loadAverage.toFixed(1);
  const lines = [
    start,
    "## Vacancies benchmark",
    "",
    `Run ${date} by \`npm run bench\` on ${machine}; ${r.engine} ${r.version.split(" ")[0]}. Data: the 25,102 open schools of`,
    `England (../shared/data/schools-england.csv, imported in ${r.importSeconds.toFixed(1)} s with db/importers/schools.ts) and`,
    `${VACANCIES.toLocaleString("en-GB")} vacancies over them (bulk-loaded with generate_series in ${r.loadSeconds.toFixed(1)} s: 70% live, 10% drafts,`,
    "20% closed; one trust owns 500 schools, so its HR user manages about 2,000 vacancies; the other schools own theirs).",
    `Server-side time of each capability call (no HTTP, no rendering), ${ITERATIONS} runs after 10 warm-up runs, one at a time.`,
    "(a) is app/vacancies/public.server.ts findPublicVacancy, the vacancy page loader's query (vacancy, owner, then its schools).",
    `Load average when the timings started: ${load} on ${cpus.length} cores${Number(load) > cpus.length / 2 ? " (other work shared the machine: tails are inflated)" : ""}.`,
    "",
    "| query | p50 | p95 | p99 |",
    "| --- | ---: | ---: | ---: |",
    ...r.results.map((x) => `| ${x.name} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} |`),
    "",
    slow.length > 0
      ? `Slower than ${SLOW_MS} ms at p95: ${slow.map((x) => x.name.replace(/ \(.*$/, "")).join("; ")}. The run prints their EXPLAIN ANALYZE.`
      : `Every query is under ${SLOW_MS} ms at p95.`,
    end,
  ].join("\n");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n";
  const next = current.includes(start)
    ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => lines)
    : `${current.trimEnd()}\n\n${lines}\n`;
  writeFileSync(file, next);
  console.log(`figures written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
