import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  applicationStatuses,
  qtsStatuses,
  referenceStates,
  rightToWorkAnswers,
  type EqualityAnswers,
} from "../../app/vocabulary/applications";
import type { ApplicationProfile, ReferenceAnswers, RefereeCopy } from "../../app/vocabulary/applications";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { vacancies } from "./vacancies";

export const qtsStatus = pgEnum("qts_status", qtsStatuses);
export const rightToWork = pgEnum("right_to_work", rightToWorkAnswers);
export const applicationStatus = pgEnum("application_status", applicationStatuses);
export const referenceState = pgEnum("reference_state", referenceStates);

/** A teacher's one profile: what every application starts from. Lists (jobs, referees…) are their own tables. */
export const teacherProfiles = pgTable(
  "teacher_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    phone: text("phone").notNull().default(""),
    qtsStatus: qtsStatus("qts_status"),
    /** Teacher reference number: seven digits, given by the Teaching Regulation Agency. */
    trn: text("trn"),
    personalStatement: text("personal_statement").notNull().default(""),
    rightToWork: rightToWork("right_to_work"),
    interviewSupport: text("interview_support").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [check("teacher_profiles_trn", sql`${t.trn} IS NULL OR ${t.trn} ~ '^[0-9]{7}$'`)],
);

export const profileQualifications = pgTable(
  "profile_qualifications",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    institution: text("institution").notNull(),
    grade: text("grade").notNull().default(""),
    year: integer("year").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("profile_qualifications_user_idx").on(t.userId)],
);

/** One job, to the month: `started_on` and `ended_on` are the first day of their month; no end is the job held now. */
export const profileEmployment = pgTable(
  "profile_employment",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    employer: text("employer").notNull(),
    jobTitle: text("job_title").notNull(),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
    reasonForLeaving: text("reason_for_leaving").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("profile_employment_user_idx").on(t.userId),
    check("profile_employment_order", sql`${t.endedOn} IS NULL OR ${t.endedOn} >= ${t.startedOn}`),
  ],
);

/**
 * Why there was no job between two months. Keyed by the gap's months: if the history changes so that the gap moves,
 * the old explanation no longer answers it and the new gap must be explained.
 */
export const profileGapExplanations = pgTable(
  "profile_gap_explanations",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    gapFrom: date("gap_from").notNull(),
    /** Null for a gap that runs to the present. */
    gapTo: date("gap_to"),
    explanation: text("explanation").notNull(),
  },
  (t) => [index("profile_gap_explanations_user_idx").on(t.userId, t.gapFrom)],
);

export const profileReferees = pgTable(
  "profile_referees",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    jobTitle: text("job_title").notNull(),
    organisation: text("organisation").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    relationship: text("relationship").notNull(),
    /** The current or most recent employer: safer recruitment needs one such referee. */
    currentEmployer: boolean("current_employer").notNull().default(false),
    /** May this referee be contacted before interview? Null until the teacher answers. */
    contactBeforeInterview: boolean("contact_before_interview"),
    createdAt: createdAt(),
  },
  (t) => [index("profile_referees_user_idx").on(t.userId)],
);

/** Equality monitoring, apart from the profile: no page used by anyone who shortlists reads this table. */
export const equalityMonitoring = pgTable("equality_monitoring", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  answers: jsonb("answers").$type<EqualityAnswers>().notNull().default({}),
  updatedAt: updatedAt(),
});

/**
 * One teacher's application to one vacancy. `profile` is the application's own copy of the profile, taken when it
 * was started and refreshed while it is a draft; once submitted it never changes. `user_id` is null once an
 * application is anonymised (ADR 0024).
 */
export const applications = pgTable(
  "applications",
  {
    id: id(),
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    status: applicationStatus("status").notNull().default("draft"),
    profile: jsonb("profile").$type<ApplicationProfile>().notNull(),
    supportingStatement: text("supporting_statement").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawReason: text("withdraw_reason"),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("applications_one_per_vacancy").on(t.vacancyId, t.userId),
    index("applications_vacancy_status_idx").on(t.vacancyId, t.status, t.submittedAt),
    index("applications_user_idx").on(t.userId, t.updatedAt),
    check("applications_submitted", sql`${t.status} = 'draft' OR ${t.submittedAt} IS NOT NULL`),
  ],
);

/** Every change of state, who made it and what the applicant was told: the history and the figures read this. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    fromStatus: applicationStatus("from_status"),
    toStatus: applicationStatus("to_status").notNull(),
    message: text("message"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_events_application_idx").on(t.applicationId, t.at)],
);

/** HR's private notes: the employer's only, never shown to the applicant. */
export const applicationNotes = pgTable(
  "application_notes",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_notes_application_idx").on(t.applicationId, t.at)],
);

/** Messages between HR and the applicant, seen by both. */
export const applicationMessages = pgTable(
  "application_messages",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    senderUserId: text("sender_user_id").references(() => users.id, { onDelete: "set null" }),
    fromEmployer: boolean("from_employer").notNull(),
    body: text("body").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_messages_application_idx").on(t.applicationId, t.at)],
);

/** Who at the employer opened an application, and when (safer recruitment's audit trail). */
export const applicationViews = pgTable(
  "application_views",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_views_application_idx").on(t.applicationId, t.at)],
);

/** The equality answers given with an application, copied at submission; read only as totals of five or more. */
export const applicationEquality = pgTable("application_equality", {
  applicationId: text("application_id")
    .primaryKey()
    .references(() => applications.id, { onDelete: "cascade" }),
  answers: jsonb("answers").$type<EqualityAnswers>().notNull(),
});

/**
 * A reference asked of one referee. The referee answers through an e-mailed link carrying a token: only its SHA-256
 * is stored, it works once and expires.
 */
export const applicationReferences = pgTable(
  "application_references",
  {
    id: id(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    referee: jsonb("referee").$type<RefereeCopy>().notNull(),
    state: referenceState("state").notNull().default("requested"),
    tokenHash: text("token_hash"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answers: jsonb("answers").$type<ReferenceAnswers>(),
  },
  (t) => [
    index("application_references_application_idx").on(t.applicationId),
    uniqueIndex("application_references_token_key").on(t.tokenHash),
    index("application_references_due_idx")
      .on(t.requestedAt)
      .where(sql`${t.state} = 'requested'`),
  ],
);

/** A vacancy a teacher saved, and whether the day-before-closing reminder went. */
export const savedVacancies = pgTable(
  "saved_vacancies",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.vacancyId] }), index("saved_vacancies_vacancy_idx").on(t.vacancyId)],
);

/** Views of a vacancy's page per day in London: a count only, with nothing about who looked. */
export const vacancyViewDays = pgTable(
  "vacancy_view_days",
  {
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.vacancyId, t.day] })],
);
