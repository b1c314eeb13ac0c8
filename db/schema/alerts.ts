import { index, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { emails } from "./emails";
import { vacancies } from "./vacancies";

export const alertFrequency = pgEnum("alert_frequency", ["daily", "weekly"]);

/**
 * A teacher's saved search, e-mailed daily or weekly. `search` is the search page's canonical query string, as
 * saved: option values are mapped to their current names when it runs (app/vacancy-search/option-history.ts).
 */
export const jobAlerts = pgTable(
  "job_alerts",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    search: text("search").notNull(),
    /** What the teacher saw when saving, e.g. "“maths” within 5 miles of M33 6AA · Phase: Secondary". */
    summary: text("summary").notNull(),
    frequency: alertFrequency("frequency").notNull(),
    createdAt: createdAt(),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
    /** Set when the saved search can no longer run as saved (a retired option, a place no longer found). */
    problem: text("problem"),
  },
  (t) => [
    index("job_alerts_user_idx").on(t.userId, t.createdAt),
    index("job_alerts_due_idx").on(t.frequency, t.unsubscribedAt),
  ],
);

/** Each vacancy an alert has sent, so no vacancy is sent twice by the same alert. */
export const jobAlertDeliveries = pgTable(
  "job_alert_deliveries",
  {
    alertId: text("alert_id")
      .notNull()
      .references(() => jobAlerts.id, { onDelete: "cascade" }),
    vacancyId: text("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    emailId: text("email_id").references(() => emails.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.vacancyId] })],
);
