import { addMonths, format, parseISO } from "date-fns";
import { fromLondonLocal } from "../vocabulary/london-time";
import { RETENTION_MONTHS, type PoolStatus } from "../vocabulary/pool";

/** A round as these rules need it. */
export type RoundDates = { opensOn: string; closesOn: string | null };

/** Whether a round takes applications on London day `today` (YYYY-MM-DD): from its opening day to its closing day. */
export function roundIsOpen(round: RoundDates, today: string): boolean {
  return round.opensOn <= today && (round.closesOn === null || today <= round.closesOn);
}

/** A member is findable by schools only when pooled and consenting: the one rule every listing uses. */
export function findable(member: { status: PoolStatus; shownToSchools: boolean }): boolean {
  return member.status === "pooled" && member.shownToSchools;
}

/**
 * The day retention removes a member who is not appointed: six months after the round closes (or after today, for an
 * always-open round or a renewal after the close).
 */
export function retentionDay(closesOn: string | null, today: string): string {
  const from = closesOn && closesOn > today ? closesOn : today;
  return format(addMonths(parseISO(from), RETENTION_MONTHS), "yyyy-MM-dd");
}

/** The slots of a run: back to back from `from` while one still ends by `until`, on London's clock that day. */
export function slotTimes(
  day: string,
  from: string,
  until: string,
  minutes: number,
): { startsAt: Date; endsAt: Date }[] {
  const start = fromLondonLocal(`${day}T${from}`);
  const end = fromLondonLocal(`${day}T${until}`);
  if (!start || !end) return [];
  const slots: { startsAt: Date; endsAt: Date }[] = [];
  for (let t = start.getTime(); t + minutes * 60_000 <= end.getTime(); t += minutes * 60_000)
    slots.push({ startsAt: new Date(t), endsAt: new Date(t + minutes * 60_000) });
  return slots;
}

/** Whether a teacher can still change their preferences: while a draft, screened or in the pool (schools match on them). */
export function editable(status: PoolStatus): boolean {
  return status === "draft" || status === "screening" || status === "pooled";
}
