import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { vacancies } from "../../db/schema";
import { dueTransition } from "./lifecycle";
import { applyTransition, lifecycleOf } from "./lifecycle.server";

/**
 * What the clock does: publish scheduled vacancies whose time has come and close live ones past their
 * closing moment. Run every minute by the scheduler; safe to run twice.
 */
export async function applyDueTransitions(
  db: Database,
  now = new Date(),
): Promise<{ published: number; closed: number }> {
  // Two ordered scans, each served by its partial index (vacancies_due_close_idx, vacancies_due_publish_idx):
  // one OR'd query led the planner to scan every vacancy.
  const at = now.toISOString();
  const [closing, publishing] = await Promise.all([
    db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} IN ('published', 'scheduled') AND ${vacancies.closesAt} <= ${at}`)
      .orderBy(vacancies.closesAt)
      .limit(1000),
    db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} = 'scheduled' AND ${vacancies.publishAt} <= ${at}`)
      .orderBy(vacancies.publishAt)
      .limit(1000),
  ]);
  const due = [...new Map([...closing, ...publishing].map((v) => [v.id, v])).values()];
  let published = 0;
  let closed = 0;
  for (const v of due) {
    await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(vacancies).where(eq(vacancies.id, v.id)).for("update");
      const transition = locked ? dueTransition(lifecycleOf(locked), now) : null;
      if (!locked || !transition) return;
      await applyTransition(tx, locked, transition, now, null, "By the scheduler");
      if (transition.to === "published") published++;
      else closed++;
    });
  }
  return { published, closed };
}
