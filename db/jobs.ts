import type PgBoss from "pg-boss";
import type { Executor } from "./client";
import { executeSqlOn } from "./execute-sql";

export type EnqueueOptions = Omit<PgBoss.SendOptions, "db">;

/**
 * Sends a pg-boss job inside `executor`'s transaction: if the change that causes the job rolls back, the job
 * was never queued. Code that queues work takes one of these as a parameter instead of reaching for a global
 * queue, so it cannot silently do nothing when no queue is running.
 */
export type Enqueue = (executor: Executor, queue: string, data: object, options?: EnqueueOptions) => Promise<void>;

export function enqueueOn(boss: PgBoss): Enqueue {
  return async (executor, queue, data, options = {}) => {
    await boss.send(queue, data, { ...options, db: { executeSql: executeSqlOn(executor) } });
  };
}
