import type PgBoss from "pg-boss";
import { alertWorkers } from "../alerts/workers.server";
import { applicationWorkers } from "../applications/workers.server";
import { authWorkers } from "../auth/workers.server";
import { payWorkers } from "../pay/workers.server";
import { placementWorkers } from "../placements/workers.server";
import { fairWorkers } from "../fairs/workers.server";
import { keptPageWorkers } from "../kept-pages/workers.server";
import { poolWorkers } from "../pool/workers.server";
import { programmeWorkers } from "../programmes/workers.server";
import { vacancyWorkers } from "../vacancies/workers.server";
import { emailWorkers } from "./email-workers.server";
import { searchWorkers } from "./search-workers.server";
import type { Workers } from "./workers";

/** Each capability's queues and workers (its `workers.server.ts`), started in this order. */
const ALL: readonly Workers[] = [
  emailWorkers,
  authWorkers,
  vacancyWorkers,
  searchWorkers,
  alertWorkers,
  payWorkers,
  placementWorkers,
  applicationWorkers,
  programmeWorkers,
  fairWorkers,
  poolWorkers,
  keptPageWorkers,
];

/** Every queue the app uses; pg-boss 10 wants each created before anything is sent to it. */
export const QUEUES: readonly string[] = ALL.flatMap((w) => w.queues);

export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of QUEUES) await boss.createQueue(name);
}

/** Starts the workers and schedules of this process. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  for (const workers of ALL) await workers.start(boss);
}
