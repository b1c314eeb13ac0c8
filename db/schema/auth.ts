import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased and trimmed; the unique index makes sign-up races safe. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/**
 * Lucia's session table. `id` is the SHA-256 (hex) of the token in the cookie, never the token.
 * `expires_at` is the idle expiry Lucia slides; `absolute_expires_at` is never extended.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true, mode: "date" }).notNull(),
    /**
     * When this session gave its second factor. A session of a user with a second factor (or whose role needs one)
     * grants nothing until this is set: it only lets its holder give a code or set a factor up (ADR 0020).
     */
    secondFactorVerifiedAt: timestamp("second_factor_verified_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * A user's TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s). `secret` is the active key (base32), in force from
 * `enabled_at`; `pending_secret` is a key being set up or replacing it, until a code from it confirms it.
 * `last_used_step` is the time step of the last accepted code: a code is accepted only for a later step, so no code
 * works twice. The key cannot be hashed (the server must compute codes from it); see ADR 0020.
 */
export const secondFactors = pgTable("second_factors", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret"),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastUsedStep: integer("last_used_step"),
  pendingSecret: text("pending_secret"),
  pendingSince: timestamp("pending_since", { withTimezone: true }),
  /**
   * New recovery codes are owed to the owner's next view of the set-up page, which makes them, stores their hashes
   * and shows them once. Made on that page rather than in the form post, so that the post can end with a redirect
   * (its new session cookie then reaches the browser before any page needs it, with or without JavaScript).
   */
  recoveryCodesDue: boolean("recovery_codes_due").notNull().default(false),
  createdAt: createdAt(),
});

/** Single-use recovery codes for when the authenticator is lost; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const tokenPurpose = pgEnum("token_purpose", ["verify_email", "reset_password"]);

/** Single-use e-mail tokens; only their SHA-256 is stored. */
export const userTokens = pgTable(
  "user_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: tokenPurpose("purpose").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("user_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Fixed-window counters for rate limits, kept in Postgres so every web process shares them. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);
