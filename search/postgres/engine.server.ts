/**
 * The embedded search engine: the index is three tables in the application's own PostgreSQL (or PGlite).
 * Words: a weighted tsvector ranked with ts_rank; synonyms and misspellings expand the query (search_terms
 * holds every indexed word under a trigram index). Places: one point per school, filtered with an earth_box
 * on a GiST index and measured with the haversine. Facets: GROUP BY over the matching rows' facet keys.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { rowsOf, textArrayLiteral } from "../../db/rows";
import { facetKeys, requiredKeys, weightedText, type VacancyDocument } from "../document";
import {
  activeFacets,
  effectiveSort,
  emptyFacets,
  FACETS,
  withoutFilter,
  type EngineQuery,
  type FacetName,
  type IndexBuild,
  type SearchEngine,
  type SearchFilters,
  type SearchResult,
  type WriteOptions,
} from "../engine";
import { synonymMap } from "../synonyms";
import { queryWords, tokenize, typoBudget, withinTypos } from "../text";
import { swapInTable, TABLES, type Tables } from "./tables.server";
import { buildTsQueries, queryUnits } from "./tsquery";

const synonyms = synonymMap();
// ts_rank weights for D, C, B, A: a title word counts ten times a word in the advert's text.
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'`);
// ll_to_earth works on a sphere of 6,378,168 m; the haversine on 6,371,000 m. The box must not cut the circle.
const BOX_SCALE = 6_378_168 / 6_371_000 + 0.001;

type TsQueries = { exact: string; full: string } | null;

export function postgresEngine(db: Database): SearchEngine {
  return {
    name: "postgres",
    async applySettings() {
      // Settings are the migrations' tables and indexes: nothing to apply at run time.
    },
    async upsert(documents, options?: WriteOptions) {
      await writeDocuments(options?.executor ?? db, documents, TABLES, "upsert");
    },
    async remove(vacancyIds, options?: WriteOptions) {
      if (vacancyIds.length === 0) return;
      const ex = options?.executor ?? db;
      await ex.execute(sql`DELETE FROM search_vacancy_points WHERE vacancy_id = ANY(${textArrayLiteral(vacancyIds)}::text[])`);
      await ex.execute(sql`DELETE FROM search_vacancies WHERE vacancy_id = ANY(${textArrayLiteral(vacancyIds)}::text[])`);
    },
    search: (query) => search(db, query),
    async countDocuments() {
      const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM search_vacancies`));
      return row.n;
    },
    beginBuild: () => beginBuild(db),
  };
}

type Mode = "upsert" | "append";

function indexRows(documents: VacancyDocument[]) {
  return documents.map((d) => {
    const text = weightedText(d);
    // Words are split here, by the same rules as queries, so the index and the query agree on what a word is.
    const [a, b, c, dd] = [text.a, text.b, text.c, text.d].map((x) => tokenize(x).join(" "));
    return { vacancy_id: d.vacancyId, document: d, a, b, c, d: dd, keys: facetKeys(d), salary_max: d.salaryMaxFte, published_at: d.publishedAt, closes_at: d.closesAt };
  });
}

/** The words worth a typo lookup: three letters or more (shorter query words get no typo allowance). */
function wordsOf(rows: ReturnType<typeof indexRows>): string[] {
  return [...new Set(rows.flatMap((r) => `${r.a} ${r.b} ${r.c} ${r.d}`.split(" ")).filter((w) => w.length >= 3))];
}

/**
 * Writes documents with their points and words into one set of index tables. "upsert" replaces what the live
 * tables hold; "append" fills a fresh build's tables, which have no keys yet (they are added at the swap).
 */
async function writeDocuments(ex: Executor, documents: VacancyDocument[], t: Tables, mode: Mode, words = wordsOf(indexRows(documents))): Promise<void> {
  if (documents.length === 0) return;
  const rows = indexRows(documents);
  const ids = documents.map((d) => d.vacancyId);
  await ex.execute(sql`
    INSERT INTO ${sql.raw(t.vacancies)} (vacancy_id, document, tsv, facet_keys, salary_max, published_at, closes_at)
    SELECT r.vacancy_id, r.document,
           setweight(to_tsvector('simple', r.a), 'A') || setweight(to_tsvector('simple', r.b), 'B')
             || setweight(to_tsvector('simple', r.c), 'C') || setweight(to_tsvector('simple', r.d), 'D'),
           ARRAY(SELECT jsonb_array_elements_text(r.keys)), r.salary_max, r.published_at, r.closes_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(vacancy_id text, document jsonb, a text, b text, c text, d text, keys jsonb, salary_max int,
             published_at timestamptz, closes_at timestamptz)
    ${mode === "upsert" ? sql`ON CONFLICT (vacancy_id) DO UPDATE SET document = EXCLUDED.document, tsv = EXCLUDED.tsv,
      facet_keys = EXCLUDED.facet_keys, salary_max = EXCLUDED.salary_max, published_at = EXCLUDED.published_at,
      closes_at = EXCLUDED.closes_at` : sql``}`);
  if (mode === "upsert") await ex.execute(sql`DELETE FROM ${sql.raw(t.points)} WHERE vacancy_id = ANY(${textArrayLiteral(ids)}::text[])`);
  const points = documents.flatMap((d) =>
    d.schools.filter((s) => s.lat !== null && s.lng !== null).map((s) => ({ vacancy_id: d.vacancyId, school_id: s.schoolId, lat: s.lat, lng: s.lng })),
  );
  if (points.length > 0) {
    await ex.execute(sql`
      INSERT INTO ${sql.raw(t.points)} (vacancy_id, school_id, lat, lng)
      SELECT DISTINCT ON (p.vacancy_id, p.school_id) p.vacancy_id, p.school_id, p.lat, p.lng
        FROM jsonb_to_recordset(${JSON.stringify(points)}::jsonb) AS p(vacancy_id text, school_id text, lat float8, lng float8)`);
  }
  if (words.length > 0) {
    await ex.execute(sql`INSERT INTO ${sql.raw(t.terms)} (term) SELECT unnest(${textArrayLiteral(words)}::text[])
      ${mode === "upsert" ? sql`ON CONFLICT DO NOTHING` : sql``}`);
  }
}

/** A reindex builds fresh tables beside the live ones, then swaps them in by renaming, in one transaction. */
async function beginBuild(db: Database): Promise<IndexBuild> {
  const next: Tables = { vacancies: `${TABLES.vacancies}__next`, points: `${TABLES.points}__next`, terms: `${TABLES.terms}__next` };
  for (const key of Object.keys(TABLES) as (keyof Tables)[]) {
    await db.execute(sql.raw(`DROP TABLE IF EXISTS ${next[key]}`));
    // No indexes yet: they are built once, after the bulk load, which is much faster than row by row.
    await db.execute(sql.raw(`CREATE TABLE ${next[key]} (LIKE ${TABLES[key]} INCLUDING DEFAULTS)`));
  }
  // The fresh words table has no key to resolve duplicates against: the build remembers what it has written.
  const written = new Set<string>();
  return {
    async add(documents) {
      const fresh = wordsOf(indexRows(documents)).filter((w) => !written.has(w));
      for (const w of fresh) written.add(w);
      await writeDocuments(db, documents, next, "append", fresh);
    },
    async swap() {
      await db.transaction(async (tx) => {
        for (const key of Object.keys(TABLES) as (keyof Tables)[]) await swapInTable(tx, TABLES[key], next[key]);
      });
    },
    async abandon() {
      for (const table of Object.values(next)) await db.execute(sql.raw(`DROP TABLE IF EXISTS ${table}`));
    },
  };
}

/** Indexed words within each query word's typo budget (candidates by trigram similarity, then the typo rule). */
async function typoCandidates(db: Executor, words: string[]): Promise<Map<string, string[]>> {
  const candidates = new Map<string, string[]>();
  const eligible = [...new Set(words.filter((w) => typoBudget(w) > 0))];
  if (eligible.length === 0) return candidates;
  const rows = rowsOf<{ word: string; term: string }>(
    await db.execute(sql`SELECT w AS word, t.term FROM unnest(${textArrayLiteral(eligible)}::text[]) AS w JOIN search_terms t ON t.term % w`),
  );
  for (const { word, term } of rows) {
    if (term !== word && withinTypos(word, term)) candidates.set(word, [...(candidates.get(word) ?? []), term]);
  }
  return candidates;
}

async function textQueries(db: Executor, text: string | undefined): Promise<TsQueries> {
  const words = text ? queryWords(text) : [];
  if (words.length === 0) return null;
  const units = queryUnits(words, synonyms);
  const typos = await typoCandidates(db, units.flatMap((u) => (u.typoOf ? [u.typoOf] : [])));
  return buildTsQueries(units, typos);
}

/** The vacancies with a school within the radius, with the distance to the nearest one. */
function nearCte(geo: NonNullable<EngineQuery["geo"]>): SQL {
  const lat = sql`${geo.lat}::float8`;
  const lng = sql`${geo.lng}::float8`;
  const metres = sql`search_haversine_m(${lat}, ${lng}, p.lat, p.lng)`;
  return sql`near AS (
    SELECT p.vacancy_id, min(${metres}) AS metres
      FROM search_vacancy_points p
     WHERE earth_box(ll_to_earth(${lat}, ${lng}), ${geo.radiusMetres * BOX_SCALE + 1}::float8) @> ll_to_earth(p.lat, p.lng)
       AND ${metres} <= ${geo.radiusMetres}::float8
     GROUP BY p.vacancy_id)`;
}

function whereClause(query: EngineQuery, ts: TsQueries, filters: SearchFilters): SQL {
  const keys = requiredKeys(filters);
  const parts: SQL[] = [sql`v.closes_at > ${query.now.toISOString()}::timestamptz`];
  if (keys.length > 0) parts.push(sql`v.facet_keys @> ${textArrayLiteral(keys)}::text[]`);
  if (filters.minSalary !== undefined) parts.push(sql`v.salary_max >= ${filters.minSalary}::int`);
  if (ts) parts.push(sql`v.tsv @@ to_tsquery('simple', ${ts.full})`);
  if (query.publishedSince) parts.push(sql`v.published_at >= ${query.publishedSince.toISOString()}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

function fromClause(query: EngineQuery): SQL {
  return query.geo ? sql`search_vacancies v JOIN near ON near.vacancy_id = v.vacancy_id` : sql`search_vacancies v`;
}

const withNear = (query: EngineQuery) => (query.geo ? sql`WITH ${nearCte(query.geo)}` : sql``);

function orderBy(query: EngineQuery, ts: TsQueries): SQL {
  const sort = effectiveSort(query);
  switch (sort) {
    case "relevance":
      // Exact matches (no typo) count twice, so they come before misspelt ones.
      return ts
        ? sql`2 * ts_rank(${WEIGHTS}, v.tsv, to_tsquery('simple', ${ts.exact})) + ts_rank(${WEIGHTS}, v.tsv, to_tsquery('simple', ${ts.full})) DESC, v.published_at DESC, v.vacancy_id`
        : sql`v.published_at DESC, v.vacancy_id`;
    case "distance":
      return sql`near.metres, v.vacancy_id`;
    case "closing":
      return sql`v.closes_at, v.vacancy_id`;
    case "newest":
      return sql`v.published_at DESC, v.vacancy_id`;
    case "salary":
      return sql`v.salary_max DESC NULLS LAST, v.vacancy_id`;
  }
}

async function count(db: Executor, query: EngineQuery, ts: TsQueries, filters: SearchFilters): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`${withNear(query)} SELECT count(*)::int AS n FROM ${fromClause(query)} WHERE ${whereClause(query, ts, filters)}`),
  );
  return row.n;
}

/** Counts of facet keys over the matches of `filters`, only for `only` facets when given. */
async function facetCounts(db: Executor, query: EngineQuery, ts: TsQueries, filters: SearchFilters, only?: FacetName) {
  const restrict = only ? sql`AND k LIKE ${`${only}:%`}` : sql``;
  return rowsOf<{ key: string; n: number }>(
    await db.execute(sql`${withNear(query)}
      SELECT k AS key, count(*)::int AS n
        FROM ${fromClause(query)}, unnest(v.facet_keys) AS k
       WHERE ${whereClause(query, ts, filters)} ${restrict}
       GROUP BY k`),
  );
}

async function facets(db: Executor, query: EngineQuery, ts: TsQueries) {
  const active = activeFacets(query.filters);
  const [base, ...own] = await Promise.all([
    facetCounts(db, query, ts, query.filters),
    // Disjunctive counts: a facet with a value chosen shows what each of its other values would give.
    ...active.map((f) => facetCounts(db, query, ts, withoutFilter(query.filters, f), f)),
  ]);
  const counts = emptyFacets();
  const put = (key: string, n: number) => {
    const at = key.indexOf(":");
    const facet = key.slice(0, at) as FacetName;
    if (FACETS.includes(facet)) counts[facet][key.slice(at + 1)] = n;
  };
  for (const { key, n } of base) if (!active.includes(key.slice(0, key.indexOf(":")) as FacetName)) put(key, n);
  for (const rows of own) for (const { key, n } of rows) put(key, n);
  return counts;
}

async function search(db: Database, query: EngineQuery): Promise<SearchResult> {
  const ts = await textQueries(db, query.text);
  if (query.pageSize === 0) {
    const [total, facetTable] = await Promise.all([count(db, query, ts, query.filters), query.facets ? facets(db, query, ts) : undefined]);
    return { hits: [], total, facets: facetTable };
  }
  const offset = (query.page - 1) * query.pageSize;
  const [rows, facetTable] = await Promise.all([
    db.execute(sql`${withNear(query)}
      SELECT v.vacancy_id AS "vacancyId", v.document, ${query.geo ? sql`near.metres` : sql`NULL::float8`} AS metres,
             count(*) OVER ()::int AS total
        FROM ${fromClause(query)}
       WHERE ${whereClause(query, ts, query.filters)}
       ORDER BY ${orderBy(query, ts)}
       LIMIT ${query.pageSize} OFFSET ${offset}`),
    query.facets ? facets(db, query, ts) : Promise.resolve(undefined),
  ]);
  const hits = rowsOf<{ vacancyId: string; document: VacancyDocument; metres: number | null; total: number }>(rows);
  // Past the last page no row carries the total: count it on its own.
  const total = hits.length > 0 ? hits[0].total : query.page > 1 ? await count(db, query, ts, query.filters) : 0;
  return {
    total,
    facets: facetTable,
    hits: hits.map((h) => ({ vacancyId: h.vacancyId, document: h.document, nearestMetres: h.metres === null ? null : Number(h.metres) })),
  };
}
