import { sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import type { EngineQuery, SearchResult } from "../engine";
import { TABLES } from "./tables.server";

/** At most this many results, and this much memory by their documents' size: a few megabytes per process. */
const KEPT_RESULTS = 200;
const KEPT_BYTES = 16 * 1024 * 1024;

/** About what a result holds: its documents (1–2 kB each as JSON) and its facet counts. */
function sizeOf(result: SearchResult): number {
  return 4_096 + result.hits.length * 2_048;
}

const stampRow = z.object({
  generation: z.string(),
  previous: z.number().nullable(),
  next: z.number().nullable(),
});

type Kept = { generation: string; from: number; until: number; result: SearchResult };

/**
 * Search results kept in memory for as long as the index cannot have changed them (ADR 0031). A result depends on
 * two things besides its query: the index, and the moment (a vacancy stops matching when its closing time passes).
 * So each is kept with the index's generation (search_generation, a new stamp with every index write, in its own transaction) and
 * the span of moments in which no indexed vacancy closes: from the last closing time at or before the search's
 * moment to the next one after it. A later search with the same query is answered from memory when the generation
 * read before it is the same and its moment falls in that span; otherwise it runs, and is kept. One small statement
 * (the generation and the span, from the closing-date index) replaces the search's two or three, and every search
 * that starts after a write commits sees that write. Searches since a date (alerts) are never kept.
 */
export class ResultCache {
  private kept = new LRUCache<string, Kept>({
    max: KEPT_RESULTS,
    maxSize: KEPT_BYTES,
    sizeCalculation: (kept) => sizeOf(kept.result),
  });

  constructor(private db: Executor) {}

  async search(query: EngineQuery, run: (query: EngineQuery) => Promise<SearchResult>): Promise<SearchResult> {
    if (query.publishedSince) return run(query);
    const stamp = await this.stamp(query.now);
    if (!stamp) return run(query);
    const key = keyOf(query);
    const at = query.now.getTime();
    const kept = this.kept.get(key);
    if (kept && kept.generation === stamp.generation && kept.from <= at && at < kept.until) return kept.result;
    // The generation was read before the search, so a write that commits meanwhile gives later searches another.
    const result = await run(query);
    this.kept.set(key, { generation: stamp.generation, from: stamp.from, until: stamp.until, result });
    return result;
  }

  /** Null when the generation's row is missing (a table emptied by hand, until the next write): nothing is kept. */
  private async stamp(now: Date) {
    const at = sql`${now.toISOString()}::timestamptz`;
    const v = sql.raw(TABLES.vacancies);
    const [row] = parseRows(
      await this.db.execute(sql`
        SELECT g.stamp AS generation,
               (SELECT extract(epoch FROM max(closes_at)) * 1000 FROM ${v} WHERE closes_at <= ${at})::float8 AS previous,
               (SELECT extract(epoch FROM min(closes_at)) * 1000 FROM ${v} WHERE closes_at > ${at})::float8 AS next
          FROM search_generation g`),
      stampRow,
      "the search index's generation",
    );
    if (!row) return null;
    return {
      generation: row.generation,
      from: row.previous ?? -Infinity,
      until: row.next ?? Infinity,
    };
  }
}

/** The query without its moment, with every object's keys in order, so that equal queries give equal keys. */
function keyOf(query: EngineQuery): string {
  const { now: _now, ...rest } = query;
  return JSON.stringify(rest, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** A new generation: every index write makes one in its own transaction. */
export async function newGeneration(ex: Executor): Promise<void> {
  await ex.execute(sql`
    INSERT INTO search_generation (id, stamp) VALUES (true, gen_random_uuid()::text)
    ON CONFLICT (id) DO UPDATE SET stamp = EXCLUDED.stamp`);
}
