import { sql, type SQL } from "drizzle-orm";
import type { ExecuteSql, Executor } from "./client";
import { normaliseParam, rowsOf } from "./rows";

/**
 * Adapts a Drizzle executor (the database or an open transaction) to pg-boss's `executeSql`,
 * so a job can be queued inside the same transaction as the change that causes it.
 */
export function executeSqlOn(executor: Executor): ExecuteSql {
  return async (text, values = []) => {
    const parts = text.split(/\$(\d+)/);
    const chunks: SQL[] = parts.map((part, i) =>
      i % 2 === 0 ? sql.raw(part) : sql`${normaliseParam(values[Number(part) - 1])}`,
    );
    const result = await executor.execute(sql.join(chunks, sql.raw("")));
    return { rows: rowsOf<Record<string, unknown>>(result) };
  };
}
