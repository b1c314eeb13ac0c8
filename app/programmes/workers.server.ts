import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { sendDueReminders } from "./notifications.server";

export const SESSION_REMINDERS_QUEUE = "programmes.session-reminders";

/**
 * Session reminders are due at 08:00 London time two days before; checking every quarter hour sends each within
 * minutes of its time, and a missed run (a restart) is made up by the next, since a reminder is sent once whenever.
 */
export const programmeWorkers: Workers = {
  queues: [SESSION_REMINDERS_QUEUE],
  start: async (boss) => {
    await boss.work(SESSION_REMINDERS_QUEUE, async () => {
      const { connection, config, enqueue } = services();
      const sent = await sendDueReminders(connection.db, { appUrl: config.appUrl, enqueue }, new Date());
      if (sent > 0) console.log(`[programmes] ${sent} session reminder(s) queued`);
    });
    await boss.schedule(SESSION_REMINDERS_QUEUE, "*/15 * * * *", {}, { tz: "Europe/London" });
  },
};
