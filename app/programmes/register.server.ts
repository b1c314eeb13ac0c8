import { typable, UNTYPABLE_MESSAGE } from "../forms/fields";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { spreadsheetCsv } from "../csv/spreadsheet";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { londonToday } from "../vocabulary/london-time";
import { attendanceMarks, type AttendanceMark } from "../vocabulary/programmes";
import { facilitatedProgrammeIds, managedProgrammeIds } from "./access.server";
import { idRow, stampText } from "./rows";
import { engagement } from "./rules";
import { isUuid, type RegisterMark } from "./schemas";

/**
 * The register of a session (taken by the programme's facilitators and managers: facilitatedProgrammeIds) and each
 * ECT's engagement over a cohort. A session outside the user's programmes is not found.
 */

export type RegisterLine = {
  ectId: string;
  name: string;
  schoolName: string | null;
  mark: AttendanceMark | null;
  reason: string | null;
};

export type RegisterSheet = {
  session: {
    id: string;
    title: string;
    programmeName: string;
    cohortName: string;
    startsAt: string;
    endsAt: string;
    cancelledAt: string | null;
    /** The register can be taken from the session's day (London) on. */
    open: boolean;
  };
  lines: RegisterLine[];
};

const registerSessionRow = z.object({
  id: z.string(),
  title: z.string(),
  programmeName: z.string(),
  cohortName: z.string(),
  startsAt: stampText,
  endsAt: stampText,
  cancelledAt: stampText.nullable(),
}) satisfies z.ZodType<Omit<RegisterSheet["session"], "open">>;

const registerLineRow = z.object({
  ectId: z.string(),
  name: z.string(),
  schoolName: z.string().nullable(),
  mark: z.enum(attendanceMarks).nullable(),
  reason: z.string().nullable(),
}) satisfies z.ZodType<RegisterLine>;

/** The session's register: every ECT holding a live place, by name, with the mark recorded so far. */
export async function registerSheet(
  db: Executor,
  userId: string,
  sessionId: string,
  now = new Date(),
): Promise<RegisterSheet | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = parseRows(
    await db.execute(sql`
      SELECT ps.id, ps.title, p.name AS "programmeName", c.name AS "cohortName", ps.starts_at AS "startsAt",
             ps.ends_at AS "endsAt", ps.cancelled_at AS "cancelledAt"
        FROM programme_sessions ps
        JOIN programme_cohorts c ON c.id = ps.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
       WHERE ps.id = ${sessionId} AND p.id IN (${facilitatedProgrammeIds(userId)})`),
    registerSessionRow,
    "the session of a register",
  );
  if (!session) return null;
  const lines = parseRows(
    await db.execute(sql`
      SELECT e.id AS "ectId", e.name, s.name AS "schoolName", a.mark, a.reason
        FROM session_bookings b
        JOIN ects e ON e.id = b.ect_id
        LEFT JOIN session_attendance a ON a.session_id = b.session_id AND a.ect_id = b.ect_id
        LEFT JOIN ect_school_periods sp ON sp.ect_id = e.id AND sp.starts_on <= current_date
                                        AND (sp.ends_on IS NULL OR sp.ends_on > current_date)
        LEFT JOIN schools s ON s.id = sp.school_id
       WHERE b.session_id = ${sessionId} AND b.live
       ORDER BY e.name, e.id`),
    registerLineRow,
    "the lines of a register",
  );
  const open = !session.cancelledAt && londonToday(now) >= londonToday(new Date(session.startsAt));
  return { session: { ...session, open }, lines };
}

/**
 * Records marks on the register. Only ECTs holding a live place may be marked; excused needs a reason; a cancelled
 * session, or one whose day has not come, takes no register. All or nothing: one bad line writes no mark.
 */
export async function saveRegister(
  db: Database,
  userId: string,
  sessionId: string,
  marks: readonly RegisterMark[],
  now = new Date(),
): Promise<Outcome<{ saved: number }>> {
  return db.transaction(async (tx) => {
    const sheet = await registerSheet(tx, userId, sessionId, now);
    if (!sheet) return refuse(404, "Session not found");
    if (sheet.session.cancelledAt) return refuse(409, "This session is cancelled: it has no register");
    if (!sheet.session.open) return refuse(409, "The register opens on the day of the session");
    const booked = new Set(sheet.lines.map((l) => l.ectId));
    const fieldErrors: Record<string, string[]> = {};
    for (const m of marks) {
      if (!booked.has(m.ectId)) fieldErrors[`mark-${m.ectId}`] = ["Only ECTs booked on this session can be marked"];
      else if (m.mark === "excused" && !m.reason)
        fieldErrors[`reason-${m.ectId}`] = ["Give the reason the ECT is excused"];
      else if (m.reason && m.reason.length > 500)
        fieldErrors[`reason-${m.ectId}`] = ["Keep the reason to 500 characters"];
      else if (m.reason && !typable(m.reason)) fieldErrors[`reason-${m.ectId}`] = [UNTYPABLE_MESSAGE];
    }
    if (marks.length === 0) return refuse(400, "Mark at least one ECT", { register: ["Mark at least one ECT"] });
    if (Object.keys(fieldErrors).length > 0) return refuse(400, "Check the register", fieldErrors);
    for (const m of marks)
      await tx.execute(sql`
        INSERT INTO session_attendance (session_id, ect_id, mark, reason, recorded_by, recorded_at)
        VALUES (${sheet.session.id}, ${m.ectId}, ${m.mark}, ${m.reason}, ${userId}, now())
        ON CONFLICT (session_id, ect_id) DO UPDATE
          SET mark = excluded.mark, reason = excluded.reason, recorded_by = excluded.recorded_by, recorded_at = now()`);
    return { ok: true as const, saved: marks.length };
  });
}

export type EngagementLine = {
  ectId: string;
  name: string;
  trn: string;
  schoolName: string | null;
  /** Live sessions of the cohort this ECT is booked on that have started. */
  expected: number;
  present: number;
  absent: number;
  excused: number;
  unrecorded: number;
  percent: number | null;
  belowMarker: boolean;
};

/**
 * Each enrolled ECT's engagement in a cohort: attended of expected, excused left out, below the 75% marker flagged
 * for support (never a pass or fail). For the cohort's programme managers; null for anyone else.
 */
export async function cohortEngagement(
  db: Executor,
  userId: string,
  cohortId: string,
  now = new Date(),
): Promise<EngagementLine[] | null> {
  if (!isUuid(cohortId)) return null;
  const [cohort] = parseRows(
    await db.execute(sql`
      SELECT c.id FROM programme_cohorts c WHERE c.id = ${cohortId} AND c.programme_id IN (${managedProgrammeIds(userId)})`),
    idRow,
    "the managed cohort",
  );
  if (!cohort) return null;
  const rows = parseRows(
    await db.execute(sql`
      SELECT e.id AS "ectId", e.name, e.trn, s.name AS "schoolName",
             (SELECT array_agg(a.mark::text ORDER BY ps.starts_at)
                FROM session_bookings b
                JOIN programme_sessions ps ON ps.id = b.session_id
                LEFT JOIN session_attendance a ON a.session_id = b.session_id AND a.ect_id = b.ect_id
               WHERE b.ect_id = e.id AND b.live AND ps.cohort_id = ce.cohort_id AND ps.cancelled_at IS NULL
                 AND ps.starts_at <= ${now.toISOString()}::timestamptz) AS marks
        FROM cohort_enrolments ce
        JOIN ects e ON e.id = ce.ect_id
        LEFT JOIN ect_school_periods sp ON sp.ect_id = e.id AND sp.starts_on <= current_date
                                        AND (sp.ends_on IS NULL OR sp.ends_on > current_date)
        LEFT JOIN schools s ON s.id = sp.school_id
       WHERE ce.cohort_id = ${cohortId}
       ORDER BY e.name, e.id`),
    z.object({
      ectId: z.string(),
      name: z.string(),
      trn: z.string(),
      schoolName: z.string().nullable(),
      marks: z.array(z.enum(attendanceMarks).nullable()).nullable(),
    }),
    "the marks of a cohort's ECTs",
  );
  return rows.map((r) => {
    const all = r.marks ?? [];
    const recorded = all.filter((m): m is AttendanceMark => m !== null);
    const figures = engagement(recorded);
    return {
      ectId: r.ectId,
      name: r.name,
      trn: r.trn,
      schoolName: r.schoolName,
      expected: all.length,
      present: figures.present,
      absent: figures.absent,
      excused: figures.excused,
      unrecorded: all.length - recorded.length,
      percent: figures.percent,
      belowMarker: figures.belowMarker,
    };
  });
}

const ENGAGEMENT_COLUMNS = [
  "ect",
  "trn",
  "school",
  "sessions_expected",
  "present",
  "absent",
  "excused",
  "not_recorded",
  "engagement_percent",
  "below_75_marker",
] as const;

/** The cohort's engagement as CSV for the provider's evidence, or null when the cohort is not the user's. */
export async function cohortEngagementCsv(db: Executor, userId: string, cohortId: string, now = new Date()) {
  const lines = await cohortEngagement(db, userId, cohortId, now);
  if (!lines) return null;
  return spreadsheetCsv(
    lines.map((l) => ({
      ect: l.name,
      trn: l.trn,
      school: l.schoolName ?? "",
      sessions_expected: l.expected,
      present: l.present,
      absent: l.absent,
      excused: l.excused,
      not_recorded: l.unrecorded,
      engagement_percent: l.percent ?? "",
      below_75_marker: l.belowMarker ? "yes" : "no",
    })),
    ENGAGEMENT_COLUMNS,
  );
}
