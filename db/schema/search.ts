import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/*
 * The embedded search engine's index (search/postgres), derived from the vacancy tables and rebuilt from them
 * by a reindex. Not a source of truth: no foreign keys, so a rebuilt copy can be swapped in by renaming.
 * Split in narrow tables so that a search reads only what it needs: counting and filtering 70,000 rows of
 * `search_vacancies` reads a few megabytes; words and documents live beside it.
 */

/** What filters, counts, sorts and ranking need of a vacancy (fresh builders for each table). */
const coreColumns = () => ({
  vacancyId: text("vacancy_id").primaryKey(),
  /** The vacancy's own facet values (role, phases, subjects…) as a signature: see searchSignatures. */
  vacancySignature: integer("vacancy_signature").notNull(),
  /** Its schools' facet values (school types, trusts) as a signature. */
  locationSignature: integer("location_signature").notNull(),
  salaryMax: integer("salary_max"),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  /**
   * In search_vacancy_text: the title's words and concepts (A), the form's concepts and labels (B), concepts found
   * one way (C), for ranking (ADR 0021). In search_vacancies, which only searches without words read, it is empty.
   */
  titleTsv: tsvector("title_tsv").notNull(),
});

/** One row per live vacancy: what filters, counts and sorts need, and the words of its title for ranking. */
export const searchVacancies = pgTable("search_vacancies", coreColumns(), (t) => [
  index("search_vacancies_vacancy_signature_idx").on(t.vacancySignature),
  index("search_vacancies_location_signature_idx").on(t.locationSignature),
  index("search_vacancies_closes_idx").on(t.closesAt),
  index("search_vacancies_published_idx").on(t.publishedAt),
  index("search_vacancies_salary_idx").on(t.salaryMax),
]);

/**
 * Every distinct set of facet keys ("phase:primary", "trust:mersey"…) the index holds, numbered. Thousands
 * of vacancies share a few hundred sets, so facet counts are a GROUP BY on two integers, then each set's keys.
 */
export const searchSignatures = pgTable(
  "search_signatures",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").notNull(),
    keys: text("keys").array().notNull(),
  },
  (t) => [
    uniqueIndex("search_signatures_kind_keys_key").on(t.kind, t.keys),
    index("search_signatures_keys_idx").using("gin", t.keys),
  ],
);

/**
 * The same rows with every searchable word (advert, schools, places, employer) as well: searches with words
 * read this table alone, searches without read the narrow one. Joining the two cost more than storing twice.
 */
export const searchVacancyText = pgTable(
  "search_vacancy_text",
  { ...coreColumns(), tsv: tsvector("tsv").notNull() },
  (t) => [
    index("search_vacancy_text_tsv_idx").using("gin", t.tsv),
    // A word in most vacancies ("teacher") is cheaper to find by walking the order asked for and testing each row
    // than by ranking every match.
    index("search_vacancy_text_published_idx").on(t.publishedAt.desc().nullsFirst(), t.vacancyId),
    index("search_vacancy_text_salary_idx").on(t.salaryMax.desc().nullsLast(), t.vacancyId),
    index("search_vacancy_text_closes_idx").on(t.closesAt, t.vacancyId),
  ],
);

/**
 * How many indexed vacancies hold each pair of signatures, overall (term '') and among those whose words include
 * each concept token (search/lexicon.ts: "zc…"): what a search with facet filters only, or with one concept and
 * facet filters, counts from, instead of every matching row. A signature of 0 stands for any: (v, 0) counts the
 * vacancies of vacancy signature v whatever their location signature, (0, 0) all of them. Kept by the engine in
 * the same transaction as every index write, and rebuilt with the index by a reindex.
 */
export const searchCounts = pgTable(
  "search_counts",
  {
    term: text("term").notNull(),
    vacancySignature: integer("vacancy_signature").notNull(),
    locationSignature: integer("location_signature").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.term, t.vacancySignature, t.locationSignature], name: "search_counts_pkey" }),
    index("search_counts_location_idx").on(t.term, t.locationSignature, t.vacancySignature),
  ],
);

/**
 * How many indexed vacancies of each salary (the top of the range, full time) hold each pair of signatures, with 0
 * for any as in search_counts: what a search with facet filters and a minimum salary counts from, summing the
 * salaries at or above it (exact for any minimum). Vacancies without a salary are not counted: no minimum takes them.
 * Salaries follow pay points, so a pair of signatures has a few: far fewer rows than vacancies. Kept and rebuilt
 * like search_counts.
 */
export const searchSalaryCounts = pgTable(
  "search_salary_counts",
  {
    vacancySignature: integer("vacancy_signature").notNull(),
    locationSignature: integer("location_signature").notNull(),
    salaryMax: integer("salary_max").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.vacancySignature, t.locationSignature, t.salaryMax],
      name: "search_salary_counts_pkey",
    }),
    index("search_salary_counts_location_idx").on(t.locationSignature, t.vacancySignature, t.salaryMax),
  ],
);

/**
 * How many indexed vacancies hold each facet key ("trust:mersey"…): the counts of a facet when no other filter
 * narrows them (its own is left out), read as they are. Kept and rebuilt like search_counts.
 */
export const searchKeyCounts = pgTable("search_key_counts", {
  key: text("key").primaryKey(),
  n: integer("n").notNull(),
});

/** The VacancyDocument (search/document.ts) a result shows, read only for the page of results. */
export const searchDocuments = pgTable("search_documents", {
  vacancyId: text("vacancy_id").primaryKey(),
  document: jsonb("document").notNull(),
});

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
export const searchTerms = pgTable("search_terms", { term: text("term").primaryKey() }, (t) => [
  index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`),
]);

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

/**
 * The index's generation: a new random stamp with every write to the index, in the write's own transaction (and a
 * reindex's swap). A search result kept in memory stands only while the stamp is the one it was found under
 * (search/postgres/result-cache.server.ts). Random, not a counter, so that no stamp comes back, even after the table
 * is emptied. One row; not swapped by a reindex.
 */
export const searchGeneration = pgTable(
  "search_generation",
  {
    id: boolean("id").primaryKey().default(true),
    stamp: text("stamp").notNull(),
  },
  (t) => [check("search_generation_one_row", sql`${t.id}`)],
);
