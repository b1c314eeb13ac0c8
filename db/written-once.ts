import type { Executor } from "./client";

/**
 * A statement whose SQL Drizzle writes once per database handle, kept as a prepared query with placeholders. Drizzle
 * otherwise writes a query's SQL again on every call: a vacancy page's select of a whole vacancy with its owner took
 * a quarter of a millisecond of Node's time to write, every view (ADR 0036). A transaction is a new handle each
 * time, so inside one the statement is written afresh, as before.
 */
export function writtenOnce<Query>(write: (db: Executor) => Query): (db: Executor) => Query {
  const kept = new WeakMap<Executor, Query>();
  return (db) => {
    let query = kept.get(db);
    if (query === undefined) {
      query = write(db);
      kept.set(db, query);
    }
    return query;
  };
}
