import type { Executor } from "../../db/client";
import { executeSqlOn } from "../../db/execute-sql";
import { runtime } from "../../db/runtime";

export const VACANCY_TRANSITIONS_QUEUE = "vacancies.transitions";

/**
 * Asks for a scheduler pass at `at` (a publish or closing moment), queued in the caller's transaction
 * so a rolled-back publish leaves no job. The every-minute schedule catches anything this misses.
 */
export async function queueTransitionCheck(executor: Executor, at: Date): Promise<void> {
  const boss = runtime().boss;
  if (!boss) return;
  await boss.send(VACANCY_TRANSITIONS_QUEUE, {}, { startAfter: at, db: { executeSql: executeSqlOn(executor) } });
}
