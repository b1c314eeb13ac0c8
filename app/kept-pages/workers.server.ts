import type { Workers } from "../jobs/workers";
import { services } from "../services.server";
import { foldPageWrites } from "./kept-pages.server";

export const FOLD_PAGE_WRITES_QUEUE = "pages.fold-writes";

/** Every minute, page_writes' rows are folded into the generation's count (ADR 0041), so that reading it stays cheap. */
export const keptPageWorkers: Workers = {
  queues: [FOLD_PAGE_WRITES_QUEUE],
  start: async (boss) => {
    await boss.work(FOLD_PAGE_WRITES_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await foldPageWrites(services().connection.db);
    });
    await boss.schedule(FOLD_PAGE_WRITES_QUEUE, "* * * * *", {});
  },
};
