import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { loadScales } from "./assessment.server";
import { payAreaOf } from "../vocabulary/pay-areas";
import { pointSalaries } from "./pay-points";
import { payYearOf } from "./scales";

/** The point salaries for a vacancy: its first school's pay area, its start date's pay year (or today's). */
export async function pointSalariesForVacancy(
  db: Executor,
  vacancyId: string,
  startDate: string | null,
  now = new Date(),
): Promise<Record<string, number>> {
  const [school] = parseRows(
    await db.execute(sql`
      SELECT s.la_code AS "laCode", s.district_code AS "districtCode", s.district_name AS "districtName"
        FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
       WHERE vs.vacancy_id = ${vacancyId} ORDER BY vs.position LIMIT 1`),
    z.object({
      laCode: z.string().nullable(),
      districtCode: z.string().nullable(),
      districtName: z.string().nullable(),
    }),
    "the first school of a vacancy",
  );
  const area = payAreaOf(school?.laCode ?? "", {
    code: school?.districtCode ?? null,
    name: school?.districtName ?? null,
  });
  return pointSalaries(await loadScales(db), payYearOf(startDate ?? now.toISOString()), area.area);
}
