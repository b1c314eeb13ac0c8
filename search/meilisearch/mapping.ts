/**
 * How Staffroom's search maps onto Meilisearch: the index settings (kept here, applied at start-up), the
 * documents (one per school of a vacancy, made distinct on the vacancy, so a radius finds a shared role
 * through its nearest school and lists it once), and the search requests. Pure, so the recorded-contract
 * test can pin down exactly what is sent.
 */
import { keyStageLabels, phaseLabels, roleLabels } from "../../app/vocabulary/options";
import { subjectLabel } from "../../app/vocabulary/subjects";
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
import { synonymMap } from "../synonyms";
import { ONE_TYPO_FROM, STOP_WORDS, TWO_TYPOS_FROM } from "../text";

export const DEFAULT_INDEX = "vacancies";
/** Meilisearch counts hits exactly up to this many (page-based pagination). */
const MAX_TOTAL_HITS = 100_000;

export type MeiliDocument = {
  id: string;
  vacancyId: string;
  schoolId: string;
  _geo?: { lat: number; lng: number };
  title: string;
  subjectNames: string[];
  roleName: string;
  phaseNames: string[];
  keyStageNames: string[];
  schoolNames: string[];
  towns: string[];
  localAuthorities: string[];
  trustNames: string[];
  ownerName: string;
  aboutRole: string;
  skillsExperience: string;
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

/** The index settings. Searchable attributes are in ranked order: a match in the title beats one in the advert. */
export function indexSettings() {
  return {
    searchableAttributes: [
      "title",
      "subjectNames",
      "roleName",
      "phaseNames",
      "keyStageNames",
      "schoolNames",
      "towns",
      "localAuthorities",
      "trustNames",
      "ownerName",
      "aboutRole",
      "skillsExperience",
    ],
    filterableAttributes: ["vacancyId", "schoolId", ...FACETS, "salaryMax", "publishedAt", "closesAt", "_geo"],
    sortableAttributes: ["vacancyId", "publishedAt", "closesAt", "salaryMax", "_geo"],
    displayedAttributes: ["vacancyId", "document"],
    // "sort" first: a chosen order (closing date, salary…) is strict, relevance only breaks its ties.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
    distinctAttribute: "vacancyId",
    synonyms: Object.fromEntries(synonymMap()),
    stopWords: [...STOP_WORDS],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: ONE_TYPO_FROM, twoTypos: TWO_TYPOS_FROM } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: 500 },
  };
}

const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** One document per school of the vacancy; all carry the vacancy's whole text and facets, only the place differs. */
export function toMeiliDocuments(d: VacancyDocument): MeiliDocument[] {
  const shared = {
    vacancyId: d.vacancyId,
    title: d.title,
    subjectNames: d.subjects.map(subjectLabel),
    roleName: roleLabels[d.role as keyof typeof roleLabels] ?? d.role,
    phaseNames: d.phases.map((p) => phaseLabels[p as keyof typeof phaseLabels] ?? p),
    keyStageNames: d.keyStages.map((k) => keyStageLabels[k as keyof typeof keyStageLabels] ?? k),
    schoolNames: d.schools.map((s) => s.name),
    towns: [...new Set(d.schools.flatMap((s) => (s.town ? [s.town] : [])))],
    localAuthorities: [...new Set(d.schools.map((s) => s.laName))],
    trustNames: d.trustNames,
    ownerName: d.ownerName,
    aboutRole: d.aboutRole,
    skillsExperience: d.skillsExperience,
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

/** A string in a filter expression, quoted. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function filterExpressions(query: EngineQuery, filters: SearchFilters): string[] {
  const parts = [`closesAt > ${Math.floor(query.now.getTime() / 1000)}`];
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
    q: query.text?.trim() ?? "",
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
