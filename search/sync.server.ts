/**
 * Keeping the index in step with PostgreSQL. Triggers (migration 0006) list every changed vacancy in
 * search_sync_pending inside the change's own transaction; the code that makes a change also queues a
 * search.sync job in that transaction, and a schedule queues one every minute as a safety net. The job
 * drains the list: it derives each vacancy's document afresh and writes it to the engine (or removes it),
 * then deletes the entries it applied. An engine that is down fails the job, which pg-boss retries with
 * backoff; the entries stay, so the changes arrive once it is back.
 */
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../db/client";
import type { Enqueue } from "../db/jobs";
import { countOf, parseRows, textArrayLiteral } from "../db/rows";
import { pendingChangeRow, rebuildingRow } from "./rows";
import { documentsFor } from "./documents.server";
import type { SearchEngine } from "./engine";

export const SEARCH_SYNC_QUEUE = "search.sync";
/** A reindex whose heartbeat is older than this has died; sync stops waiting for it. */
export const STALE_REBUILD_MINUTES = 10;

/** Queues a sync job in the caller's transaction: if the change rolls back, so does the job. */
export async function requestSearchSync(executor: Executor, enqueue: Enqueue): Promise<void> {
  await enqueue(executor, SEARCH_SYNC_QUEUE, {}, { retryLimit: 10, retryDelay: 2, retryBackoff: true });
}

export async function ensureIndexState(db: Executor): Promise<void> {
  await db.execute(sql`INSERT INTO search_index_state (id) VALUES (1) ON CONFLICT DO NOTHING`);
}

export type DrainOutcome = {
  indexed: number;
  removed: number;
  waiting: "rebuilding" | "busy" | null;
  remaining: number;
};

/**
 * Applies pending changes in batches until none are left (or `maxBatches`). One drain runs at a time across
 * every process: each batch locks the index-state row, which a starting reindex also takes.
 */
export async function drainSearchSync(
  db: Database,
  engine: SearchEngine,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<DrainOutcome> {
  const batchSize = options.batchSize ?? 200;
  const maxBatches = options.maxBatches ?? 50;
  await ensureIndexState(db);
  const outcome: DrainOutcome = { indexed: 0, removed: 0, waiting: null, remaining: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const step = await db.transaction(async (tx) => {
      const [state] = parseRows(
        await tx.execute(sql`
          SELECT (rebuilding_since IS NOT NULL AND heartbeat_at > now() - make_interval(mins => ${STALE_REBUILD_MINUTES})) AS rebuilding
            FROM search_index_state WHERE id = 1 FOR UPDATE SKIP LOCKED`),
        rebuildingRow,
        "the index state",
      );
      if (!state) return { waiting: "busy" as const };
      // A reindex is reading the vacancies: changes wait, and are applied to the new index once it is in.
      if (state.rebuilding) return { waiting: "rebuilding" as const };
      const pending = parseRows(
        await tx.execute(
          sql`SELECT vacancy_id AS "vacancyId", version FROM search_sync_pending ORDER BY queued_at, vacancy_id LIMIT ${batchSize}`,
        ),
        pendingChangeRow,
        "changes waiting for the index",
      );
      if (pending.length === 0) return { done: true as const };
      const ids = pending.map((p) => p.vacancyId);
      const documents = await documentsFor(tx, ids);
      const live = new Set(documents.map((d) => d.vacancyId));
      const gone = ids.filter((id) => !live.has(id));
      await engine.upsert(documents, { executor: tx });
      await engine.remove(gone, { executor: tx });
      // Only entries unchanged since they were read: a change made meanwhile has a new version and stays.
      await tx.execute(sql`
        DELETE FROM search_sync_pending p
         USING unnest(${textArrayLiteral(ids)}::text[], ${textArrayLiteral(pending.map((p) => String(p.version)))}::bigint[]) AS d(id, version)
         WHERE p.vacancy_id = d.id AND p.version = d.version`);
      return { indexed: documents.length, removed: gone.length };
    });
    if ("waiting" in step) {
      outcome.waiting = step.waiting ?? null;
      break;
    }
    if ("done" in step) break;
    outcome.indexed += step.indexed;
    outcome.removed += step.removed;
  }
  outcome.remaining = await pendingCount(db);
  return outcome;
}

export async function pendingCount(db: Executor): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*)::int AS n FROM search_sync_pending`), "changes waiting");
}
