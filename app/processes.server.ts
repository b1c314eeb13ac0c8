import cluster, { type Worker } from "node:cluster";

/**
 * Several web server processes on one machine (node:cluster: the operating system's listening socket is shared,
 * the primary hands connections out in turn). The processes share nothing but the database: sessions, rate limits,
 * the dev mailbox and the job queue all live there. Exactly one process runs the job workers and schedules, so
 * a nightly job runs once however many processes serve (pg-boss would also keep a schedule to one send, but two
 * sets of workers would double the database connections for no gain).
 */

const RUNS_JOBS = "STAFFROOM_RUNS_JOBS";
const NUMBER = "STAFFROOM_PROCESS";

/** What this process is for: the primary of several supervises; every other process serves. */
export type ProcessRole =
  { kind: "supervisor" } | { kind: "server"; number: number; runsJobs: boolean; prepares: boolean; of: number };

export function processRole(processes: number): ProcessRole {
  if (cluster.isPrimary) {
    return processes > 1
      ? { kind: "supervisor" }
      : { kind: "server", number: 1, runsJobs: true, prepares: true, of: 1 };
  }
  return {
    kind: "server",
    number: Number(process.env[NUMBER] ?? 1),
    runsJobs: process.env[RUNS_JOBS] === "1",
    prepares: false,
    of: processes,
  };
}

/** A process that dies within this long of starting counts as a crash loop: wait longer before the next try. */
const QUICK_DEATH_MS = 5_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Forks `count` server processes and keeps them running: one that crashes is started again with the same number
 * and role (after a pause that grows while it keeps dying at start-up). SIGTERM or SIGINT is passed to every process,
 * which drains its requests; the supervisor exits when all have stopped, or after `graceMs` and a margin.
 */
export function superviseServers(options: { count: number; graceMs: number; log: (m: string) => void }): void {
  const { count, log } = options;
  let stopping = false;
  const live = new Map<number, Worker>();
  const backoff = new Map<number, number>();

  function start(number: number) {
    const startedAt = Date.now();
    const worker = cluster.fork({ [NUMBER]: String(number), [RUNS_JOBS]: number === 1 ? "1" : "0" });
    live.set(number, worker);
    worker.on("exit", (code, signal) => {
      live.delete(number);
      // Exit code 0 is a drained shutdown someone asked for (a signal to the group, or to that process alone).
      if (stopping || (code === 0 && !signal)) {
        if (live.size === 0) {
          log("every server process has stopped");
          process.exit(0);
        }
        return;
      }
      const quick = Date.now() - startedAt < QUICK_DEATH_MS;
      const wait = quick ? Math.min(MAX_BACKOFF_MS, (backoff.get(number) ?? 500) * 2) : 1_000;
      backoff.set(number, quick ? wait : 500);
      log(`process ${number} exited (${signal ?? `code ${code}`}); starting it again in ${wait / 1000} s`);
      setTimeout(() => {
        if (!stopping) start(number);
      }, wait).unref();
    });
  }

  for (let n = 1; n <= count; n++) start(n);
  log(`supervising ${count} server processes (process 1 runs the job workers)`);

  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping ${live.size} server process(es)`);
    if (live.size === 0) process.exit(0);
    // A terminal's Ctrl-C reaches the whole process group; a supervisor (systemd, a container) signals only us.
    for (const worker of live.values()) worker.process.kill(signal);
    setTimeout(() => {
      log("server processes did not stop in time: exiting");
      process.exit(1);
    }, options.graceMs + 15_000).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
