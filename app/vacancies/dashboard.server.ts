import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
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

const dashboardRow = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(vacancyStatuses),
  closesAt: stampText.nullable(),
  publishAt: stampText.nullable(),
  updatedAt: stampText,
  schoolNames: z.array(z.string()),
  applications: z.number().int().nullable(),
  total: z.number().int(),
}) satisfies z.ZodType<DashboardRow & { total: number }>;

export type DashboardFilter = { status?: VacancyStatus; schoolId?: string; page: number; pageSize: number };

/** The vacancies an HR user manages, filtered, newest change first, with counts by status. */
export async function hrDashboard(db: Executor, userId: string, filter: DashboardFilter) {
  const where = sql`${managedBy(userId)}
    ${filter.status ? sql`AND v.status = ${filter.status}` : sql``}
    ${filter.schoolId ? sql`AND EXISTS (SELECT 1 FROM vacancy_schools vs WHERE vs.vacancy_id = v.id AND vs.school_id = ${filter.schoolId})` : sql``}`;
  const rows = parseRows(
    await db.execute(sql`
      SELECT v.id, v.title, v.status, v.closes_at AS "closesAt", v.publish_at AS "publishAt", v.updated_at AS "updatedAt",
             coalesce((SELECT array_agg(s.name ORDER BY vs.position, s.name) FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
                        WHERE vs.vacancy_id = v.id), '{}') AS "schoolNames",
             CASE WHEN v.apply_method = 'staffroom' THEN
               (SELECT count(*)::int FROM applications a WHERE a.vacancy_id = v.id AND a.status <> 'draft') END AS applications,
             count(*) OVER ()::int AS total
        FROM vacancies v
       WHERE ${where}
       ORDER BY v.updated_at DESC, v.id
       LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`),
    dashboardRow,
    "an HR user's vacancies",
  );
  const counts = parseRows(
    await db.execute(sql`
      SELECT v.status, count(*)::int AS n FROM vacancies v
       WHERE ${managedBy(userId)}
         ${filter.schoolId ? sql`AND EXISTS (SELECT 1 FROM vacancy_schools vs WHERE vs.vacancy_id = v.id AND vs.school_id = ${filter.schoolId})` : sql``}
       GROUP BY v.status`),
    z.object({ status: z.enum(vacancyStatuses), n: z.number().int() }),
    "an HR user's vacancies by status",
  );
  return {
    rows: rows.map(({ total: _t, ...r }) => r),
    total: rows[0]?.total ?? 0,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<VacancyStatus, number>>,
  };
}
