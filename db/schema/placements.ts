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
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { invitations } from "./memberships";
import { organisations } from "./organisations";
import { partnerships } from "./partnerships";
import { schools } from "./schools";
import {
  agreementStatuses,
  bookingStates,
  hostingInterests,
  offerStatuses,
  waitlistStatuses,
} from "../../app/vocabulary/placements";

/**
 * Academic years are named by the calendar year they start in: 2026 is 2026/27 (1 September to 31 August).
 */

export const agreementStatus = pgEnum("placement_agreement_status", agreementStatuses);

/** An ITT provider and a school agree to work together for one academic year. */
export const placementAgreements = pgTable(
  "placement_agreements",
  {
    id: id(),
    providerId: text("provider_id")
      .notNull()
      .references(() => organisations.id),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    academicYear: integer("academic_year").notNull(),
    status: agreementStatus("status").notNull(),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    /** Which side asked: the other side accepts. */
    requestedBySide: text("requested_by_side").notNull(),
    withdrawnReason: text("withdrawn_reason"),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("placement_agreements_key").on(t.providerId, t.schoolId, t.academicYear),
    index("placement_agreements_school_idx").on(t.schoolId),
    check("placement_agreements_side", sql`${t.requestedBySide} IN ('provider', 'school')`),
    check("placement_agreements_withdrawn_reason", sql`${t.status} <> 'withdrawn' OR ${t.withdrawnReason} IS NOT NULL`),
  ],
);

export const offerStatus = pgEnum("placement_offer_status", offerStatuses);

/** A school's offer of placement places for one academic year. */
export const placementOffers = pgTable(
  "placement_offers",
  {
    id: id(),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    academicYear: integer("academic_year").notNull(),
    phase: text("phase").notNull(),
    /** Secondary subjects; empty for primary, where key stage says it. */
    subjects: text("subjects")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    keyStage: text("key_stage"),
    send: boolean("send").notNull().default(false),
    yearGroups: text("year_groups")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * The span of the offer's date windows: the first day of the first to the last day of the last (inclusive). The
     * windows themselves, which bookings must fall inside, are placement_offer_windows; the span serves sorting and
     * names the offer in messages.
     */
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    places: integer("places").notNull(),
    notes: text("notes"),
    status: offerStatus("status").notNull().default("open"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("placement_offers_school_idx").on(t.schoolId, t.academicYear),
    index("placement_offers_open_idx")
      .on(t.academicYear, t.phase)
      .where(sql`${t.status} = 'open'`),
    check("placement_offers_window", sql`${t.endsOn} >= ${t.startsOn}`),
    check("placement_offers_places", sql`${t.places} BETWEEN 1 AND 50`),
  ],
);

/**
 * The date windows of an offer (autumn and spring, say); a booking must fall inside one of them. Every offer has at
 * least one: a trigger (migration 0021) gives a new offer its span as its window, which the app replaces when the
 * school chose several, so an offer written straight in SQL (seed, benchmark) is bookable as before.
 */
export const placementOfferWindows = pgTable(
  "placement_offer_windows",
  {
    offerId: text("offer_id")
      .notNull()
      .references(() => placementOffers.id, { onDelete: "cascade" }),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.offerId, t.startsOn] }),
    check("placement_offer_windows_order", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The mentors a school names for an offer; one of them is named on each accepted booking. */
export const placementOfferMentors = pgTable(
  "placement_offer_mentors",
  {
    offerId: text("offer_id")
      .notNull()
      .references(() => placementOffers.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.userId] })],
);

export const hostingInterest = pgEnum("placement_hosting_interest", hostingInterests);

/** A school's stance on hosting trainees for a year, as the national directory records it. */
export const placementHosting = pgTable(
  "placement_hosting",
  {
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    academicYear: integer("academic_year").notNull(),
    interest: hostingInterest("interest").notNull(),
    reasons: text("reasons"),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.academicYear] })],
);

/** Closure and INSET days a school marks: not school days for a trainee there. */
export const schoolClosureDays = pgTable(
  "school_closure_days",
  {
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.day] }),
    check("school_closure_days_kind", sql`${t.kind} IN ('closure', 'inset')`),
  ],
);

/** A trainee registered by a provider; `userId` is set once they accept the invitation. */
export const trainees = pgTable(
  "trainees",
  {
    id: id(),
    providerId: text("provider_id")
      .notNull()
      .references(() => organisations.id),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    route: text("route").notNull(),
    subject: text("subject").notNull(),
    phase: text("phase").notNull(),
    programmeStartsOn: date("programme_starts_on", { mode: "string" }).notNull(),
    programmeEndsOn: date("programme_ends_on", { mode: "string" }).notNull(),
    /** Days in school the programme is designed around: 120 for a one-year postgraduate route. */
    targetDays: integer("target_days").notNull().default(120),
    homeArea: text("home_area"),
    homeLat: doublePrecision("home_lat"),
    homeLng: doublePrecision("home_lng"),
    maxTravelMiles: integer("max_travel_miles"),
    /** When the provider marked the rotation complete: only with placements completed at two or more schools. */
    rotationCompletedAt: timestamp("rotation_completed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("trainees_provider_email_key").on(t.providerId, sql`lower(${t.email})`),
    index("trainees_user_idx").on(t.userId),
    check("trainees_programme", sql`${t.programmeEndsOn} > ${t.programmeStartsOn}`),
  ],
);

export const bookingState = pgEnum("placement_booking_state", bookingStates);

/**
 * One place on an offer for one trainee and dates inside the offer's window. The exclusion constraint that keeps
 * one trainee's active bookings apart is in migration 0013 (drizzle-kit cannot express EXCLUDE).
 */
export const placementBookings = pgTable(
  "placement_bookings",
  {
    id: id(),
    traineeId: text("trainee_id")
      .notNull()
      .references(() => trainees.id, { onDelete: "cascade" }),
    offerId: text("offer_id")
      .notNull()
      .references(() => placementOffers.id),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id),
    providerId: text("provider_id")
      .notNull()
      .references(() => organisations.id),
    /** A, B, C or the intensive training and practice block. */
    label: text("label").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    state: bookingState("state").notNull().default("requested"),
    mentorUserId: text("mentor_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    /** Why the coordinator booked a school beyond the trainee's travel limit: kept with the booking. */
    travelOverrideReason: text("travel_override_reason"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("placement_bookings_offer_idx")
      .on(t.offerId)
      .where(sql`${t.state} NOT IN ('declined', 'cancelled')`),
    index("placement_bookings_trainee_idx").on(t.traineeId),
    index("placement_bookings_school_idx").on(t.schoolId, t.state),
    index("placement_bookings_provider_idx").on(t.providerId, t.state),
    index("placement_bookings_mentor_idx")
      .on(t.mentorUserId)
      .where(sql`${t.mentorUserId} IS NOT NULL`),
    check("placement_bookings_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check("placement_bookings_label", sql`${t.label} IN ('A', 'B', 'C', 'training_block')`),
    check(
      "placement_bookings_reason",
      sql`${t.state} NOT IN ('declined', 'cancelled') OR coalesce(length(${t.reason}), 0) > 0`,
    ),
    check(
      "placement_bookings_mentor",
      sql`${t.state} NOT IN ('confirmed', 'completed') OR ${t.mentorUserId} IS NOT NULL`,
    ),
  ],
);

/** Per-partnership placement settings; absent means the defaults (a mentor takes at most 2 trainees at once). */
export const placementSettings = pgTable("placement_settings", {
  partnershipId: text("partnership_id")
    .primaryKey()
    .references(() => partnerships.id, { onDelete: "cascade" }),
  mentorCap: integer("mentor_cap").notNull().default(2),
  /** How many school days a freed place is held for the next trainee on the waiting list. */
  holdSchoolDays: integer("hold_school_days").notNull().default(3),
});

export const waitlistStatus = pgEnum("placement_waitlist_status", waitlistStatuses);

/**
 * Trainees waiting for a place on a full offer, first come first served. A freed place is held for the first
 * waiting trainee until `heldUntil`; a held entry counts against the offer's places, so nobody else takes it.
 */
export const placementWaitlist = pgTable(
  "placement_waitlist",
  {
    id: id(),
    offerId: text("offer_id")
      .notNull()
      .references(() => placementOffers.id, { onDelete: "cascade" }),
    traineeId: text("trainee_id")
      .notNull()
      .references(() => trainees.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    status: waitlistStatus("status").notNull().default("waiting"),
    heldUntil: timestamp("held_until", { withTimezone: true }),
    bookingId: text("booking_id").references(() => placementBookings.id, { onDelete: "set null" }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("placement_waitlist_live_key")
      .on(t.offerId, t.traineeId)
      .where(sql`${t.status} IN ('waiting', 'held')`),
    index("placement_waitlist_queue_idx")
      .on(t.offerId, t.createdAt)
      .where(sql`${t.status} IN ('waiting', 'held')`),
    index("placement_waitlist_trainee_idx").on(t.traineeId),
    index("placement_waitlist_held_idx")
      .on(t.heldUntil)
      .where(sql`${t.status} = 'held'`),
    check("placement_waitlist_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check("placement_waitlist_label", sql`${t.label} IN ('A', 'B', 'C', 'training_block')`),
    check("placement_waitlist_held", sql`${t.status} <> 'held' OR ${t.heldUntil} IS NOT NULL`),
  ],
);
