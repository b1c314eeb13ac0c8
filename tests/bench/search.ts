/**
 * The search benchmark: a fixed set of representative queries against the search engine, each also run
 * against a naive baseline over the vacancy tables themselves (ILIKE for words, the haversine over every
 * school row for distance, GROUP BY for facets), in the same run, so the ratio says what the index buys.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { rowsOf } from "../../db/rows";
import type { EngineQuery, SearchEngine } from "../../search/engine";
import { queryWords } from "../../search/text";

const MILE = 1609.344;
type Place = { lat: number; lng: number; label: string };

/** Outcode centroids from ../shared/data/postcode-outcodes-gb.csv (OS Code-Point Open 2025.4). */
export function outcodes(file: string, wanted: string[]): Record<string, Place> {
  const rows = parse<{ outcode: string; lat: string; lng: string }>(readFileSync(file), { columns: true });
  const found: Record<string, Place> = {};
  for (const r of rows)
    if (wanted.includes(r.outcode)) found[r.outcode] = { lat: Number(r.lat), lng: Number(r.lng), label: r.outcode };
  for (const w of wanted) if (!found[w]) throw new Error(`outcode ${w} is not in ${file}`);
  return found;
}

export type BenchQuery = {
  name: string;
  query: Omit<EngineQuery, "now" | "facets" | "pageSize" | "page"> & { page?: number };
};

export function representativeQueries(p: Record<"M1" | "LS1" | "B1" | "SW1A", Place>): BenchQuery[] {
  const near = (place: Place, miles: number) => ({ lat: place.lat, lng: place.lng, radiusMetres: miles * MILE });
  return [
    { name: 'text: "maths"', query: { text: "maths", filters: {}, sort: "relevance" } },
    { name: 'text: "science teacher"', query: { text: "science teacher", filters: {}, sort: "relevance" } },
    {
      name: 'text + radius: "english" within 10 miles of M1 (Manchester)',
      query: { text: "english", filters: {}, geo: near(p.M1, 10), sort: "relevance" },
    },
    {
      name: "filters: secondary, mathematics",
      query: { filters: { phase: "secondary", subject: "mathematics" }, sort: "newest" },
    },
    {
      name: "filters: ECT suitable, permanent, at least £40,000",
      query: { filters: { ect: true, contract: "permanent", minSalary: 40000 }, sort: "newest" },
    },
    {
      name: "radius + filters + distance: primary within 5 miles of LS1 (Leeds), nearest first",
      query: { filters: { phase: "primary" }, geo: near(p.LS1, 5), sort: "distance" },
    },
    { name: 'typo: "mathmatics"', query: { text: "mathmatics", filters: {}, sort: "relevance" } },
    {
      name: 'typo + radius: "chemestry" within 25 miles of B1 (Birmingham)',
      query: { text: "chemestry", filters: {}, geo: near(p.B1, 25), sort: "relevance" },
    },
    { name: "everything, newest first (no words, no filters)", query: { filters: {}, sort: "newest" } },
    {
      name: "radius only: 3 miles of SW1A (Westminster), nearest first",
      query: { filters: {}, geo: near(p.SW1A, 3), sort: "distance" },
    },
    {
      name: 'text + filter + salary: "teacher", upper pay range, highest salary first',
      query: { text: "teacher", filters: { payRange: "upper" }, sort: "salary" },
    },
    { name: 'deep page: "teacher", page 50', query: { text: "teacher", filters: {}, sort: "relevance", page: 50 } },
    {
      name: "trust: one trust's vacancies, closing soonest",
      query: { filters: { trust: "bench-trust-7" }, sort: "closing" },
    },
  ];
}

export function engineQuery(q: BenchQuery, now: Date): EngineQuery {
  return { ...q.query, page: q.query.page ?? 1, pageSize: 20, now, facets: true };
}

const haversine = (lat: number, lng: number) =>
  sql`2 * 6371000 * asin(least(1, sqrt(power(sin(radians(s.lat - ${lat}::float8) / 2), 2)
        + cos(radians(${lat}::float8)) * cos(radians(s.lat)) * power(sin(radians(s.lng - ${lng}::float8) / 2), 2))))`;

/**
 * The naive way: every live vacancy joined to its schools, words matched with ILIKE anywhere in the title,
 * advert, subjects or school names (no synonyms, no typos), distance by the haversine on every row, then the
 * page, the total and the facet counts (not disjunctive) by GROUP BY.
 */
export async function naiveSearch(db: Database, q: EngineQuery) {
  const conditions: SQL[] = [sql`v.status = 'published'`, sql`v.closes_at > ${q.now.toISOString()}::timestamptz`];
  for (const word of q.text ? queryWords(q.text) : []) {
    const like = `%${word}%`;
    conditions.push(
      sql`(v.title ILIKE ${like} OR v.about_role ILIKE ${like} OR array_to_string(v.subjects, ' ') ILIKE ${like} OR s.name ILIKE ${like})`,
    );
  }
  const f = q.filters;
  if (f.phase) conditions.push(sql`${f.phase} = ANY(v.phases)`);
  if (f.subject) conditions.push(sql`${f.subject} = ANY(v.subjects)`);
  if (f.ect) conditions.push(sql`v.ect_suitable`);
  if (f.contract) conditions.push(sql`v.contract_type = ${f.contract}`);
  if (f.payRange) conditions.push(sql`v.pay_range = ${f.payRange}`);
  if (f.minSalary !== undefined) conditions.push(sql`v.salary_max_fte >= ${f.minSalary}`);
  if (f.trust) conditions.push(sql`s.trust_id = (SELECT id FROM organisations WHERE slug = ${f.trust})`);
  const metres = q.geo ? haversine(q.geo.lat, q.geo.lng) : sql`NULL::float8`;
  const order =
    q.sort === "distance"
      ? sql`metres, id`
      : q.sort === "closing"
        ? sql`closes_at, id`
        : q.sort === "salary"
          ? sql`salary_max_fte DESC NULLS LAST, id`
          : sql`published_at DESC, id`;
  const matches = sql`
    SELECT v.id, v.title, v.published_at, v.closes_at, v.salary_max_fte, v.role, v.phases, v.subjects, v.contract_type, min(${metres}) AS metres
      FROM vacancies v JOIN vacancy_schools vs ON vs.vacancy_id = v.id JOIN schools s ON s.id = vs.school_id
     WHERE ${sql.join(conditions, sql` AND `)}
     GROUP BY v.id
     ${q.geo ? sql`HAVING min(${metres}) <= ${q.geo.radiusMetres}::float8` : sql``}`;
  const [page, facets] = await Promise.all([
    db.execute(
      sql`WITH m AS (${matches}) SELECT *, count(*) OVER () AS total FROM m ORDER BY ${order} LIMIT 20 OFFSET ${(q.page - 1) * 20}`,
    ),
    db.execute(sql`WITH m AS (${matches})
      SELECT 'role' AS facet, role AS value, count(*) FROM m GROUP BY role
      UNION ALL SELECT 'phase', unnest(phases), count(*) FROM m GROUP BY 2
      UNION ALL SELECT 'subject', unnest(subjects), count(*) FROM m GROUP BY 2
      UNION ALL SELECT 'contract', contract_type::text, count(*) FROM m GROUP BY 2`),
  ]);
  return { rows: rowsOf(page).length, facets: rowsOf(facets).length };
}

/** Results and facet counts for one query from the engine, for the report's "matches" column. */
export async function totalOf(engine: SearchEngine, q: EngineQuery): Promise<number> {
  return (await engine.search(q)).total;
}
