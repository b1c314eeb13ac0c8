import type { LoaderFunctionArgs } from "@remix-run/node";
import { db, services } from "../services.server";
import { notFound } from "../auth/guards.server";
import { feedCalendar } from "../calendar/feeds.server";

/** A secret calendar feed (iCalendar). The token is the only key: calendar apps send no cookies. */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const body = await feedCalendar(db(), token, services().config.appUrl);
  if (body === null) throw notFound("This calendar link is not valid, or has been revoked");
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="placements.ics"',
    },
  });
}
