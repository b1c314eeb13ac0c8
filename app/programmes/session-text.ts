import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** How a session's time and place read in pages and e-mails (London time; no database). */

const LONDON = "Europe/London";
const onLondonClock = (moment: Date | string, pattern: string) =>
  format(new TZDate(new Date(moment).getTime(), LONDON), pattern);

/** "Thursday 14 January 2027, 9:30am to 12:00pm" */
export function sessionWhen(startsAt: Date | string, endsAt: Date | string): string {
  return `${onLondonClock(startsAt, "EEEE d MMMM yyyy, h:mmaaa")} to ${onLondonClock(endsAt, "h:mmaaa")}`;
}

/** The London date and times of a session, as its form shows them. */
export function sessionClock(startsAt: Date | string, endsAt: Date | string) {
  return {
    date: onLondonClock(startsAt, "yyyy-MM-dd"),
    startTime: onLondonClock(startsAt, "HH:mm"),
    endTime: onLondonClock(endsAt, "HH:mm"),
  };
}

export type Venue = { online: boolean; room: string | null; schoolName: string | null; schoolTown: string | null };

/** "Online", or "Room 4, Northbrook Academy, Sale". */
export function venueText(v: Venue): string {
  if (v.online) return "Online";
  return [v.room, v.schoolName, v.schoolTown].filter(Boolean).join(", ");
}

/** What a change to a session's time or place says to the people booked on it; empty when neither changed. */
export function describeChange(
  before: { startsAt: Date | string; endsAt: Date | string; venue: Venue },
  after: { startsAt: Date | string; endsAt: Date | string; venue: Venue },
): string[] {
  const changes: string[] = [];
  const was = sessionWhen(before.startsAt, before.endsAt);
  const now = sessionWhen(after.startsAt, after.endsAt);
  if (was !== now) changes.push(`Time: now ${now} (was ${was})`);
  const wasVenue = venueText(before.venue);
  const nowVenue = venueText(after.venue);
  if (wasVenue !== nowVenue) changes.push(`Place: now ${nowVenue} (was ${wasVenue})`);
  return changes;
}
