/**
 * The Postgres engine's precomputed counts (search_counts, search_salary_counts, search_key_counts) stay exactly what
 * the index holds through upserts, removals and reindexes, and searches that read them give what counting the
 * matching rows gives.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/rows";
import type { VacancyDocument } from "../../search/document";
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
  const salaries = rowsOf(
    await database.db.execute(sql`
      WITH fresh AS (
        SELECT coalesce(v.vacancy_signature, 0) AS vs, coalesce(v.location_signature, 0) AS ls, v.salary_max, count(*)::int AS n
          FROM search_vacancies v WHERE v.salary_max IS NOT NULL
         GROUP BY v.salary_max, GROUPING SETS ((v.vacancy_signature, v.location_signature), (v.vacancy_signature), (v.location_signature), ())),
      kept AS (SELECT vacancy_signature AS vs, location_signature AS ls, salary_max, n FROM search_salary_counts WHERE n <> 0)
      (SELECT 'kept salary' AS side, * FROM kept EXCEPT SELECT 'kept salary', * FROM fresh)
      UNION ALL (SELECT 'fresh salary', * FROM fresh EXCEPT SELECT 'fresh salary', * FROM kept)`),
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
  return [...terms, ...salaries, ...keys];
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
    await database.db.execute(sql`UPDATE vacancies SET salary_max_fte = salary_max_fte + 1 WHERE id = ${f.ids.v3}`);
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
      // A minimum salary below every vacancy's, at one of them exactly, between two and above all.
      { filters: { minSalary: 1 } },
      { filters: { minSalary: 45352 }, sort: "salary" },
      { filters: { minSalary: 45353, phase: "secondary" } },
      { filters: { minSalary: 40000, trust: "mersey-trust", contract: "permanent" }, sort: "closing" },
      { filters: { minSalary: 40000, phase: "secondary" }, pageSize: 0 },
      { filters: { minSalary: 1_000_000 } },
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

  it("count a vacancy past its closing moment out, with or without a minimum salary", async () => {
    // Still indexed until the scheduler closes it: counted in the tables, but no longer live.
    const past = new Date(now.getTime() - 60_000).toISOString();
    for (const table of ["search_vacancies", "search_vacancy_text"])
      await database.db.execute(
        sql`UPDATE ${sql.raw(table)} SET closes_at = ${past}::timestamptz WHERE vacancy_id = ${f.ids.v1}`,
      );
    const queries: Partial<EngineQuery>[] = [
      {},
      { filters: { minSalary: 1 } },
      { filters: { minSalary: 45352, phase: "secondary" } },
      // Above its salary: not to be taken away again.
      { filters: { minSalary: 45353 } },
      { text: "maths", sort: "relevance" },
      // Its trust's few matches are counted row by row, the other trusts' from the count tables.
      { filters: { trust: "mersey-trust" }, sort: "closing" },
      { filters: { trust: "mersey-trust", minSalary: 1 } },
    ];
    for (const q of queries) {
      const query = { ...base, ...q };
      const counted = await engine.search({ ...query, publishedSince: new Date(0) });
      const read = await engine.search(query);
      expect(read.hits.map((h) => h.vacancyId)).not.toContain(f.ids.v1);
      expect(read.total, JSON.stringify(q)).toBe(counted.total);
      expect(read.facets, JSON.stringify(q)).toEqual(counted.facets);
    }
  });

  it("give the same pages as counting when the matches are many and the page walks the sort order", async () => {
    // Sixty copies of one indexed vacancy, each published and paid differently: more matches than the
    // page reads by sorting them all (50 a result), so the page is planned as for many.
    const [row] = rowsOf<{ document: VacancyDocument }>(
      await database.db.execute(sql`SELECT document FROM search_documents WHERE vacancy_id = ${f.ids.v1}`),
    );
    const copies = Array.from({ length: 60 }, (_, i) => ({
      ...row!.document,
      vacancyId: `copy-${i}`,
      publishedAt: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(),
      salaryMaxFte: 40_000 + i * 100,
    }));
    await engine.upsert(copies);
    expect(await drift()).toEqual([]);
    const queries: Partial<EngineQuery>[] = [
      { filters: { phase: "secondary" }, pageSize: 1 },
      { filters: { phase: "secondary", minSalary: 40_000 }, pageSize: 1, page: 1 },
      { filters: { subject: "mathematics", minSalary: 40_150 }, pageSize: 1, sort: "closing" },
      { filters: { ect: true, minSalary: 40_000 }, pageSize: 1, sort: "salary" },
    ];
    for (const q of queries) {
      const query = { ...base, ...q };
      const counted = await engine.search({ ...query, publishedSince: new Date(0) });
      const read = await engine.search(query);
      expect(read.total, JSON.stringify(q)).toBeGreaterThan(50);
      expect(read.total, JSON.stringify(q)).toBe(counted.total);
      expect(read.facets, JSON.stringify(q)).toEqual(counted.facets);
      expect(read.hits, JSON.stringify(q)).toEqual(counted.hits);
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
