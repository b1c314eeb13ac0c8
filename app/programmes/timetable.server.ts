import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import type { z } from "../forms/zod";
import { optionalChoiceRow, timetableEctRow, timetableSessionRow } from "./rows";
import { londonToday } from "../vocabulary/london-time";
import { INDUCTION_TERMS_FTE, termLabels } from "../vocabulary/programmes";
import { isoTime, readableEctIds } from "./access.server";
import { engagement, inductionYearOfTerm, releasedHours, termOf, termsFrom, type Engagement } from "./rules";

/**
 * An ECT's timetable: their sessions with the register's marks, the optional sessions they could still choose, the
 * hours of training each term against the time their timetable reduction releases, and their engagement.
 */

export type TimetableSession = z.infer<typeof timetableSessionRow>;

export type OptionalChoice = z.infer<typeof optionalChoiceRow>;

export type TermHours = {
  label: string;
  inductionYear: 1 | 2;
  trainingHours: number;
  releasedHours: number | null;
};

export type Timetable = {
  ect: { id: string; name: string; schoolName: string | null; weeklyContactHours: number | null; ftePercent: number };
  sessions: TimetableSession[];
  choices: OptionalChoice[];
  terms: TermHours[];
  engagement: Engagement;
};

const venue = sql`CASE WHEN ps.online THEN 'Online'
                       ELSE concat_ws(', ', nullif(ps.room, ''), hs.name, hs.town) END`;

/** The timetable of an ECT the user may read (their own, their school's, their mentee's), or null. */
export async function ectTimetable(db: Executor, userId: string, ectId: string, now: Date): Promise<Timetable | null> {
  const [ect] = parseRows(
    await db.execute(sql`
      SELECT e.id, e.name, e.fte_percent AS "ftePercent", e.induction_starts_on::text AS "inductionStartsOn",
             s.name AS "schoolName", es.weekly_contact_hours AS "weeklyContactHours"
        FROM ects e
        LEFT JOIN ect_school_periods sp ON sp.ect_id = e.id AND (sp.ends_on IS NULL OR sp.ends_on > current_date)
        LEFT JOIN schools s ON s.id = sp.school_id
        LEFT JOIN school_ect_settings es ON es.school_id = sp.school_id
       WHERE e.id = ${ectId} AND e.id IN (${readableEctIds(userId)})
       ORDER BY sp.starts_on LIMIT 1`),
    timetableEctRow,
    "an ECT for a timetable",
  );
  if (!ect) return null;
  const sessions = parseRows(
    await db.execute(sql`
      SELECT ps.id, ps.title, p.name AS "programmeName", c.name AS "cohortName", st.name AS strand,
             ps.induction_year AS "inductionYear", ${isoTime(sql`ps.starts_at`)} AS "startsAt", ${isoTime(sql`ps.ends_at`)} AS "endsAt",
             ${venue} AS venue, ps.optional, ps.cancelled_at IS NOT NULL AS cancelled, ps.cancel_reason AS "cancelReason",
             a.mark, a.reason
        FROM session_bookings b
        JOIN programme_sessions ps ON ps.id = b.session_id
        JOIN programme_cohorts c ON c.id = ps.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
        LEFT JOIN programme_strands st ON st.id = ps.strand_id
        LEFT JOIN schools hs ON hs.id = ps.host_school_id
        LEFT JOIN session_attendance a ON a.session_id = ps.id AND a.ect_id = b.ect_id
       WHERE b.ect_id = ${ectId} AND (b.live OR ps.cancelled_at IS NOT NULL OR a.mark IS NOT NULL)
       ORDER BY ps.starts_at`),
    timetableSessionRow,
    "an ECT's sessions",
  );
  const choices = parseRows(
    await db.execute(sql`
      SELECT ps.id, ps.title, p.name AS "programmeName", ${isoTime(sql`ps.starts_at`)} AS "startsAt", ${isoTime(sql`ps.ends_at`)} AS "endsAt",
             ${venue} AS venue,
             ps.capacity - (SELECT count(*) FROM session_bookings x WHERE x.session_id = ps.id AND x.live)::int AS "placesLeft"
        FROM cohort_enrolments ce
        JOIN programme_sessions ps ON ps.cohort_id = ce.cohort_id
        JOIN programme_cohorts c ON c.id = ce.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
        LEFT JOIN schools hs ON hs.id = ps.host_school_id
       WHERE ce.ect_id = ${ectId} AND ps.optional AND ps.cancelled_at IS NULL AND ps.starts_at > ${now.toISOString()}
         AND NOT EXISTS (SELECT 1 FROM session_bookings b WHERE b.session_id = ps.id AND b.ect_id = ${ectId} AND b.live)
       ORDER BY ps.starts_at`),
    optionalChoiceRow,
    "optional sessions to choose",
  );
  const { inductionStartsOn, ...rest } = ect;
  return {
    ect: rest,
    sessions,
    choices,
    terms: termHours(inductionStartsOn, ect.ftePercent, ect.weeklyContactHours, sessions),
    engagement: engagement(sessions.flatMap((s) => (s.mark ? [s.mark] : []))),
  };
}

/**
 * Training hours per term (live, not cancelled sessions, by their London date) beside the time released that term.
 * The terms shown are those induction takes at the ECT's working pattern, and any later term with training.
 */
function termHours(
  inductionStartsOn: string,
  ftePercent: number,
  weeklyContactHours: number | null,
  sessions: readonly TimetableSession[],
): TermHours[] {
  const start = termOf(inductionStartsOn) ?? termOf(`${inductionStartsOn.slice(0, 4)}-09-01`);
  if (!start) return [];
  const count = Math.min(12, Math.ceil((INDUCTION_TERMS_FTE * 100) / ftePercent));
  const hours = new Map<string, number>();
  for (const s of sessions) {
    if (s.cancelled) continue;
    const term = termOf(londonToday(new Date(s.startsAt)));
    if (!term) continue;
    const key = `${term.academicYear}-${term.term}`;
    const length = (new Date(s.endsAt).getTime() - new Date(s.startsAt).getTime()) / 3_600_000;
    hours.set(key, (hours.get(key) ?? 0) + length);
  }
  const shown = termsFrom(start, 12).filter((t, i) => i < count || hours.has(`${t.academicYear}-${t.term}`));
  return shown.map((t) => {
    const year = inductionYearOfTerm(start, t);
    return {
      label: `${termLabels[t.term]} ${t.academicYear}/${String(t.academicYear + 1).slice(2)}`,
      inductionYear: year,
      trainingHours: Math.round((hours.get(`${t.academicYear}-${t.term}`) ?? 0) * 10) / 10,
      releasedHours: weeklyContactHours === null ? null : releasedHours(year, weeklyContactHours, ftePercent, t.term),
    };
  });
}
