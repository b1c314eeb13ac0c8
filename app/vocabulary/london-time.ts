import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

const LONDON = "Europe/London";
// Made once: making a formatter took a fifth of a millisecond, 2.8 % of a vacancy page's time under load.
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: LONDON });
const LONDON_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: LONDON, year: "numeric", month: "2-digit" });

/** "2026-12-01T12:00" typed on a London clock → the moment it names (GMT or BST as the date requires). */
export function fromLondonLocal(local: string): Date | null {
  const m = local.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/);
  if (!m) return null;
  // The pattern has matched, so every part is there; the defaults only satisfy the type.
  const [, y = 0, mo = 0, d = 0, h = 0, mi = 0] = m.map(Number);
  const date = new TZDate(y, mo - 1, d, h, mi, 0, LONDON);
  // Reject dates that rolled over (31 February) rather than silently moving them.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h) return null;
  return new Date(date.getTime());
}

/** The moment as a London wall-clock value for a datetime-local input. */
export function toLondonLocal(moment: Date | string | null): string {
  if (!moment) return "";
  return format(new TZDate(new Date(moment).getTime(), LONDON), "yyyy-MM-dd'T'HH:mm");
}

/**
 * A moment on London's clock in a date-fns pattern. Each costs several time-zone look-ups (about a twentieth of a page of
 * search results' server time went on them) and pages show the same closing dates again and again, so the text of
 * each moment and pattern is remembered; the memory is emptied when it holds a few thousand.
 */
const remembered = new Map<string, string>();
const REMEMBERED_AT_MOST = 5_000;

function londonText(moment: Date | string, pattern: string): string {
  const at = new Date(moment).getTime();
  const key = `${pattern}|${at}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const text = format(new TZDate(at, LONDON), pattern);
  if (remembered.size >= REMEMBERED_AT_MOST) remembered.clear();
  remembered.set(key, text);
  return text;
}

/** "Tuesday 1 December 2026 at 12:00pm" */
export function formatLondon(moment: Date | string): string {
  return londonText(moment, "EEEE d MMMM yyyy 'at' h:mmaaa");
}

export function formatLondonDate(moment: Date | string): string {
  return londonText(moment, "d MMMM yyyy");
}

/** "2026-12" for `now` in London: the month a teacher's history runs to. */
export function londonMonth(now: Date): string {
  return LONDON_MONTH.format(now).slice(0, 7);
}

/** "2026-12-02": the date of `now` on London's clock (the day school days and views are counted on). */
export function londonToday(now: Date): string {
  return LONDON_DAY.format(now);
}

/** "Thursday 14 January 2027, 9:30am to 12:00pm": a span within one London day. */
export function formatLondonSpan(startsAt: Date | string, endsAt: Date | string): string {
  const on = (moment: Date | string, pattern: string) =>
    format(new TZDate(new Date(moment).getTime(), LONDON), pattern);
  return `${on(startsAt, "EEEE d MMMM yyyy, h:mmaaa")} to ${on(endsAt, "h:mmaaa")}`;
}
