import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { reassessOpenVacanciesBatched } from "./nightly.server";

export const PAY_REASSESS_QUEUE = "pay.reassess";

/** Every night, each open vacancy's pay is compared again with the local picture as it now stands (app/pay/nightly.server.ts). */
export const payWorkers: Workers = {
  queues: [PAY_REASSESS_QUEUE],
  start: async (boss) => {
    await boss.work(PAY_REASSESS_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      const report = await reassessOpenVacanciesBatched(services().connection.db);
      console.log(
        `[pay] nightly: ${report.assessed} of ${report.open} open vacancies assessed (${report.skipped} unchanged), ${report.changed} changed`,
      );
    });
    await boss.schedule(PAY_REASSESS_QUEUE, "30 2 * * *", {}, { tz: "Europe/London", expireInMinutes: 120 });
  },
};
