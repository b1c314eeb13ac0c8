import type PgBoss from "pg-boss";
import type { AppConfig } from "../app/config.server";
import type { SearchEngine } from "../search/engine";
import type { Connection, Database } from "./client";

/**
 * The process's shared services. Kept on globalThis because the Remix server bundle and the
 * Express entry point (and tests) load separate copies of these modules.
 */
export type Runtime = {
  config: AppConfig;
  connection: Connection;
  boss: PgBoss | null;
  /** Meilisearch when configured, otherwise the Postgres engine in the same database. */
  search: SearchEngine;
};

const KEY = Symbol.for("staffroom.runtime");
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function runtime(): Runtime {
  const r = (globalThis as Holder)[KEY];
  if (!r) throw new Error("Staffroom runtime is not started: call startRuntime() first");
  return r;
}

export function db(): Database {
  return runtime().connection.db;
}
