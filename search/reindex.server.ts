/**
 * Rebuilding the whole index from PostgreSQL: a fresh index is filled beside the live one and swapped in at
 * the end, so searches keep working throughout. Sync waits while the vacancies are read (changes pile up in
 * search_sync_pending) and catches up on the new index afterwards, so no change made during a reindex is lost.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { parseRows } from "../db/rows";
import { commentRow, stateIdRow } from "./rows";
import { allDocuments, countSearchable } from "./documents.server";
import type { ReindexProgress, SearchEngine } from "./engine";
import { searchFormat } from "./format";
import { drainSearchSync, ensureIndexState, STALE_REBUILD_MINUTES } from "./sync.server";

export class ReindexBusyError extends Error {
  constructor() {
    super("Another reindex is running (its heartbeat is recent). Wait for it to finish.");
  }
}

export type ReindexReport = { documents: number; searchable: number; seconds: number; caughtUp: number };

async function claim(db: Database): Promise<boolean> {
  await ensureIndexState(db);
  // Waits for a drain in progress (it holds the row), then stops the next ones until the swap.
  const claimed = parseRows(
    await db.execute(sql`
      UPDATE search_index_state SET rebuilding_since = now(), heartbeat_at = now()
       WHERE id = 1 AND (rebuilding_since IS NULL OR heartbeat_at <= now() - make_interval(mins => ${STALE_REBUILD_MINUTES}))
       RETURNING id`),
    stateIdRow,
    "the claimed index state",
  );
  return claimed.length === 1;
}

/**
 * The format the index was last built with (search/format.ts), kept as the comment of search_index_state: a
 * fact about the index, not application data, so it needs no column of its own.
 */
export async function indexedSearchFormat(db: Database): Promise<string | null> {
  const [row] = parseRows(
    await db.execute(sql`SELECT obj_description('search_index_state'::regclass, 'pg_class') AS comment`),
    commentRow,
    "the index's format comment",
  );
  return row?.comment?.startsWith("search format ") ? row.comment.slice("search format ".length) : null;
}

async function recordSearchFormat(db: Database): Promise<void> {
  // COMMENT takes no parameters; the format is made of hex digits and a dash only.
  const format = searchFormat();
  if (!/^[0-9a-f-]+$/.test(format)) throw new Error(`unexpected search format ${format}`);
  await db.execute(sql.raw(`COMMENT ON TABLE search_index_state IS 'search format ${format}'`));
}

export async function reindex(
  db: Database,
  engine: SearchEngine,
  options: { onProgress?: ReindexProgress; batchSize?: number } = {},
): Promise<ReindexReport> {
  const started = performance.now();
  if (!(await claim(db))) throw new ReindexBusyError();
  try {
    const searchable = await countSearchable(db);
    await options.onProgress?.(0, searchable);
    const build = await engine.beginBuild();
    try {
      let done = 0;
      for await (const batch of allDocuments(db, options.batchSize ?? 1000)) {
        await build.add(batch);
        done += batch.length;
        await options.onProgress?.(done, Math.max(done, searchable));
        await db.execute(sql`UPDATE search_index_state SET heartbeat_at = now() WHERE id = 1`);
      }
      await build.swap();
    } catch (error) {
      await build.abandon().catch(() => {});
      throw error;
    }
    await db.execute(sql`
      UPDATE search_index_state SET rebuilding_since = NULL, last_rebuilt_at = now(), last_document_count = ${await engine.countDocuments()}
       WHERE id = 1`);
    await recordSearchFormat(db);
  } finally {
    await db.execute(sql`UPDATE search_index_state SET rebuilding_since = NULL WHERE id = 1`);
  }
  const caughtUp = await drainSearchSync(db, engine);
  return {
    documents: await engine.countDocuments(),
    searchable: await countSearchable(db),
    seconds: (performance.now() - started) / 1000,
    caughtUp: caughtUp.indexed + caughtUp.removed,
  };
}
