import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client";
import type { Enqueue } from "../../../db/jobs";
import { parseRows } from "../../../db/rows";
import { vacancies } from "../../../db/schema";
import { isUuid } from "../../forms/fields";
import { schoolIdsWhereUserHolds } from "../../access/scope.server";
import { refuse, type Outcome, type Refusal } from "../../forms/outcome";
import { z } from "../../forms/zod";
import { londonToday } from "../../vocabulary/london-time";
import { isoTime } from "../../programmes/access.server";
import { publishVacancy } from "../../vacancies/lifecycle.server";
import { lockManaged, withSchools } from "../../vacancies/records.server";
import { offersForMember } from "./matches.server";
import { queueTransitionCheck } from "../../vacancies/transition-queue.server";

/**
 * Pool-first (issue 17): HR shares a draft or scheduled vacancy of theirs with an open round one of its schools takes
 * part in, for 1 to 14 days. The vacancy is scheduled to publish publicly when those days end (a draft goes through
 * the ordinary publishing checks, pay's gate included), so it is never only for the pool; until then the round's
 * findable members whose preferences match see it on their "Schools interested in you" page.
 */

/** Open rounds that a school of the vacancy, where the user is HR, takes part in. */
export async function shareableRounds(db: Executor, userId: string, vacancyId: string, now = new Date()) {
  const today = londonToday(now);
  return parseRows(
    await db.execute(sql`
      SELECT DISTINCT r.id, r.name FROM pool_rounds r JOIN pool_round_schools rs ON rs.round_id = r.id
       WHERE rs.school_id IN (SELECT vs.school_id FROM vacancy_schools vs WHERE vs.vacancy_id = ${vacancyId})
         AND rs.school_id IN (${schoolIdsWhereUserHolds(userId, ["hr"])})
         AND r.opens_on <= ${today}::date AND (r.closes_on IS NULL OR r.closes_on >= ${today}::date)
       ORDER BY r.name, r.id`),
    z.object({ id: z.string(), name: z.string() }),
    "the pool rounds a vacancy can be shared with",
  );
}

export async function shareOf(db: Executor, vacancyId: string) {
  const [row] = parseRows(
    await db.execute(sql`SELECT r.name AS "roundName", ${isoTime(sql`s.public_from`)} AS "publicFrom"
                           FROM pool_vacancy_shares s JOIN pool_rounds r ON r.id = s.round_id
                          WHERE s.vacancy_id = ${vacancyId}`),
    z.object({ roundName: z.string(), publicFrom: z.string() }),
    "a vacancy's pool share",
  );
  return row ?? null;
}

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

export async function shareWithPool(
  db: Database,
  userId: string,
  vacancyId: string,
  input: { roundId: string; days: number },
  context: { enqueue: Enqueue },
  now = new Date(),
): Promise<Outcome<{ publicFrom: string }>> {
  const rounds = await shareableRounds(db, userId, vacancyId, now);
  if (!rounds.some((r) => r.id === input.roundId))
    return refuse(400, "Check the form", { roundId: ["Choose a pool round your school takes part in"] });
  const publicFrom = new Date(now.getTime() + input.days * 86_400_000);
  try {
    return await db.transaction(async (tx) => {
      const v = await lockManaged(tx, userId, vacancyId);
      if (!v) return refuse(404, "No such vacancy");
      if (v.status !== "draft" && v.status !== "scheduled")
        return refuse(409, "Only a draft or a scheduled vacancy can be shared with the pool first");
      if (await shareOf(tx, vacancyId)) return refuse(409, "This vacancy is already shared with a pool");
      if (v.closesAt && v.closesAt.getTime() <= publicFrom.getTime())
        return refuse(400, "Check the form", { days: ["Share it for fewer days: it closes before they end"] });
      await tx.execute(sql`UPDATE vacancies SET publish_at = ${publicFrom.toISOString()} WHERE id = ${vacancyId}`);
      if (v.status === "draft") {
        // The ordinary publishing checks and pay's gate; inside this transaction, so a refusal undoes the date.
        const published = await publishVacancy(tx, userId, vacancyId, { now });
        if (!published.ok)
          throw new Refused(
            refuse(409, published.reason === "not-found" ? "No such vacancy" : `Not yet: ${published.message}`),
          );
        if (published.status !== "scheduled") throw new Refused(refuse(409, "The vacancy could not be scheduled"));
      } else {
        await queueTransitionCheck(tx, context.enqueue, publicFrom);
      }
      await tx.execute(sql`INSERT INTO pool_vacancy_shares (vacancy_id, round_id, public_from, shared_by)
                           VALUES (${vacancyId}, ${input.roundId}, ${publicFrom.toISOString()}, ${userId})`);
      return { ok: true as const, publicFrom: publicFrom.toISOString() };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/**
 * A vacancy shared with the pool, as a member reads it before the public can: only when it is on their "Shared with
 * the pool first" list (findable in the round, preferences matching, not hidden from the school); otherwise null.
 */
export async function sharedVacancyForMember(db: Executor, userId: string, vacancyId: string, now = new Date()) {
  if (!isUuid(vacancyId)) return null;
  const { shared } = await offersForMember(db, userId, now);
  const share = shared.find((s) => s.vacancyId === vacancyId);
  if (!share) return null;
  const [v] = await db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
  return v ? { share, vacancy: await withSchools(db, v) } : null;
}
