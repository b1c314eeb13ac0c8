import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { TABLES } from "./tables.server";

/** A minute: long enough that a busy search page reads the sizes about once a minute, short enough to follow a reindex. */
const FRESH_FOR_MS = 60_000;

const sizeRow = z.object({ kind: z.enum(["key", "concept"]), name: z.string(), n: z.number() });

/** The number of indexed vacancies with each facet key and each concept token, at the last reading. */
export type IndexSizes = { keys: Map<string, number>; concepts: Map<string, number> };

/**
 * The index's sizes, for choosing between two plans of a search that give the same answer, and never for an answer
 * (ADR 0030). PostgreSQL cannot estimate how many vacancies a place holds (it guesses a few dozen where Birmingham's
 * 25 miles hold 5,546), nor know how few a trust has before counting; the count tables (ADR 0029) know both. They
 * are read at most once a minute per engine, and forgotten when this engine writes. A stale figure can make one
 * search slower, not its results different; when they cannot be read, the engine plans as it did without them.
 */
export class PlanSizes {
  private reading: { at: number; sizes: Promise<IndexSizes | null> } | null = null;

  /** `enabled` false: plan as if nothing were known (tests compare the two plans). */
  constructor(
    private db: Executor,
    private enabled = true,
  ) {}

  get(now = Date.now()): Promise<IndexSizes | null> {
    if (!this.enabled) return Promise.resolve(null);
    if (!this.reading || now - this.reading.at > FRESH_FOR_MS) {
      this.reading = { at: now, sizes: this.read().catch(() => null) };
    }
    return this.reading.sizes;
  }

  forget(): void {
    this.reading = null;
  }

  private async read(): Promise<IndexSizes> {
    const counts = sql.raw(TABLES.counts);
    const rows = parseRows(
      // The few concepts (about 50) found one after another in the index, rather than read among 250,000 rows.
      await this.db.execute(sql`
        WITH RECURSIVE terms AS (
          SELECT min(term) AS term FROM ${counts} WHERE term > ''
          UNION ALL
          SELECT (SELECT min(c.term) FROM ${counts} c WHERE c.term > terms.term) FROM terms WHERE terms.term IS NOT NULL)
        SELECT 'key' AS kind, key AS name, n FROM ${sql.raw(TABLES.keyCounts)}
        UNION ALL
        SELECT 'concept', c.term, c.n
          FROM terms JOIN ${counts} c ON c.term = terms.term AND c.vacancy_signature = 0 AND c.location_signature = 0`),
      sizeRow,
      "the search index's sizes",
    );
    const sizes: IndexSizes = { keys: new Map(), concepts: new Map() };
    for (const r of rows) (r.kind === "key" ? sizes.keys : sizes.concepts).set(r.name, r.n);
    return sizes;
  }
}

/**
 * At most how many vacancies match every one of these keys and concept tokens: the fewest any of them has. Null when
 * none was known at the last reading (a new trust, say), so nothing can be said.
 */
export function atMost(sizes: IndexSizes | null, keys: string[], concepts: string[]): number | null {
  if (!sizes) return null;
  const known = [
    ...keys.flatMap((k) => (sizes.keys.has(k) ? [sizes.keys.get(k)!] : [])),
    ...concepts.flatMap((c) => (sizes.concepts.has(c) ? [sizes.concepts.get(c)!] : [])),
  ];
  return known.length > 0 ? Math.min(...known) : null;
}
