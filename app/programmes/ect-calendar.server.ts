import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { calendarAction } from "../calendar/actions.server";
import { liveFeedCount } from "../calendar/feeds.server";
import { db } from "../services.server";

/**
 * "Subscribe to your calendar" for an ECT, on their own page (/induction): a secret feed of the sessions they hold a
 * place on, with their times. The page calls ectFeedCount in its loader, ectCalendarAction first in its action, and
 * shows app/calendar/components/calendar-panel.tsx with what="your training sessions".
 */

/** The ECT record of this user's own, or null. */
export async function ownEctId(executor: Executor, userId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await executor.execute(sql`SELECT id FROM ects WHERE user_id = ${userId} ORDER BY created_at LIMIT 1`),
  );
  return row?.id ?? null;
}

/** Live calendar links the ECT has made (0 for a user with no ECT record). */
export async function ectFeedCount(executor: Executor, userId: string): Promise<number> {
  const ectId = await ownEctId(executor, userId);
  return ectId ? liveFeedCount(executor, userId, "ect", ectId) : 0;
}

/** The calendar panel's answer, or null when the form is not the panel's or the user is no ECT. */
export async function ectCalendarAction(formData: FormData, userId: string) {
  const ectId = await ownEctId(db(), userId);
  return ectId ? calendarAction(formData, userId, "ect", ectId) : null;
}
