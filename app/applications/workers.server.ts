import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { remindReferees } from "./references.server";
import { applyRetention } from "./retention.server";
import { remindSavedClosing } from "./saved-vacancies.server";

export const REFERENCE_REMINDERS_QUEUE = "applications.reference-reminders";
export const RETENTION_QUEUE = "applications.retention";
export const SAVED_CLOSING_QUEUE = "applications.saved-closing";

/**
 * Referees who have not answered in three days get one reminder: checked every hour, so none waits long past it.
 * Retention runs every night, when nobody is shortlisting, and always logs its count: the log is the record that
 * it ran. Saved jobs closing tomorrow are reminded at 8am, in time to apply during the day.
 */
export const applicationWorkers: Workers = {
  queues: [REFERENCE_REMINDERS_QUEUE, RETENTION_QUEUE, SAVED_CLOSING_QUEUE],
  start: async (boss) => {
    await boss.work(REFERENCE_REMINDERS_QUEUE, async () => {
      const { connection, config, enqueue } = services();
      const sent = await remindReferees(connection.db, { appUrl: config.appUrl, enqueue }, new Date());
      if (sent > 0) console.log(`[applications] ${sent} referee(s) reminded`);
    });
    await boss.schedule(REFERENCE_REMINDERS_QUEUE, "23 * * * *", {}, { tz: "Europe/London" });
    await boss.work(RETENTION_QUEUE, async () => {
      const done = await applyRetention(services().connection.db, new Date());
      console.log(
        `[applications] retention: ${done.anonymised} application(s) anonymised, ${done.draftsDeleted} unsent draft(s) deleted`,
      );
    });
    await boss.schedule(RETENTION_QUEUE, "40 3 * * *", {}, { tz: "Europe/London" });
    await boss.work(SAVED_CLOSING_QUEUE, async () => {
      const { connection, config, enqueue } = services();
      const sent = await remindSavedClosing(connection.db, { appUrl: config.appUrl, enqueue }, new Date());
      if (sent > 0) console.log(`[applications] ${sent} saved job(s) closing tomorrow reminded`);
    });
    await boss.schedule(SAVED_CLOSING_QUEUE, "0 8 * * *", {}, { tz: "Europe/London" });
  },
};
