import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { processImport, VACANCY_IMPORT_QUEUE, type VacancyImportJob } from "./csv-import/import.server";
import { applyDueTransitions } from "./scheduler.server";
import { VACANCY_TRANSITIONS_QUEUE } from "./transition-queue.server";

export const vacancyWorkers: Workers = {
  queues: [VACANCY_TRANSITIONS_QUEUE, VACANCY_IMPORT_QUEUE],
  start: async (boss) => {
    // Scheduled publication and closing: a job is also queued for each exact moment (see
    // transition-queue.server.ts); this every-minute pass is the safety net.
    await boss.work(VACANCY_TRANSITIONS_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
      await applyDueTransitions(services().connection.db);
    });
    await boss.schedule(VACANCY_TRANSITIONS_QUEUE, "* * * * *", {});
    await boss.work<VacancyImportJob>(VACANCY_IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await processImport(services().connection.db, services().enqueue, job.data.importId);
    });
  },
};
