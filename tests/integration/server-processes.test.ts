import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, waitForExit, type ServerProcess } from "../support/server-process";

const serverUrl = process.env.TEST_DATABASE_URL;

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern, "g")) ?? []).length;

// PGlite holds its folder in one process: several server processes need a PostgreSQL server (TEST_DATABASE_URL).
describe.skipIf(!serverUrl)(
  "several server processes on a PostgreSQL server (skipped without TEST_DATABASE_URL)",
  () => {
    let started: ServerProcess;
    const scratch = `staffroom_procs_${randomBytes(4).toString("hex")}`;

    async function admin(statement: string) {
      const client = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      try {
        await client.unsafe(statement);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await admin(`CREATE DATABASE ${scratch}`);
      const url = new URL(serverUrl!);
      url.pathname = `/${scratch}`;
      started = await startServer({ DATABASE_URL: url.toString(), WEB_CONCURRENCY: "2" });
      await until(() => count(started.output(), /\] serving on/) >= 2, 120_000, "both processes to serve");
    }, 240_000);

    afterAll(async () => {
      if (started?.child.exitCode === null) started.child.kill("SIGKILL");
      if (started) rmSync(started.dataDir, { recursive: true, force: true });
      await admin(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    }, 60_000);

    it("migrates once in the supervisor, then two processes serve and only the first runs the job workers", async () => {
      const out = started.output();
      expect(out).toContain("[staffroom] migrations applied");
      expect(out).toContain("supervising 2 server processes");
      expect(out).toMatch(/\[staffroom 1\] serving on .* \(process id \d+\)/);
      expect(out).toMatch(/\[staffroom 2\] serving on .* \(process id \d+\)/);
      expect(count(out, /job workers and schedules: running in this process/)).toBe(1);
      expect(out).toContain("[staffroom 1] job workers and schedules: running in this process");
      const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${started.base}/healthz`)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    });

    it("starts a crashed process again, and keeps answering meanwhile", async () => {
      const pid = Number(/\[staffroom 2\] serving on .* \(process id (\d+)\)/.exec(started.output())?.[1]);
      expect(pid).toBeGreaterThan(0);
      process.kill(pid, "SIGKILL");
      await until(() => started.output().includes("process 2 exited (SIGKILL)"), 30_000, "the supervisor to notice");
      await until(
        () => count(started.output(), /\[staffroom 2\] serving on/) === 2,
        120_000,
        "process 2 to serve again",
      );
      expect((await fetch(`${started.base}/healthz`)).status).toBe(200);
      // The restarted process serves without the job workers: still one set.
      expect(count(started.output(), /job workers and schedules: running in this process/)).toBe(1);
    }, 180_000);

    it("passes SIGTERM to every process and exits 0 once all have drained", async () => {
      started.child.kill("SIGTERM");
      expect(await waitForExit(started.child, 30_000)).toBe(0);
      expect(started.output()).toContain("every server process has stopped");
      expect(count(started.output(), /\] closed/)).toBe(2);
    }, 60_000);
  },
);
