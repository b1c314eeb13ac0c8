/**
 * The one search interface Staffroom uses. Two engines satisfy it (search/postgres, search/meilisearch) and
 * one contract test suite holds them to the same behaviour. Nothing here touches a database or the network.
 */
import type { Executor } from "../db/client";
import type { VacancyDocument } from "./document";

/** Filters a searcher can set; every one is optional. Values are the stored option values. */
export type SearchFilters = {
  role?: string;
  phase?: string;
  keyStage?: string;
  subject?: string;
  contract?: string;
  pattern?: string;
  payRange?: string;
  /** Pounds a year, full-time equivalent: matches a vacancy whose maximum reaches it. */
  minSalary?: number;
  ect?: boolean;
  visa?: boolean;
  schoolType?: string;
  /** A trust's slug. */
  trust?: string;
  /** Only offers assessed as paying at or above the local rate (app/pay). */
  atLocalRate?: boolean;
};

/** The filters that have facet counts, in the order the search page shows them. */
export const FACETS = [
  "role",
  "phase",
  "keyStage",
  "subject",
  "contract",
  "pattern",
  "payRange",
  "schoolType",
  "trust",
  "ect",
  "visa",
  "atLocalRate",
] as const;
export type FacetName = (typeof FACETS)[number];
/** Counts per value; the yes/no facets count under "true". */
export type FacetCounts = Record<FacetName, Record<string, number>>;

export const SORTS = ["relevance", "distance", "closing", "newest", "salary"] as const;
export type SortOrder = (typeof SORTS)[number];

export type GeoFilter = { lat: number; lng: number; radiusMetres: number };

export type EngineQuery = {
  text?: string;
  filters: SearchFilters;
  geo?: GeoFilter;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Live means published and closing after this moment. */
  now: Date;
  /** Only vacancies first published at or after this moment (job alerts). */
  publishedSince?: Date;
  /** Compute facet counts (disjunctive: each facet's counts ignore that facet's own filter). */
  facets?: boolean;
};

export type SearchHit = {
  vacancyId: string;
  /** Great-circle metres to the nearest of the vacancy's schools, when the query has a location. */
  nearestMetres: number | null;
  document: VacancyDocument;
};

export type SearchResult = { hits: SearchHit[]; total: number; facets?: FacetCounts };

export type ReindexProgress = (done: number, total: number) => void | Promise<void>;

/** A fresh index being filled; `swap` makes it the live one in one step, `abandon` throws it away. */
export interface IndexBuild {
  add(documents: VacancyDocument[]): Promise<void>;
  swap(): Promise<void>;
  abandon(): Promise<void>;
}

/**
 * How a write reaches the index. The Postgres engine writes with `executor` (the sync job's transaction, so
 * the index and the pending list change together); Meilisearch, over HTTP, ignores it.
 */
export type WriteOptions = { executor?: Executor };

export interface SearchEngine {
  readonly name: "postgres" | "meilisearch";
  /** Applies the index settings kept in code (idempotent; run at start-up). */
  applySettings(): Promise<void>;
  /** Adds or replaces these vacancies' documents. */
  upsert(documents: VacancyDocument[], options?: WriteOptions): Promise<void>;
  /** Removes these vacancies from the index (absent ones are ignored). */
  remove(vacancyIds: string[], options?: WriteOptions): Promise<void>;
  search(query: EngineQuery): Promise<SearchResult>;
  /**
   * Until when every answer from `now` on stays as it is unless the database is written (ADR 0041): the next closing
   * time in the index (epoch ms; Infinity for none). Null when the engine cannot say: its index lives elsewhere and
   * changes after the database's writes commit, as Meilisearch's does.
   */
  answersHoldUntil(now: Date): Promise<number | null>;
  /** How many vacancies the live index holds. */
  countDocuments(): Promise<number>;
  /** Starts a fresh index beside the live one, for a reindex. */
  beginBuild(): Promise<IndexBuild>;
}

/** The order results come in: relevance needs words, distance needs a place; otherwise newest first. */
export function effectiveSort(
  query: Pick<EngineQuery, "sort" | "text" | "geo">,
): Exclude<SortOrder, "relevance"> | "relevance" {
  if (query.sort === "relevance" && !query.text?.trim()) return query.geo ? "distance" : "newest";
  if (query.sort === "distance" && !query.geo) return query.text?.trim() ? "relevance" : "newest";
  return query.sort;
}

/** An empty facet table, for engines to fill. */
export function emptyFacets(): FacetCounts {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as FacetCounts;
}

/** The query a facet's counts come from: every filter except the facet's own. */
export function withoutFilter(filters: SearchFilters, facet: FacetName): SearchFilters {
  const { [facet]: _dropped, ...rest } = filters;
  return rest;
}

/** Facets whose own filter is set: each needs its own count query. */
export function activeFacets(filters: SearchFilters): FacetName[] {
  return FACETS.filter((f) => filters[f] !== undefined && filters[f] !== false);
}
