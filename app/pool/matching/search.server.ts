import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { parseRows } from "../../../db/rows";
import { z } from "../../forms/zod";
import { METRES_PER_MILE } from "../../vocabulary/distance";
import type { HrSchool } from "./access.server";
import { fit, rankByFit, type Fit, type FitWanted } from "./fit";
import { visibleToSchool } from "./hide-rules";

/**
 * HR's search of a round's pool (issue 17): SQL finds the members the school may see that meet the filters (the
 * distance through the members' earthdistance gist index), then the pure `fit` ranks them and one page is shown. The
 * ranking reads only the preference columns; the nearest CANDIDATE_LIMIT candidates are ranked.
 */

const PAGE_SIZE = 20;
/** How many filtered candidates (nearest first) are ranked by fit. */
export const CANDIDATE_LIMIT = 2000;

export type PoolFilters = FitWanted & { miles?: number | null; page?: number };

const candidateRow = z.object({
  id: z.string(),
  name: z.string(),
  subjects: z.array(z.string()),
  phases: z.array(z.string()),
  contracts: z.array(z.string()),
  workingPatterns: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  travelMiles: z.number().nullable(),
  availableFrom: z.string().nullable(),
  matchState: z.string().nullable(),
});
export type PoolCandidate = z.infer<typeof candidateRow>;
export type RankedCandidate = PoolCandidate & { fit: Fit };

/** The WHERE clause of a search: visible to the school, in the round, meeting every filter given. */
function searchConditions(roundId: string, school: HrSchool, filters: PoolFilters): SQL {
  const parts: SQL[] = [sql`m.round_id = ${roundId}`, visibleToSchool("m", school.id)];
  if (filters.subject) parts.push(sql`${filters.subject} = ANY(m.subjects)`);
  if (filters.phase) parts.push(sql`(cardinality(m.phases) = 0 OR ${filters.phase} = ANY(m.phases))`);
  if (filters.contract) parts.push(sql`(cardinality(m.contracts) = 0 OR ${filters.contract} = ANY(m.contracts))`);
  if (filters.workingPattern)
    parts.push(sql`(cardinality(m.working_patterns) = 0 OR ${filters.workingPattern} = ANY(m.working_patterns))`);
  if (filters.startBy) parts.push(sql`(m.available_from IS NULL OR m.available_from <= ${filters.startBy}::date)`);
  if (filters.miles && school.lat !== null && school.lng !== null) {
    const metres = filters.miles * METRES_PER_MILE;
    const here = sql`ll_to_earth(${school.lat}::float8, ${school.lng}::float8)`;
    parts.push(sql`m.lat IS NOT NULL
      AND earth_box(${here}, ${metres}::float8) @> ll_to_earth(m.lat, m.lng)
      AND earth_distance(${here}, ll_to_earth(m.lat, m.lng)) <= ${metres}::float8`);
  }
  return sql.join(parts, sql` AND `);
}

export async function searchPool(
  db: Executor,
  roundId: string,
  school: HrSchool,
  filters: PoolFilters,
): Promise<{ total: number; page: number; pages: number; results: RankedCandidate[] }> {
  const where = searchConditions(roundId, school, filters);
  const nearest =
    school.lat !== null && school.lng !== null
      ? sql`earth_distance(ll_to_earth(${school.lat}::float8, ${school.lng}::float8), ll_to_earth(m.lat, m.lng)) NULLS LAST, m.id`
      : sql`m.id`;
  const rows = parseRows(
    await db.execute(sql`
      SELECT m.id, m.profile->>'name' AS name, m.subjects, m.phases, m.contracts,
             m.working_patterns AS "workingPatterns", m.lat, m.lng, m.travel_miles AS "travelMiles",
             m.available_from::text AS "availableFrom", pm.state::text AS "matchState"
        FROM pool_members m
        LEFT JOIN pool_matches pm ON pm.member_id = m.id AND pm.school_id = ${school.id}
       WHERE ${where}
       ORDER BY ${nearest}
       LIMIT ${CANDIDATE_LIMIT}`),
    candidateRow,
    "pool search candidates",
  );
  const ranked = rankByFit(rows.map((r) => ({ ...r, key: r.id, fit: fit(r, school, filters) })));
  const pages = Math.max(1, Math.ceil(ranked.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const results = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ key: _key, ...r }) => r);
  return { total: ranked.length, page, pages, results };
}

/** How many members of the round the school may see (for headings and the school's list). */
export async function visibleCount(db: Executor, roundId: string, schoolId: string): Promise<number> {
  const [row] = parseRows(
    await db.execute(sql`SELECT count(*)::int AS n FROM pool_members m
                          WHERE m.round_id = ${roundId} AND ${visibleToSchool("m", schoolId)}`),
    z.object({ n: z.number() }),
    "a count of visible pool members",
  );
  return row?.n ?? 0;
}
