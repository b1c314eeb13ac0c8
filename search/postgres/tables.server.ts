import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { sqlState } from "../../db/sql-state";
import { parseRows } from "../../db/rows";
import { identityColumnRow, tableDefinitionRow } from "../rows";

/** The live index tables of the Postgres engine (db/schema/search.ts). */
export const TABLES = {
  vacancies: "search_vacancies",
  signatures: "search_signatures",
  text: "search_vacancy_text",
  documents: "search_documents",
  points: "search_vacancy_points",
  terms: "search_terms",
  counts: "search_counts",
  keyCounts: "search_key_counts",
  salaryCounts: "search_salary_counts",
} as const;
export type TableKey = keyof typeof TABLES;
export type Tables = Record<TableKey, string>;
export const TABLE_KEYS = Object.keys(TABLES) as TableKey[];

/** The fresh tables a reindex fills. */
export const NEXT_TABLES: Tables = Object.fromEntries(TABLE_KEYS.map((k) => [k, `${TABLES[k]}__next`])) as Tables;

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

function checkName(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`Not a plain table or index name: ${name}`);
  return name;
}

/**
 * An empty copy of a live table, without its indexes: they are built once, after the bulk load, which is much
 * faster than row by row. Identity columns get a sequence of their own.
 */
export async function createFreshTable(ex: Executor, live: string, fresh: string): Promise<void> {
  await ex.execute(sql.raw(`DROP TABLE IF EXISTS ${checkName(fresh)}`));
  await ex.execute(
    sql.raw(`CREATE TABLE ${fresh} (LIKE ${checkName(live)} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING STORAGE)`),
  );
}

/**
 * Replaces each live table with its freshly filled twin, inside the caller's transaction. First every fresh table
 * gets its live twin's keys and indexes (read from the catalogue, so the migrations stay their only definition) and
 * statistics, while searches go on; then the live tables are locked together (lockForSwap) and dropped, and the
 * fresh ones take their names and their indexes' and sequences' names. A search running meanwhile reads the old
 * tables until the commit, then the new ones: none fails.
 */
export async function swapInTables(tx: Executor, pairs: { live: string; fresh: string }[]): Promise<void> {
  const prepared = [];
  for (const { live, fresh } of pairs) prepared.push(await prepareSwap(tx, checkName(live), checkName(fresh)));
  await lockForSwap(
    tx,
    pairs.map((p) => p.live),
  );
  for (const p of prepared) await finishSwap(tx, p);
}

type PreparedSwap = {
  live: string;
  fresh: string;
  constraints: { name: string }[];
  indexes: { name: string }[];
  sequences: { live: string | null; fresh: string | null }[];
};

async function prepareSwap(tx: Executor, live: string, fresh: string): Promise<PreparedSwap> {
  const constraints = parseRows(
    await tx.execute(sql`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE conrelid = ${live}::regclass AND contype IN ('p', 'u')`),
    tableDefinitionRow,
    "a search table's constraints",
  );
  const indexes = parseRows(
    await tx.execute(sql`
      SELECT i.indexname AS name, i.indexdef AS definition
        FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ${live}
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`),
    tableDefinitionRow,
    "a search table's indexes",
  );
  const sequences = parseRows(
    await tx.execute(sql`
      SELECT a.attname AS column, pg_get_serial_sequence(${live}, a.attname) AS live, pg_get_serial_sequence(${fresh}, a.attname) AS fresh
        FROM pg_attribute a WHERE a.attrelid = ${live}::regclass AND a.attidentity <> ''`),
    identityColumnRow,
    "a search table's identity columns",
  );
  for (const c of constraints) {
    await tx.execute(sql.raw(`ALTER TABLE ${fresh} ADD CONSTRAINT ${checkName(c.name)}__next ${c.definition}`));
  }
  for (const index of indexes) {
    const name = checkName(index.name);
    const onTable = new RegExp(`^(CREATE (?:UNIQUE )?INDEX) ${name} ON (ONLY )?((?:[a-z_]+\\.)?)${live} `);
    if (!onTable.test(index.definition))
      throw new Error(`Cannot copy index ${name}: unexpected definition ${index.definition}`);
    await tx.execute(sql.raw(index.definition.replace(onTable, `$1 ${name}__next ON $3${fresh} `)));
  }
  // The planner has no statistics for a new table; gathered before the live table is locked, so searches wait less.
  await tx.execute(sql.raw(`ANALYZE ${fresh}`));
  return { live, fresh, constraints, indexes, sequences };
}

async function finishSwap(tx: Executor, { live, fresh, constraints, indexes, sequences }: PreparedSwap) {
  await tx.execute(sql.raw(`DROP TABLE ${live}`));
  await tx.execute(sql.raw(`ALTER TABLE ${fresh} RENAME TO ${live}`));
  for (const c of constraints)
    await tx.execute(sql.raw(`ALTER TABLE ${live} RENAME CONSTRAINT ${c.name}__next TO ${c.name}`));
  for (const index of indexes) await tx.execute(sql.raw(`ALTER INDEX ${index.name}__next RENAME TO ${index.name}`));
  // The live table's sequence went with it: the fresh one takes its name.
  for (const s of sequences) {
    if (s.live && s.fresh && s.live !== s.fresh)
      await tx.execute(sql.raw(`ALTER SEQUENCE ${s.fresh} RENAME TO ${s.live.replace(/^.*\./, "")}`));
  }
}

/** Well under PostgreSQL's deadlock_timeout (1 s by default), so the swap gives way before a search is chosen. */
const SWAP_LOCK_WAIT = "250ms";

/**
 * Takes the live tables for the swap. A search locks the tables it reads one by one, in an order its plan decides
 * (a prepared statement's plan need not follow the text), so a swap holding one table while waiting for another
 * could deadlock with it, and PostgreSQL might end the search. The swap therefore waits a short while only: when it
 * cannot have every table by then, it lets go of all of them (a savepoint), the searches finish, and it tries again.
 */
async function lockForSwap(tx: Executor, tables: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await tx.transaction(async (savepoint) => {
        await savepoint.execute(sql.raw(`SET LOCAL lock_timeout = '${SWAP_LOCK_WAIT}'`));
        await savepoint.execute(sql.raw(`LOCK TABLE ${tables.join(", ")} IN ACCESS EXCLUSIVE MODE`));
      });
      return;
    } catch (error) {
      if (sqlState(error) !== "55P03" || attempt === 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * attempt)));
    }
  }
}
