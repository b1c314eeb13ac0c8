/**
 * The Postgres engine's precomputed counts (search_counts, search_key_counts) stay exactly what the index holds
 * through upserts, removals and reindexes, and searches that read them give what counting the matching rows gives.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/rows";
import type { EngineQuery, SearchEngine } from "../../search/engine";
import { postgresEngine } from "../../search/postgres/engine.server";
import { reindex } from "../../search/reindex.server";
import { drainSearchSync } from "../../search/sync.server";
import { useTestDatabase } from "../support/database";
import { SALE, searchRegion, type SearchFixture } from "../support/search-fixtures";

const database = useTestDatabase();

/** Rows where the kept counts and a count made now from the index tables differ (zero rows are as good as none). */
async function drift(): Promise<unknown[]> {
  const terms = rowsOf(
    await database.db.execute(sql`
      WITH fresh AS (
        SELECT t.term, coalesce(v.vacancy_signature, 0) AS vs, coalesce(v.location_signature, 0) AS ls, count(*)::int AS n
          FROM search_vacancy_text v
          CROSS JOIN LATERAL (SELECT '' AS term UNION ALL SELECT l.lexeme FROM unnest(v.tsv) AS l WHERE l.lexeme LIKE 'zc%') t
         GROUP BY t.term, GROUPING SETS ((v.vacancy_signature, v.location_signature), (v.vacancy_signature), (v.location_signature), ())),
      kept AS (SELECT term, vacancy_signature AS vs, location_signature AS ls, n FROM search_counts WHERE n <> 0)
      (SELECT 'kept' AS side, * FROM kept EXCEPT SELECT 'kept', * FROM fresh)
      UNION ALL (SELECT 'fresh', * FROM fresh EXCEPT SELECT 'fresh', * FROM kept)`),
  );
  const keys = rowsOf(
    await database.db.execute(sql`
      WITH fresh AS (
        SELECT k AS key, count(*)::int AS n FROM search_vacancies v
          JOIN search_signatures s ON s.id IN (v.vacancy_signature, v.location_signature), unnest(s.keys) AS k
         GROUP BY k),
      kept AS (SELECT key, n FROM search_key_counts WHERE n <> 0)
      (SELECT 'kept' AS side, * FROM kept EXCEPT SELECT 'kept', * FROM fresh)
      UNION ALL (SELECT 'fresh', * FROM fresh EXCEPT SELECT 'fresh', * FROM kept)`),
  );
  return [...terms, ...keys];
}

describe("search counts (Postgres engine)", () => {
  let engine: SearchEngine;
  let f: SearchFixture;
  const now = new Date();
  const base: EngineQuery = { filters: {}, sort: "newest", page: 1, pageSize: 20, now, facets: true };

  beforeEach(async () => {
    f = await searchRegion(database.db, now);
    engine = postgresEngine(database.db);
    await reindex(database.db, engine);
  });

  it("are exact after a reindex, upserts, removals and another reindex", async () => {
    const total = async () => (await engine.search(base)).total;
    expect(await drift()).toEqual([]);
    const before = await total();

    await database.db.execute(sql`UPDATE vacancies SET title = 'Teacher of Statistics' WHERE id = ${f.ids.v2}`);
    await database.db.execute(
      sql`UPDATE vacancies SET subjects = ARRAY['physics'], phases = ARRAY['primary'] WHERE id = ${f.ids.v1}`,
    );
    await database.db.execute(
      sql`UPDATE vacancy_schools SET school_id = ${f.schools.s8.id} WHERE vacancy_id = ${f.ids.v3}`,
    );
    await drainSearchSync(database.db, engine);
    expect(await drift()).toEqual([]);
    expect(await total()).toBe(before);

    await database.db.execute(
      sql`UPDATE vacancies SET status = 'closed', closed_at = now(), closed_reason = 'withdrawn' WHERE id = ${f.ids.v4}`,
    );
    await drainSearchSync(database.db, engine);
    expect(await drift()).toEqual([]);
    expect(await total()).toBe(before - 1);

    await engine.remove([f.ids.v5, f.ids.v6, "not-indexed"]);
    expect(await drift()).toEqual([]);
    expect(await total()).toBe(before - 3);

    await reindex(database.db, engine);
    expect(await drift()).toEqual([]);
    expect(await total()).toBe(before - 1);
  });

  it("give the same totals, facets and pages as counting the matching rows", async () => {
    const queries: Partial<EngineQuery>[] = [
      {},
      { filters: { trust: "mersey-trust" }, sort: "closing" },
      { filters: { phase: "primary" } },
      { filters: { phase: "secondary", trust: "mersey-trust", schoolType: "academy" } },
      { filters: { subject: "physics", payRange: "upper" }, sort: "salary" },
      { text: "teacher", sort: "relevance" },
      { text: "maths", filters: { trust: "mersey-trust" }, sort: "relevance" },
      { text: "science", filters: { phase: "secondary" }, sort: "newest", pageSize: 2, page: 2 },
    ];
    for (const q of queries) {
      const query = { ...base, ...q };
      // A date at the beginning of time narrows nothing, but makes the engine count the matching rows.
      const counted = await engine.search({ ...query, publishedSince: new Date(0) });
      const read = await engine.search(query);
      expect(read.total, JSON.stringify(q)).toBe(counted.total);
      expect(read.facets, JSON.stringify(q)).toEqual(counted.facets);
      expect(
        read.hits.map((h) => h.vacancyId),
        JSON.stringify(q),
      ).toEqual(counted.hits.map((h) => h.vacancyId));
      const onlyTotal = await engine.search({ ...query, facets: false, pageSize: 0 });
      expect(onlyTotal.total, JSON.stringify(q)).toBe(counted.total);
    }
  });

  it("give the same answers whether or not searches are planned by the index's sizes", async () => {
    const unplanned = postgresEngine(database.db, { planBySizes: false });
    const near = (miles: number) => ({ ...SALE, radiusMetres: miles * 1609.344 });
    const queries: Partial<EngineQuery>[] = [
      // Words and a place: the words' matches first, or the place's.
      { text: "maths", geo: near(5), sort: "relevance" },
      { text: "physics teacher", geo: near(10), sort: "distance" },
      { text: "science", geo: near(10), filters: { phase: "secondary" }, sort: "newest" },
      { text: "teacher", geo: near(10), filters: { minSalary: 20000 }, sort: "salary", pageSize: 2, page: 2 },
      // A selective filter: the page planned for few matches before the total is known.
      { filters: { trust: "mersey-trust" }, sort: "closing" },
      { text: "maths", filters: { trust: "mersey-trust" }, sort: "relevance" },
      { filters: { trust: "mersey-trust", minSalary: 20000 }, sort: "newest", pageSize: 1, page: 2 },
    ];
    for (const q of queries) {
      const query = { ...base, ...q };
      const planned = await engine.search(query);
      const plain = await unplanned.search(query);
      expect(planned.total, JSON.stringify(q)).toBeGreaterThan(0);
      expect(planned.total, JSON.stringify(q)).toBe(plain.total);
      expect(planned.facets, JSON.stringify(q)).toEqual(plain.facets);
      expect(planned.hits, JSON.stringify(q)).toEqual(plain.hits);
    }
  });
});
