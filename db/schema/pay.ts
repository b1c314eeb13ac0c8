import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { partnerships } from "./partnerships";
import { vacancies } from "./vacancies";

/**
 * The statutory pay figures: one per pay year, pay area, range ("main", "upper", "tlr2"…) and point ("min", "max",
 * "M1"…), each with its source. Reference data: loaded from a CSV (db/reference/pay-scales-england.csv at
 * start-up when empty, or any newer file with `npm run import:pay-scales`), so a new pay year is a data change.
 */
export const payScaleFigures = pgTable(
  "pay_scale_figures",
  {
    year: text("year").notNull(),
    area: text("area").notNull(),
    range: text("range").notNull(),
    point: text("point").notNull(),
    annualPounds: integer("annual_pounds").notNull(),
    source: text("source").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.area, t.range, t.point] })],
);

export const payFlagAction = pgEnum("pay_flag_action", ["justify", "block"]);

/** A partnership's pay-transparency policy (app/pay/policy.ts); absent means the defaults. */
export const payPolicies = pgTable("pay_policies", {
  partnershipId: text("partnership_id")
    .primaryKey()
    .references(() => partnerships.id, { onDelete: "cascade" }),
  radiusMiles: integer("radius_miles").notNull(),
  lookbackMonths: integer("lookback_months").notNull(),
  minComparables: integer("min_comparables").notNull(),
  minSchools: integer("min_schools").notNull(),
  toleranceBasisPoints: integer("tolerance_basis_points").notNull(),
  premiumBasisPoints: integer("premium_basis_points").notNull(),
  onFlag: payFlagAction("on_flag").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
});

/** Every change to a partnership's policy: who, when, what each setting was and became. */
export const payPolicyChanges = pgTable(
  "pay_policy_changes",
  {
    id: id(),
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    at: createdAt(),
  },
  (t) => [index("pay_policy_changes_partnership_idx").on(t.partnershipId, t.at)],
);

export const payAssessmentReason = pgEnum("pay_assessment_reason", ["publish", "edit", "nightly"]);

/**
 * Each assessment of a vacancy's pay, with its evidence (findings, comparables, benchmark, the policy used) as
 * it stood then. The vacancy points at its current one; earlier ones stay as its history. A flagged offer
 * published anyway keeps the justification and who gave it.
 */
export const payAssessments = pgTable(
  "pay_assessments",
  {
    id: id(),
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    reason: payAssessmentReason("reason").notNull(),
    payYear: text("pay_year").notNull(),
    badge: text("badge").notNull(),
    badgeBasisPoints: integer("badge_basis_points"),
    benchmark: integer("benchmark"),
    flagged: boolean("flagged").notNull(),
    findings: jsonb("findings").notNull(),
    policy: jsonb("policy").notNull(),
    justification: text("justification"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pay_assessments_vacancy_idx").on(t.vacancyId, t.assessedAt)],
);

/**
 * Every published offer (live or not) at each of its schools and for each of its phases, with what the neighbour
 * query filters on, kept by triggers (migration 0010) from the vacancy, vacancy-school and school tables. One GiST
 * index over role, pay range, phase and place (btree_gist) answers "same role, range and phase within N miles" in
 * one index-only scan: the joins it replaces cost 48 ms at the 95th percentile, with 2,000 schools within ten
 * miles of one in London.
 */
/** pay_offers.lat_band: the neighbour query computes the same bands. */
export const LAT_BANDS_PER_DEGREE = 20;

export const payOffers = pgTable(
  "pay_offers",
  {
    vacancyId: text("vacancy_id").notNull(),
    schoolId: text("school_id").notNull(),
    title: text("title").notNull(),
    schoolName: text("school_name").notNull(),
    role: text("role").notNull(),
    payRange: text("pay_range").notNull(),
    phase: text("phase").notNull(),
    /** All the vacancy's phases, for the comparable's description. */
    phases: text("phases").array().notNull(),
    salaryMax: integer("salary_max").notNull(),
    /** The advertised minimum (full-time equivalent), null when none: entry-level offers are compared on it. */
    salaryMin: integer("salary_min"),
    /** Suitable for early career teachers: compared only with other entry-level offers (app/pay/rule.ts). */
    entryLevel: boolean("entry_level").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    /**
     * A band of latitude 0.05 degrees (about 5.6 km) tall. The neighbour query asks the B-tree for the few bands a
     * circle crosses and, within each, a range of longitude: one short index range per band. (A GiST on the
     * place, led by the role and phase keys, clustered poorly and read six times as many pages.)
     */
    latBand: integer("lat_band")
      .notNull()
      .generatedAlwaysAs(sql`floor(lat * ${sql.raw(String(LAT_BANDS_PER_DEGREE))})::int`),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.schoolId, t.phase], name: "pay_offers_pkey" }),
    index("pay_offers_near_idx").on(t.role, t.payRange, t.entryLevel, t.phase, t.latBand, t.lng),
    index("pay_offers_school_idx").on(t.schoolId),
  ],
);

/**
 * What the nightly pay pass last saw of each open vacancy (app/pay/nightly.server.ts): when it was checked, a digest
 * of every input of the rule other than the neighbouring offers (the offer, its schools, the policy, the scales
 * and the pay year), and the radius and lookback it was checked with. A vacancy whose digest is unchanged and
 * near which no offer changed or left the lookback since is not assessed again: its assessment would be the same.
 */
export const payChecks = pgTable("pay_checks", {
  vacancyId: text("vacancy_id")
    .primaryKey()
    .references(() => vacancies.id, { onDelete: "cascade" }),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  digest: text("digest").notNull(),
  radiusMiles: integer("radius_miles").notNull(),
  lookbackMonths: integer("lookback_months").notNull(),
});

/**
 * Every row added to or removed from pay_offers (an update is a removal and an addition), with what the neighbour
 * query matches on, logged by triggers (migration 0024): the nightly pass finds the vacancies near a change.
 * Rows older than any check the pass still relies on are deleted by the pass.
 */
export const payOfferEvents = pgTable(
  "pay_offer_events",
  {
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    role: text("role").notNull(),
    payRange: text("pay_range").notNull(),
    entryLevel: boolean("entry_level").notNull(),
    phase: text("phase").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
  },
  (t) => [index("pay_offer_events_at_idx").on(t.at)],
);

/** A transaction id with its epoch (PostgreSQL's xid8), as text: it does not wrap around, so ids compare in order. */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * Which vacancies' pay_offers rows each transaction changed (a null vacancy: the table was emptied), logged by
 * triggers (migration 0028). Each server process keeps the offers in memory for one assessment's neighbours
 * (app/pay/offers-in-memory.server.ts) and reads from here what changed since it last looked: every row of a
 * transaction that was not yet visible then has an id at least the oldest one still running then.
 */
export const payOfferChanges = pgTable(
  "pay_offer_changes",
  {
    xid: xid8("xid")
      .notNull()
      .default(sql`pg_current_xact_id()`),
    vacancyId: text("vacancy_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pay_offer_changes_xid_idx").on(t.xid), index("pay_offer_changes_at_idx").on(t.at)],
);

/**
 * The newest transaction whose changes were deleted from pay_offer_changes (the nightly pass keeps a week): a copy
 * in memory that last looked before it cannot tell what it missed, so it reads every offer again.
 */
export const payOfferChangesPruned = pgTable("pay_offer_changes_pruned", {
  /** Always 1: the table holds one row. */
  id: integer("id").primaryKey().default(1),
  through: xid8("through").notNull(),
});
