/**
 * How Staffroom's search maps onto Meilisearch: the index settings (kept here, applied at start-up), the
 * documents (one per school of a vacancy, made distinct on the vacancy, so a radius finds a shared role
 * through its nearest school and lists it once), and the search requests. Pure, so the recorded-contract
 * test can pin down exactly what is sent.
 */
import { analyseQuery } from "../analyse";
import type { VacancyDocument } from "../document";
import {
  activeFacets,
  effectiveSort,
  FACETS,
  withoutFilter,
  type EngineQuery,
  type FacetName,
  type SearchFilters,
} from "../engine";
import { conceptToken, headingToken } from "../lexicon";
import { indexDocument } from "../tags";
import { ONE_TYPO_FROM, TWO_TYPOS_FROM } from "../text";

export const DEFAULT_INDEX = "vacancies";
/** Meilisearch counts hits exactly up to this many (page-based pagination). */
const MAX_TOTAL_HITS = 100_000;

export type MeiliDocument = {
  id: string;
  vacancyId: string;
  schoolId: string;
  _geo?: { lat: number; lng: number };
  /** Searchable fields: the words and tokens of search/tags.ts, already normalised (singular, no contractions). */
  title: string;
  titleTags: string[];
  fieldTags: string[];
  labels: string;
  labelTags: string[];
  relatedTags: string[];
  places: string;
  placeTags: string[];
  advert: string;
  /** 1 when the title carries a qualifier (deputy, acting, second in…): ranked after plain posts. */
  qualified: number;
  role: string;
  phase: string[];
  keyStage: string[];
  subject: string[];
  contract: string;
  pattern: string;
  payRange: string;
  schoolType: string[];
  trust: string[];
  ect: boolean;
  visa: boolean;
  atLocalRate: boolean;
  salaryMax: number | null;
  /** Unix seconds: Meilisearch filters and sorts numbers. */
  publishedAt: number;
  closesAt: number;
  document: VacancyDocument;
};

const TAG_ATTRIBUTES = ["titleTags", "fieldTags", "labelTags", "relatedTags", "placeTags"] as const;
/** Where a concept is looked for when a query unit has alternatives (a filter, as Meilisearch has no OR of words). */
const CONCEPT_ATTRIBUTES = ["titleTags", "fieldTags", "relatedTags"] as const;

/**
 * The index settings. Searchable attributes are in ranked order: the title, then concepts the form gives, the
 * labels, concepts found one way, places, and the advert last. Synonyms and stop words are applied before the
 * query reaches Meilisearch (search/analyse.ts), and concepts are indexed as tokens, so neither setting is used.
 */
export function indexSettings() {
  return {
    searchableAttributes: [
      "title",
      "titleTags",
      "fieldTags",
      "labels",
      "labelTags",
      "relatedTags",
      "places",
      "placeTags",
      "advert",
    ],
    filterableAttributes: [
      "vacancyId",
      "schoolId",
      ...FACETS,
      ...CONCEPT_ATTRIBUTES,
      "salaryMax",
      "publishedAt",
      "closesAt",
      "_geo",
    ],
    sortableAttributes: ["vacancyId", "publishedAt", "closesAt", "salaryMax", "_geo"],
    displayedAttributes: ["vacancyId", "document"],
    // "sort" first: a chosen order (closing date, salary…) is strict, relevance only breaks its ties. Qualified
    // titles after plain ones, and newest first last, as the Postgres engine ranks.
    rankingRules: ["sort", "words", "qualified:asc", "typo", "proximity", "attribute", "exactness", "publishedAt:desc"],
    distinctAttribute: "vacancyId",
    synonyms: {},
    stopWords: [],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: ONE_TYPO_FROM, twoTypos: TWO_TYPOS_FROM },
      disableOnAttributes: [...TAG_ATTRIBUTES],
    },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: 500 },
  };
}

const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** One document per school of the vacancy; all carry the vacancy's whole text and facets, only the place differs. */
export function toMeiliDocuments(d: VacancyDocument): MeiliDocument[] {
  const x = indexDocument(d);
  const shared = {
    vacancyId: d.vacancyId,
    title: x.title.join(" "),
    titleTags: x.titleTags,
    fieldTags: x.fieldTags,
    labels: x.labels.join(" "),
    labelTags: x.labelTags,
    relatedTags: x.relatedTags,
    places: x.places.join(" "),
    placeTags: x.placeTags,
    advert: x.advert.join(" "),
    qualified: x.qualified ? 1 : 0,
    role: d.role,
    phase: d.phases,
    keyStage: d.keyStages,
    subject: d.subjects,
    contract: d.contractType,
    pattern: d.workingPattern,
    payRange: d.payRange,
    schoolType: d.schoolTypes,
    trust: d.trusts,
    ect: d.ectSuitable,
    visa: d.visaSponsorship,
    atLocalRate: d.payBadge?.kind === "at_or_above_local_rate",
    salaryMax: d.salaryMaxFte,
    publishedAt: unix(d.publishedAt),
    closesAt: unix(d.closesAt),
    document: d,
  };
  return d.schools.map((s) => ({
    id: `${d.vacancyId}_${s.urn}`,
    schoolId: s.schoolId,
    ...(s.lat !== null && s.lng !== null ? { _geo: { lat: s.lat, lng: s.lng } } : {}),
    ...shared,
  }));
}

/**
 * A string in a filter expression, quoted as Meilisearch's filter parser reads it (filter-parser's `quoted_by`):
 * while scanning, a backslash hides the character after it, and the only thing unescaped is `\"`. So a quote is sent
 * as `\"` and a backslash as it is (doubling it would reach the index as two). A backslash before a quote or at the
 * end cannot be written at all; no value Staffroom filters by has one (ids, vocabulary keys, trust ids), so such
 * backslashes are dropped rather than breaking the whole filter.
 */
export function quoted(value: string): string {
  return `"${value.replace(/\\+(?="|$)/g, "").replace(/"/g, '\\"')}"`;
}

/**
 * The query as Meilisearch reads it: each unit of search/analyse.ts as one token (a concept's, a heading word's,
 * or the word itself), and a trailing space unless the last unit may match as a prefix (Meilisearch treats the
 * last word as a prefix only when nothing follows it). A unit with alternatives ("maths or science") cannot be a
 * word: it becomes a filter on the concept attributes.
 */
function meiliQuery(text: string | undefined): { q: string; filters: string[] } {
  if (!text?.trim()) return { q: "", filters: [] };
  const { units } = analyseQuery(text);
  const words: string[] = [];
  const filters: string[] = [];
  for (const u of units) {
    const [only] = u.kind === "concept" ? u.concepts : [];
    if (u.kind === "concept" && u.concepts.length === 1 && only !== undefined) words.push(conceptToken(only));
    else if (u.kind === "concept") {
      const tokens = u.concepts.map((c) => quoted(conceptToken(c))).join(", ");
      filters.push(`(${CONCEPT_ATTRIBUTES.map((a) => `${a} IN [${tokens}]`).join(" OR ")})`);
    } else words.push(u.headingOnly ? headingToken(u.word) : u.word);
  }
  const last = units[units.length - 1];
  const prefix = last?.kind === "word" && last.prefix;
  return { q: words.length === 0 ? "" : `${words.join(" ")}${prefix ? "" : " "}`, filters };
}

export function filterExpressions(query: EngineQuery, filters: SearchFilters): string[] {
  const parts = [`closesAt > ${Math.floor(query.now.getTime() / 1000)}`, ...meiliQuery(query.text).filters];
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value === undefined || value === false || value === "") continue;
    parts.push(value === true ? `${facet} = true` : `${facet} = ${quoted(String(value))}`);
  }
  if (filters.minSalary !== undefined) parts.push(`salaryMax >= ${filters.minSalary}`);
  if (query.publishedSince) parts.push(`publishedAt >= ${Math.floor(query.publishedSince.getTime() / 1000)}`);
  if (query.geo)
    parts.push(`_geoRadius(${query.geo.lat}, ${query.geo.lng}, ${Math.round(query.geo.radiusMetres * 100) / 100})`);
  return parts;
}

export function sortFor(query: EngineQuery): string[] | undefined {
  switch (effectiveSort(query)) {
    case "relevance":
      return undefined;
    case "distance":
      return [`_geoPoint(${query.geo!.lat}, ${query.geo!.lng}):asc`, "vacancyId:asc"];
    case "closing":
      return ["closesAt:asc", "vacancyId:asc"];
    case "newest":
      return ["publishedAt:desc", "vacancyId:asc"];
    case "salary":
      return ["salaryMax:desc", "vacancyId:asc"];
  }
}

/** The main request, and for each facet with a value chosen, a count-only request without its own filter. */
export function searchRequests(query: EngineQuery, indexUid: string) {
  const main = {
    indexUid,
    q: meiliQuery(query.text).q,
    filter: filterExpressions(query, query.filters),
    ...(sortFor(query) ? { sort: sortFor(query) } : {}),
    page: query.pageSize === 0 ? 1 : query.page,
    hitsPerPage: query.pageSize,
    matchingStrategy: "all" as const,
    attributesToRetrieve: ["vacancyId", "document"],
    ...(query.facets ? { facets: [...FACETS] } : {}),
  };
  const active = query.facets ? activeFacets(query.filters) : [];
  const facetQueries = active.map((facet: FacetName) => ({
    indexUid,
    q: main.q,
    filter: filterExpressions(query, withoutFilter(query.filters, facet)),
    page: 1,
    hitsPerPage: 0,
    matchingStrategy: "all" as const,
    facets: [facet],
  }));
  return { main, facetQueries, active };
}
