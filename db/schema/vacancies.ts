import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import {
  applyMethods,
  contractTypes,
  payRanges,
  startKinds,
  workingPatterns,
  type Allowance,
} from "../../app/vocabulary/options";
import { shareStates } from "../../app/vocabulary/share-confirmations";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { organisations } from "./organisations";
import { schools } from "./schools";

export const vacancyStatus = pgEnum("vacancy_status", ["draft", "scheduled", "published", "closed", "archived"]);
export const closeReason = pgEnum("vacancy_close_reason", [
  "expired",
  "filled_staffroom",
  "filled_elsewhere",
  "withdrawn",
]);
export const contractType = pgEnum("contract_type", contractTypes);
export const workingPattern = pgEnum("working_pattern", workingPatterns);
export const startKind = pgEnum("start_kind", startKinds);
export const payRange = pgEnum("pay_range", payRanges);
export const applyMethod = pgEnum("apply_method", applyMethods);

export type AllowanceRow = Allowance;

/**
 * A vacancy, owned by the organisation or school that posts it. Pay is numbers: full-time-equivalent
 * pounds a year (or pence an hour for casual roles); the pro-rata salary is derived from `fte`.
 */
export const vacancies = pgTable(
  "vacancies",
  {
    id: id(),
    /** Owner: an organisation (trust, LA) or, for a school's own HR, the school. */
    ownerOrganisationId: text("owner_organisation_id").references(() => organisations.id),
    ownerSchoolId: text("owner_school_id").references(() => schools.id),
    status: vacancyStatus("status").notNull().default("draft"),
    title: text("title").notNull(),
    role: text("role").notNull(),
    phases: text("phases")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    keyStages: text("key_stages")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    subjects: text("subjects")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sendSpecialism: boolean("send_specialism").notNull().default(false),
    contractType: contractType("contract_type").notNull().default("permanent"),
    fixedTermMonths: integer("fixed_term_months"),
    workingPattern: workingPattern("working_pattern").notNull().default("full_time"),
    fte: numeric("fte", { precision: 4, scale: 3 }).notNull().default("1.000"),
    hoursPerWeek: numeric("hours_per_week", { precision: 5, scale: 2 }),
    startKind: startKind("start_kind").notNull().default("to_be_agreed"),
    startDate: date("start_date"),
    startDateTo: date("start_date_to"),
    payRange: payRange("pay_range").notNull().default("main"),
    payPointFrom: text("pay_point_from"),
    payPointTo: text("pay_point_to"),
    supportGrade: text("support_grade"),
    salaryMinFte: integer("salary_min_fte"),
    salaryMaxFte: integer("salary_max_fte"),
    hourlyRatePence: integer("hourly_rate_pence"),
    allowances: jsonb("allowances").$type<AllowanceRow[]>().notNull().default([]),
    ectSuitable: boolean("ect_suitable").notNull().default(false),
    visaSponsorship: boolean("visa_sponsorship").notNull().default(false),
    visitsWelcome: boolean("visits_welcome").notNull().default(false),
    aboutRole: text("about_role").notNull().default(""),
    aboutSchool: text("about_school").notNull().default(""),
    skillsExperience: text("skills_experience").notNull().default(""),
    whatWeOffer: text("what_we_offer").notNull().default(""),
    applyMethod: applyMethod("apply_method").notNull().default("external_link"),
    applyUrl: text("apply_url"),
    applyEmail: text("apply_email"),
    /** Names, ages, contact details and referees are hidden from HR until an application is shortlisted. */
    anonymiseUntilShortlisted: boolean("anonymise_until_shortlisted").notNull().default(false),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedReason: closeReason("closed_reason"),
    /** The current pay assessment (app/pay): what the badge and the partnership's pay page show. */
    payAssessmentId: text("pay_assessment_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("vacancies_status_closes_idx").on(t.status, t.closesAt),
    index("vacancies_status_publish_idx").on(t.status, t.publishAt),
    // The every-minute scheduler pass looks only for vacancies that can still change on the clock.
    index("vacancies_due_close_idx")
      .on(t.closesAt)
      .where(sql`${t.status} IN ('published', 'scheduled')`),
    index("vacancies_due_publish_idx")
      .on(t.publishAt)
      .where(sql`${t.status} = 'scheduled'`),
    // The open-data feed pages live vacancies newest first.
    index("vacancies_feed_idx")
      .on(t.publishedAt.desc().nullsLast(), t.id)
      .where(sql`${t.status} = 'published'`),
    index("vacancies_owner_org_idx").on(t.ownerOrganisationId, t.status),
    index("vacancies_owner_school_idx").on(t.ownerSchoolId, t.status),
    check("vacancies_one_owner", sql`(${t.ownerOrganisationId} IS NULL) <> (${t.ownerSchoolId} IS NULL)`),
    check("vacancies_fte_range", sql`${t.fte} > 0 AND ${t.fte} <= 1`),
    check(
      "vacancies_salary_order",
      sql`${t.salaryMinFte} IS NULL OR ${t.salaryMaxFte} IS NULL OR ${t.salaryMinFte} <= ${t.salaryMaxFte}`,
    ),
  ],
);

/** Where a vacancy is located: one school, several with an FTE share each, or the schools a central role serves. */
export const vacancySchools = pgTable(
  "vacancy_schools",
  {
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    /** This school's share of the FTE; null for a trust-wide role not split by school. */
    fteShare: numeric("fte_share", { precision: 4, scale: 3 }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.vacancyId, t.schoolId] }), index("vacancy_schools_school_idx").on(t.schoolId)],
);

export const shareState = pgEnum("vacancy_share_state", shareStates);

/**
 * A school of another employer than the vacancy's (its employer of record) that takes a share of the role, and
 * whether that school's HR has confirmed it (docs/decisions/0022). One row per such school; none for the employer's
 * own schools. A change to the shares replaces the rows, so a confirmation always answers the shares as they stand.
 */
export const vacancyShareConfirmations = pgTable(
  "vacancy_share_confirmations",
  {
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    /**
     * The school's employer when the share was asked for (its trust, its local authority, or the school itself): the
     * employer that answers, and the one the advert names as sharing the role.
     */
    employerName: text("employer_name").notNull(),
    state: shareState("state").notNull().default("awaiting"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    /** Why the share was declined, in the words of the school's HR. */
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.schoolId] }),
    // "Shares awaiting my confirmation": by school, then state.
    index("vacancy_share_confirmations_school_idx").on(t.schoolId, t.state),
    check(
      "vacancy_share_confirmations_decided",
      sql`(${t.state} = 'awaiting') = (${t.decidedAt} IS NULL)
          AND (${t.state} <> 'declined' OR (${t.reason} IS NOT NULL AND length(btrim(${t.reason})) > 0))`,
    ),
  ],
);

/** Who changed what, and when: every create, edit and lifecycle step of a vacancy. */
export const vacancyEvents = pgTable(
  "vacancy_events",
  {
    id: id(),
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vacancy_events_vacancy_idx").on(t.vacancyId, t.at)],
);

export const importStatus = pgEnum("vacancy_import_status", ["queued", "validating", "importing", "done", "failed"]);

export type ImportRowError = { row: number; field: string; message: string };

/** A CSV import of vacancies by HR: validated whole, imported all-or-nothing by a job, with progress. */
export const vacancyImports = pgTable(
  "vacancy_imports",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    ownerOrganisationId: text("owner_organisation_id").references(() => organisations.id),
    ownerSchoolId: text("owner_school_id").references(() => schools.id),
    fileName: text("file_name").notNull(),
    csv: text("csv").notNull(),
    status: importStatus("status").notNull().default("queued"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    importedCount: integer("imported_count").notNull().default(0),
    errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
    publish: boolean("publish").notNull().default(false),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("vacancy_imports_user_idx").on(t.userId, t.createdAt)],
);

/**
 * How many vacancies are in each status, kept exact by statement-level triggers on vacancies (migration 0024) in
 * the same transaction as the change: the open-data feed's total reads one row instead of counting ~70,000.
 */
export const vacancyStatusCounts = pgTable("vacancy_status_counts", {
  status: text("status").primaryKey(),
  n: integer("n").notNull(),
});
