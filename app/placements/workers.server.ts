import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { releaseExpiredHolds } from "./waitlist.server";

export const PLACEMENT_HOLDS_QUEUE = "placements.holds";

/**
 * Places held from a waiting list end at midnight (London time) on their last day; every five minutes the holds
 * that have ended are released and each place is offered to the next trainee waiting.
 */
export const placementWorkers: Workers = {
  queues: [PLACEMENT_HOLDS_QUEUE],
  start: async (boss) => {
    await boss.work(PLACEMENT_HOLDS_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
      const { connection, config, enqueue } = services();
      const released = await releaseExpiredHolds(connection.db, { appUrl: config.appUrl, enqueue }, new Date());
      if (released > 0) console.log(`[placements] ${released} held place(s) lapsed and passed on`);
    });
    await boss.schedule(PLACEMENT_HOLDS_QUEUE, "*/5 * * * *", {}, { tz: "Europe/London" });
  },
};
