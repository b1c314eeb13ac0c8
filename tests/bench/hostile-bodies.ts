/**
 * `npx tsx tests/bench/hostile-bodies.ts`: what a hostile form body costs the real server beside a normal
 * request. Starts server.ts on a fresh embedded database, then times (median of 5 each) a normal sign-in,
 * a 300 KiB sign-in of 40,000 repeated fields and a 3 MB vacancy form of 200,000 repeated phases, and
 * how late /healthz answers while each is sent (how long the event loop was blocked). Prints a Markdown
 * table for docs/performance.md.
 */
import { rmSync } from "node:fs";
import { startServer } from "../support/server-process";
import { cycle } from "../support/arrays";

const FORM = "application/x-www-form-urlencoded";
const RUNS = 5;

const median = (xs: number[]) =>
  cycle(
    [...xs].sort((a, b) => a - b),
    Math.floor(xs.length / 2),
  );

const server = await startServer();
try {
  const send = async (pathname: string, body: string) => {
    // Probe the event loop while the request is handled: the worst /healthz latency seen.
    let worst = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t = performance.now();
        await fetch(`${server.base}/healthz`).then((r) => r.text());
        worst = Math.max(worst, performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    const response = await fetch(`${server.base}${pathname}`, {
      method: "POST",
      body,
      headers: { "Content-Type": FORM, Origin: server.base },
      redirect: "manual",
    });
    await response.text();
    const ms = performance.now() - started;
    probing = false;
    await probe;
    return { status: response.status, ms, worst };
  };
  const cases = [
    ["normal sign-in (wrong password, argon2id verify)", "/sign-in", "email=ada%40example.com&password=wrong-password"],
    ["300 KiB: 40,000 repeated email fields on /sign-in", "/sign-in", "email=x&".repeat(40_000)],
    ["3 MB: 200,000 repeated phases on /hr/vacancies/new", "/hr/vacancies/new", "phases=primary&".repeat(200_000)],
  ] as const;
  console.log("| request | body | status | median time | worst /healthz latency meanwhile |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [name, pathname, body] of cases) {
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(await send(pathname, body));
    const size =
      body.length >= 1024 * 1024
        ? `${(body.length / 1024 / 1024).toFixed(1)} MB`
        : `${(body.length / 1024).toFixed(0)} KiB`;
    console.log(
      `| ${name} | ${size} | ${results[0]?.status} | ${median(results.map((r) => r.ms)).toFixed(0)} ms | ${median(results.map((r) => r.worst)).toFixed(0)} ms |`,
    );
  }
} finally {
  server.child.kill("SIGTERM");
  await new Promise((r) => server.child.once("exit", r));
  rmSync(server.dataDir, { recursive: true, force: true });
}
