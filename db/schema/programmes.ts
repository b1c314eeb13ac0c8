import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { invitations } from "./memberships";
import { organisations } from "./organisations";
import { partnerships } from "./partnerships";
import { schools } from "./schools";
import { assignmentStatuses, attendanceMarks, programmeKinds, terms } from "../../app/vocabulary/programmes";

/**
 * Shared ECT development programmes (ADR 0025). The exclusion constraints (one school and one mentor at a time, no
 * two overlapping sessions for one ECT, no two overlapping assignments) are in migration 0022: drizzle-kit cannot
 * express EXCLUDE.
 */

export const programmeKind = pgEnum("programme_kind", programmeKinds);
export const programmeTerm = pgEnum("programme_term", terms);
export const attendanceMark = pgEnum("attendance_mark", attendanceMarks);
export const assignmentStatus = pgEnum("early_career_assignment_status", assignmentStatuses);

/** A programme run by a partnership or by one organisation (a trust or a teaching school hub), never both. */
export const ectProgrammes = pgTable(
  "ect_programmes",
  {
    id: id(),
    name: text("name").notNull(),
    kind: programmeKind("kind").notNull(),
    leadProvider: text("lead_provider"),
    deliveryPartner: text("delivery_partner"),
    partnershipId: text("partnership_id").references(() => partnerships.id),
    organisationId: text("organisation_id").references(() => organisations.id),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("ect_programmes_partnership_idx").on(t.partnershipId),
    index("ect_programmes_organisation_idx").on(t.organisationId),
    check("ect_programmes_one_runner", sql`(${t.partnershipId} IS NULL) <> (${t.organisationId} IS NULL)`),
    check(
      "ect_programmes_provider",
      sql`${t.kind} <> 'provider_led' OR (${t.leadProvider} IS NOT NULL AND ${t.deliveryPartner} IS NOT NULL)`,
    ),
  ],
);

/** The programme's curriculum: the standard strands it uses and any of its own. */
export const programmeStrands = pgTable(
  "programme_strands",
  {
    id: id(),
    programmeId: text("programme_id")
      .notNull()
      .references(() => ectProgrammes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("programme_strands_name_key").on(t.programmeId, sql`lower(${t.name})`)],
);

/** People who run sessions and take registers for a programme. */
export const programmeFacilitators = pgTable(
  "programme_facilitators",
  {
    programmeId: text("programme_id")
      .notNull()
      .references(() => ectProgrammes.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.userId] }), index("programme_facilitators_user_idx").on(t.userId)],
);

/** The ECTs who start induction in one academic year and term, trained together over two years. */
export const programmeCohorts = pgTable(
  "programme_cohorts",
  {
    id: id(),
    programmeId: text("programme_id")
      .notNull()
      .references(() => ectProgrammes.id, { onDelete: "cascade" }),
    academicYear: integer("academic_year").notNull(),
    startTerm: programmeTerm("start_term").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("programme_cohorts_key").on(t.programmeId, t.academicYear, t.startTerm)],
);

/**
 * One training session of a cohort: in person at a host school (whose room holds `capacity`) or online. Core
 * sessions are booked for every enrolled ECT; optional ones are chosen, first come, within capacity.
 */
export const programmeSessions = pgTable(
  "programme_sessions",
  {
    id: id(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programmeCohorts.id, { onDelete: "cascade" }),
    strandId: text("strand_id").references(() => programmeStrands.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    inductionYear: smallint("induction_year").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    hostSchoolId: text("host_school_id").references(() => schools.id),
    online: boolean("online").notNull().default(false),
    room: text("room"),
    capacity: integer("capacity").notNull(),
    optional: boolean("optional").notNull().default(false),
    facilitatorUserId: text("facilitator_user_id").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelReason: text("cancel_reason"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("programme_sessions_cohort_idx").on(t.cohortId, t.startsAt),
    index("programme_sessions_host_idx").on(t.hostSchoolId),
    index("programme_sessions_starts_idx").on(t.startsAt),
    check("programme_sessions_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("programme_sessions_year", sql`${t.inductionYear} IN (1, 2)`),
    check("programme_sessions_capacity", sql`${t.capacity} BETWEEN 1 AND 500`),
    check("programme_sessions_venue", sql`${t.online} OR ${t.hostSchoolId} IS NOT NULL`),
    check("programme_sessions_cancel_reason", sql`${t.cancelledAt} IS NULL OR length(${t.cancelReason}) > 0`),
  ],
);

/**
 * An early career teacher: the person, identified by their teacher reference number, whichever school they are at.
 * Their schools over time are `ect_school_periods`.
 */
export const ects = pgTable(
  "ects",
  {
    id: id(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    trn: text("trn").notNull(),
    inductionStartsOn: date("induction_starts_on", { mode: "string" }).notNull(),
    /** Working pattern as a percentage of full time (100 is full time): induction runs pro rata. */
    ftePercent: integer("fte_percent").notNull().default(100),
    appropriateBody: text("appropriate_body").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ects_trn_key").on(t.trn),
    index("ects_user_idx").on(t.userId),
    index("ects_email_idx").on(sql`lower(${t.email})`),
    check("ects_trn", sql`${t.trn} ~ '^[0-9]{7}$'`),
    check("ects_fte", sql`${t.ftePercent} BETWEEN 10 AND 100`),
  ],
);

/** Where an ECT works, from `starts_on` until the day before `ends_on` (open while `ends_on` is null). */
export const ectSchoolPeriods = pgTable(
  "ect_school_periods",
  {
    id: id(),
    ectId: text("ect_id")
      .notNull()
      .references(() => ects.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    /** The ECT's induction tutor at this school (never their mentor). */
    inductionTutorUserId: text("induction_tutor_user_id").references(() => users.id, { onDelete: "set null" }),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("ect_school_periods_school_idx").on(t.schoolId),
    index("ect_school_periods_ect_idx").on(t.ectId),
    check("ect_school_periods_dates", sql`${t.endsOn} IS NULL OR ${t.endsOn} > ${t.startsOn}`),
  ],
);

/** An ECT's mentor over a period: one at a time, never their induction tutor. */
export const ectMentorPeriods = pgTable(
  "ect_mentor_periods",
  {
    id: id(),
    ectId: text("ect_id")
      .notNull()
      .references(() => ects.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    mentorUserId: text("mentor_user_id")
      .notNull()
      .references(() => users.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    assignedBy: text("assigned_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("ect_mentor_periods_mentor_idx").on(t.mentorUserId),
    index("ect_mentor_periods_ect_idx").on(t.ectId),
    check("ect_mentor_periods_dates", sql`${t.endsOn} IS NULL OR ${t.endsOn} > ${t.startsOn}`),
  ],
);

/** An ECT in a cohort: one row per pair, however many enrol them at once. */
export const cohortEnrolments = pgTable(
  "cohort_enrolments",
  {
    id: id(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => programmeCohorts.id, { onDelete: "cascade" }),
    ectId: text("ect_id")
      .notNull()
      .references(() => ects.id, { onDelete: "cascade" }),
    enrolledBy: text("enrolled_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("cohort_enrolments_key").on(t.cohortId, t.ectId), index("cohort_enrolments_ect_idx").on(t.ectId)],
);

/**
 * An ECT's place at a session. The session's times are copied here so one exclusion constraint keeps an ECT's live
 * bookings from overlapping; moving a session moves its bookings in the same transaction.
 */
export const sessionBookings = pgTable(
  "session_bookings",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    ectId: text("ect_id")
      .notNull()
      .references(() => ects.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** False once the ECT or the session is cancelled: it then holds no place and blocks no time. */
    live: boolean("live").notNull().default(true),
    bookedBy: text("booked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("session_bookings_key").on(t.sessionId, t.ectId),
    index("session_bookings_ect_idx").on(t.ectId, t.startsAt),
    check("session_bookings_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The register: one mark per booked ECT per session. */
export const sessionAttendance = pgTable(
  "session_attendance",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => programmeSessions.id, { onDelete: "cascade" }),
    ectId: text("ect_id")
      .notNull()
      .references(() => ects.id, { onDelete: "cascade" }),
    mark: attendanceMark("mark").notNull(),
    reason: text("reason"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.ectId] }),
    index("session_attendance_ect_idx").on(t.ectId),
    check("session_attendance_reason", sql`${t.mark} <> 'excused' OR length(${t.reason}) > 0`),
  ],
);

/** A school's standard weekly contact hours, from which an ECT's released time is worked out. */
export const schoolEctSettings = pgTable(
  "school_ect_settings",
  {
    schoolId: text("school_id")
      .primaryKey()
      .references(() => schools.id),
    weeklyContactHours: doublePrecision("weekly_contact_hours").notNull(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [check("school_ect_settings_hours", sql`${t.weeklyContactHours} > 0 AND ${t.weeklyContactHours} <= 40`)],
);

/**
 * Planned time for an early career teacher at another school (a term at a special school, a contrasting phase). The
 * ECT stays employed where they are; both schools accept. Proposed and accepted assignments never overlap (migration
 * 0022).
 */
export const earlyCareerAssignments = pgTable(
  "early_career_assignments",
  {
    id: id(),
    ectId: text("ect_id")
      .notNull()
      .references(() => ects.id, { onDelete: "cascade" }),
    employingSchoolId: text("employing_school_id")
      .notNull()
      .references(() => schools.id),
    hostSchoolId: text("host_school_id")
      .notNull()
      .references(() => schools.id),
    purpose: text("purpose").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    status: assignmentStatus("status").notNull().default("proposed"),
    proposedBy: text("proposed_by").references(() => users.id, { onDelete: "set null" }),
    employerAcceptedBy: text("employer_accepted_by").references(() => users.id, { onDelete: "set null" }),
    employerAcceptedAt: timestamp("employer_accepted_at", { withTimezone: true }),
    hostAcceptedBy: text("host_accepted_by").references(() => users.id, { onDelete: "set null" }),
    hostAcceptedAt: timestamp("host_accepted_at", { withTimezone: true }),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("early_career_assignments_ect_idx").on(t.ectId),
    index("early_career_assignments_host_idx").on(t.hostSchoolId),
    check("early_career_assignments_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check("early_career_assignments_schools", sql`${t.hostSchoolId} <> ${t.employingSchoolId}`),
    check(
      "early_career_assignments_reason",
      sql`${t.status} NOT IN ('declined', 'withdrawn') OR length(${t.reason}) > 0`,
    ),
  ],
);
