import { sql } from "drizzle-orm";
import { executePlannedOnce, type Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { managedBy } from "./access.server";
import { vacancyStatuses, type VacancyStatus } from "./lifecycle";
import { stampText } from "./rows";

export type DashboardRow = {
  id: string;
  title: string;
  status: VacancyStatus;
  closesAt: string | null;
  publishAt: string | null;
  updatedAt: string;
  schoolNames: string[];
  /** Applications sent in Staffroom; null for a vacancy that takes them elsewhere. */
  applications: number | null;
};

const statusCounts = z.partialRecord(z.enum(vacancyStatuses), z.number().int());

/** The page's rows beside the counts; a page past the end is one row of counts with no vacancy (id null). */
const dashboardLine = z.union([
  z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(vacancyStatuses),
    closesAt: stampText.nullable(),
    publishAt: stampText.nullable(),
    updatedAt: stampText,
    schoolNames: z.array(z.string()),
    applications: z.number().int().nullable(),
    total: z.number().int(),
    counts: statusCounts,
  }),
  z.object({ id: z.null(), total: z.number().int(), counts: statusCounts }),
]);

export type DashboardFilter = { status?: VacancyStatus; schoolId?: string; page: number; pageSize: number };

/**
 * The vacancies an HR user manages, filtered, newest change first, with counts by status. One statement: the
 * user's vacancies are found once (for a trust, hundreds of index probes) and serve the counts, the total and the page.
 * Its plan is the same whoever asks and whichever page (the owners are found at run time, the page is a bounded sort
 * of that set), so it is planned once per connection: planning it took as long as running it.
 */
export async function hrDashboard(db: Executor, userId: string, filter: DashboardFilter) {
  const atSchool = filter.schoolId
    ? sql`AND EXISTS (SELECT 1 FROM vacancy_schools vs WHERE vs.vacancy_id = v.id AND vs.school_id = ${filter.schoolId})`
    : sql``;
  const lines = parseRows(
    await executePlannedOnce(
      db,
      sql`
      WITH mine AS MATERIALIZED (
        SELECT v.id, v.status, v.updated_at FROM vacancies v WHERE ${managedBy(userId)} ${atSchool}
      ), listed AS (
        SELECT id, updated_at FROM mine ${filter.status ? sql`WHERE status = ${filter.status}` : sql``}
      ), page AS (
        SELECT id, updated_at FROM listed ORDER BY updated_at DESC, id
         LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}
      )
      SELECT r.*, k.total, k.counts
        FROM (SELECT (SELECT count(*)::int FROM listed) AS total,
                     (SELECT coalesce(json_object_agg(c.status, c.n), '{}')
                        FROM (SELECT status, count(*)::int AS n FROM mine GROUP BY status) c) AS counts) k
        LEFT JOIN LATERAL (
          SELECT v.id, v.title, v.status, v.closes_at AS "closesAt", v.publish_at AS "publishAt",
                 v.updated_at AS "updatedAt",
                 coalesce((SELECT array_agg(s.name ORDER BY vs.position, s.name)
                             FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
                            WHERE vs.vacancy_id = v.id), '{}') AS "schoolNames",
                 CASE WHEN v.apply_method = 'staffroom' THEN
                   (SELECT count(*)::int FROM applications a WHERE a.vacancy_id = v.id AND a.status <> 'draft') END
                   AS applications
            FROM page p JOIN vacancies v ON v.id = p.id
        ) r ON true
       ORDER BY r."updatedAt" DESC, r.id`,
    ),
    dashboardLine,
    "an HR user's vacancies",
  );
  const rows: DashboardRow[] = [];
  for (const line of lines) if (line.id !== null) rows.push(withoutTotals(line));
  return { rows, total: lines[0]?.total ?? 0, counts: lines[0]?.counts ?? {} };
}

function withoutTotals<T extends { total: number; counts: unknown }>({ total: _t, counts: _c, ...row }: T) {
  return row;
}
