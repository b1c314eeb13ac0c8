import type PgBoss from "pg-boss";
import { deliverEmail } from "../../emails/deliver.server";
import { SEND_EMAIL_QUEUE, type SendEmailJob } from "../../emails/outbox.server";
import { devMailboxTransport, resendTransport, type EmailTransport } from "../../emails/transport.server";
import { services } from "../services.server";
import { deleteExpiredAuthRecords } from "../auth/cleanup.server";
import { applyDueTransitions } from "../vacancies/vacancies.server";
import { VACANCY_TRANSITIONS_QUEUE } from "../vacancies/transition-queue.server";
import { processImport, VACANCY_IMPORT_QUEUE, type VacancyImportJob } from "../vacancies/csv-import/import.server";
import { drainSearchSync, requestSearchSync, SEARCH_SYNC_QUEUE } from "../../search/sync.server";
import { runDueAlerts, type Frequency } from "../alerts/alerts.server";
import { reassessOpenVacancies } from "../pay/assessment.server";

export const PAY_REASSESS_QUEUE = "pay.reassess";

/** One queue per frequency: pg-boss 10 keeps one schedule per queue. */
export const ALERT_QUEUES: Record<Frequency, string> = { daily: "alerts.daily", weekly: "alerts.weekly" };

export const CLEANUP_QUEUE = "maintenance.cleanup";

/** Every queue the app uses; pg-boss 10 wants each created before anything is sent to it. */
export const QUEUES = [
  SEND_EMAIL_QUEUE,
  CLEANUP_QUEUE,
  VACANCY_TRANSITIONS_QUEUE,
  VACANCY_IMPORT_QUEUE,
  SEARCH_SYNC_QUEUE,
  ALERT_QUEUES.daily,
  ALERT_QUEUES.weekly,
  PAY_REASSESS_QUEUE,
] as const;

export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of QUEUES) await boss.createQueue(name);
}

export function emailTransport(): EmailTransport {
  const { config } = services();
  return config.resendApiKey ? resendTransport(config.resendApiKey, config.mailFrom) : devMailboxTransport;
}

/** Starts the workers and schedules of this process. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  const transport = emailTransport();
  await boss.work<SendEmailJob>(SEND_EMAIL_QUEUE, { batchSize: 5, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await deliverEmail(services().connection.db, transport, job.data.emailId);
  });
  await boss.work(CLEANUP_QUEUE, async () => {
    await deleteExpiredAuthRecords(services().connection.db, new Date());
  });
  await boss.schedule(CLEANUP_QUEUE, "17 * * * *", {}, { tz: "Europe/London" });
  // Scheduled publication and closing: a job is also queued for each exact moment (see
  // transition-queue.server.ts); this every-minute pass is the safety net.
  await boss.work(VACANCY_TRANSITIONS_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await applyDueTransitions(services().connection.db);
  });
  await boss.schedule(VACANCY_TRANSITIONS_QUEUE, "* * * * *", {});
  // Search sync: a job is queued with each change (search/sync.server.ts); the every-minute one is the safety
  // net, and picks up changes made while the engine was down or by scripts while the server was stopped.
  await boss.work(SEARCH_SYNC_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const { connection, search, enqueue } = services();
    const outcome = await drainSearchSync(connection.db, search);
    if (outcome.remaining > 0 && outcome.waiting === null) await requestSearchSync(connection.db, enqueue);
  });
  await boss.schedule(SEARCH_SYNC_QUEUE, "* * * * *", {});
  await boss.send(SEARCH_SYNC_QUEUE, {});
  // Job alerts at 7am London time: daily ones every day, weekly ones on Mondays. pg-boss runs each schedule once
  // however many processes there are; the alerts' delivery records stop a retried job sending anything twice.
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
  // Every night, each open vacancy's pay is compared again with the local picture as it now stands.
  await boss.work(PAY_REASSESS_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
    const report = await reassessOpenVacancies(services().connection.db);
    console.log(
      `[pay] nightly: ${report.assessed} of ${report.open} open vacancies assessed, ${report.changed} changed`,
    );
  });
  await boss.schedule(PAY_REASSESS_QUEUE, "30 2 * * *", {}, { tz: "Europe/London", expireInMinutes: 120 });
  await boss.work<VacancyImportJob>(VACANCY_IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await processImport(services().connection.db, services().enqueue, job.data.importId);
  });
}
