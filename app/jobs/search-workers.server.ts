import { drainSearchSync, requestSearchSync, SEARCH_SYNC_QUEUE } from "../../search/sync.server";
import { services } from "../services.server";
import type { Workers } from "./workers";

/**
 * Search sync: a job is queued with each change (search/sync.server.ts); the every-minute one is the safety net,
 * and picks up changes made while the engine was down or by scripts while the server was stopped.
 */
export const searchWorkers: Workers = {
  queues: [SEARCH_SYNC_QUEUE],
  start: async (boss) => {
    await boss.work(SEARCH_SYNC_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
      const { connection, search, enqueue } = services();
      const outcome = await drainSearchSync(connection.db, search);
      if (outcome.remaining > 0 && outcome.waiting === null) await requestSearchSync(connection.db, enqueue);
    });
    await boss.schedule(SEARCH_SYNC_QUEUE, "* * * * *", {});
    await boss.send(SEARCH_SYNC_QUEUE, {});
  },
};
