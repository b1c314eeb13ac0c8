import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { remindReferees } from "./references.server";

export const REFERENCE_REMINDERS_QUEUE = "applications.reference-reminders";

/** Referees who have not answered in three days get one reminder; checked every hour, so none waits long past it. */
export const applicationWorkers: Workers = {
  queues: [REFERENCE_REMINDERS_QUEUE],
  start: async (boss) => {
    await boss.work(REFERENCE_REMINDERS_QUEUE, async () => {
      const { connection, config, enqueue } = services();
      const sent = await remindReferees(connection.db, { appUrl: config.appUrl, enqueue }, new Date());
      if (sent > 0) console.log(`[applications] ${sent} referee(s) reminded`);
    });
    await boss.schedule(REFERENCE_REMINDERS_QUEUE, "23 * * * *", {}, { tz: "Europe/London" });
  },
};
