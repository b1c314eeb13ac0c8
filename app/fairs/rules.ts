import { addDays, format, parseISO } from "date-fns";
import { fromLondonLocal, londonToday } from "../vocabulary/london-time";

/**
 * The pure rules of recruitment fairs: a school's run of meeting slots within the fair's hours, clashes between a
 * teacher's meetings, when registration and booking close, and when the reminders go. Nothing here reads the
 * database.
 */

export type Span = { startsAt: Date; endsAt: Date };

/** A fair's or a slot's times typed on a London clock: the moments, or the field that names a time that never was. */
export function londonSpan(
  date: string,
  startTime: string,
  endTime: string,
  fields: { start: string; end: string } = { start: "startTime", end: "endTime" },
): { ok: true; span: Span } | { ok: false; fieldErrors: Record<string, string[]> } {
  const startsAt = fromLondonLocal(`${date}T${startTime}`);
  const endsAt = fromLondonLocal(`${date}T${endTime}`);
  const fieldErrors: Record<string, string[]> = {};
  const missing = "does not exist in London on that day: the clocks change then";
  if (!startsAt) fieldErrors[fields.start] = [`${startTime} ${missing}`];
  if (!endsAt) fieldErrors[fields.end] = [`${endTime} ${missing}`];
  if (!startsAt || !endsAt) return { ok: false, fieldErrors };
  if (endsAt <= startsAt) return { ok: false, fieldErrors: { [fields.end]: ["The end must be after the start"] } };
  return { ok: true, span: { startsAt, endsAt } };
}

/** The most slots one run may make: a whole day of five-minute meetings. */
const MAX_SLOTS_PER_RUN = 150;

/**
 * Back-to-back meetings of `minutes` from `run.startsAt`, as many as fit whole before `run.endsAt`. The run must lie
 * within the fair's hours; a run too short for one meeting makes none. Answers with the field a problem belongs to.
 */
export function slotRun(
  fair: Span,
  run: Span,
  minutes: number,
): { ok: true; slots: Span[] } | { ok: false; field: "startTime" | "endTime" | "minutes"; message: string } {
  if (run.startsAt < fair.startsAt)
    return { ok: false, field: "startTime", message: "Start the meetings no earlier than the fair opens" };
  if (run.endsAt > fair.endsAt)
    return { ok: false, field: "endTime", message: "End the meetings no later than the fair closes" };
  const step = minutes * 60_000;
  const slots: Span[] = [];
  for (let t = run.startsAt.getTime(); t + step <= run.endsAt.getTime(); t += step)
    slots.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
  if (slots.length === 0)
    return { ok: false, field: "minutes", message: `No ${minutes}-minute meeting fits between the start and the end` };
  if (slots.length > MAX_SLOTS_PER_RUN)
    return { ok: false, field: "minutes", message: `That makes over ${MAX_SLOTS_PER_RUN} meetings: use longer ones` };
  return { ok: true, slots };
}

/** Whether two meetings overlap; one ending as the other starts is no clash (half-open, as in the database). */
export function overlaps(a: Span, b: Span): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The meetings among `booked` that `candidate` would clash with. */
export function clashesWith<T extends Span>(candidate: Span, booked: readonly T[]): T[] {
  return booked.filter((b) => overlaps(candidate, b));
}

/** Registering, and booking, close when the fair starts. */
export function fairIsOpen(fair: { startsAt: Date | string }, now: Date): boolean {
  return now < new Date(fair.startsAt);
}

/** Follow-ups are marked once the fair has started: they are about conversations that happened. */
export function fairHasStarted(fair: { startsAt: Date | string }, now: Date): boolean {
  return !fairIsOpen(fair, now);
}

const REMINDER_HOUR = "08:00";

/** The reminders of a fair go at 08:00 London time on the London day before it. */
export function reminderDueAt(startsAt: Date): Date {
  const day = format(addDays(parseISO(londonToday(startsAt)), -1), "yyyy-MM-dd");
  const due = fromLondonLocal(`${day}T${REMINDER_HOUR}`);
  if (!due) throw new Error(`reminderDueAt: no 08:00 on ${day}`);
  return due;
}

/** A reminder is due when its time has come and the fair has not started. */
export function reminderIsDue(startsAt: Date, now: Date): boolean {
  return reminderDueAt(startsAt) <= now && now < startsAt;
}
