/**
 * The embedded search engine: the index is a handful of narrow tables in the application's own PostgreSQL
 * (or PGlite), see db/schema/search.ts.
 * - Words: a tsvector of every searchable word and concept token (GIN), weighted by where it comes from
 *   (search/tags.ts, search/postgres/tsquery.ts). Queries are read by search/analyse.ts; search_terms holds every
 *   indexed word under a trigram index for the misspellings.
 * - Relevance: tiers tested on the small title vector (relevanceTiers), newest first within each.
 * - Places: one point per school, filtered with an earth_box on a GiST index, measured with the haversine.
 * - Facets: each vacancy's facet keys are numbered as two signatures, so counting is a GROUP BY on two integers
 *   followed by the keys of the (few hundred) signatures met.
 * - Broad queries: with facet filters only (and a minimum salary), or one concept and facet filters, the total and
 *   facet counts are read from search_counts, search_salary_counts and search_key_counts, kept exact with every index
 *   write (see countsSource); the page is then planned knowing the total.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { countOf, parseRows, textArrayLiteral } from "../../db/rows";
import type { z } from "zod";
import { analyseQuery } from "../analyse";
import { facetKeys, requiredKeys, splitKeys, type VacancyDocument } from "../document";
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
import { facetCountRow, hitRow, nextCloseRow, signatureRow, typoCandidateRow } from "../rows";
import { indexDocument } from "../tags";
import { typoBudget, withinTypos } from "../text";
import { atMost, PlanSizes, type IndexSizes } from "./plan-sizes.server";
import { newGeneration, ResultCache } from "./result-cache.server";
import { createFreshTable, NEXT_TABLES, swapInTables, TABLE_KEYS, TABLES, type Tables } from "./tables.server";
import { buildTsQueries, type TsQueries } from "./tsquery";

// ll_to_earth works on a sphere of 6,378,168 m; the haversine on 6,371,000 m. The box must not cut the circle.
const BOX_SCALE = 6_378_168 / 6_371_000 + 0.001;

/**
 * `planBySizes` false: searches plan without the index's sizes (plan-sizes.server.ts), for tests that compare.
 * `keepResults` false: every search runs (result-cache.server.ts), for the benchmark of the engine itself.
 */
export function postgresEngine(db: Database, { planBySizes = true, keepResults = true } = {}): SearchEngine {
  const sizes = new PlanSizes(db, planBySizes);
  const kept = keepResults ? new ResultCache(db) : null;
  return {
    name: "postgres",
    async applySettings() {
      // The settings are the migrations' tables and indexes: nothing to apply at run time.
    },
    async upsert(documents, options?: WriteOptions) {
      if (documents.length === 0) return;
      await inWriteTransaction(db, options, async (ex) => {
        const ids = documents.map((d) => d.vacancyId);
        await countRows(ex, ids, -1);
        await writeDocuments(ex, documents, TABLES, new SignatureCache(TABLES.signatures, "upsert"));
        await countRows(ex, ids, 1);
      });
      sizes.forget();
    },
    async remove(vacancyIds, options?: WriteOptions) {
      if (vacancyIds.length === 0) return;
      await inWriteTransaction(db, options, async (ex) => {
        await countRows(ex, vacancyIds, -1);
        for (const table of [TABLES.vacancies, TABLES.text, TABLES.documents, TABLES.points]) {
          await ex.execute(
            sql`DELETE FROM ${sql.raw(table)} WHERE vacancy_id = ANY(${textArrayLiteral(vacancyIds)}::text[])`,
          );
        }
      });
      sizes.forget();
    },
    search: (query) => (kept ? kept.search(query, (q) => search(db, q, sizes)) : search(db, query, sizes)),
    async answersHoldUntil(now) {
      // The index is tables in this database, and its writes are watched by page_generation like any other (they
      // also write search_generation): only a closing time passing changes an answer by itself.
      const [row] = parseRows(
        await db.execute(sql`SELECT (extract(epoch FROM min(closes_at)) * 1000)::float8 AS next
                               FROM ${sql.raw(TABLES.vacancies)} WHERE closes_at > ${now.toISOString()}::timestamptz`),
        nextCloseRow,
        "the index's next closing time",
      );
      return row?.next ?? Infinity;
    },
    async countDocuments() {
      return countOf(await db.execute(sql`SELECT count(*)::int AS n FROM search_vacancies`), "indexed vacancies");
    },
    beginBuild: () => beginBuild(db, () => sizes.forget()),
  };
}

/** Any number: the advisory lock that index writers take in turn, so that the precomputed counts stay exact. */
const INDEX_WRITE_LOCK = 7_310_419;

/**
 * Runs an index write in the caller's transaction, or in one of its own: search_counts and search_key_counts change
 * with the rows or not at all. Writers take turns (a transaction-level advisory lock): each reads the rows it
 * replaces, to take their counts away, and two writers of one vacancy at once would both take away the same old row.
 */
async function inWriteTransaction(
  db: Database,
  options: WriteOptions | undefined,
  write: (ex: Executor) => Promise<void>,
): Promise<void> {
  const locked = async (ex: Executor) => {
    await ex.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_WRITE_LOCK})`);
    await write(ex);
    await newGeneration(ex);
  };
  if (options?.executor) await locked(options.executor);
  else await db.transaction(locked);
}

/**
 * What a set of rows of the words table adds to search_counts: per term (every row under '', and each
 * concept token among its words), per pair of signatures and per signature alone (the other one 0), and in all.
 */
function countsOf(table: string, where: SQL, sign: 1 | -1): SQL {
  return sql`
    SELECT t.term, coalesce(v.vacancy_signature, 0), coalesce(v.location_signature, 0), ${sign}::int * count(*)::int
      FROM ${sql.raw(table)} v
     CROSS JOIN LATERAL (SELECT '' AS term UNION ALL SELECT l.lexeme FROM unnest(v.tsv) AS l WHERE l.lexeme LIKE 'zc%') t
     WHERE ${where}
     GROUP BY t.term, GROUPING SETS ((v.vacancy_signature, v.location_signature), (v.vacancy_signature), (v.location_signature), ())`;
}

/** What a set of rows of search_vacancies adds to search_salary_counts: as countsOf's term '', per salary. */
function salaryCountsOf(table: string, where: SQL, sign: 1 | -1): SQL {
  return sql`
    SELECT coalesce(v.vacancy_signature, 0), coalesce(v.location_signature, 0), v.salary_max, ${sign}::int * count(*)::int
      FROM ${sql.raw(table)} v
     WHERE v.salary_max IS NOT NULL AND ${where}
     GROUP BY v.salary_max, GROUPING SETS ((v.vacancy_signature, v.location_signature), (v.vacancy_signature), (v.location_signature), ())`;
}

/** What a set of rows of search_vacancies adds to search_key_counts: each facet key of their signatures. */
function keyCountsOf(t: Tables, where: SQL, sign: 1 | -1): SQL {
  return sql`
    SELECT k, ${sign}::int * count(*)::int
      FROM ${sql.raw(t.vacancies)} v
      JOIN ${sql.raw(t.signatures)} s ON s.id IN (v.vacancy_signature, v.location_signature), unnest(s.keys) AS k
     WHERE ${where}
     GROUP BY k`;
}

/** Adds (1) or takes away (-1) what these vacancies' rows in the live index count for. */
async function countRows(ex: Executor, vacancyIds: string[], sign: 1 | -1): Promise<void> {
  const ids = sql`v.vacancy_id = ANY(${textArrayLiteral(vacancyIds)}::text[])`;
  await ex.execute(sql`
    INSERT INTO ${sql.raw(TABLES.counts)} AS c (term, vacancy_signature, location_signature, n)
    ${countsOf(TABLES.text, ids, sign)}
    ON CONFLICT (term, vacancy_signature, location_signature) DO UPDATE SET n = c.n + EXCLUDED.n`);
  await ex.execute(sql`
    INSERT INTO ${sql.raw(TABLES.salaryCounts)} AS c (vacancy_signature, location_signature, salary_max, n)
    ${salaryCountsOf(TABLES.vacancies, ids, sign)}
    ON CONFLICT (vacancy_signature, location_signature, salary_max) DO UPDATE SET n = c.n + EXCLUDED.n`);
  await ex.execute(sql`
    INSERT INTO ${sql.raw(TABLES.keyCounts)} AS c (key, n)
    ${keyCountsOf(TABLES, ids, sign)}
    ON CONFLICT (key) DO UPDATE SET n = c.n + EXCLUDED.n`);
}

/** Signature numbers by kind and keys. "upsert" resolves them in the live table; "append" numbers a fresh build's. */
class SignatureCache {
  private known = new Map<string, number>();
  constructor(
    private table: string,
    private mode: "upsert" | "append",
  ) {}

  private static key = (kind: string, keys: string[]) => `${kind}|${keys.join("\u0001")}`;

  async resolve(
    ex: Executor,
    wanted: { kind: string; keys: string[] }[],
  ): Promise<(kind: string, keys: string[]) => number> {
    const missing = [
      ...new Map(
        wanted
          .filter((w) => !this.known.has(SignatureCache.key(w.kind, w.keys)))
          .map((w) => [SignatureCache.key(w.kind, w.keys), w]),
      ).values(),
    ];
    if (missing.length > 0) {
      const json = JSON.stringify(missing);
      const t = sql.raw(this.table);
      const rows =
        this.mode === "append"
          ? // A fresh table has no unique index yet: the build remembers what it has numbered.
            await ex.execute(
              sql`INSERT INTO ${t} (kind, keys) SELECT kind, keys FROM jsonb_to_recordset(${json}::jsonb) AS r(kind text, keys text[]) RETURNING id, kind, keys`,
            )
          : (await ex.execute(
              sql`INSERT INTO ${t} (kind, keys) SELECT kind, keys FROM jsonb_to_recordset(${json}::jsonb) AS r(kind text, keys text[]) ON CONFLICT (kind, keys) DO NOTHING`,
            ),
            await ex.execute(
              sql`SELECT s.id, s.kind, s.keys FROM ${t} s JOIN jsonb_to_recordset(${json}::jsonb) AS r(kind text, keys text[]) ON s.kind = r.kind AND s.keys = r.keys`,
            ));
      for (const r of parseRows(rows, signatureRow, "numbered search signatures"))
        this.known.set(SignatureCache.key(r.kind, r.keys), r.id);
    }
    return (kind, keys) => {
      const id = this.known.get(SignatureCache.key(kind, keys));
      if (id === undefined) throw new Error(`search signature not numbered: ${kind} ${keys.join(",")}`);
      return id;
    };
  }
}

/** Words (three letters or more: shorter query words get no typo allowance) for the misspelling lookup. */
function wordsOf(texts: string[]): string[] {
  return [...new Set(texts.flatMap((t) => t.split(" ")).filter((w) => w.length >= 3))];
}

/**
 * Writes documents into one set of index tables. "upsert" replaces what the live tables hold; "append" fills a
 * fresh build's tables, which have no keys yet (they are added at the swap).
 */
async function writeDocuments(
  ex: Executor,
  documents: VacancyDocument[],
  t: Tables,
  signatures: SignatureCache,
  words?: (all: string[]) => string[],
): Promise<void> {
  if (documents.length === 0) return;
  const upsert = (conflictSet: SQL) =>
    t === TABLES ? sql`ON CONFLICT (vacancy_id) DO UPDATE SET ${conflictSet}` : sql``;
  const prepared = documents.map((d) => {
    const x = indexDocument(d);
    const join = (...parts: string[][]) => parts.flat().join(" ");
    return {
      d,
      keys: splitKeys(facetKeys(d)),
      // Weighted A, B, C and (unlabelled) D: see search/postgres/tsquery.ts.
      a: join(x.title, x.titleTags),
      b: join(x.fieldTags, x.labels, x.labelTags),
      c: join(x.relatedTags),
      rest: join(x.places, x.placeTags, x.advert),
      // Plain words only (no tokens): what a misspelt query word may have meant.
      words: join(x.title, x.labels, x.places, x.advert),
    };
  });
  const numberOf = await signatures.resolve(
    ex,
    prepared.flatMap((p) => [
      { kind: "vacancy", keys: p.keys.vacancy },
      { kind: "location", keys: p.keys.location },
    ]),
  );
  const rows = prepared.map((p) => ({
    vacancy_id: p.d.vacancyId,
    vs: numberOf("vacancy", p.keys.vacancy),
    ls: numberOf("location", p.keys.location),
    salary_max: p.d.salaryMaxFte,
    published_at: p.d.publishedAt,
    closes_at: p.d.closesAt,
    a: p.a,
    b: p.b,
    c: p.c,
    rest: p.rest,
    words: p.words,
    document: p.d,
  }));
  const json = JSON.stringify(rows);
  const records = sql`jsonb_to_recordset(${json}::jsonb) AS r(vacancy_id text, vs int, ls int, salary_max int, published_at timestamptz,
    closes_at timestamptz, a text, b text, c text, rest text, words text, document jsonb)`;
  // Only searches with words rank, and they read search_vacancy_text: the narrow table keeps an empty vector, so
  // that searches without words (which read every row of it) stay fast.
  const titleTsv = sql`setweight(to_tsvector('simple', r.a), 'A') || setweight(to_tsvector('simple', r.b), 'B') || setweight(to_tsvector('simple', r.c), 'C')`;
  await ex.execute(sql`
    INSERT INTO ${sql.raw(t.vacancies)} (vacancy_id, vacancy_signature, location_signature, salary_max, published_at, closes_at, title_tsv)
    SELECT r.vacancy_id, r.vs, r.ls, r.salary_max, r.published_at, r.closes_at, ''::tsvector
      FROM ${records}
    ${upsert(sql`vacancy_signature = EXCLUDED.vacancy_signature, location_signature = EXCLUDED.location_signature,
      salary_max = EXCLUDED.salary_max, published_at = EXCLUDED.published_at, closes_at = EXCLUDED.closes_at, title_tsv = EXCLUDED.title_tsv`)}`);
  await ex.execute(sql`
    INSERT INTO ${sql.raw(t.text)} (vacancy_id, vacancy_signature, location_signature, salary_max, published_at, closes_at, title_tsv, tsv)
    SELECT r.vacancy_id, r.vs, r.ls, r.salary_max, r.published_at, r.closes_at, ${titleTsv},
           ${titleTsv} || to_tsvector('simple', r.rest)
      FROM ${records}
    ${upsert(sql`vacancy_signature = EXCLUDED.vacancy_signature, location_signature = EXCLUDED.location_signature,
      salary_max = EXCLUDED.salary_max, published_at = EXCLUDED.published_at, closes_at = EXCLUDED.closes_at,
      title_tsv = EXCLUDED.title_tsv, tsv = EXCLUDED.tsv`)}`);
  await ex.execute(sql`
    INSERT INTO ${sql.raw(t.documents)} (vacancy_id, document) SELECT r.vacancy_id, r.document FROM ${records}
    ${upsert(sql`document = EXCLUDED.document`)}`);
  if (t === TABLES) {
    await ex.execute(
      sql`DELETE FROM ${sql.raw(t.points)} WHERE vacancy_id = ANY(${textArrayLiteral(documents.map((d) => d.vacancyId))}::text[])`,
    );
  }
  const points = documents.flatMap((d) =>
    d.schools
      .filter((s) => s.lat !== null && s.lng !== null)
      .map((s) => ({ vacancy_id: d.vacancyId, school_id: s.schoolId, lat: s.lat, lng: s.lng })),
  );
  if (points.length > 0) {
    await ex.execute(sql`
      INSERT INTO ${sql.raw(t.points)} (vacancy_id, school_id, lat, lng)
      SELECT DISTINCT ON (p.vacancy_id, p.school_id) p.vacancy_id, p.school_id, p.lat, p.lng
        FROM jsonb_to_recordset(${JSON.stringify(points)}::jsonb) AS p(vacancy_id text, school_id text, lat float8, lng float8)`);
  }
  const all = wordsOf(rows.map((r) => r.words));
  const fresh = words ? words(all) : all;
  if (fresh.length > 0) {
    await ex.execute(sql`INSERT INTO ${sql.raw(t.terms)} (term) SELECT unnest(${textArrayLiteral(fresh)}::text[])
      ${t === TABLES ? sql`ON CONFLICT DO NOTHING` : sql``}`);
  }
}

/** A reindex fills fresh tables beside the live ones, then swaps them in by renaming, in one transaction. */
async function beginBuild(db: Database, swapped: () => void): Promise<IndexBuild> {
  for (const key of TABLE_KEYS) await createFreshTable(db, TABLES[key], NEXT_TABLES[key]);
  const signatures = new SignatureCache(NEXT_TABLES.signatures, "append");
  // The fresh words table has no key to resolve duplicates against: the build remembers what it has written.
  const written = new Set<string>();
  const newWords = (all: string[]) => {
    const fresh = all.filter((w) => !written.has(w));
    for (const w of fresh) written.add(w);
    return fresh;
  };
  return {
    add: (documents) => writeDocuments(db, documents, NEXT_TABLES, signatures, newWords),
    async swap() {
      await db.execute(sql`
        INSERT INTO ${sql.raw(NEXT_TABLES.counts)} (term, vacancy_signature, location_signature, n)
        ${countsOf(NEXT_TABLES.text, sql`TRUE`, 1)}`);
      await db.execute(sql`
        INSERT INTO ${sql.raw(NEXT_TABLES.salaryCounts)} (vacancy_signature, location_signature, salary_max, n)
        ${salaryCountsOf(NEXT_TABLES.vacancies, sql`TRUE`, 1)}`);
      await db.execute(sql`
        INSERT INTO ${sql.raw(NEXT_TABLES.keyCounts)} (key, n) ${keyCountsOf(NEXT_TABLES, sql`TRUE`, 1)}`);
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${INDEX_WRITE_LOCK})`);
        await newGeneration(tx);
        await swapInTables(
          tx,
          TABLE_KEYS.map((key) => ({ live: TABLES[key], fresh: NEXT_TABLES[key] })),
        );
      });
      swapped();
    },
    async abandon() {
      for (const key of TABLE_KEYS) await db.execute(sql.raw(`DROP TABLE IF EXISTS ${NEXT_TABLES[key]}`));
    },
  };
}

/** Indexed words within each query word's typo budget (candidates by trigram similarity, then the typo rule). */
async function typoCandidates(db: Executor, words: string[]): Promise<Map<string, string[]>> {
  const candidates = new Map<string, string[]>();
  const eligible = [...new Set(words.filter((w) => typoBudget(w) > 0))];
  if (eligible.length === 0) return candidates;
  const rows = parseRows(
    await db.execute(
      sql`SELECT w AS word, t.term FROM unnest(${textArrayLiteral(eligible)}::text[]) AS w JOIN search_terms t ON t.term % w`,
    ),
    typoCandidateRow,
    "spellings near the searched words",
  );
  for (const { word, term } of rows) {
    if (term !== word && withinTypos(word, term)) candidates.set(word, [...(candidates.get(word) ?? []), term]);
  }
  return candidates;
}

async function textQueries(db: Executor, text: string | undefined): Promise<TsQueries | null> {
  if (!text?.trim()) return null;
  const analysis = analyseQuery(text);
  const typos = await typoCandidates(
    db,
    analysis.units.flatMap((u) => (u.kind === "word" && !u.headingOnly ? [u.word] : [])),
  );
  return buildTsQueries(analysis, typos);
}

/**
 * The vacancies with a school within the radius, with the distance to the nearest one. With `said`, only those
 * among the vacancies the words match (a CTE of that name).
 */
function nearCte(geo: NonNullable<EngineQuery["geo"]>, said = false): SQL {
  const lat = sql`${geo.lat}::float8`;
  const lng = sql`${geo.lng}::float8`;
  const metres = sql`search_haversine_m(${lat}, ${lng}, p.lat, p.lng)`;
  return sql`near AS (
    SELECT p.vacancy_id, min(${metres}) AS metres
      FROM search_vacancy_points p
     WHERE earth_box(ll_to_earth(${lat}, ${lng}), ${geo.radiusMetres * BOX_SCALE + 1}::float8) @> ll_to_earth(p.lat, p.lng)
       ${said ? sql`AND p.vacancy_id IN (SELECT said.vacancy_id FROM said)` : sql``}
       AND ${metres} <= ${geo.radiusMetres}::float8
     GROUP BY p.vacancy_id)`;
}

/**
 * A signature column must be one of the signatures holding all these keys. A semi-join, so the planner can
 * hash the (hundreds of) signatures or, for a few, walk the signature index; `= ANY(array)` compared each row
 * with every element.
 */
function signatureHas(column: SQL, kind: string, keys: string[]): SQL {
  return sql`${column} IN (${signaturesWith(kind, keys)})`;
}

/** The ids of the signatures of one kind that hold all these keys. */
function signaturesWith(kind: string, keys: string[]): SQL {
  return sql`SELECT s.id FROM search_signatures s WHERE s.kind = ${kind} AND s.keys @> ${textArrayLiteral(keys)}::text[]`;
}

/**
 * The same as an array, for when the number of matches is known (see pageQuery): a condition the signature column's
 * index can take (a bitmap scan) when they are few, or tested on each row of a walk in the sort order when many.
 */
function signatureIn(column: SQL, kind: string, keys: string[]): SQL {
  return sql`${column} = ANY(ARRAY(${signaturesWith(kind, keys)}))`;
}

function whereClause(query: EngineQuery, ts: TsQueries | null, filters: SearchFilters, asArray = false): SQL {
  const keys = splitKeys(requiredKeys(filters));
  const has = asArray ? signatureIn : signatureHas;
  const parts: SQL[] = [sql`v.closes_at > ${query.now.toISOString()}::timestamptz`];
  if (keys.vacancy.length > 0) parts.push(has(sql`v.vacancy_signature`, "vacancy", keys.vacancy));
  if (keys.location.length > 0) parts.push(has(sql`v.location_signature`, "location", keys.location));
  if (filters.minSalary !== undefined) parts.push(sql`v.salary_max >= ${filters.minSalary}::int`);
  if (query.publishedSince) parts.push(sql`v.published_at >= ${query.publishedSince.toISOString()}::timestamptz`);
  if (ts) parts.push(sql`v.tsv @@ to_tsquery('simple', ${ts.full})`);
  return sql.join(parts, sql` AND `);
}

/** Searches with words read the table that has them; the others the narrow one. */
function fromClause(query: EngineQuery, ts: TsQueries | null): SQL {
  const table = sql.raw(ts ? TABLES.text : TABLES.vacancies);
  return query.geo ? sql`${table} v JOIN near ON near.vacancy_id = v.vacancy_id` : sql`${table} v`;
}
/**
 * How a search with a place and words finds its vacancies. "place first": the vacancies in the radius, each then
 * tested against the words. "words first": the vacancies the words match (through the words' index), then those in
 * the radius. PostgreSQL cannot estimate a radius (it expects a few dozen vacancies in any), so it always tests
 * place first, which costs a look-up per vacancy in the radius: 5,546 of them for 128 matches of "chemistry" within
 * 25 miles of Birmingham. Both give the same rows.
 */
type Route = "place first" | "words first";

function withNear(query: EngineQuery, ts: TsQueries | null, route: Route): SQL {
  if (!query.geo) return sql``;
  if (!ts || route === "place first") return sql`WITH ${nearCte(query.geo)}`;
  return sql`WITH said AS MATERIALIZED (
      SELECT v.vacancy_id FROM ${sql.raw(TABLES.text)} v
       WHERE v.closes_at > ${query.now.toISOString()}::timestamptz AND v.tsv @@ to_tsquery('simple', ${ts.full})),
    ${nearCte(query.geo, true)}`;
}

/**
 * Words first when they match at most this many vacancies (known for concepts from the count tables): reading them
 * costs about as much a vacancy as testing one vacancy of the radius, and a radius of a city holds thousands.
 */
const WORDS_FIRST_AT_MOST = 5_000;

/** The concept tokens a query's words require, when they are a plain conjunction (a concept's size is known). */
function requiredConcepts(ts: TsQueries): string[] {
  if (/[|!()<]/.test(ts.full)) return [];
  return ts.full.split(" & ").flatMap((t) => /^'(zc[a-z]+)'$/.exec(t)?.[1] ?? []);
}

function routeOf(query: EngineQuery, ts: TsQueries | null, sizes: IndexSizes | null): Route {
  if (!query.geo || !ts) return "place first";
  const words = atMost(sizes, [], requiredConcepts(ts));
  return words !== null && words <= WORDS_FIRST_AT_MOST ? "words first" : "place first";
}

function orderBy(query: EngineQuery, ts: TsQueries | null): SQL {
  switch (effectiveSort(query)) {
    case "relevance":
      return ts
        ? sql`${sql.join(
            relevanceTiers(ts).map((tier) => sql`${tier} DESC`),
            sql`, `,
          )}, v.published_at DESC, v.vacancy_id`
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

/**
 * Relevance, best first (ADR 0021): every concept found directly (by the form or the title, not only one way),
 * the concepts named by the title, the query as a phrase in the title, no qualifier the query does not say, every
 * word in the title, every word in a heading, no misspelling; then newest first. Each is a test on the small
 * title vector (or, for misspellings, the full one), so ranking costs little per match.
 */
function relevanceTiers(ts: TsQueries): SQL[] {
  const on = (column: string, query: string) => sql`(${sql.raw(column)} @@ to_tsquery('simple', ${query}))`;
  return [
    ...(ts.concepts ? [on("v.title_tsv", ts.concepts)] : []),
    ...(ts.titleConcepts ? [on("v.title_tsv", ts.titleConcepts)] : []),
    ...(ts.phrase ? [on("v.title_tsv", ts.phrase)] : []),
    ...(ts.qualifiers ? [sql`NOT ${on("v.title_tsv", ts.qualifiers)}`] : []),
    ...(ts.titleWords ? [on("v.title_tsv", ts.titleWords)] : []),
    ...(ts.headingWords ? [on("v.title_tsv", ts.headingWords)] : []),
    ...(ts.exact !== ts.full ? [on("v.tsv", ts.exact)] : []),
  ];
}

/**
 * Every tier passed, as one test on the title vector (and one on the full vector for misspellings): one
 * condition, so the planner does not multiply several estimates into a few rows and sort every match instead of
 * walking the publication-date index.
 */
function bestTier(ts: TsQueries): SQL {
  const parts = [ts.concepts, ts.titleConcepts, ts.phrase, ts.titleWords, ts.headingWords].flatMap((q) =>
    q ? [`(${q})`] : [],
  );
  if (ts.qualifiers) parts.push(`!(${ts.qualifiers})`);
  const title = parts.length > 0 ? sql`v.title_tsv @@ to_tsquery('simple', ${parts.join(" & ")})` : sql`TRUE`;
  return ts.exact !== ts.full ? sql`${title} AND v.tsv @@ to_tsquery('simple', ${ts.exact})` : title;
}

/**
 * Where a query's total and facet counts can be read from: a term of search_counts ('' with facet filters only, a
 * concept token when the words are one concept: the whole tsquery is that token), or search_salary_counts with facet
 * filters and a minimum salary. Null when something else narrows the matches (a place, a date, other words, words
 * with a minimum salary): then the matching rows are counted.
 */
type CountsSource = { term: string } | { minSalary: number };

function countsSource(query: EngineQuery, ts: TsQueries | null): CountsSource | null {
  if (query.geo || query.publishedSince) return null;
  if (query.filters.minSalary !== undefined) return ts ? null : { minSalary: query.filters.minSalary };
  if (!ts) return { term: "" };
  const concept = /^'(zc[a-z]+)'$/.exec(ts.full)?.[1];
  return concept === undefined ? null : { term: concept };
}

const isLocationFacet = (facet: FacetName) => splitKeys([`${facet}:_`]).location.length > 0;

/**
 * Counts from search_counts or search_salary_counts (see countsSource): for each set of required keys, the rows of
 * one signature kind (the other 0) when the set asks nothing of the other kind, else the pairs; then minus the
 * indexed vacancies past their closing moment (kept until the scheduler closes them: normally none), which are
 * counted but not live.
 */
function fromCounts(
  query: EngineQuery,
  ts: TsQueries | null,
  source: CountsSource,
): {
  ctes: () => SQL;
  part: (set: { vacancy: string[]; location: string[] }, by: "vacancy" | "location" | null) => SQL;
} {
  const now = sql`${query.now.toISOString()}::timestamptz`;
  const salary = "minSalary" in source ? sql` AND c.salary_max >= ${source.minSalary}::int` : sql``;
  const closed = ts
    ? sql`closed AS MATERIALIZED (SELECT t.vacancy_signature AS vs, t.location_signature AS ls
        FROM ${sql.raw(TABLES.vacancies)} c JOIN ${sql.raw(TABLES.text)} t ON t.vacancy_id = c.vacancy_id
       WHERE c.closes_at <= ${now} AND t.tsv @@ to_tsquery('simple', ${ts.full}))`
    : sql`closed AS MATERIALIZED (SELECT c.vacancy_signature AS vs, c.location_signature AS ls
        FROM ${sql.raw(TABLES.vacancies)} c WHERE c.closes_at <= ${now}${salary})`;
  const counted =
    "minSalary" in source
      ? sql`${sql.raw(TABLES.salaryCounts)} c WHERE TRUE${salary}`
      : sql`${sql.raw(TABLES.counts)} c WHERE c.term = ${source.term}`;
  // Each set of keys' signatures found once for every branch that needs them (ctes() names them after part()).
  const lists: SQL[] = [];
  const named = new Map<string, SQL>();
  const signatures = (kind: "vacancy" | "location", keys: string[]) => {
    const key = `${kind} ${keys.join(" ")}`;
    let name = named.get(key);
    if (!name) {
      name = sql.raw(`sigs${named.size}`);
      named.set(key, name);
      lists.push(sql`${name} AS MATERIALIZED (${signaturesWith(kind, keys)})`);
    }
    return name;
  };
  const part = (set: { vacancy: string[]; location: string[] }, by: "vacancy" | "location" | null) => {
    const v = set.vacancy.length > 0 || by === "vacancy";
    const l = set.location.length > 0 || by === "location";
    const shape = sql.raw(
      `${v ? "c.vacancy_signature <> 0" : "c.vacancy_signature = 0"} AND ${l ? "c.location_signature <> 0" : "c.location_signature = 0"}`,
    );
    // In each branch, so that the planner can look a few signatures up in search_counts' indexes.
    const where = (vs: SQL, ls: SQL) =>
      sql.join(
        [
          ...(set.vacancy.length > 0 ? [sql`${vs} IN (SELECT id FROM ${signatures("vacancy", set.vacancy)})`] : []),
          ...(set.location.length > 0 ? [sql`${ls} IN (SELECT id FROM ${signatures("location", set.location)})`] : []),
          sql`TRUE`,
        ],
        sql` AND `,
      );
    return sql`(SELECT c.vacancy_signature AS vs, c.location_signature AS ls, c.n FROM ${counted}
                AND ${shape} AND ${where(sql`c.vacancy_signature`, sql`c.location_signature`)}
               UNION ALL SELECT vs, ls, -1 FROM closed WHERE ${where(sql`vs`, sql`ls`)}) x`;
  };
  return { ctes: () => sql.join([closed, ...lists], sql`, `), part };
}

async function countFromCounts(db: Executor, query: EngineQuery, ts: TsQueries | null, source: CountsSource) {
  const { ctes, part } = fromCounts(query, ts, source);
  const counted = part(splitKeys(requiredKeys(query.filters)), null);
  return countOf(
    await db.execute(sql`WITH ${ctes()} SELECT coalesce(sum(x.n), 0)::int AS n FROM ${counted}`),
    "matches from the count tables",
  );
}

/**
 * Facet counts and the total as facets() gives them, from the count tables: a few thousand rows at most.
 * `fewMatches`: the index's sizes show that every filter together leaves a few hundred vacancies at most (one trust's):
 * those are counted row by row (exact, and no vacancy past its closing moment to take away), and only the sets without
 * one of the filters are read from the count tables. Sizes a minute old can only make this slower, never different.
 */
async function facetsFromCounts(
  db: Executor,
  query: EngineQuery,
  ts: TsQueries | null,
  source: CountsSource,
  fewMatches: boolean,
) {
  const active = activeFacets(query.filters);
  const sets = [query.filters, ...active.map((f) => withoutFilter(query.filters, f))].map((f) =>
    splitKeys(requiredKeys(f)),
  );
  const { ctes, part } = fromCounts(query, ts, source);
  // A set that requires no key, counted over every live vacancy, reads its keys' counts as they are.
  const everyLive = "term" in source && source.term === "";
  const byKey = (i: number) => everyLive && sets[i]!.vacancy.length === 0 && sets[i]!.location.length === 0;
  const keyParts = sets.flatMap((_, i) => {
    if (!byKey(i)) return [];
    const prefix = i === 0 ? "" : `${active[i - 1]!}:`;
    return [
      sql`SELECT ${sql.raw(String(i))} AS set, c.key, c.n FROM ${sql.raw(TABLES.keyCounts)} c
           WHERE starts_with(c.key, ${prefix})
          UNION ALL
          SELECT ${sql.raw(String(i))}, k, -1 FROM closed JOIN search_signatures s ON s.id IN (closed.vs, closed.ls),
                 unnest(s.keys) AS k WHERE starts_with(k, ${prefix})`,
    ];
  });
  // Set 0 shows every facet; set i only the facet left out, so only its kind of signature is grouped.
  const parts = sets.flatMap((set, i) => {
    if (byKey(i)) return [];
    // The signatures as an array, so that their index finds the rows: as a semi-join the planner read all 70,000.
    if (i === 0 && fewMatches)
      return [
        sql`SELECT 0 AS set, coalesce(v.vacancy_signature, v.location_signature) AS sig, count(*) AS n
              FROM ${fromClause(query, ts)} WHERE ${whereClause(query, ts, query.filters, true)}
             GROUP BY GROUPING SETS ((v.vacancy_signature), (v.location_signature))`,
      ];
    const kinds: ("vacancy" | "location")[] =
      i === 0 ? ["vacancy", "location"] : [isLocationFacet(active[i - 1]!) ? "location" : "vacancy"];
    return kinds.map(
      (by) =>
        sql`SELECT ${sql.raw(String(i))} AS set, x.${sql.raw(by === "vacancy" ? "vs" : "ls")} AS sig, sum(x.n) AS n
              FROM ${part(set, by)} GROUP BY 2`,
    );
  });
  const sums = sql.join(
    sets.map((_, i) => sql`sum(p.n) FILTER (WHERE p.set = ${sql.raw(String(i))})::int AS ${sql.raw(`n${i}`)}`),
    sql`, `,
  );
  const rows = parseRows(
    await db.execute(sql`WITH ${ctes()}
      SELECT p.key, ${sums}
        FROM (${sql.join(
          [
            ...(parts.length > 0
              ? [
                  // Each signature met looked up by its key (a lateral with a set-returning function stays a
                  // nested loop): the planner hashed all 2,869 signatures for the 90 one trust meets.
                  sql`SELECT q.set, kk.k AS key, q.n FROM (${sql.join(parts, sql` UNION ALL `)}) q
                        CROSS JOIN LATERAL (SELECT unnest(s.keys) AS k FROM search_signatures s WHERE s.id = q.sig) kk`,
                ]
              : []),
            ...keyParts,
          ],
          sql` UNION ALL `,
        )}) p
       GROUP BY p.key`),
    facetCountRow,
    "facet counts from the count tables",
  );
  return facetTable(rows, active);
}

async function count(db: Executor, query: EngineQuery, ts: TsQueries | null, route: Route): Promise<number> {
  return countOf(
    await db.execute(
      sql`${withNear(query, ts, route)} SELECT count(*)::int AS n FROM ${fromClause(query, ts)} WHERE ${whereClause(query, ts, query.filters)}`,
    ),
    "matches",
  );
}

/**
 * Facet counts and the number of matches in one pass. Every set counted (set 0: all the filters; then, for each
 * facet with a value chosen, all the filters but its own) is a condition on the two signatures, so each
 * signature gets a yes/no flag per set, matches are grouped by each signature with a count per set, and each
 * signature met then counts once per key.
 */
async function facets(db: Executor, query: EngineQuery, ts: TsQueries | null, route: Route) {
  const active = activeFacets(query.filters);
  const sets = [query.filters, ...active.map((f) => withoutFilter(query.filters, f))].map((f) =>
    splitKeys(requiredKeys(f)),
  );
  // A signature join is only needed where some set asks something of that kind of signature.
  const needs = { vacancy: sets.some((x) => x.vacancy.length > 0), location: sets.some((x) => x.location.length > 0) };
  const flag = (kind: "vacancy" | "location", i: number) =>
    needs[kind] ? sql.raw(`${kind === "vacancy" ? "sv" : "sl"}.f${i}`) : sql`TRUE`;
  const inSet = (i: number) => sql`(${flag("vacancy", i)} AND ${flag("location", i)})`;
  const flagTable = (kind: "vacancy" | "location", alias: string, column: string) =>
    needs[kind]
      ? sql`JOIN (SELECT s.id, ${sql.join(
          sets.map((set, i) => sql`s.keys @> ${textArrayLiteral(set[kind])}::text[] AS ${sql.raw(`f${i}`)}`),
          sql`, `,
        )}
                    FROM search_signatures s WHERE s.kind = ${kind}) ${sql.raw(alias)} ON ${sql.raw(alias)}.id = v.${sql.raw(column)}`
      : sql``;
  const counts = sql.join(
    sets.map((_, i) =>
      sets.length === 1 && !needs.vacancy && !needs.location
        ? sql`count(*)::int AS n0`
        : sql`count(*) FILTER (WHERE ${inSet(i)})::int AS ${sql.raw(`n${i}`)}`,
    ),
    sql`, `,
  );
  const sums = sql.join(
    sets.map((_, i) => sql.raw(`sum(g.n${i})::int AS n${i}`)),
    sql`, `,
  );
  // Only the non-facet conditions here: each set's facet conditions are its flags.
  const where = whereClause(query, ts, { minSalary: query.filters.minSalary });
  const rows = parseRows(
    await db.execute(sql`${withNear(query, ts, route)}
      SELECT k AS key, ${sums}
        FROM (SELECT v.vacancy_signature AS vs, v.location_signature AS ls, ${counts}
                FROM ${fromClause(query, ts)}
                ${flagTable("vacancy", "sv", "vacancy_signature")}
                ${flagTable("location", "sl", "location_signature")}
               WHERE ${where}${
                 needs.vacancy || needs.location
                   ? sql` AND (${sql.join(
                       sets.map((_, i) => inSet(i)),
                       sql` OR `,
                     )})`
                   : sql``
               }
               GROUP BY GROUPING SETS ((v.vacancy_signature), (v.location_signature))) g
        JOIN search_signatures s ON s.id = coalesce(g.vs, g.ls), unnest(s.keys) AS k
       GROUP BY k`),
    facetCountRow,
    "facet counts",
  );
  return facetTable(rows, active);
}

/** Rows of (key, n0, n1…): each key's count in each set counted (set 0: every filter; set i: all but active[i-1]). */
function facetTable(rows: (Record<string, number | null> & { key: string })[], active: FacetName[]) {
  const table = emptyFacets();
  let total = 0;
  for (const row of rows) {
    const facet = row.key.slice(0, row.key.indexOf(":")) as FacetName;
    // Every vacancy has exactly one role: the role counts of set 0 add up to the number of matches.
    if (facet === "role") total += row.n0 ?? 0;
    if (!FACETS.includes(facet)) continue;
    // A facet filtered on shows its own set's counts; the others show set 0's.
    const set = active.includes(facet) ? active.indexOf(facet) + 1 : 0;
    const n = row[`n${set}`] ?? 0;
    if (n > 0) table[facet][row.key.slice(row.key.indexOf(":") + 1)] = n;
  }
  return { counts: table, total };
}

type Hit = z.infer<typeof hitRow>;

/**
 * What is known of the number of matches before the page is read: "few" (never with a place: the subquery would
 * leave the distances behind), "many" (the total is known and large) or "unknown".
 */
type PagePlan = { matches: "few" | "many" | "unknown"; route: Route };

async function pageQuery(
  db: Executor,
  query: EngineQuery,
  ts: TsQueries | null,
  extra: SQL | null,
  order: SQL,
  { matches, route }: PagePlan,
): Promise<Hit[]> {
  // Known few or many: the signatures as an array, whose size the planner does not guess from the signatures' own
  // estimate (a few of them, where a broad pair of keys has dozens). Many matches: it walks the sort order's index
  // and stops at the page's end, instead of fetching and sorting thousands of matches it took for fifty.
  const where = sql`${whereClause(query, ts, query.filters, matches !== "unknown")}${extra ? sql` AND ${extra}` : sql``}`;
  // Few matches (the total is known): all of them are found first (by the filters' indexes) and sorted, rather
  // than the planner walking the sort order's index past thousands of rows that do not match.
  const from =
    matches === "few"
      ? sql`(SELECT v.* FROM ${fromClause(query, ts)} WHERE ${where} OFFSET 0) v`
      : sql`${fromClause(query, ts)} WHERE ${where}`;
  // The documents come with the page, in its order: one round trip fewer.
  return parseRows(
    await db.execute(sql`${withNear(query, ts, route)}
      SELECT p.id AS "vacancyId", p.metres, d.document
        FROM (SELECT q.*, row_number() OVER () AS ord
                FROM (SELECT v.vacancy_id AS id, ${query.geo ? sql`near.metres` : sql`NULL::float8`} AS metres
                        FROM ${from}
                       ORDER BY ${order}
                       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) q) p
        JOIN search_documents d ON d.vacancy_id = p.id
       ORDER BY p.ord`),
    hitRow,
    "a page of results",
  );
}

/**
 * The page of results. By relevance, the matches that pass every tier come first, newest first among them: when
 * they alone fill the page it is read from them (the planner can walk the publication-date index and stop
 * early), and only otherwise is every match ranked. Both give the same page.
 */
async function hitsPage(db: Executor, query: EngineQuery, ts: TsQueries | null, plan: PagePlan): Promise<Hit[]> {
  if (ts && !query.geo && plan.matches !== "few" && effectiveSort(query) === "relevance") {
    const best = await pageQuery(db, query, ts, bestTier(ts), sql`v.published_at DESC, v.vacancy_id`, plan);
    if (best.length === query.pageSize) return best;
  }
  return pageQuery(db, query, ts, null, orderBy(query, ts), plan);
}

/**
 * Up to this many matches per result up to the page's end, sorting them all beats walking an index in the sort
 * order: the walk reads about (index size ÷ matches) rows per result, so it wins when matches are many.
 */
const FEW_PER_RESULT = 50;

/**
 * Up to this many matches of facet filters alone, counting their rows for the facets beats reading the count tables:
 * a few hundred rows found through the signatures' index cost less than the count tables' branches for each kind of
 * signature and for the vacancies past their closing moment. Not with words: the words' table has no signature index,
 * and a trust's few among a broad concept's 60,000 would be found by reading the concept's.
 */
const COUNT_ROWS_AT_MOST = 500;

async function search(db: Database, query: EngineQuery, planSizes: PlanSizes): Promise<SearchResult> {
  const reading = planSizes.get();
  const ts = await textQueries(db, query.text);
  const sizes = await reading;
  const source = countsSource(query, ts);
  const route = routeOf(query, ts, sizes);
  // The index's sizes may already show that the matches are few (one trust's vacancies).
  const bound = atMost(sizes, requiredKeys(query.filters), ts ? requiredConcepts(ts) : []);
  const totals = query.facets
    ? source === null
      ? facets(db, query, ts, route)
      : facetsFromCounts(db, query, ts, source, !ts && bound !== null && bound <= COUNT_ROWS_AT_MOST)
    : (source === null ? count(db, query, ts, route) : countFromCounts(db, query, ts, source)).then((total) => ({
        total,
        counts: undefined,
      }));
  if (query.pageSize === 0) {
    const { total, counts } = await totals;
    return { hits: [], total, facets: counts };
  }
  const known = (matches: number): PagePlan["matches"] =>
    query.geo ? "unknown" : matches <= FEW_PER_RESULT * query.page * query.pageSize ? "few" : "many";
  // Few matches known from the index's sizes: the page need not wait.
  // Otherwise the count tables give the total quickly and exactly: the page is planned knowing it. With facet counts
  // asked for, the total alone (a few rows) is read beside them, so that the page does not wait for them.
  const planned = (matches: Promise<number>) =>
    matches.then((n) => hitsPage(db, query, ts, { matches: known(n), route }));
  const [hits, { total, counts }] = await Promise.all([
    bound !== null && known(bound) === "few"
      ? hitsPage(db, query, ts, { matches: "few", route })
      : source === null
        ? hitsPage(db, query, ts, { matches: "unknown", route })
        : planned(query.facets ? countFromCounts(db, query, ts, source) : totals.then((t) => t.total)),
    totals,
  ]);
  return {
    total,
    facets: counts,
    hits: hits.map((h) => ({
      vacancyId: h.vacancyId,
      document: h.document,
      nearestMetres: h.metres === null ? null : Number(h.metres),
    })),
  };
}
