import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** How a fair's and a meeting's times and place read in pages and e-mails (London time; no database). */

const LONDON = "Europe/London";
const onLondonClock = (moment: Date | string, pattern: string) =>
  format(new TZDate(new Date(moment).getTime(), LONDON), pattern);

/** "Friday 12 March 2027, 10:00am to 3:00pm" */
export function fairWhen(startsAt: Date | string, endsAt: Date | string): string {
  return `${onLondonClock(startsAt, "EEEE d MMMM yyyy, h:mmaaa")} to ${onLondonClock(endsAt, "h:mmaaa")}`;
}

/** "10:15am to 10:30am, Friday 12 March 2027" */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string): string {
  return `${onLondonClock(startsAt, "h:mmaaa")} to ${onLondonClock(endsAt, "h:mmaaa")}, ${onLondonClock(startsAt, "EEEE d MMMM yyyy")}`;
}

/** "10:15am" */
export const clock = (moment: Date | string) => onLondonClock(moment, "h:mmaaa");

/** "In person at Northbrook Academy (Main hall)", or "Online". */
export function fairWhere(f: { mode: "in_person" | "online"; hostSchoolName: string | null; place: string }): string {
  if (f.mode === "online") return "Online";
  const at = f.hostSchoolName ?? "the host school";
  return f.place ? `In person at ${at} (${f.place})` : `In person at ${at}`;
}
