import { Form } from "@remix-run/react";

/** Subscribe to a calendar by a secret link, or revoke the links made so far. */
export function CalendarPanel({
  live,
  reply,
  what,
  shows = "the placements",
}: {
  live: number;
  reply?: { intent?: string; feedUrl?: string | null; revoked?: number };
  what: string;
  /** What anyone holding the link can see. */
  shows?: string;
}) {
  const feed = reply?.intent === "calendar" ? reply : undefined;
  return (
    <section className="panel" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar</h2>
      <p>
        Add {what} to your calendar app (Outlook, Google, Apple) by subscribing to a secret link. Anyone with the link
        can see {shows}, so keep it to yourself; revoke it if it leaks.
      </p>
      {feed?.feedUrl ? (
        <p role="status">
          Your calendar link (shown only now): <a href={feed.feedUrl}>{feed.feedUrl}</a>
        </p>
      ) : null}
      {feed && feed.revoked ? <p role="status">Revoked {feed.revoked} calendar link(s).</p> : null}
      <Form method="post">
        <input type="hidden" name="intent" value="calendar" />
        <button type="submit" className="button button--secondary" name="do" value="new">
          {live > 0 ? "Make a new calendar link" : "Get a calendar link"}
        </button>
        {live > 0 ? (
          <button type="submit" className="button button--secondary" name="do" value="revoke">
            Revoke calendar links ({live})
          </button>
        ) : null}
      </Form>
    </section>
  );
}
