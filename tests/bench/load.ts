/**
 * `npm run bench:load`: the whole server under concurrent load, as visitors meet it. A production build of server.ts
 * runs on loopback and autocannon (ADR 0028) keeps N connections busy for a bounded time on each page:
 * - on the PostgreSQL server named by BENCH_DATABASE_URL (a scratch database, dropped afterwards), at England's
 *   25,102 schools and 100,000 vacancies (tests/bench/fixture.ts), with one and with two server processes;
 * - on the embedded database (PGlite) that `npm start` uses, on the demo region, at 20 and 50 connections.
 * Prints a table for docs/performance.md. LOAD_SECONDS (default 15) is each page's duration; LOAD_ONLY=server or
 * LOAD_ONLY=embedded runs one half; LOAD_PAGES=search,searches,vacancy,vacancy-writes,hr,hr-writes,feed picks pages; LOAD_PROCESSES=1,2 picks the
 * settings; LOAD_PROFILE=<folder> has every server process write a V8 CPU profile there (read it with
 * tests/bench/profile-summary.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { loadConfig } from "../../app/config.server";
import { startRuntime, stopRuntime } from "../../app/runtime.server";
import { services } from "../../app/services.server";
import { startSession } from "../../app/auth/session.server";
import { importPostcodes } from "../../db/importers/postcodes";
import { importSchools } from "../../db/importers/schools";
import { reindex } from "../../search/reindex.server";
import { cookiePair } from "../support/requests";
import { freePort } from "../support/server-process";
import { loadVacancies } from "./fixture";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-england.csv");
const OUTCODES_FILE = path.resolve("../shared/data/postcode-outcodes-gb.csv");
const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const ONLY = process.env.LOAD_ONLY;
const PROFILE = process.env.LOAD_PROFILE;
const PAGES = process.env.LOAD_PAGES?.split(",");
const PROCESSES = (process.env.LOAD_PROCESSES ?? "1,2").split(",").map(Number);

/** Searches a region's visitors make: a subject near a city, 12 subjects × 4 places, each page 1. */
const SEARCH_MIX = [
  "maths",
  "english",
  "science",
  "physics",
  "chemistry",
  "biology",
  "history",
  "geography",
  "computing",
  "music",
  "art",
  "drama",
].flatMap((q) => ["M1", "LS1", "B1", "SW1A"].map((place) => `/vacancies?q=${q}&location=${place}`));

type Page = {
  key: string;
  name: string;
  connections: number;
  paths: string[];
  headers?: Record<string, string>;
  /** A committed write to a watched table this often while the page is loaded (ADR 0041): an area at work. */
  writeEveryMs?: number;
};
type Row = {
  setting: string;
  page: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  cpuMs: number | null;
};

/** The production settings a real deployment needs, with values that reach nothing outside this machine. */
function productionEnv(port: number, extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    SESSION_SECRET: process.env.LOAD_SESSION_SECRET ?? "load-benchmark-secret-0123456789abcdef",
    // Nothing is mailed: no page under load sends mail, and the key is not Resend's.
    RESEND_API_KEY: "re_load_benchmark_not_a_key",
    APP_URL: "https://staffroom.invalid",
    SEED_DEMO: "auto",
    ...extra,
  };
}

function ensureBuild(): void {
  const build = spawnSync(path.resolve("node_modules/.bin/remix"), ["build"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
}

type Server = { child: ChildProcess; output: () => string };

/** The Node flags `npm run serve` gives the server (package.json), so that the benchmark runs what is deployed. */
function serveNodeFlags(): string[] {
  if (process.env.LOAD_NODE_FLAGS !== undefined) return process.env.LOAD_NODE_FLAGS.split(" ").filter(Boolean);
  const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  const flags = /\btsx (.*)server\.ts/.exec(scripts.serve ?? "")?.[1];
  if (flags === undefined) throw new Error("package.json's serve script does not run tsx server.ts");
  return flags.split(" ").filter(Boolean);
}

const CLOCK_TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/**
 * CPU time (user and system, ms) of a process and every process under it, from /proc: the server's own cost of the
 * pages it served, whatever else the machine was doing (Linux only; null elsewhere).
 */
function cpuMsOfTree(rootPid: number | undefined): number | null {
  if (rootPid === undefined || !existsSync("/proc/self/stat")) return null;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // it ended in between
    }
    // Fields after the command name, which is in parentheses and may hold spaces: state ppid ... utime stime.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
  }
  let ticks = 0;
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!tree.has(pid) && tree.has(stat.ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  for (const pid of tree) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function startServer(env: Record<string, string>, processes: number): Promise<Server> {
  const profile = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, ...serveNodeFlags(), "--import", "tsx", "server.ts"], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const deadline = Date.now() + 600_000;
  while ((output.match(/serving on/g) ?? []).length < processes) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => output };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  server.child.kill("SIGTERM");
  await exited;
}

/** Renames an organisation to its own name: a committed write that every kept page (ADR 0041) must see. */
function startWriting(databaseUrl: string | undefined, everyMs: number | undefined): () => Promise<number> {
  if (!databaseUrl || !everyMs) return async () => 0;
  const writer = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let writes = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void writer`UPDATE organisations SET name = name WHERE id = (SELECT min(id) FROM organisations)`
      .then(() => writes++)
      .finally(() => (busy = false));
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await writer.end();
    return writes;
  };
}

/** One page under load: each connection takes the next of `paths` in turn. */
async function hammer(base: string, page: Page, seconds = SECONDS, serverPid?: number, databaseUrl?: string) {
  let next = 0;
  const stopWriting = startWriting(databaseUrl, seconds === SECONDS ? page.writeEveryMs : undefined);
  const cpuBefore = cpuMsOfTree(serverPid);
  const result = await autocannon({
    url: base,
    connections: page.connections,
    duration: seconds,
    headers: page.headers,
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: page.paths[next++ % page.paths.length]! }),
      },
    ],
  });
  const cpuAfter = cpuMsOfTree(serverPid);
  const writes = await stopWriting();
  if (page.writeEveryMs) console.log(`(${writes} writes committed while ${page.name} was loaded)`);
  return {
    cpuMs: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, result.requests.total),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

async function measurePages(
  setting: string,
  base: string,
  all: Page[],
  rows: Row[],
  server: Server,
  databaseUrl?: string,
): Promise<void> {
  const pages = all.filter((p) => !PAGES || PAGES.includes(p.key));
  // Warm-up: the first requests compile queries and fill caches.
  for (const page of pages) await hammer(base, { ...page, connections: 4 }, 2);
  for (const page of pages) {
    const r = await hammer(base, page, SECONDS, server.child.pid, databaseUrl);
    const row = { setting, page: page.name, connections: page.connections, ...r };
    rows.push(row);
    console.log(
      `${setting} | ${page.name} | ${page.connections} conns: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.bad} not 2xx/errors, ${r.cpuMs?.toFixed(2) ?? "?"} ms of the server's CPU a page`,
    );
    // A failing page is not a figure: show what the server said.
    if (r.bad > 0) console.log(`the server's last words:\n${server.output().split("\n").slice(-40).join("\n")}`);
  }
}

async function feedIds(base: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 4; page++) {
    const response = await fetch(`${base}/api/v1/vacancies?page=${page}&per_page=50`);
    const body = (await response.json()) as { data?: { id: string }[]; vacancies?: { id: string }[] };
    for (const v of body.data ?? body.vacancies ?? []) ids.push(v.id);
  }
  if (ids.length === 0) throw new Error("the feed listed no vacancies to load");
  return ids;
}

/** The PostgreSQL server at 100,000 vacancies, with one process and then two. */
async function onServer(rows: Row[]): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    console.log("Skipping the database-server half: BENCH_DATABASE_URL is not set.");
    return;
  }
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`Skipping the database-server half: ${SCHOOLS_FILE} is not present.`);
    return;
  }
  const scratch = `bench_load_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${scratch}`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const port = await freePort();
  const env = productionEnv(port, {
    DATABASE_URL: url.toString(),
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "load-")),
  });
  try {
    await startRuntime(loadConfig(env), { workers: false, seed: false });
    const db = services().connection.db;
    await importSchools(db, SCHOOLS_FILE);
    await importPostcodes(db, OUTCODES_FILE);
    const fixture = await loadVacancies(db, 100_000);
    await reindex(db, services().search);
    const cookie = cookiePair(await startSession(fixture.hrUserId, { verified: true }));
    await stopRuntime();
    const vacancyPaths = fixture.publishedIds.slice(0, 500).map((id) => `/vacancies/${id}`);
    const pages: Page[] = [
      {
        key: "search",
        name: "search page: maths within 10 miles of M1",
        connections: 50,
        paths: ["/vacancies?q=maths&location=M1"],
      },
      {
        key: "searches",
        name: `search pages: ${SEARCH_MIX.length} searches in turn (subjects × places)`,
        connections: 50,
        paths: SEARCH_MIX,
      },
      { key: "vacancy", name: "a vacancy page (500 in turn)", connections: 50, paths: vacancyPaths },
      {
        key: "vacancy-writes",
        name: "a vacancy page (500 in turn), a write committed every second",
        connections: 50,
        paths: vacancyPaths,
        writeEveryMs: 1_000,
      },
      {
        key: "hr",
        name: "HR dashboard, signed in (1,988 vacancies)",
        connections: 50,
        paths: ["/hr/vacancies"],
        headers: { Cookie: cookie },
      },
      {
        key: "hr-writes",
        name: "HR dashboard, signed in, a write committed every second",
        connections: 50,
        paths: ["/hr/vacancies"],
        headers: { Cookie: cookie },
        writeEveryMs: 1_000,
      },
      { key: "feed", name: "feed, first page (/api/v1/vacancies)", connections: 50, paths: ["/api/v1/vacancies"] },
    ];
    // Before ADR 0031: every search runs (one process, the search pages only, no page kept either).
    if (!PAGES || PAGES.includes("search") || PAGES.includes("searches")) {
      const server = await startServer(
        { ...env, WEB_CONCURRENCY: "1", SEARCH_KEEP_RESULTS: "off", KEEP_PAGES: "off" },
        1,
      );
      try {
        await measurePages(
          "PostgreSQL, 1 process, results and pages not kept",
          `http://127.0.0.1:${port}`,
          pages.filter((p) => p.key.startsWith("search")),
          rows,
          server,
        );
      } finally {
        await stopServer(server);
      }
    }
    // Before ADRs 0041 and 0043: every page is made (one process; the HR dashboard too, as its first view is).
    {
      const server = await startServer({ ...env, WEB_CONCURRENCY: "1", KEEP_PAGES: "off" }, 1);
      try {
        await measurePages(
          "PostgreSQL, 1 process, pages not kept",
          `http://127.0.0.1:${port}`,
          pages.filter((p) => p.key.startsWith("search") || p.key === "vacancy" || p.key === "hr"),
          rows,
          server,
        );
      } finally {
        await stopServer(server);
      }
    }
    for (const processes of PROCESSES) {
      const server = await startServer({ ...env, WEB_CONCURRENCY: String(processes) }, processes);
      try {
        await measurePages(
          `PostgreSQL, ${processes} process${processes > 1 ? "es" : ""}`,
          `http://127.0.0.1:${port}`,
          pages,
          rows,
          server,
          url.toString(),
        );
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    await stopRuntime().catch(() => {});
    await admin.unsafe(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
    rmSync(env.DATA_DIR!, { recursive: true, force: true });
  }
}

/** The embedded database `npm start` uses, on the demo region it seeds: pages not kept (ADR 0041), then kept. */
async function onEmbedded(rows: Row[]): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "load-embedded-"));
  try {
    for (const keep of ["off", "on"]) {
      const port = await freePort();
      // npm start on the embedded database runs in production mode without a secret, Resend or https.
      const server = await startServer(
        { NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, KEEP_PAGES: keep },
        1,
      );
      const base = `http://127.0.0.1:${port}`;
      try {
        const vacancyPaths = (await feedIds(base)).map((id) => `/vacancies/${id}`);
        const search = ["/vacancies?q=maths&location=DV1"];
        await measurePages(
          `PGlite, demo region${keep === "off" ? ", pages not kept" : ""}`,
          base,
          [
            { key: "search", name: "search page: maths near DV1", connections: 20, paths: search },
            { key: "search", name: "search page: maths near DV1", connections: 50, paths: search },
            { key: "vacancy", name: "a vacancy page (in turn)", connections: 20, paths: vacancyPaths },
          ],
          rows,
          server,
        );
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  ensureBuild();
  const rows: Row[] = [];
  const [loadBefore] = os.loadavg();
  if (ONLY !== "embedded") await onServer(rows);
  if (ONLY !== "server") await onEmbedded(rows);
  const [loadAfter] = os.loadavg();
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model}), Node ${process.version}; ` +
      `${SECONDS} s a page after a 2 s warm-up; load average ${loadBefore?.toFixed(1)} before, ${loadAfter?.toFixed(1)} after.\n`,
  );
  console.log("| setting | page | connections | requests/s | p50 | p99 | not 2xx or errors | server CPU a page |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows)
    console.log(
      `| ${r.setting} | ${r.page} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.bad} | ${r.cpuMs === null ? "–" : `${r.cpuMs.toFixed(2)} ms`} |`,
    );
}

await main();
