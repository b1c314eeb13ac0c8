import type { Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";

export const VACANCY_TRANSITIONS_QUEUE = "vacancies.transitions";

/**
 * Asks for a scheduler pass at `at` (a publish or closing moment), queued in the caller's transaction
 * so a rolled-back publish leaves no job. The every-minute schedule catches anything this misses.
 */
export async function queueTransitionCheck(executor: Executor, enqueue: Enqueue, at: Date): Promise<void> {
  await enqueue(executor, VACANCY_TRANSITIONS_QUEUE, {}, { startAfter: at });
}
