import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * `RETURNING (xmax = 0)` is true for a row the statement inserted and false for one it updated: the
 * PostgreSQL idiom for telling the two apart in one ON CONFLICT statement, on the server and on PGlite.
 */
export const wasInserted = sql<boolean>`(xmax = 0)`;

/** Rows neither inserted nor updated were already identical: the DO UPDATE's WHERE left them alone. */
export function tally(returned: { inserted: boolean }[], batchSize: number) {
  const inserted = returned.filter((r) => r.inserted).length;
  const updated = returned.length - inserted;
  return { inserted, updated, unchanged: batchSize - returned.length };
}

/**
 * `SET col = excluded.col` for the given properties, and a WHERE that leaves identical rows alone, so a
 * re-import reports what really changed and does not rewrite (and re-index) 25,000 unchanged rows.
 */
export function updateFromExcluded<T extends PgTable>(
  table: T,
  keys: (keyof T["_"]["columns"] & string)[],
): { set: Record<string, SQL>; changed: SQL } {
  const columns = getTableColumns(table);
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return column.name;
  });
  const set = Object.fromEntries(keys.map((k, i) => [k, sql.raw(`excluded."${names[i]}"`)]));
  const tableName = getTableName(table);
  const mine = names.map((n) => `"${tableName}"."${n}"`).join(", ");
  const theirs = names.map((n) => `excluded."${n}"`).join(", ");
  return { set, changed: sql.raw(`(${mine}) IS DISTINCT FROM (${theirs})`) };
}
