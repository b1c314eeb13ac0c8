import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { partnershipIdsWhereUserHolds } from "../access/scope.server";
import { z } from "../forms/zod";
import { ENGAGEMENT_MARKER } from "../vocabulary/programmes";
import { engagement } from "./rules";

/**
 * The area view of ECT programmes (issue 16, point 9), for a partnership's admins: which schools send how many ECTs
 * to which of the partnership's programmes, how many sessions each school hosts, and each cohort's average
 * engagement. The partnership's programmes are those it runs and those run by its organisations (trusts, hubs).
 */

export type AreaView = {
  partnership: { id: string; name: string; slug: string };
  programmes: { id: string; name: string }[];
  /** ECTs enrolled in a programme's cohorts, by the school they are at now (or last were). */
  sending: { schoolId: string; schoolName: string; programmeId: string; ects: number }[];
  /** Sessions not cancelled, by host school; online sessions are counted apart. */
  hosting: { schoolId: string; schoolName: string; sessions: number; held: number; upcoming: number }[];
  onlineSessions: number;
  cohorts: {
    id: string;
    programmeName: string;
    name: string;
    academicYear: number;
    ects: number;
    /** ECTs with at least one register mark that counts (present or absent). */
    ectsWithMarks: number;
    /** The mean of those ECTs' engagement percentages (rules.engagement: present of present and absent), or null. */
    averageEngagement: number | null;
    /** Of them, how many are below the 75% marker: a prompt for support, never a pass or fail. */
    belowMarker: number;
  }[];
};

const partnershipRow = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
}) satisfies z.ZodType<AreaView["partnership"]>;
const programmeRow = z.object({ id: z.string(), name: z.string() }) satisfies z.ZodType<AreaView["programmes"][number]>;
const sendingRow = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  programmeId: z.string(),
  ects: z.number().int(),
}) satisfies z.ZodType<AreaView["sending"][number]>;
const hostingRow = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  sessions: z.number().int(),
  held: z.number().int(),
  upcoming: z.number().int(),
}) satisfies z.ZodType<AreaView["hosting"][number]>;
const cohortRow = z.object({
  id: z.string(),
  programmeName: z.string(),
  name: z.string(),
  academicYear: z.number().int(),
  ects: z.number().int(),
});
const marksRow = z.object({ cohortId: z.string(), present: z.number().int(), absent: z.number().int() });
const countRow = z.object({ n: z.number().int() });

export async function areaView(db: Executor, userId: string, partnershipSlug: string): Promise<AreaView | null> {
  const rows = async <S extends z.ZodType>(query: SQL, schema: S, what: string) =>
    parseRows(await db.execute(query), schema, what);
  const [partnership] = await rows(
    sql`
      SELECT p.id, p.name, p.slug FROM partnerships p
       WHERE p.slug = ${partnershipSlug} AND p.id IN (${partnershipIdsWhereUserHolds(userId, ["partnership_admin"])})`,
    partnershipRow,
    "the partnership of the area view",
  );
  if (!partnership) return null;
  const programmeIds = sql`
    SELECT pr.id FROM ect_programmes pr
     WHERE pr.partnership_id = ${partnership.id}
        OR pr.organisation_id IN (SELECT o.id FROM organisations o WHERE o.partnership_id = ${partnership.id})`;

  const [programmes, sending, hosting, cohorts, marks, [online]] = await Promise.all([
    rows(
      sql`SELECT id, name FROM ect_programmes WHERE id IN (${programmeIds}) ORDER BY name`,
      programmeRow,
      "the area's programmes",
    ),
    rows(
      sql`
        SELECT s.id AS "schoolId", s.name AS "schoolName", c.programme_id AS "programmeId",
               count(DISTINCT ce.ect_id)::int AS ects
          FROM cohort_enrolments ce
          JOIN programme_cohorts c ON c.id = ce.cohort_id
          JOIN ect_programmes pr ON pr.id = c.programme_id
          JOIN (SELECT DISTINCT ON (sp.ect_id) sp.ect_id, sp.school_id FROM ect_school_periods sp
                 WHERE sp.starts_on <= current_date ORDER BY sp.ect_id, sp.starts_on DESC) now_at
            ON now_at.ect_id = ce.ect_id
          JOIN schools s ON s.id = now_at.school_id
         WHERE c.programme_id IN (${programmeIds})
         GROUP BY s.id, s.name, c.programme_id, pr.name
         ORDER BY s.name, pr.name`,
      sendingRow,
      "the ECTs each school sends",
    ),
    rows(
      sql`
        SELECT s.id AS "schoolId", s.name AS "schoolName", count(*)::int AS sessions,
               count(*) FILTER (WHERE ps.ends_at <= now())::int AS held,
               count(*) FILTER (WHERE ps.ends_at > now())::int AS upcoming
          FROM programme_sessions ps
          JOIN programme_cohorts c ON c.id = ps.cohort_id
          JOIN schools s ON s.id = ps.host_school_id
         WHERE c.programme_id IN (${programmeIds}) AND ps.cancelled_at IS NULL AND NOT ps.online
         GROUP BY s.id, s.name
         ORDER BY sessions DESC, s.name`,
      hostingRow,
      "the sessions each school hosts",
    ),
    rows(
      sql`
        SELECT c.id, pr.name AS "programmeName", c.name, c.academic_year AS "academicYear",
               (SELECT count(*) FROM cohort_enrolments ce WHERE ce.cohort_id = c.id)::int AS ects
          FROM programme_cohorts c JOIN ect_programmes pr ON pr.id = c.programme_id
         WHERE c.programme_id IN (${programmeIds})
         ORDER BY pr.name, c.academic_year DESC, c.start_term`,
      cohortRow,
      "the area's cohorts",
    ),
    // Each ECT's counted marks at their cohort's sessions (a mark is only ever taken for a booked, so enrolled, ECT);
    // excused marks never count.
    rows(
      sql`
        SELECT ps.cohort_id AS "cohortId",
               count(*) FILTER (WHERE sa.mark = 'present')::int AS present,
               count(*) FILTER (WHERE sa.mark = 'absent')::int AS absent
          FROM session_attendance sa
          JOIN programme_sessions ps ON ps.id = sa.session_id
          JOIN programme_cohorts c ON c.id = ps.cohort_id
         WHERE c.programme_id IN (${programmeIds}) AND ps.cancelled_at IS NULL AND sa.mark <> 'excused'
         GROUP BY ps.cohort_id, sa.ect_id`,
      marksRow,
      "each ECT's counted marks",
    ),
    rows(
      sql`
      SELECT count(*)::int AS n FROM programme_sessions ps JOIN programme_cohorts c ON c.id = ps.cohort_id
       WHERE c.programme_id IN (${programmeIds}) AND ps.cancelled_at IS NULL AND ps.online`,
      countRow,
      "the area's online sessions",
    ),
  ]);

  const percentsByCohort = new Map<string, number[]>();
  for (const m of marks) {
    const { percent } = engagement([
      ...Array<"present">(m.present).fill("present"),
      ...Array<"absent">(m.absent).fill("absent"),
    ]);
    if (percent === null) continue;
    percentsByCohort.set(m.cohortId, [...(percentsByCohort.get(m.cohortId) ?? []), percent]);
  }
  return {
    partnership,
    programmes,
    sending,
    hosting,
    onlineSessions: online?.n ?? 0,
    cohorts: cohorts.map((c) => {
      const percents = percentsByCohort.get(c.id) ?? [];
      return {
        ...c,
        ectsWithMarks: percents.length,
        averageEngagement:
          percents.length === 0 ? null : Math.round(percents.reduce((sum, p) => sum + p, 0) / percents.length),
        belowMarker: percents.filter((p) => p < ENGAGEMENT_MARKER * 100).length,
      };
    }),
  };
}
