import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { runDueAlerts, type Frequency } from "./alerts.server";

/** One queue per frequency: pg-boss 10 keeps one schedule per queue. */
export const ALERT_QUEUES: Record<Frequency, string> = { daily: "alerts.daily", weekly: "alerts.weekly" };

/**
 * Job alerts at 7am London time: daily ones every day, weekly ones on Mondays. pg-boss runs each schedule once
 * however many processes there are; the alerts' delivery records stop a retried job sending anything twice.
 */
export const alertWorkers: Workers = {
  queues: [ALERT_QUEUES.daily, ALERT_QUEUES.weekly],
  start: async (boss) => {
    for (const [frequency, queue] of Object.entries(ALERT_QUEUES) as [Frequency, string][]) {
      await boss.work(queue, async () => {
        const { connection, search, config, enqueue } = services();
        const report = await runDueAlerts(connection.db, search, frequency, {
          enqueue,
          appUrl: config.appUrl,
          secret: config.sessionSecret,
        });
        console.log(
          `[alerts] ${frequency}: ${report.alerts} alerts, ${report.emailed} e-mailed, ${report.vacancies} vacancies, ${report.paused} paused`,
        );
      });
    }
    await boss.schedule(ALERT_QUEUES.daily, "0 7 * * *", {}, { tz: "Europe/London" });
    await boss.schedule(ALERT_QUEUES.weekly, "0 7 * * 1", {}, { tz: "Europe/London" });
  },
};
