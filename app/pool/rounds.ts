import type { PoolStatus } from "../vocabulary/pool";

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
