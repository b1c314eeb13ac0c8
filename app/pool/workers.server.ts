import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { removeExpiredMembers } from "./privacy/privacy.server";

export const POOL_RETENTION_QUEUE = "pool.retention";

/**
 * Pool retention: once a day, members not appointed whose retain_until day has passed are removed (their anonymous
 * outcome rows stay). A missed run is made up by the next: the rule reads the day, not the run.
 */
export const poolWorkers: Workers = {
  queues: [POOL_RETENTION_QUEUE],
  start: async (boss) => {
    await boss.work(POOL_RETENTION_QUEUE, async () => {
      const { connection } = services();
      const removed = await connection.db.transaction((tx) => removeExpiredMembers(tx, new Date()));
      if (removed > 0) console.log(`[pool] ${removed} member(s) past their retention day removed`);
    });
    await boss.schedule(POOL_RETENTION_QUEUE, "30 2 * * *", {}, { tz: "Europe/London" });
  },
};
