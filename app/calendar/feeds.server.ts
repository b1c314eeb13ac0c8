import { sql, type SQL } from "drizzle-orm";
import ical from "ical-generator";
import type { Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { generateToken, hashToken } from "../auth/tokens.server";
import { z } from "../forms/zod";

/**
 * The regional calendar: every placement of a trainee, a school, a mentor or a provider, and the training sessions of
 * an ECT or of a facilitator, as an iCalendar (RFC 5545) feed at a secret URL. Placements are all-day events;
 * sessions have their times.
 */
export const feedKinds = ["trainee", "school", "mentor", "provider", "ect", "facilitator"] as const;
export type FeedKind = (typeof feedKinds)[number];
type PlacementFeedKind = Exclude<FeedKind, "ect" | "facilitator">;

export type CalendarEvent = {
  id: string;
  summary: string;
  description: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
};

/** A date column selected as `::text`. */
const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A timestamp selected as it is: text from both drivers (Drizzle turns their Date parsers off). */
const stampText = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/);

const calendarEventRow = z.object({
  id: z.string(),
  summary: z.string(),
  description: z.string(),
  startsOn: dayText,
  endsOn: dayText,
  location: z.string().nullable(),
}) satisfies z.ZodType<CalendarEvent>;

/** Which placements a feed of each kind carries: only those holding a place (cancelled and declined drop out). */
function placementScope(kind: PlacementFeedKind, subjectId: string): SQL {
  switch (kind) {
    case "trainee":
      return sql`b.trainee_id = ${subjectId}`;
    case "school":
      return sql`b.school_id = ${subjectId}`;
    case "mentor":
      return sql`b.mentor_user_id = ${subjectId}`;
    case "provider":
      return sql`b.provider_id = ${subjectId}`;
  }
}

async function placementEvents(db: Executor, kind: PlacementFeedKind, subjectId: string): Promise<CalendarEvent[]> {
  return parseRows(
    await db.execute(sql`
      SELECT b.id, t.name || ' at ' || s.name AS summary,
             'Placement ' || CASE b.label WHEN 'training_block' THEN 'training block' ELSE b.label END || ', ' ||
               replace(b.state::text, '_', ' ') || coalesce('. Mentor: ' || mu.name, '') AS description,
             b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn",
             concat_ws(', ', s.name, s.town, s.postcode) AS location
        FROM placement_bookings b
        JOIN trainees t ON t.id = b.trainee_id
        JOIN schools s ON s.id = b.school_id
        LEFT JOIN users mu ON mu.id = b.mentor_user_id
       WHERE ${placementScope(kind, subjectId)} AND b.state NOT IN ('declined', 'cancelled')
       ORDER BY b.starts_on`),
    calendarEventRow,
    "a calendar feed's placements",
  );
}

export type SessionEvent = {
  id: string;
  summary: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
};

/** A session as the query reads it: its times are text until made Dates. */
const sessionEventRow = z.object({
  id: z.string(),
  summary: z.string(),
  description: z.string(),
  startsAt: stampText,
  endsAt: stampText,
  location: z.string().nullable(),
});

/**
 * An ECT's sessions (the live places they hold) or a facilitator's (the live sessions they run), with their times.
 * A cancelled session drops out of the feed; a moved one moves in it.
 */
async function sessionEvents(db: Executor, kind: "ect" | "facilitator", subjectId: string): Promise<SessionEvent[]> {
  const scope =
    kind === "ect"
      ? sql`ps.id IN (SELECT b.session_id FROM session_bookings b WHERE b.ect_id = ${subjectId} AND b.live)`
      : sql`ps.facilitator_user_id = ${subjectId}`;
  const rows = parseRows(
    await db.execute(sql`
      SELECT ps.id, ps.title AS summary,
             p.name || ', ' || c.name || coalesce('. Strand: ' || st.name, '') || coalesce('. Facilitator: ' || fu.name, '') AS description,
             ps.starts_at AS "startsAt", ps.ends_at AS "endsAt",
             CASE WHEN ps.online THEN 'Online' ELSE concat_ws(', ', ps.room, hs.name, hs.town, hs.postcode) END AS location
        FROM programme_sessions ps
        JOIN programme_cohorts c ON c.id = ps.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
        LEFT JOIN programme_strands st ON st.id = ps.strand_id
        LEFT JOIN schools hs ON hs.id = ps.host_school_id
        LEFT JOIN users fu ON fu.id = ps.facilitator_user_id
       WHERE ${scope} AND ps.cancelled_at IS NULL
       ORDER BY ps.starts_at`),
    sessionEventRow,
    "a calendar feed's sessions",
  );
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
}

/** An ECT's agreed early-career assignments: planned time at another school, as all-day events. */
async function assignmentEvents(db: Executor, ectId: string): Promise<CalendarEvent[]> {
  return parseRows(
    await db.execute(sql`
      SELECT a.id, 'Time at ' || hs.name AS summary, 'Early-career assignment: ' || a.purpose AS description,
             a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
             concat_ws(', ', hs.name, hs.town, hs.postcode) AS location
        FROM early_career_assignments a JOIN schools hs ON hs.id = a.host_school_id
       WHERE a.ect_id = ${ectId} AND a.status = 'accepted'
       ORDER BY a.starts_on`),
    calendarEventRow,
    "a calendar feed's assignments",
  );
}

/** All-day events end on the day after the last day (RFC 5545 DTEND is exclusive). */
function allDay(startsOn: string, endsOn: string) {
  return {
    allDay: true,
    start: new Date(`${startsOn}T00:00:00Z`),
    end: new Date(Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000),
  };
}

/** Makes a new secret feed URL's token; only its hash is stored, so the caller shows the URL once. */
export async function createFeed(db: Executor, userId: string, kind: FeedKind, subjectId: string): Promise<string> {
  const token = generateToken();
  await db.execute(sql`
    INSERT INTO calendar_feeds (token_hash, kind, subject_id, created_by)
    VALUES (${hashToken(token)}, ${kind}, ${subjectId}, ${userId})`);
  return token;
}

/** Revokes every live feed of this subject made by this user; their URLs answer 404 from now on. */
export async function revokeFeeds(db: Executor, userId: string, kind: FeedKind, subjectId: string): Promise<number> {
  const rows = parseRows(
    await db.execute(sql`
      UPDATE calendar_feeds SET revoked_at = now()
       WHERE created_by = ${userId} AND kind = ${kind} AND subject_id = ${subjectId} AND revoked_at IS NULL
       RETURNING id`),
    z.object({ id: z.string() }),
    "the calendar feeds revoked",
  );
  return rows.length;
}

export async function liveFeedCount(db: Executor, userId: string, kind: FeedKind, subjectId: string): Promise<number> {
  const row = firstRow(
    parseRows(
      await db.execute(sql`
      SELECT count(*)::int AS n FROM calendar_feeds
       WHERE created_by = ${userId} AND kind = ${kind} AND subject_id = ${subjectId} AND revoked_at IS NULL`),
      z.object({ n: z.number().int() }),
      "the live calendar feeds counted",
    ),
    "a count",
  );
  return row.n;
}

/** The feed's iCalendar text, or null when the token is unknown or revoked. */
export async function feedCalendar(db: Executor, token: string, appUrl: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [feed] = parseRows(
    await db.execute(sql`
      SELECT kind, subject_id AS "subjectId" FROM calendar_feeds WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL`),
    z.object({ kind: z.enum(feedKinds), subjectId: z.string() }),
    "the calendar feed of a token",
  );
  if (!feed) return null;
  if (feed.kind === "ect" || feed.kind === "facilitator") {
    const calendar = ical({
      name: "Staffroom training sessions",
      prodId: { company: "Staffroom", product: "programmes" },
    });
    for (const e of await sessionEvents(db, feed.kind, feed.subjectId))
      calendar.createEvent({
        id: `session-${e.id}@staffroom`,
        summary: e.summary,
        description: e.description,
        location: e.location ?? undefined,
        start: e.startsAt,
        end: e.endsAt,
        url: feed.kind === "ect" ? `${appUrl}/induction` : `${appUrl}/programmes/sessions/${e.id}/register`,
      });
    if (feed.kind === "ect")
      for (const e of await assignmentEvents(db, feed.subjectId))
        calendar.createEvent({
          id: `assignment-${e.id}@staffroom`,
          summary: e.summary,
          description: e.description,
          location: e.location ?? undefined,
          ...allDay(e.startsOn, e.endsOn),
          url: `${appUrl}/induction`,
        });
    return calendar.toString();
  }
  const calendar = ical({ name: "Staffroom placements", prodId: { company: "Staffroom", product: "placements" } });
  for (const e of await placementEvents(db, feed.kind, feed.subjectId)) {
    calendar.createEvent({
      id: `placement-${e.id}@staffroom`,
      summary: e.summary,
      description: e.description,
      location: e.location ?? undefined,
      ...allDay(e.startsOn, e.endsOn),
      url: `${appUrl}/placements`,
    });
  }
  return calendar.toString();
}
