import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { loadConfig } from "../../app/config.server";
import { startRuntime, stopRuntime } from "../../app/runtime.server";

/**
 * Runs a benchmark inside Staffroom's runtime (no workers, no seed): on a scratch database created on the PostgreSQL
 * server named by BENCH_DATABASE_URL and dropped afterwards, whatever happens, or else on PGlite in memory. `body`
 * is told which engine it runs on, for its report. BENCH_SCRATCH_PREFIX replaces `prefix`, so that runs sharing one
 * server can tell their scratch databases apart. BENCH_KEEP_DATABASE=1 keeps the scratch database (its name is printed), so
 * that a slow query can be explained on the same data afterwards.
 */
export async function withBenchRuntime(prefix: string, body: (engine: string) => Promise<void>): Promise<void> {
  // Benchmarks time what production runs, where raw rows are not shape-checked (parseRows in db/rows.ts). Not by
  // setting NODE_ENV, which would also switch React to its production build under a development build of the app.
  process.env.ROW_CHECKS = "off";
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const name = process.env.BENCH_SCRATCH_PREFIX ?? prefix;
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`BENCH_SCRATCH_PREFIX must be a plain lower-case name: ${name}`);
  const scratch = `${name}_${randomBytes(5).toString("hex")}`;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${scratch}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    databaseUrl = url.toString();
  }
  try {
    await startRuntime(
      loadConfig({ NODE_ENV: "test", DATA_DIR: "memory://", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
      { workers: false, seed: false },
    );
    await body(serverUrl ? "PostgreSQL server" : "PGlite (in memory)");
  } finally {
    await stopRuntime().catch(() => {});
    if (serverUrl && process.env.BENCH_KEEP_DATABASE === "1") {
      console.log(`kept the scratch database ${scratch} (drop it with: DROP DATABASE ${scratch})`);
    } else if (serverUrl) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
    }
  }
}
