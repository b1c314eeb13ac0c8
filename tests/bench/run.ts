/**
 * `npm run bench`: server-side timings of the queries behind the busiest pages, at the scale of a real
 * region's data: the 25,102 open schools of England (../shared/data) and 100,000 vacancies over them.
 * Runs on the PostgreSQL server named by BENCH_DATABASE_URL (a scratch database is created and dropped),
 * or on an in-memory PGlite when it is unset. Writes its figures into docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql, type SQL } from "drizzle-orm";
import postgres from "postgres";
import { startSession } from "../../app/auth/session.server";
import { loadConfig } from "../../app/config.server";
import { startRuntime, stopRuntime } from "../../app/runtime.server";
import { hrDashboard } from "../../app/vacancies/dashboard.server";
import { findPublicVacancy, liveVacanciesAtSchool, vacancyFeed } from "../../app/vacancies/public.server";
import { applyDueTransitions } from "../../app/vacancies/vacancies.server";
import type { Database } from "../../db/client";
import { importSchools } from "../../db/importers/schools";
import { vacancies } from "../../db/schema";
import { rowsOf } from "../../db/rows";
import { runtime } from "../../db/runtime";
import { measure, ms } from "./stats";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-england.csv");
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
/** A query slower than this at p95 gets its EXPLAIN ANALYZE printed. */
const SLOW_MS = 50;
type Result = { name: string; p50: number; p95: number; p99: number; n: number };

/** Runs `fn` against a database whose `execute` records each statement, then explains each one. */
async function explainExecuted(db: Database, fn: (spy: Database) => Promise<unknown>): Promise<string[]> {
  const statements: SQL[] = [];
  const spy = new Proxy(db, {
    get(target, key, receiver) {
      if (key === "execute") return (query: SQL) => (statements.push(query), target.execute(query));
      return Reflect.get(target, key, receiver);
    },
  });
  await fn(spy);
  const plans: string[] = [];
  for (const q of statements) plans.push(planText(await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`)));
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
  const db = runtime().connection.db;
  const at = now.toISOString();
  const queries = [
    db.select({ id: vacancies.id }).from(vacancies)
      .where(sql`${vacancies.status} IN ('published', 'scheduled') AND ${vacancies.closesAt} <= ${at}`)
      .orderBy(vacancies.closesAt).limit(1000).toSQL(),
    db.select({ id: vacancies.id }).from(vacancies)
      .where(sql`${vacancies.status} = 'scheduled' AND ${vacancies.publishAt} <= ${at}`)
      .orderBy(vacancies.publishAt).limit(1000).toSQL(),
  ];
  const plans: string[] = [];
  for (const q of queries) {
    const result = await runtime().connection.executeSql(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
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
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let databaseUrl: string | undefined;
  const scratch = `bench_${randomBytes(5).toString("hex")}`;
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${scratch}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    databaseUrl = url.toString();
  }
  const engine = serverUrl ? "PostgreSQL server" : "PGlite (in memory)";
  try {
    await startRuntime(loadConfig({ NODE_ENV: "test", DATA_DIR: "memory://", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }), {
      workers: false,
      seed: false,
    });
    const db = runtime().connection.db;
    const version = rowsOf<{ v: string }>(await db.execute(sql`SELECT current_setting('server_version') AS v`))[0].v;
    console.log(`engine: ${engine} ${version}`);

    let t = performance.now();
    const report = await importSchools(db, SCHOOLS_FILE);
    const importSeconds = (performance.now() - t) / 1000;
    console.log(`imported ${report.inserted} schools in ${importSeconds.toFixed(1)} s`);

    t = performance.now();
    const fixture = await loadVacancies(db, VACANCIES);
    const loadSeconds = (performance.now() - t) / 1000;
    console.log(`loaded ${VACANCIES} vacancies in ${loadSeconds.toFixed(1)} s`);

    const loadAverage = os.loadavg()[0];
    const results: Result[] = [];
    const run = async (name: string, fn: (i: number) => Promise<unknown>, explain?: () => Promise<string[]>, iterations = ITERATIONS) => {
      const r = await measure(iterations, fn);
      results.push({ name, ...r });
      console.log(`${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}`);
      // A slow query gets its plan printed, to choose an index from.
      if (r.p95 > SLOW_MS && explain) for (const plan of await explain()) console.log(`EXPLAIN ANALYZE (${name}):\n${plan}\n`);
    };
    const now = new Date();
    const someSchool = fixture.trustSchoolIds[Math.floor(fixture.trustSchoolIds.length / 2)];
    await run("(a) public vacancy page: the vacancy, its owner and schools (findPublicVacancy)", (i) =>
      findPublicVacancy(db, fixture.publishedIds[(i * 7919) % fixture.publishedIds.length], now),
    );
    await run(
      `(b) HR dashboard, first page (hrDashboard; the trust manages ${fixture.trustVacancies.toLocaleString("en-GB")} vacancies)`,
      () => hrDashboard(db, fixture.hrUserId, { page: 1, pageSize: 25 }),
      () => explainExecuted(db, (spy) => hrDashboard(spy, fixture.hrUserId, { page: 1, pageSize: 25 })),
    );
    await run("(b) HR dashboard, filtered: live only, page 3", () => hrDashboard(db, fixture.hrUserId, { status: "published", page: 3, pageSize: 25 }));
    await run("(b) HR dashboard, filtered: one school, live only", () =>
      hrDashboard(db, fixture.hrUserId, { status: "published", schoolId: someSchool, page: 1, pageSize: 25 }),
    );
    await run("(c) scheduler pass with nothing due (applyDueTransitions)", () => applyDueTransitions(db, now), () => explainScheduler(now));
    await run("school page: live vacancies at a school (liveVacanciesAtSchool)", (i) =>
      liveVacanciesAtSchool(db, fixture.schoolIds[(i * 104729) % fixture.schoolIds.length], now),
    );
    // The feed is slow at this scale (hundreds of ms a call): fewer runs keep the benchmark to a few minutes.
    const feedRuns = Math.min(ITERATIONS, 30);
    await run(`open-data feed, page 1 of 50 (vacancyFeed; ${feedRuns} runs)`, () => vacancyFeed(db, 1, 50, now), undefined, feedRuns);
    await run(`open-data feed, page 200 of 50 (${feedRuns} runs)`, () => vacancyFeed(db, 200, 50, now), undefined, feedRuns);

    // The same pages end to end on the server: Remix's request handler runs the loaders and renders the HTML.
    const handle = await remixHandler();
    const cookie = (await startSession(fixture.hrUserId)).split(";")[0];
    const render = async (url: string, headers: Record<string, string> = {}) => {
      const response = await handle(new Request(`http://localhost${url}`, { headers }), { cspNonce: "bench", clientIp: "127.0.0.1" });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${html.slice(0, 200)}`);
    };
    await run("(a) public vacancy page, whole server render (loaders and HTML, no network)", (i) =>
      render(`/vacancies/${fixture.publishedIds[(i * 7919) % fixture.publishedIds.length]}`),
    );
    await run("(b) HR dashboard page, whole server render, signed in", () => render("/hr/vacancies", { Cookie: cookie }));

    writeSection({ engine, version, importSeconds, loadSeconds, loadAverage, results });
  } finally {
    await stopRuntime().catch(() => {});
    if (serverUrl) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/**
 * 100,000 vacancies over every school, in SQL: one trust owns 500 schools (so its HR manages about
 * 2,000 vacancies), the rest are owned by their school. Mostly live, some drafts and closed.
 */
async function loadVacancies(db: ReturnType<typeof runtime>["connection"]["db"], count: number) {
  await db.execute(sql`INSERT INTO partnerships (slug, name, region) VALUES ('bench', 'Bench', 'England')`);
  const [trust] = rowsOf<{ id: string }>(
    await db.execute(sql`INSERT INTO organisations (kind, slug, name) VALUES ('academy_trust', 'bench-trust', 'Bench Trust') RETURNING id`),
  );
  await db.execute(sql`UPDATE schools SET trust_id = ${trust.id} WHERE id IN (SELECT id FROM schools ORDER BY urn LIMIT 500)`);
  const [user] = rowsOf<{ id: string }>(
    await db.execute(sql`INSERT INTO users (email, name, password_hash) VALUES ('hr@bench.example', 'Bench HR', 'x') RETURNING id`),
  );
  await db.execute(sql`INSERT INTO memberships (user_id, role, scope_kind, organisation_id) VALUES (${user.id}, 'hr', 'organisation', ${trust.id})`);
  await db.execute(sql`CREATE TEMP TABLE bench_schools AS SELECT id, trust_id, row_number() OVER (ORDER BY urn) AS n FROM schools`);
  const [{ c }] = rowsOf<{ c: number }>(await db.execute(sql`SELECT count(*)::int AS c FROM bench_schools`));
  // Vacancy g sits at school ((g * 7919) mod c) + 1: spread evenly, deterministically.
  const batch = 20_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      INSERT INTO vacancies (id, owner_organisation_id, owner_school_id, status, title, role, phases, subjects, pay_range,
                             salary_min_fte, salary_max_fte, fte, about_role, apply_method, apply_url, published_at, closes_at,
                             closed_at, closed_reason, updated_at)
      SELECT md5('bench' || g)::uuid::text, s.trust_id, CASE WHEN s.trust_id IS NULL THEN s.id END,
             (CASE WHEN g % 10 < 7 THEN 'published' WHEN g % 10 < 8 THEN 'draft' ELSE 'closed' END)::vacancy_status,
             (ARRAY['Teacher of Mathematics','Class Teacher','Teacher of English','Head of Science','SENCO','Teaching Assistant'])[1 + g % 6],
             (ARRAY['classroom_teacher','classroom_teacher','classroom_teacher','head_of_department','senco','teaching_assistant'])[1 + g % 6],
             ARRAY[(ARRAY['primary','secondary'])[1 + g % 2]], ARRAY[(ARRAY['mathematics','english','science'])[1 + g % 3]],
             'main', 32916, (ARRAY[37101, 39556, 42057, 45352])[1 + g % 4], (CASE WHEN g % 5 = 0 THEN 0.6 ELSE 1 END)::numeric,
             'A benchmark vacancy.', 'external_link', 'https://example.org',
             now() - ((g % 30) || ' days')::interval,
             CASE WHEN g % 10 < 8 THEN now() + ((1 + g % 60) || ' days')::interval ELSE now() - ((1 + g % 30) || ' days')::interval END,
             CASE WHEN g % 10 >= 8 THEN now() - ((1 + g % 30) || ' days')::interval END,
             (CASE WHEN g % 10 >= 8 THEN 'expired' END)::vacancy_close_reason,
             now() - ((g % 1000) || ' minutes')::interval
        FROM generate_series(${from}::int, ${to}::int) g
        JOIN bench_schools s ON s.n = ((g::bigint * 7919) % ${c}) + 1`);
    await db.execute(sql`
      INSERT INTO vacancy_schools (vacancy_id, school_id)
      SELECT md5('bench' || g)::uuid::text, s.id
        FROM generate_series(${from}::int, ${to}::int) g
        JOIN bench_schools s ON s.n = ((g::bigint * 7919) % ${c}) + 1`);
  }
  await db.execute(sql`ANALYZE`);
  const publishedIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM vacancies WHERE status = 'published' ORDER BY id LIMIT 5000`)).map((r) => r.id);
  const schoolIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM schools ORDER BY urn`)).map((r) => r.id);
  const [{ n: trustVacancies }] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM vacancies WHERE owner_organisation_id = ${trust.id}`),
  );
  const trustSchoolIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM schools WHERE trust_id = ${trust.id} ORDER BY urn`)).map((r) => r.id);
  return { hrUserId: user.id, publishedIds, schoolIds, trustSchoolIds, trustVacancies };
}

/** Rewrites the "Vacancies benchmark" section of docs/performance.md (between its markers) and nothing else. */
function writeSection(r: { engine: string; version: string; importSeconds: number; loadSeconds: number; loadAverage: number; results: Result[] }) {
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
