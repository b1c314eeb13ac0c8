import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { fairModes, followUpKinds } from "../../app/vocabulary/pool";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";
import { partnerships } from "./partnerships";
import { poolRounds } from "./pool";
import { schools } from "./schools";
import { vacancies } from "./vacancies";

/**
 * Recruitment fairs (ADR 0026): a partnership's day (at a host school or online) where schools list the roles they
 * expect to fill and offer short meeting slots that registered teachers book. The exclusion constraint that keeps one
 * teacher's bookings apart is in migration 0023.
 */

export const fairMode = pgEnum("fair_mode", fairModes);
export const fairFollowUpKind = pgEnum("fair_follow_up_kind", followUpKinds);

export const fairs = pgTable(
  "fairs",
  {
    id: id(),
    partnershipId: text("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    mode: fairMode("mode").notNull(),
    /** The host school of an in-person fair. */
    hostSchoolId: text("host_school_id").references(() => schools.id, { onDelete: "set null" }),
    place: text("place").notNull().default(""),
    /** The link an online fair's meetings use; shown only to registered teachers and the schools. */
    onlineUrl: text("online_url"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** The round a teacher can join in the same step as registering, if any. */
    poolRoundId: text("pool_round_id").references(() => poolRounds.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("fairs_partnership_idx").on(t.partnershipId, t.startsAt),
    check("fairs_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("fairs_where", sql`${t.mode} = 'online' OR ${t.hostSchoolId} IS NOT NULL`),
  ],
);

/** A school taking part in a fair. */
export const fairSchools = pgTable(
  "fair_schools",
  {
    fairId: text("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    /** Where to find the school on the day: a stand, a room, or its own meeting link. */
    stand: text("stand").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.schoolId] }), index("fair_schools_school_idx").on(t.schoolId)],
);

/** A role a school expects to fill, listed on the fair's page beforehand. */
export const fairRoles = pgTable(
  "fair_roles",
  {
    id: id(),
    fairId: text("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    phase: text("phase"),
    subject: text("subject"),
    contract: text("contract"),
    notes: text("notes").notNull().default(""),
    vacancyId: text("vacancy_id").references(() => vacancies.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("fair_roles_fair_idx").on(t.fairId, t.schoolId)],
);

/** A teacher registered for a fair. */
export const fairRegistrations = pgTable(
  "fair_registrations",
  {
    id: id(),
    fairId: text("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What they teach or hope to, in their words, for the schools they meet. */
    interests: text("interests").notNull().default(""),
    createdAt: createdAt(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("fair_registrations_key").on(t.fairId, t.userId)],
);

/** A short meeting a school offers at the fair. */
export const fairSlots = pgTable(
  "fair_slots",
  {
    id: id(),
    fairId: text("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: smallint("capacity").notNull().default(1),
    /** Who from the school meets them, if known. */
    withWhom: text("with_whom").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("fair_slots_fair_idx").on(t.fairId, t.schoolId, t.startsAt),
    check("fair_slots_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("fair_slots_capacity", sql`${t.capacity} BETWEEN 1 AND 20`),
  ],
);

/** A teacher's booking of a meeting slot; times copied so an EXCLUDE keeps one teacher's live bookings apart. */
export const fairBookings = pgTable(
  "fair_bookings",
  {
    id: id(),
    slotId: text("slot_id")
      .notNull()
      .references(() => fairSlots.id, { onDelete: "cascade" }),
    registrationId: text("registration_id")
      .notNull()
      .references(() => fairRegistrations.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    live: boolean("live").notNull().default(true),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("fair_bookings_live_key")
      .on(t.slotId, t.registrationId)
      .where(sql`${t.live}`),
    index("fair_bookings_registration_idx").on(t.registrationId, t.startsAt),
    check("fair_bookings_times", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * After the fair: a conversation the school wants to follow up, as an invitation to join the pool or to apply for a
 * vacancy, sent to the teacher.
 */
export const fairFollowUps = pgTable(
  "fair_follow_ups",
  {
    id: id(),
    fairId: text("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    registrationId: text("registration_id")
      .notNull()
      .references(() => fairRegistrations.id, { onDelete: "cascade" }),
    kind: fairFollowUpKind("kind").notNull(),
    vacancyId: text("vacancy_id").references(() => vacancies.id, { onDelete: "set null" }),
    message: text("message").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("fair_follow_ups_key").on(t.fairId, t.schoolId, t.registrationId, t.kind)],
);
