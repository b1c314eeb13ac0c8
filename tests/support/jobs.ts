import type { Enqueue } from "../../db/jobs";
import { services } from "../../app/services.server";

/** The test runtime's enqueue, looked up when a job is sent (the services start in beforeAll, after imports). */
export const enqueueLater: Enqueue = (executor, queue, data, options) =>
  services().enqueue(executor, queue, data, options);
