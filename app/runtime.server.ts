import path from "node:path";
import PgBoss from "pg-boss";
import { openDatabase, runMigrations, type Connection } from "../db/client";
import { runtime, setRuntime } from "../db/runtime";
import { isDatabaseEmpty, seedDemoRegion } from "../db/seed/demo";
import type { AppConfig } from "./config.server";
import { createQueues, startWorkers } from "./jobs/queues.server";

export type StartOptions = {
  /** Run job workers and schedules in this process (the server does; scripts and most tests do not). */
  workers?: boolean;
  /** Seed the demo region when the database is empty. */
  seed?: boolean;
  log?: (message: string) => void;
};

/** PGlite's folder inside the data directory; `memory://` keeps an in-memory database (tests). */
export function pgliteDataDir(config: AppConfig): string {
  if (config.dataDir.startsWith("memory://")) return config.dataDir;
  return path.join(config.dataDir, "pglite");
}

export async function createBoss(connection: Connection, workers: boolean): Promise<PgBoss> {
  const common = { schedule: workers, supervise: workers, migrate: true } as const;
  const boss =
    connection.kind === "postgres" && connection.url
      ? new PgBoss({ connectionString: connection.url, max: 3, ...common })
      : new PgBoss({ db: { executeSql: connection.executeSql }, ...common });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  await createQueues(boss);
  return boss;
}

/** Opens the database, applies migrations, starts the job queue and, when asked, seeds and works. */
export async function startRuntime(config: AppConfig, options: StartOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const connection = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDataDir(config) });
  log(connection.kind === "postgres" ? "database: PostgreSQL server" : `database: PGlite in ${pgliteDataDir(config)}`);
  await runMigrations(connection);
  log("migrations applied");
  const boss = await createBoss(connection, options.workers ?? false);
  setRuntime({ config, connection, boss });
  if (options.seed && (await isDatabaseEmpty(connection.db))) {
    log("empty database: seeding the demo region");
    const summary = await seedDemoRegion(connection.db);
    log(`seeded ${summary.schools} schools, ${summary.users} demo users, ${summary.vacancies ?? 0} vacancies`);
  }
  if (options.workers) await startWorkers(boss);
}

export async function stopRuntime(): Promise<void> {
  const r = runtime();
  setRuntime(undefined);
  if (r.boss) await r.boss.stop({ graceful: true, timeout: 5000, wait: true });
  await r.connection.close();
}
