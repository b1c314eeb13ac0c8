import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { sendDueFairReminders } from "./notifications.server";

export const FAIR_REMINDERS_QUEUE = "fairs.reminders";

/**
 * Fair reminders are due at 08:00 London time the day before; checking every quarter hour sends them within minutes,
 * and a missed run is made up by the next, since each booking is reminded once whenever.
 */
export const fairWorkers: Workers = {
  queues: [FAIR_REMINDERS_QUEUE],
  start: async (boss) => {
    await boss.work(FAIR_REMINDERS_QUEUE, async () => {
      const { connection, config, enqueue } = services();
      const sent = await sendDueFairReminders(connection.db, { appUrl: config.appUrl, enqueue }, new Date());
      if (sent > 0) console.log(`[fairs] ${sent} fair reminder(s) queued`);
    });
    await boss.schedule(FAIR_REMINDERS_QUEUE, "*/15 * * * *", {}, { tz: "Europe/London" });
  },
};
