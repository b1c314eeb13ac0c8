import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Connection, Database } from "../db/client";
import type { Enqueue } from "../db/jobs";
import type { SearchEngine } from "../search/engine";
import type { RuntimeConfig } from "./config.server";
import type { ViewTally } from "./applications/view-tally.server";

/**
 * The process's shared services, started by app/runtime.server.ts. Routes and job handlers take what they need
 * from here and pass it on (a database or transaction, an `enqueue`, the search engine); nothing below a
 * capability's entry point reaches for this holder. Kept on globalThis because the Remix server bundle and the
 * Express entry point (and tests) load separate copies of these modules.
 */
export type Services = {
  config: RuntimeConfig;
  connection: Connection;
  boss: PgBoss;
  /** Queues a job in the caller's transaction. */
  enqueue: Enqueue;
  /** Meilisearch when configured, otherwise the Postgres engine in the same database. */
  search: SearchEngine;
  /** Vacancy page views, written a second at a time. */
  views: ViewTally;
};

const KEY = Symbol.for("staffroom.services");
type Holder = { [KEY]?: Services };

export function setServices(services: Services | undefined): void {
  (globalThis as Holder)[KEY] = services;
}

export function services(): Services {
  const s = (globalThis as Holder)[KEY];
  if (!s) throw new Error("Staffroom services are not started: call startRuntime() first");
  return s;
}

/** The database, for routes and job handlers. */
export function db(): Database {
  return services().connection.db;
}

/** Queues a job in the caller's transaction (see db/jobs.ts). */
export function enqueue(): Enqueue {
  return services().enqueue;
}

/** Throws unless the database answers (the health check). */
export async function pingDatabase(): Promise<void> {
  await db().execute(sql`SELECT 1`);
}
