/**
 * The e2e web server (Playwright's `webServer.command`): prepares a fresh database, runs the real
 * `server.ts` on it, and once that server has stopped (Playwright sends SIGTERM to the process group at
 * the end of the run) drops the database and removes the data folder.
 *
 * The clean-up is here rather than in a Playwright globalTeardown because globalTeardown runs while the
 * web server is still up: dropping its database there makes the server's job workers fail noisily.
 *
 * With DATABASE_URL (derived from TEST_DATABASE_URL in playwright.config.ts) the database is created
 * afresh on that server; otherwise the server opens a fresh PGlite in DATA_DIR.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR;

async function onAdminDatabase(sqlText: string) {
  if (!databaseUrl) return;
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  if (!/^staffroom_e2e_\w+$/.test(name)) throw new Error(`refusing to touch ${name}: not an e2e database`);
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    for (const statement of sqlText.replaceAll("NAME", name).split(";")) await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

await onAdminDatabase("DROP DATABASE IF EXISTS NAME WITH (FORCE); CREATE DATABASE NAME");

// Seed before the server opens the database (PGlite allows one process at a time): tests/e2e/real-area.ts.
await new Promise<void>((resolve, reject) => {
  const seed = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/e2e/real-area.ts"], { stdio: "inherit" });
  seed.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tests/e2e/real-area.ts exited with ${code}`))));
});

const server = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], { stdio: "inherit" });

// The whole process group gets the signal; pass it on in case only this process did.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}

server.on("exit", (code, signal) => {
  void (async () => {
    try {
      await onAdminDatabase("DROP DATABASE IF EXISTS NAME WITH (FORCE)");
      if (dataDir && path.basename(dataDir).startsWith("e2e-")) rmSync(dataDir, { recursive: true, force: true });
    } catch (error) {
      console.error("[e2e] clean-up failed:", error);
    }
    process.exit(code ?? (signal ? 1 : 0));
  })();
});
