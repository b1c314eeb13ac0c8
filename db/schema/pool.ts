import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { ApplicationProfile } from "../../app/vocabulary/applications";
import { invitationKinds, matchStates, poolStatuses } from "../../app/vocabulary/pool";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { organisations } from "./organisations";
import { partnerships } from "./partnerships";
import { schools } from "./schools";
import { vacancies } from "./vacancies";

/**
 * The regional teacher pool (ADR 0026). A partnership runs rounds; a teacher applies once to a round and, once the
 * panel pools them and while they consent, the round's schools can find them. The exclusion constraint that keeps one
 * member's slot bookings apart is in migration 0023: drizzle-kit cannot express EXCLUDE.
 */

export const poolStatus = pgEnum("pool_status", poolStatuses);
export const poolMatchState = pgEnum("pool_match_state", matchStates);
export const poolInvitationKind = pgEnum("pool_invitation_kind", invitationKinds);

export const poolRounds = pgTable(
  "pool_rounds",
  {
    id: id(),
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** A phase value of app/vocabulary/options (primary, secondary…). */
    phase: text("phase").notNull(),
    /** Values of `poolRoles`. */
    roles: text("roles").array().notNull(),
    /** Subject values; empty means any subject. */
    subjects: text("subjects")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    opensOn: date("opens_on").notNull(),
    /** Null for an always-open round. */
    closesOn: date("closes_on"),
    /** Values of `screeningSteps`, in order; the first is always application review. */
    steps: text("steps").array().notNull(),
    /** What the panel scores each application against. */
    criteria: text("criteria").array().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("pool_rounds_partnership_idx").on(t.partnershipId, t.opensOn),
    check("pool_rounds_dates", sql`${t.closesOn} IS NULL OR ${t.closesOn} >= ${t.opensOn}`),
    check("pool_rounds_first_step", sql`${t.steps}[1] = 'application_review'`),
  ],
);

/** The partnership schools taking part in a round: their HR may search its pool. */
export const poolRoundSchools = pgTable(
  "pool_round_schools",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => poolRounds.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.schoolId] }), index("pool_round_schools_school_idx").on(t.schoolId)],
);

/** The round's screening panel: heads and HR of the partnership's schools, named by account. */
export const poolRoundPanel = pgTable(
  "pool_round_panel",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => poolRounds.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index("pool_round_panel_user_idx").on(t.userId)],
);

/**
 * One teacher's application to one round, and, once pooled, their membership of the pool. `profile` is the
 * application's own copy of the teacher's profile (as for a vacancy), frozen at submission. The member is visible to
 * the round's schools only while `status = 'pooled'` and `shown_to_schools` holds.
 */
export const poolMembers = pgTable(
  "pool_members",
  {
    id: id(),
    roundId: text("round_id")
      .notNull()
      .references(() => poolRounds.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: poolStatus("status").notNull().default("draft"),
    /** The screening step in progress while `status = 'screening'`. */
    step: text("step"),
    profile: jsonb("profile").$type<ApplicationProfile>().notNull(),
    supportingStatement: text("supporting_statement").notNull().default(""),
    /** Preferences: values of subjects, phases, year groups, contract types and working patterns. */
    subjects: text("subjects")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    phases: text("phases")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    yearGroups: text("year_groups")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contracts: text("contracts")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    workingPatterns: text("working_patterns")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Where they travel from (a postcode, resolved) and how far they will go. */
    postcode: text("postcode"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    travelMiles: smallint("travel_miles"),
    availableFrom: date("available_from"),
    /** Explicit consent to be shown to the partnership's schools; withdrawing it hides the member at once. */
    shownToSchools: boolean("shown_to_schools").notNull().default(false),
    consentGivenAt: timestamp("consent_given_at", { withTimezone: true }),
    /** Retention: a member not appointed is removed after this day unless they renew consent. */
    retainUntil: date("retain_until"),
    feedback: text("feedback"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    pooledAt: timestamp("pooled_at", { withTimezone: true }),
    appointedAt: timestamp("appointed_at", { withTimezone: true }),
    /** The school that appointed them (kept for outcome figures after the member is removed, see pool_outcomes). */
    appointedSchoolId: text("appointed_school_id").references(() => schools.id, { onDelete: "set null" }),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("pool_members_one_per_round").on(t.roundId, t.userId),
    index("pool_members_round_status_idx").on(t.roundId, t.status, t.step),
    index("pool_members_user_idx").on(t.userId),
    index("pool_members_earth_idx")
      .using("gist", sql`ll_to_earth(${t.lat}, ${t.lng})`)
      .where(sql`${t.status} = 'pooled' AND ${t.shownToSchools} AND ${t.lat} IS NOT NULL`),
    check("pool_members_step", sql`(${t.status} = 'screening') = (${t.step} IS NOT NULL)`),
    check("pool_members_feedback", sql`${t.status} <> 'not_this_time' OR length(${t.feedback}) > 0`),
    check("pool_members_submitted", sql`${t.status} = 'draft' OR ${t.submittedAt} IS NOT NULL`),
    check("pool_members_travel", sql`${t.travelMiles} IS NULL OR ${t.travelMiles} BETWEEN 1 AND 100`),
  ],
);

/** A school or an organisation (trust, LA) a member is hidden from: in every listing, count and URL. */
export const poolHiddenFrom = pgTable(
  "pool_hidden_from",
  {
    id: id(),
    memberId: text("member_id")
      .notNull()
      .references(() => poolMembers.id, { onDelete: "cascade" }),
    schoolId: text("school_id").references(() => schools.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("pool_hidden_from_member_idx").on(t.memberId),
    uniqueIndex("pool_hidden_from_key").on(t.memberId, t.schoolId, t.organisationId),
    check("pool_hidden_from_one", sql`(${t.schoolId} IS NULL) <> (${t.organisationId} IS NULL)`),
  ],
);

/** A panel member's score of one criterion at one step, with a note. */
export const poolScores = pgTable(
  "pool_scores",
  {
    id: id(),
    memberId: text("member_id")
      .notNull()
      .references(() => poolMembers.id, { onDelete: "cascade" }),
    step: text("step").notNull(),
    criterion: text("criterion").notNull(),
    score: smallint("score").notNull(),
    note: text("note").notNull().default(""),
    scorerUserId: text("scorer_user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pool_scores_key").on(t.memberId, t.step, t.criterion, t.scorerUserId),
    check("pool_scores_range", sql`${t.score} BETWEEN 1 AND 4`),
  ],
);

/** Every change of a member's state: who, from, to, and what the member was told. */
export const poolEvents = pgTable(
  "pool_events",
  {
    id: id(),
    memberId: text("member_id")
      .notNull()
      .references(() => poolMembers.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    fromStatus: poolStatus("from_status"),
    toStatus: poolStatus("to_status").notNull(),
    step: text("step"),
    message: text("message"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pool_events_member_idx").on(t.memberId, t.at)],
);

/** An interview or observed-lesson slot the panel offers; candidates at that step book it. */
export const poolSlots = pgTable(
  "pool_slots",
  {
    id: id(),
    roundId: text("round_id")
      .notNull()
      .references(() => poolRounds.id, { onDelete: "cascade" }),
    step: text("step").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The host school, or null for online. */
    schoolId: text("school_id").references(() => schools.id, { onDelete: "set null" }),
    place: text("place").notNull().default(""),
    capacity: smallint("capacity").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("pool_slots_round_idx").on(t.roundId, t.step, t.startsAt),
    check("pool_slots_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("pool_slots_capacity", sql`${t.capacity} BETWEEN 1 AND 50`),
  ],
);

/** A member's booking of a slot; the times are copied so an EXCLUDE keeps one member's live bookings apart. */
export const poolSlotBookings = pgTable(
  "pool_slot_bookings",
  {
    id: id(),
    slotId: text("slot_id")
      .notNull()
      .references(() => poolSlots.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => poolMembers.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    live: boolean("live").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("pool_slot_bookings_live_key")
      .on(t.slotId, t.memberId)
      .where(sql`${t.live}`),
    index("pool_slot_bookings_member_idx").on(t.memberId, t.startsAt),
    check("pool_slot_bookings_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who opened a member's pool profile, from which school, and when: every view is logged. */
export const poolViews = pgTable(
  "pool_views",
  {
    id: id(),
    memberId: text("member_id")
      .notNull()
      .references(() => poolMembers.id, { onDelete: "cascade" }),
    viewerUserId: text("viewer_user_id").references(() => users.id, { onDelete: "set null" }),
    schoolId: text("school_id").references(() => schools.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pool_views_member_idx").on(t.memberId, t.at)],
);

/**
 * One school's conversation with one member: shortlisted, invited to visit or interview, offered, and the member's
 * answer. A member accepts at most one offer (a partial unique index); accepting closes the others.
 */
export const poolMatches = pgTable(
  "pool_matches",
  {
    id: id(),
    memberId: text("member_id")
      .notNull()
      .references(() => poolMembers.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    state: poolMatchState("state").notNull().default("shortlisted"),
    invitationKind: poolInvitationKind("invitation_kind"),
    invitationAt: timestamp("invitation_at", { withTimezone: true }),
    roleTitle: text("role_title").notNull().default(""),
    message: text("message").notNull().default(""),
    vacancyId: text("vacancy_id").references(() => vacancies.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("pool_matches_key").on(t.memberId, t.schoolId),
    index("pool_matches_school_idx").on(t.schoolId, t.state),
    uniqueIndex("pool_matches_one_accepted")
      .on(t.memberId)
      .where(sql`${t.state} = 'accepted'`),
  ],
);

/**
 * A vacancy shared with a round's pool before the public sees it: the vacancy is scheduled to publish at
 * `public_from` (never more than 14 days on), so it is never only for the pool.
 */
export const poolVacancyShares = pgTable(
  "pool_vacancy_shares",
  {
    vacancyId: text("vacancy_id")
      .primaryKey()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    roundId: text("round_id")
      .notNull()
      .references(() => poolRounds.id, { onDelete: "cascade" }),
    publicFrom: timestamp("public_from", { withTimezone: true }).notNull(),
    sharedBy: text("shared_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("pool_vacancy_shares_round_idx").on(t.roundId, t.publicFrom)],
);

/**
 * The outcome of each application to a round, without the person: what the public figures are counted from, kept
 * when retention or a deletion removes the member. One row per pool member, written as the member's state changes.
 */
export const poolOutcomes = pgTable(
  "pool_outcomes",
  {
    memberId: text("member_id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => poolRounds.id, { onDelete: "cascade" }),
    /** Phase and subject of the member's first preference, for the breakdowns. */
    phase: text("phase"),
    subject: text("subject"),
    submittedOn: date("submitted_on"),
    pooledOn: date("pooled_on"),
    appointedOn: date("appointed_on"),
    appointedSchoolId: text("appointed_school_id").references(() => schools.id, { onDelete: "set null" }),
    /** The appointing school's kind of employer: academy trust, local authority (maintained) or other. */
    employerKind: text("employer_kind"),
  },
  (t) => [index("pool_outcomes_round_idx").on(t.roundId)],
);
