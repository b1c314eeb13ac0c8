import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { loadConfig, type AppConfig } from "../../app/config.server";
import { startRuntime, stopRuntime } from "../../app/runtime.server";
import type { Database } from "../../db/client";
import { services } from "../../app/services.server";

/**
 * A database for one test file: in-memory PGlite by default, or a fresh database on the server
 * named by TEST_DATABASE_URL (created here, dropped afterwards). Tables are emptied before each test.
 */
export function useTestDatabase(options: { workers?: boolean; env?: Record<string, string> } = {}) {
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    let databaseUrl: string | undefined;
    if (serverUrl) {
      const name = `staffroom_t_${randomBytes(6).toString("hex")}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    }
    const config: AppConfig = loadConfig({
      NODE_ENV: "test",
      DATA_DIR: "memory://",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...options.env,
    });
    await startRuntime(config, { workers: options.workers ?? false, seed: false });
  });

  beforeEach(async () => {
    await truncateAll(services().connection.db);
  });

  afterAll(async () => {
    await stopRuntime();
    await dropDatabase?.();
  });

  return {
    get db(): Database {
      return services().connection.db;
    },
  };
}

/** Empties every application table (pg-boss keeps its own schema and jobs). */
async function truncateAll(db: Database): Promise<void> {
  const result = await db.execute(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_%'`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: { tablename: string }[] }).rows) as {
    tablename: string;
  }[];
  if (rows.length === 0) return;
  const list = rows.map((r) => `"public"."${r.tablename}"`).join(", ");
  await db.execute(sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`));
}
