import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { roles, scopeKinds } from "../../app/vocabulary/roles";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { organisations } from "./organisations";
import { partnerships } from "./partnerships";
import { schools } from "./schools";

export const role = pgEnum("role", roles);

export const scopeKind = pgEnum("scope_kind", scopeKinds);

/**
 * A user's role somewhere: at a school, at an organisation (trust, LA, provider) or across a partnership.
 * Teachers and trainees hold their role at the partnership whose pool they join.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    scopeKind: scopeKind("scope_kind").notNull(),
    schoolId: text("school_id").references(() => schools.id),
    organisationId: text("organisation_id").references(() => organisations.id),
    partnershipId: text("partnership_id").references(() => partnerships.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("memberships_user_idx").on(t.userId),
    uniqueIndex("memberships_unique_key").on(
      t.userId,
      t.role,
      sql`coalesce(${t.schoolId}, ${t.organisationId}, ${t.partnershipId})`,
    ),
    check(
      "memberships_one_scope",
      sql`(${t.scopeKind} = 'school' AND ${t.schoolId} IS NOT NULL AND ${t.organisationId} IS NULL AND ${t.partnershipId} IS NULL)
       OR (${t.scopeKind} = 'organisation' AND ${t.organisationId} IS NOT NULL AND ${t.schoolId} IS NULL AND ${t.partnershipId} IS NULL)
       OR (${t.scopeKind} = 'partnership' AND ${t.partnershipId} IS NOT NULL AND ${t.schoolId} IS NULL AND ${t.organisationId} IS NULL)`,
    ),
  ],
);

/** An invitation to take a role; accepted by signing up or signing in with the invited address. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    email: text("email").notNull(),
    role: role("role").notNull(),
    scopeKind: scopeKind("scope_kind").notNull(),
    schoolId: text("school_id").references(() => schools.id),
    organisationId: text("organisation_id").references(() => organisations.id),
    partnershipId: text("partnership_id").references(() => partnerships.id),
    tokenHash: text("token_hash").notNull(),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token_key").on(t.tokenHash), index("invitations_email_idx").on(t.email)],
);
