/**
 * Running a search-page query: the place is looked up, words that name filters read as filters, the engine
 * asked for a page of results with facet counts; when nothing matches every word, the search is tried again
 * without the least informative one (and says so); when still nothing matches, what widening the radius or
 * dropping a filter would give.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows, textArrayLiteral } from "../../db/rows";
import { z } from "../forms/zod";
import type { EngineQuery, FacetCounts, SearchEngine, SearchFilters } from "../../search/engine";
import { METRES_PER_MILE } from "../vocabulary/distance";
import { resolvePlace, type ResolvedPlace } from "../places/lookup.server";
import { activeFilterLabels, defaultSort, RADII_MILES, searchQueryString, type SearchPageQuery } from "./query";
import { resultView, type ResultView } from "./result-view";
import { countOf } from "../text/plural";
import { interpretQuery, type RecognisedFilter } from "./interpret";
import { analyseQuery, type QueryUnit } from "../../search/analyse";

const PAGE_SIZE = 20;
const MAP_PAGE_SIZE = 100;

export type Suggestion = { label: string; href: string; count: number };

export type SearchOutcome =
  | { kind: "place-not-found" }
  | {
      kind: "results";
      place: ResolvedPlace | null;
      total: number;
      results: ResultView[];
      facets: FacetCounts;
      pageSize: number;
      trustNames: Record<string, string>;
      suggestions: Suggestion[];
      /** Filters read from the words, each with the words it came from and the search without them. */
      recognised: RecognisedFilter[];
      /** When nothing matched every word: the word left out, and the words searched for instead. */
      relaxed: { dropped: string; searched: string } | null;
    };

export function engineQueryFor(
  query: SearchPageQuery,
  place: ResolvedPlace | null,
  now: Date,
  pageSize: number,
): EngineQuery {
  const words = interpretQuery(query);
  return {
    text: words.text,
    filters: words.filters,
    geo: place ? { lat: place.lat, lng: place.lng, radiusMetres: query.radiusMiles * METRES_PER_MILE } : undefined,
    sort: query.sort ?? defaultSort(query),
    page: query.page,
    pageSize,
    now,
    facets: true,
  };
}

export async function trustNamesFor(db: Executor, slugs: string[]): Promise<Record<string, string>> {
  if (slugs.length === 0) return {};
  const rows = parseRows(
    await db.execute(sql`SELECT slug, name FROM organisations WHERE slug = ANY(${textArrayLiteral(slugs)}::text[])`),
    z.object({ slug: z.string(), name: z.string() }),
    "the trusts named in a search",
  );
  return Object.fromEntries(rows.map((r) => [r.slug, r.name]));
}

/** Counts for the ways out of an empty result: a wider radius, or one filter (or the words) fewer. */
async function suggestions(
  engine: SearchEngine,
  query: SearchPageQuery,
  base: EngineQuery,
  trustNames: Record<string, string>,
): Promise<Suggestion[]> {
  const count = async (changes: Partial<EngineQuery>) =>
    (await engine.search({ ...base, ...changes, page: 1, pageSize: 0, facets: false })).total;
  const tries: Promise<Suggestion | null>[] = [];
  if (base.geo) {
    for (const miles of RADII_MILES.filter((m) => m > query.radiusMiles)) {
      tries.push(
        count({ geo: { ...base.geo, radiusMetres: miles * METRES_PER_MILE } }).then((n) =>
          n > 0
            ? {
                label: `Search within ${countOf(miles, "mile", "miles")}`,
                href: `?${searchQueryString(query, { radiusMiles: miles, page: 1 })}`,
                count: n,
              }
            : null,
        ),
      );
    }
  }
  for (const { field, label } of activeFilterLabels(query.filters, trustNames)) {
    const filters: SearchFilters = { ...query.filters };
    delete filters[field];
    const counted: SearchFilters = { ...base.filters };
    delete counted[field];
    tries.push(
      count({ filters: counted }).then((n) =>
        n > 0
          ? { label: `Remove “${label}”`, href: `?${searchQueryString({ ...query, filters, page: 1 })}`, count: n }
          : null,
      ),
    );
  }
  if (query.q) {
    tries.push(
      count({ text: undefined }).then((n) =>
        n > 0
          ? {
              label: `Search without the words “${query.q}”`,
              href: `?${searchQueryString(query, { q: "", page: 1 })}`,
              count: n,
            }
          : null,
      ),
    );
  }
  const found = (await Promise.all(tries)).filter((s): s is Suggestion => s !== null);
  // The nearest wider radius that finds something is the useful one; the filters each stand on their own.
  const radius = found.find((s) => s.label.startsWith("Search within"));
  return [...(radius ? [radius] : []), ...found.filter((s) => !s.label.startsWith("Search within"))];
}

const unitText = (u: QueryUnit) => (u.kind === "concept" ? u.words.join(" ") : u.word);

/**
 * When nothing matches every word: the same search without its least informative word, the one that matches
 * most vacancies on its own ("teacher" in "maths teacher Sale"), except that a word matching nothing at all
 * goes first when the synonym list does not know it (a slip, or a word no advert uses) and never when it does
 * ("dance teacher" with no dance posts finds nothing: there is none). A single word is never dropped. Null when
 * no single word's absence helps.
 */
async function relaxedSearch(engine: SearchEngine, base: EngineQuery) {
  if (!base.text) return null;
  const { units } = analyseQuery(base.text);
  if (units.length < 2) return null;
  const count = async (text: string) =>
    (await engine.search({ ...base, text, page: 1, pageSize: 0, facets: false })).total;
  const own = await Promise.all(units.map((u) => count(unitText(u))));
  const order = units
    .map((u, i) => ({
      i,
      unit: u,
      unknownAndUnmatched: u.kind === "word" && own[i] === 0,
      own: own[i] ?? 0,
      known: u.kind === "concept",
    }))
    .filter((c) => !(c.known && c.own === 0))
    .sort((a, b) => Number(b.unknownAndUnmatched) - Number(a.unknownAndUnmatched) || b.own - a.own || b.i - a.i);
  for (const { i, unit } of order) {
    const searched = units
      .filter((_, j) => j !== i)
      .map(unitText)
      .join(" ");
    const result = await engine.search({ ...base, text: searched });
    if (result.total > 0) return { result, relaxed: { dropped: unitText(unit), searched } };
  }
  return null;
}

/** The search, or when nothing matches every word, the search without the least informative one. */
export async function searchOrRelax(engine: SearchEngine, engineQuery: EngineQuery) {
  const result = await engine.search(engineQuery);
  if (result.total > 0) return { result, relaxed: null };
  return (await relaxedSearch(engine, engineQuery)) ?? { result, relaxed: null };
}

export async function runSearch(
  db: Executor,
  engine: SearchEngine,
  query: SearchPageQuery,
  now = new Date(),
): Promise<SearchOutcome> {
  const place = query.location ? await resolvePlace(db, query.location) : null;
  if (query.location && !place) return { kind: "place-not-found" };
  const pageSize = query.view === "map" ? MAP_PAGE_SIZE : PAGE_SIZE;
  const engineQuery = engineQueryFor(query, place, now, pageSize);
  const { result, relaxed } = await searchOrRelax(engine, engineQuery);
  const facets = result.facets!;
  const trustNames = await trustNamesFor(db, [
    ...new Set([...Object.keys(facets.trust), ...(query.filters.trust ? [query.filters.trust] : [])]),
  ]);
  return {
    kind: "results",
    place,
    total: result.total,
    results: result.hits.map((h) => resultView(h.document, place)),
    facets,
    pageSize,
    trustNames,
    suggestions: result.total === 0 ? await suggestions(engine, query, engineQuery, trustNames) : [],
    recognised: interpretQuery(query).recognised,
    relaxed,
  };
}
