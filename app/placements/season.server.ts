import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { seasonLineRow, traineeGapRow } from "./rows";

/**
 * A partnership's season at a glance: offers and places filled and left by phase and subject, and the trainees who
 * do not yet have placements at two different schools (the ITT criteria's minimum).
 */
export async function seasonOf(db: Executor, partnershipId: string, year: number) {
  const lines = parseRows(
    await db.execute(sql`
      WITH offer AS (
        SELECT o.id, o.phase, o.places,
               CASE WHEN cardinality(o.subjects) = 0 THEN '' ELSE o.subjects[1] END AS subject,
               (SELECT count(*)::int FROM placement_bookings b WHERE b.offer_id = o.id AND b.state NOT IN ('declined', 'cancelled')) AS filled
          FROM placement_offers o JOIN schools s ON s.id = o.school_id
         WHERE s.partnership_id = ${partnershipId} AND o.academic_year = ${year} AND o.status = 'open')
      SELECT phase, subject, count(*)::int AS offers, sum(places)::int AS places, sum(filled)::int AS filled,
             sum(places - filled)::int AS "left"
        FROM offer GROUP BY phase, subject ORDER BY phase, subject`),
    seasonLineRow,
    "a partnership's season by phase and subject",
  );
  const gaps = parseRows(
    await db.execute(sql`
      SELECT t.id, t.name, o.name AS "providerName",
             count(DISTINCT b.school_id) FILTER (WHERE b.state NOT IN ('declined', 'cancelled'))::int AS schools
        FROM trainees t JOIN organisations o ON o.id = t.provider_id
        LEFT JOIN placement_bookings b ON b.trainee_id = t.id
       WHERE o.partnership_id = ${partnershipId}
       GROUP BY t.id, o.name
      HAVING count(DISTINCT b.school_id) FILTER (WHERE b.state NOT IN ('declined', 'cancelled')) < 2
       ORDER BY o.name, t.name`),
    traineeGapRow,
    "the trainees short of two schools",
  );
  return { lines, gaps };
}
