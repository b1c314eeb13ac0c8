import path from "node:path";
import PgBoss from "pg-boss";
import { openDatabase, runMigrations, type Connection } from "../db/client";
import { enqueueOn } from "../db/jobs";
import { services, setServices } from "./services.server";
import { ensurePayScales } from "../db/importers/pay-scales";
import { reassessOpenVacancies } from "./pay/assessment.server";
import { isDatabaseEmpty, seedDemoRegion } from "../db/seed/demo";
import { searchEngineFor } from "../search/select.server";
import { countSearchable } from "../search/documents.server";
import type { SearchEngine } from "../search/engine";
import { indexedSearchFormat, reindex } from "../search/reindex.server";
import { searchFormat } from "../search/format";
import type { AppConfig } from "./config.server";
import { createQueues, startWorkers } from "./jobs/queues.server";
import { hashPassword } from "./auth/password.server";
import { sessionSecretFor } from "./security/session-secret.server";
import { keepPayOffersInMemory } from "./pay/offers-in-memory.server";
import { ViewTally } from "./applications/view-tally.server";

export type StartOptions = {
  /** Run job workers and schedules in this process (the server does; scripts and most tests do not). */
  workers?: boolean;
  /** Seed the demo region when the database is empty. */
  seed?: boolean;
  log?: (message: string) => void;
};

/** PGlite's folder inside the data directory; `memory://` keeps an in-memory database (tests). */
function pgliteDataDir(config: AppConfig): string {
  if (config.dataDir.startsWith("memory://")) return config.dataDir;
  return path.join(config.dataDir, "pglite");
}

async function createBoss(connection: Connection, workers: boolean): Promise<PgBoss> {
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
  const figures = await ensurePayScales(connection.db);
  if (figures > 0) log(`pay scales: loaded ${figures} statutory figures (db/reference/pay-scales-england.csv)`);
  const boss = await createBoss(connection, options.workers ?? false);
  const search = searchEngineFor(config, connection.db);
  keepPayOffersInMemory(config.payOffersInMemory);
  const views = new ViewTally(() => connection.db);
  views.start(1000, (error) => log(`views: could not write the last second's views (${error.message}); retrying`));
  setServices({
    config: { ...config, sessionSecret: sessionSecretFor(config.sessionSecret, config.dataDir) },
    connection,
    boss,
    search,
    enqueue: enqueueOn(boss),
    views,
  });
  try {
    await search.applySettings();
  } catch (error) {
    // A search server that is down must not stop the site: sync retries until it is back.
    log(
      `search: could not apply the ${search.name} settings (${(error as Error).message}); searches may fail until it answers`,
    );
  }
  if (options.seed && (await isDatabaseEmpty(connection.db))) {
    log("empty database: seeding the demo region");
    const summary = await seedDemoRegion(connection.db, { hashPassword });
    log(`seeded ${summary.schools} schools, ${summary.users} demo users, ${summary.vacancies ?? 0} vacancies`);
    const pay = await reassessOpenVacancies(connection.db);
    log(`pay: assessed ${pay.assessed} live teacher vacancies`);
    const indexed = await reindex(connection.db, search);
    log(`search: indexed ${indexed.documents} of ${indexed.searchable} live vacancies (${search.name})`);
  } else if (options.workers) {
    await indexIfEmpty(connection.db, search, log);
  }
  if (options.workers) await startWorkers(boss);
}

/**
 * A new search server, or a database from before search existed, starts with an empty index: fill it. An index
 * built with another reading of the synonym list (search/format.ts) is rebuilt the same way.
 */
async function indexIfEmpty(db: Connection["db"], search: SearchEngine, log: (m: string) => void): Promise<void> {
  try {
    if ((await countSearchable(db)) === 0) return;
    const empty = (await search.countDocuments()) === 0;
    const format = await indexedSearchFormat(db);
    if (!empty && format === searchFormat()) return;
    log(
      empty
        ? "search: the index is empty but there are live vacancies: reindexing"
        : `search: the index was built with search format ${format ?? "(before formats)"}, not ${searchFormat()}: reindexing`,
    );
    const indexed = await reindex(db, search);
    log(
      `search: indexed ${indexed.documents} of ${indexed.searchable} live vacancies in ${indexed.seconds.toFixed(1)} s`,
    );
  } catch (error) {
    log(`search: could not check or fill the index (${(error as Error).message}); run npm run search:reindex`);
  }
}

export async function stopRuntime(): Promise<void> {
  const r = services();
  setServices(undefined);
  await r.views.stop().catch((error: Error) => console.error("[views] not written at shutdown:", error.message));
  await r.boss.stop({ graceful: true, timeout: 5000, wait: true });
  await r.connection.close();
}
