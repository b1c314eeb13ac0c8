import { index, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/** `suppressed`: not sent, because the address is undeliverable and the mail is not a security mail. */
export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed", "suppressed"]);

/**
 * Every outgoing mail, written in the transaction that causes it. The send job reads it from here,
 * so a rolled-back change leaves no mail. With the dev transport this table is the dev mailbox.
 */
export const emails = pgTable(
  "emails",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    template: text("template").notNull(),
    /** Extra headers for the mail, e.g. List-Unsubscribe on job alerts. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    status: emailStatus("status").notNull().default("queued"),
    transport: text("transport"),
    providerId: text("provider_id"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("emails_to_idx").on(t.to), index("emails_created_idx").on(t.createdAt)],
);

export const undeliverableReason = pgEnum("undeliverable_reason", ["bounced", "complained"]);

/**
 * Addresses the mail provider reported as undeliverable (a permanent bounce) or as having marked our mail as spam
 * (a complaint). Only security mail (sign-in, reset, confirmation) is still sent to them, until the owner changes
 * the address or says it works again. Stored lower-cased, as users.email is.
 */
export const undeliverableAddresses = pgTable("undeliverable_addresses", {
  email: text("email").primaryKey(),
  reason: undeliverableReason("reason").notNull(),
  /** The provider's short classification (for example "Permanent / General"), never the message text. */
  detail: text("detail"),
  providerEmailId: text("provider_email_id"),
  reportedAt: timestamp("reported_at", { withTimezone: true }).notNull().defaultNow(),
});
