import type { Executor } from "../../db/client";
import { calendarAction } from "../calendar/actions.server";
import { liveFeedCount } from "../calendar/feeds.server";
import { db } from "../services.server";
import { ownEct } from "./ects.server";

/**
 * "Subscribe to your calendar" for an ECT, on their own page (/induction): a secret feed of the sessions they hold a
 * place on, with their times. The page calls ectFeedCount in its loader, ectCalendarAction first in its action, and
 * shows app/calendar/components/calendar-panel.tsx with what="your training sessions".
 */

/** Live calendar links the ECT has made (0 for a user with no ECT record). */
export async function ectFeedCount(executor: Executor, userId: string): Promise<number> {
  const ectId = (await ownEct(executor, userId))?.id;
  return ectId ? liveFeedCount(executor, userId, "ect", ectId) : 0;
}

/** The calendar panel's answer, or null when the form is not the panel's or the user is no ECT. */
export async function ectCalendarAction(formData: FormData, userId: string) {
  const ectId = (await ownEct(db(), userId))?.id;
  return ectId ? calendarAction(formData, userId, "ect", ectId) : null;
}
