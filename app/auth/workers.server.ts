import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { deleteExpiredAuthRecords } from "./cleanup.server";

export const CLEANUP_QUEUE = "maintenance.cleanup";

/** Expired sessions and tokens are deleted every hour. */
export const authWorkers: Workers = {
  queues: [CLEANUP_QUEUE],
  start: async (boss) => {
    await boss.work(CLEANUP_QUEUE, async () => {
      await deleteExpiredAuthRecords(services().connection.db, new Date());
    });
    await boss.schedule(CLEANUP_QUEUE, "17 * * * *", {}, { tz: "Europe/London" });
  },
};
