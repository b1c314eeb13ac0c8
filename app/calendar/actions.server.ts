import { json } from "@remix-run/node";
import { db, services } from "../services.server";
import { createFeed, revokeFeeds, type FeedKind } from "./feeds.server";

export type FeedReply = { intent: "calendar"; feedUrl: string | null; revoked: number };

/**
 * The calendar panel's buttons: "new" makes a secret link (shown once: only its hash is kept), "revoke" stops every
 * link this user made for this calendar. Null when the form was not the calendar panel's.
 */
export async function calendarAction(formData: FormData, userId: string, kind: FeedKind, subjectId: string) {
  const intent = formData.get("intent");
  if (intent !== "calendar") return null;
  if (formData.get("do") === "revoke") {
    const revoked = await revokeFeeds(db(), userId, kind, subjectId);
    return json<FeedReply>({ intent: "calendar", feedUrl: null, revoked });
  }
  const token = await createFeed(db(), userId, kind, subjectId);
  return json<FeedReply>({
    intent: "calendar",
    feedUrl: `${services().config.appUrl}/calendar/${token}.ics`,
    revoked: 0,
  });
}
