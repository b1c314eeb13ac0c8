import { sqlState } from "./sql-state";
import type { Database, Transaction } from "./client";

/**
 * A transaction that writes several rows under an exclusion constraint (an ECT's bookings moved with their session,
 * a cohort's ECTs booked onto a new core session) can meet another doing the same in a different order: each waits for
 * a row the other wrote, and PostgreSQL breaks the cycle by rolling one back with 40P01 after `deadlock_timeout`.
 * That one wrote nothing, so it is run again: by then the other has committed, and the rule's own checks see it and
 * refuse with the real reason (a clash, a full room) instead of an error page. 40001 (a serialisation failure) is the
 * same kind of outcome. Anything else, or a third deadlock in a row, is thrown as it was.
 */
const RUN_AGAIN = new Set(["40P01", "40001"]);

export async function runAgainIfDeadlocked<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || state === undefined || !RUN_AGAIN.has(state)) throw error;
    }
  }
}

/** `db.transaction(work)`, run again as above. */
export function transactionRunAgainIfDeadlocked<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return runAgainIfDeadlocked(() => db.transaction(work));
}
