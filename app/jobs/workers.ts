import type PgBoss from "pg-boss";

/**
 * What a capability contributes to the job queue: the queues it sends to (pg-boss 10 wants each created before
 * anything is sent) and how to start its workers and schedules. Each capability exports one from its
 * `workers.server.ts`; app/jobs/queues.server.ts lists them.
 */
export type Workers = {
  queues: readonly string[];
  start: (boss: PgBoss) => Promise<void>;
};
