import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const TSX = path.resolve("node_modules/.bin/tsx");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "staffroom-reindex-"));
// A port nothing listens on, so the scripts' "is the server running?" check lets them open PGlite.
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: "3999",
  DATABASE_URL: "",
  MEILI_HOST: "",
  NODE_ENV: "test" as const,
};
const run = (script: string, args: string[] = []) =>
  spawnSync(TSX, [script, ...args], { env, encoding: "utf8", timeout: 120_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run search:reindex", () => {
  it("rebuilds the index of a seeded database and reports the documents against the live vacancies", () => {
    const seed = run("db/scripts/seed.ts");
    expect(seed.status, seed.stderr).toBe(0);
    const reindex = run("search/scripts/reindex.ts");
    expect(reindex.status, reindex.stderr).toBe(0);
    const [, documents, live] =
      /postgres: (\d+) vacancies in the index, (\d+) live vacancies in the database/.exec(reindex.stdout) ?? [];
    expect(Number(documents)).toBeGreaterThan(100);
    expect(documents).toBe(live);
    expect(reindex.stderr).toMatch(/reindex: \d+ of \d+ vacancies/); // progress, as lines when not on a terminal
  }, 120_000); // two processes (seed, then reindex) start and load the demo region: slow on a loaded machine

  it("explains itself with --help", () => {
    const help = run("search/scripts/reindex.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Rebuilds the search index");
  });
});
