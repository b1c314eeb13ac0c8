import { sql } from "drizzle-orm";
import { bigint, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The embedded search engine's index (search/postgres): one row per live vacancy, derived from the vacancy
 * tables and rebuilt from them by a reindex. Not a source of truth: no foreign keys, so a rebuilt copy can be
 * swapped in by renaming.
 */
export const searchVacancies = pgTable(
  "search_vacancies",
  {
    vacancyId: text("vacancy_id").primaryKey(),
    /** The VacancyDocument (search/document.ts) the results page shows. */
    document: jsonb("document").notNull(),
    /** Weighted words: A title and subjects, B role and phase, C schools, places and employers, D the advert. */
    tsv: tsvector("tsv").notNull(),
    /** "facet:value" keys (search/document.ts facetKeys): every equality filter is one containment test. */
    facetKeys: text("facet_keys").array().notNull(),
    salaryMax: integer("salary_max"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("search_vacancies_tsv_idx").using("gin", t.tsv),
    index("search_vacancies_facets_idx").using("gin", t.facetKeys),
    index("search_vacancies_closes_idx").on(t.closesAt),
    index("search_vacancies_published_idx").on(t.publishedAt),
    index("search_vacancies_salary_idx").on(t.salaryMax),
  ],
);

/** Where each indexed vacancy is: one point per school, so a shared role is as near as its nearest school. */
export const searchVacancyPoints = pgTable(
  "search_vacancy_points",
  {
    vacancyId: text("vacancy_id").notNull(),
    schoolId: text("school_id").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.schoolId], name: "search_vacancy_points_pkey" }),
    index("search_vacancy_points_earth_idx").using("gist", sql`ll_to_earth(${t.lat}, ${t.lng})`),
  ],
);

/** Every word in the index, trigram-indexed: where a misspelt query word finds the word it meant. */
export const searchTerms = pgTable(
  "search_terms",
  { term: text("term").primaryKey() },
  (t) => [index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

/**
 * Vacancies whose search documents must be brought up to date. Triggers on the vacancy, school and trust
 * tables add rows in the same transaction as the change; the search.sync job applies them to the engine and
 * deletes the rows it applied (only if `version` is unchanged, so a change made meanwhile is not lost).
 */
export const searchSyncPending = pgTable("search_sync_pending", {
  vacancyId: text("vacancy_id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
  queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row: whether a reindex is running (sync waits meanwhile) and how the last one went. */
export const searchIndexState = pgTable("search_index_state", {
  id: integer("id").primaryKey(),
  rebuildingSince: timestamp("rebuilding_since", { withTimezone: true }),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  lastRebuiltAt: timestamp("last_rebuilt_at", { withTimezone: true }),
  lastDocumentCount: integer("last_document_count"),
});
