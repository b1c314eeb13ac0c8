import { z } from "../forms/zod";
import { attendanceMarks, terms } from "../vocabulary/programmes";

/**
 * The shapes of the rows ECT programme queries read, checked in development and tests by `parseRows` (db/rows.ts):
 * a renamed column, or a driver giving a timestamp as a Date where the other gives text, fails loudly there.
 */

/** A date column selected as `::text`. */
export const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A timestamp selected with `isoTime` (access.server.ts). */
export const isoText = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

export const tutorSchoolRow = z.object({
  id: z.string(),
  urn: z.number().int(),
  name: z.string(),
  weeklyContactHours: z.number().nullable(),
});

const periodSpan = z.object({ startsOn: dayText, endsOn: dayText.nullable() });

export const ectSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  trn: z.string(),
  schoolName: z.string(),
  linked: z.boolean(),
  inductionStartsOn: dayText,
  ftePercent: z.number().int(),
  mentorName: z.string().nullable(),
  cohorts: z.array(z.string()),
  periods: z.array(periodSpan),
});

export const ectRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  trn: z.string(),
  inductionStartsOn: dayText,
  ftePercent: z.number().int(),
  appropriateBody: z.string(),
  linked: z.boolean(),
  userId: z.string().nullable(),
  canManage: z.boolean(),
});

export const schoolPeriodRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  startsOn: dayText,
  endsOn: dayText.nullable(),
  tutorName: z.string().nullable(),
  tutorUserId: z.string().nullable(),
});

export const mentorPeriodRow = z.object({
  id: z.string(),
  mentorName: z.string(),
  mentorUserId: z.string(),
  startsOn: dayText,
  endsOn: dayText.nullable(),
});

export const menteeRow = z.object({ id: z.string(), name: z.string(), schoolName: z.string(), since: dayText });

export const cohortChoiceRow = z.object({
  id: z.string(),
  programmeName: z.string(),
  name: z.string(),
  academicYear: z.number().int(),
  startTerm: z.enum(terms),
});

export const enrolmentRow = z.object({ cohortId: z.string(), label: z.string(), sessions: z.number().int() });

export const timetableEctRow = z.object({
  id: z.string(),
  name: z.string(),
  ftePercent: z.number().int(),
  inductionStartsOn: dayText,
  schoolName: z.string().nullable(),
  weeklyContactHours: z.number().nullable(),
});

export const timetableSessionRow = z.object({
  id: z.string(),
  title: z.string(),
  programmeName: z.string(),
  cohortName: z.string(),
  strand: z.string().nullable(),
  inductionYear: z.number().int(),
  startsAt: isoText,
  endsAt: isoText,
  venue: z.string(),
  optional: z.boolean(),
  cancelled: z.boolean(),
  cancelReason: z.string().nullable(),
  mark: z.enum(attendanceMarks).nullable(),
  reason: z.string().nullable(),
});

export const optionalChoiceRow = z.object({
  id: z.string(),
  title: z.string(),
  programmeName: z.string(),
  startsAt: isoText,
  endsAt: isoText,
  venue: z.string(),
  placesLeft: z.number().int(),
});

/**
 * A timestamp column selected as it is: both drivers give PostgreSQL's text (`2026-12-03 11:31:20.612+00`), not a
 * Date, since Drizzle turns their timestamp parsers off.
 */
export const stampText = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/);

/** When and where a programme session is, as every session query selects it. */
export const sessionPlaceFields = {
  startsAt: stampText,
  endsAt: stampText,
  online: z.boolean(),
  room: z.string().nullable(),
  schoolName: z.string().nullable(),
  schoolTown: z.string().nullable(),
};

/** The row of an INSERT … RETURNING id, or of a lookup by id. */
export const idRow = z.object({ id: z.string() });

/** A name looked up by id. */
export const nameRow = z.object({ name: z.string() });

/** Induction year 1 or 2 (a smallint the table checks). */
export const inductionYearField = z.union([z.literal(1), z.literal(2)]);
