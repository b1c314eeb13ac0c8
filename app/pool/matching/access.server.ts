import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { parseRows } from "../../../db/rows";
import { schoolIdsWhereUserHolds } from "../../access/scope.server";
import { isUuid } from "../../forms/fields";
import { z } from "../../forms/zod";

/**
 * Who may look into a round's pool (issue 17): HR of the schools taking part in the round, for those schools. Anyone
 * else, another partnership's round included, gets nothing (the routes answer 404).
 */

export type HrSchool = {
  id: string;
  name: string;
  urn: number;
  lat: number | null;
  lng: number | null;
  trustId: string | null;
  laCode: string;
};

const hrSchoolRow = z.object({
  id: z.string(),
  name: z.string(),
  urn: z.number(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  trustId: z.string().nullable(),
  laCode: z.string(),
});

/** The round's taking-part schools where `userId` holds `hr`, by name; empty when none (or no such round). */
export async function hrSchoolsInRound(db: Executor, userId: string, roundId: string): Promise<HrSchool[]> {
  if (!isUuid(roundId)) return [];
  return parseRows(
    await db.execute(sql`
      SELECT s.id, s.name, s.urn, s.lat, s.lng, s.trust_id AS "trustId", s.la_code AS "laCode"
        FROM pool_round_schools rs JOIN schools s ON s.id = rs.school_id
       WHERE rs.round_id = ${roundId}
         AND s.id IN (${schoolIdsWhereUserHolds(userId, ["hr"])})
       ORDER BY s.name, s.id`),
    hrSchoolRow,
    "the schools a user is HR of in a pool round",
  );
}

/** The school HR acts for: the one named (if theirs in the round), else their first; null when not theirs. */
export function actingSchool(schools: readonly HrSchool[], chosen: string | null | undefined): HrSchool | null {
  if (chosen) return schools.find((s) => s.id === chosen) ?? null;
  return schools[0] ?? null;
}

/** The round's name and partnership, for headings; null when no such round. */
export async function roundHeading(db: Executor, roundId: string) {
  if (!isUuid(roundId)) return null;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT r.id, r.name, r.phase, p.name AS "partnershipName", r.partnership_id AS "partnershipId"
        FROM pool_rounds r JOIN partnerships p ON p.id = r.partnership_id
       WHERE r.id = ${roundId}`),
    z.object({
      id: z.string(),
      name: z.string(),
      phase: z.string(),
      partnershipName: z.string(),
      partnershipId: z.string(),
    }),
    "a pool round",
  );
  return row ?? null;
}

/** The rounds any of the user's HR schools take part in: who has a pool to search (none: the pages are 404). */
export async function roundsOfHr(db: Executor, userId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT DISTINCT r.id, r.name FROM pool_rounds r JOIN pool_round_schools rs ON rs.round_id = r.id
       WHERE rs.school_id IN (${schoolIdsWhereUserHolds(userId, ["hr"])}) ORDER BY r.name, r.id`),
    z.object({ id: z.string(), name: z.string() }),
    "the pool rounds HR's schools take part in",
  );
}
