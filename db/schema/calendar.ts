import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";

/**
 * A secret calendar feed URL: whose events it carries (a trainee, a school, a mentor or a provider) and who made it.
 * Only the token's SHA-256 is kept; revoking sets `revoked_at` and the URL stops answering.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    kind: text("kind").notNull(),
    subjectId: text("subject_id").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token_key").on(t.tokenHash),
    index("calendar_feeds_subject_idx").on(t.kind, t.subjectId),
    check("calendar_feeds_kind", sql`${t.kind} IN ('trainee', 'school', 'mentor', 'provider', 'ect', 'facilitator')`),
  ],
);
