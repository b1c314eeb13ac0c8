import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { cube } from "@electric-sql/pglite/contrib/cube";
import { earthdistance } from "@electric-sql/pglite/contrib/earthdistance";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect, PgTransaction, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { normaliseParam } from "./rows";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database as capabilities see it: the same Drizzle API over either driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction;

/**
 * Runs one statement whose best plan does not depend on its values (a lookup by primary key) with a generic plan: the
 * plan its connection made the first time, where the app's connections otherwise plan every statement with its
 * values (plan_cache_mode, ADR 0028). The setting, the statement and the setting back are sent together on one
 * connection, one round trip: in the caller's transaction, or on a connection reserved for the moment.
 */
export async function executePlannedOnce(db: Executor, statement: SQL): Promise<unknown> {
  if (db instanceof PgTransaction) {
    const [, result] = await Promise.all([
      db.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`),
      db.execute(statement),
      db.execute(sql`SET LOCAL plan_cache_mode TO DEFAULT`),
    ]);
    return result;
  }
  const reserved = plannedOnceOn.get(db);
  // The embedded database plans in-process: its own transaction costs nothing there.
  return reserved ? reserved(statement) : db.transaction((tx) => executePlannedOnce(tx, statement));
}

/**
 * How each server database runs a statement planned once outside a transaction (openPostgres). Kept on globalThis, as
 * the services are: the Remix server bundle has its own copy of this module, whose own map would never hold the
 * runtime's database, and every such statement from a page went the long way, in a transaction of its own.
 */
const plannedOnceOn = ((globalThis as Record<symbol, unknown>)[Symbol.for("staffroom.plannedOnceOn")] ??= new WeakMap<
  object,
  (statement: SQL) => Promise<unknown>
>()) as WeakMap<object, (statement: SQL) => Promise<unknown>>;

function plannedOnceOnReserved(client: Client): (statement: SQL) => Promise<unknown> {
  const dialect = new PgDialect();
  return async (statement) => {
    const query = dialect.sqlToQuery(statement);
    const reserved = await client.reserve();
    try {
      // Settled, not raced: the setting goes back before the connection does, even when the statement fails.
      const [, result] = await Promise.allSettled([
        reserved.unsafe("SET plan_cache_mode = force_generic_plan"),
        reserved.unsafe(query.sql, query.params as never[], { prepare: true }),
        reserved.unsafe("SET plan_cache_mode TO DEFAULT"),
      ]);
      if (result.status === "rejected") throw result.reason;
      return result.value;
    } finally {
      reserved.release();
    }
  };
}

/** Runs one parameterised statement, or a parameterless script, and returns its rows (pg-boss's contract). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type Connection = {
  kind: "pglite" | "postgres";
  db: Database;
  executeSql: ExecuteSql;
  /** The connection string pg-boss uses on a server; absent on PGlite, where pg-boss goes through executeSql. */
  url?: string;
  close: () => Promise<void>;
};

const migrationsFolder = path.resolve(path.dirname(new URL(import.meta.url).pathname), "migrations");

const pgliteExtensions = { pg_trgm, cube, earthdistance, btree_gist };

export type OpenOptions = {
  /** postgres:// URL of a server. Without it, PGlite in `dataDir` (or memory:// for tests). */
  url?: string;
  dataDir?: string;
  /** Postgres pool size on a server. */
  max?: number;
};

export async function openDatabase(options: OpenOptions): Promise<Connection> {
  if (options.url) return openPostgres(options.url, options.max ?? 10);
  return openPglite(options.dataDir ?? "memory://");
}

/** A statement with more than one command cannot be prepared (a `;` inside a literal only costs the preparing). */
const SEVERAL_COMMANDS = /;\s*\S/;

type Client = postgres.Sql;

/**
 * Drizzle asks postgres.js to prepare only the queries it is given a name for, so every other statement was parsed
 * and planned afresh on each call: on the busiest pages that took ten times longer than running it (ADR 0028).
 * This client prepares every single-command statement, named by its text, once per connection, also inside
 * transactions and savepoints. Connections are replaced within the hour (postgres.js's max_lifetime), which bounds
 * the statements a connection keeps.
 */
function preparingEveryStatement(client: Client): Client {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "unsafe")
        return (text: string, params?: never[], options?: { prepare?: boolean }) =>
          target.unsafe(text, params, { ...options, prepare: !SEVERAL_COMMANDS.test(text) });
      if (key === "begin" || key === "savepoint")
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: Client) => unknown;
          const open = Reflect.get(target, key) as (...a: unknown[]) => unknown;
          return open.call(target, ...args, (tx: Client) => body(preparingEveryStatement(tx)));
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

async function openPostgres(url: string, max: number): Promise<Connection> {
  // JIT off: a page's statements run in milliseconds, but a high cost estimate (a hashed subplan over 100,000 rows)
  // made PostgreSQL compile 147 functions for a second before a 46 ms query (the HR dashboard under load, ADR 0028).
  // Custom plans only: every statement is prepared (preparingEveryStatement), and after five runs PostgreSQL may
  // switch a statement to a generic plan that ignores its parameters (a deep page's OFFSET, one trust's id).
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connection: { jit: "off", plan_cache_mode: "force_custom_plan" },
  });
  const db = drizzlePostgres(preparingEveryStatement(client), { schema }) as unknown as Database;
  plannedOnceOn.set(db, plannedOnceOnReserved(client));
  return {
    kind: "postgres",
    db,
    url,
    executeSql: async (text, values) => {
      const rows = await client.unsafe(text, (values ?? []).map(normaliseParam) as never[]);
      return { rows: rows as unknown as Record<string, unknown>[] };
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Connection> {
  // PGlite does not create the parent of its data folder.
  if (!dataDir.startsWith("memory://")) mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: pgliteExtensions });
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    executeSql: async (text, values) => {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values.map(normaliseParam));
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: results.flatMap((r) => r.rows as Record<string, unknown>[]) };
    },
    close: () => client.close(),
  };
}

export async function runMigrations(connection: Connection): Promise<void> {
  if (connection.kind === "pglite") {
    await migratePglite(connection.db as never, { migrationsFolder });
  } else {
    await migratePostgres(connection.db as never, { migrationsFolder });
  }
}
