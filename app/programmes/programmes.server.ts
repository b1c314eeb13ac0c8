import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { transactionRunAgainIfDeadlocked } from "../../db/run-again-if-deadlocked";
import { sqlState } from "../../db/sql-state";
import { organisationIdsWhereUserHolds, partnershipIdsWhereUserHolds } from "../access/scope.server";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { fromLondonLocal } from "../vocabulary/london-time";
import type { ProgrammeKind, Term } from "../vocabulary/programmes";
import { programmeKinds, termLabels, terms } from "../vocabulary/programmes";
import { facilitatedProgrammeIds, managedProgrammeIds, MANAGER_ROLES } from "./access.server";
import { bookedEcts, tellSessionChange, type NotifyContext } from "./notifications.server";
import { idRow, inductionYearField, sessionPlaceFields, stampText } from "./rows";
import { sessionYearProblem } from "./rules";
import { isUuid, type SessionInput } from "./schemas";
import { describeChange, type Venue } from "./session-text";

/**
 * Programmes, their strands, facilitators and cohorts, and the sessions of a cohort (ADR 0025). Everything here is
 * for the programme's managers (access.server.ts, managedProgrammeIds): a programme, cohort or session outside them is
 * not found. Enrolling ECTs is enrolment.server.ts; a core session added later books the cohort's enrolled ECTs here.
 */

export type Runner = { value: string; label: string };

const runnerRow = z.object({ value: z.string(), label: z.string() }) satisfies z.ZodType<Runner>;

/** Who a user may set a programme up for: partnerships and trusts or hubs where they are a programme lead or admin. */
export async function runnersFor(db: Executor, userId: string): Promise<Runner[]> {
  return parseRows(
    await db.execute(sql`
      SELECT 'partnership:' || p.id AS value, p.name || ' (partnership)' AS label FROM partnerships p
       WHERE p.id IN (${partnershipIdsWhereUserHolds(userId, MANAGER_ROLES)})
      UNION ALL
      SELECT 'organisation:' || o.id, o.name FROM organisations o
       WHERE o.id IN (${organisationIdsWhereUserHolds(userId, MANAGER_ROLES)})
         AND o.kind IN ('academy_trust', 'teaching_school_hub')
       ORDER BY 2`),
    runnerRow,
    "who a user may run programmes for",
  );
}

export type ProgrammeSummary = {
  id: string;
  name: string;
  kind: ProgrammeKind;
  runnerName: string;
  manages: boolean;
  cohorts: number;
};

const programmeSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(programmeKinds),
  runnerName: z.string(),
  manages: z.boolean(),
  cohorts: z.number().int(),
}) satisfies z.ZodType<ProgrammeSummary>;

/** The programmes a user manages or facilitates, by name. */
export async function programmesOf(db: Executor, userId: string): Promise<ProgrammeSummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT p.id, p.name, p.kind, coalesce(pa.name, o.name) AS "runnerName",
             p.id IN (${managedProgrammeIds(userId)}) AS manages,
             (SELECT count(*)::int FROM programme_cohorts c WHERE c.programme_id = p.id) AS cohorts
        FROM ect_programmes p
        LEFT JOIN partnerships pa ON pa.id = p.partnership_id
        LEFT JOIN organisations o ON o.id = p.organisation_id
       WHERE p.id IN (${facilitatedProgrammeIds(userId)})
       ORDER BY p.name`),
    programmeSummaryRow,
    "the programmes a user manages or facilitates",
  );
}

export type FacilitatedSession = {
  id: string;
  title: string;
  programmeName: string;
  startsAt: string;
  endsAt: string;
  booked: number;
  marked: number;
};

const facilitatedSessionRow = z.object({
  id: z.string(),
  title: z.string(),
  programmeName: z.string(),
  startsAt: stampText,
  endsAt: stampText,
  booked: z.number().int(),
  marked: z.number().int(),
}) satisfies z.ZodType<FacilitatedSession>;

/** The live sessions a user runs (named as their facilitator), from a week ago on: the registers they will take. */
export async function sessionsFacilitatedBy(db: Executor, userId: string): Promise<FacilitatedSession[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ps.id, ps.title, p.name AS "programmeName", ps.starts_at AS "startsAt", ps.ends_at AS "endsAt",
             (SELECT count(*)::int FROM session_bookings b WHERE b.session_id = ps.id AND b.live) AS booked,
             (SELECT count(*)::int FROM session_attendance a WHERE a.session_id = ps.id) AS marked
        FROM programme_sessions ps
        JOIN programme_cohorts c ON c.id = ps.cohort_id
        JOIN ect_programmes p ON p.id = c.programme_id
       WHERE ps.facilitator_user_id = ${userId} AND ps.cancelled_at IS NULL
         AND p.id IN (${facilitatedProgrammeIds(userId)})
         AND ps.ends_at > now() - interval '7 days'
       ORDER BY ps.starts_at
       LIMIT 50`),
    facilitatedSessionRow,
    "the sessions a user facilitates",
  );
}

/** Sets up a programme with its strands: the standard ones ticked and its own. */
export async function createProgramme(
  db: Database,
  userId: string,
  input: {
    name: string;
    kind: ProgrammeKind;
    leadProvider: string | null;
    deliveryPartner: string | null;
    runner: string;
  },
  strands: readonly string[],
): Promise<Outcome<{ programmeId: string }>> {
  const runners = await runnersFor(db, userId);
  if (!runners.some((r) => r.value === input.runner))
    return refuse(400, "Check the programme", { runner: ["Choose a partnership or trust you lead programmes for"] });
  const [kind, runnerId] = input.runner.split(":") as ["partnership" | "organisation", string];
  const provider = input.kind === "provider_led";
  return db.transaction(async (tx) => {
    const programme = firstRow(
      parseRows(
        await tx.execute(sql`
          INSERT INTO ect_programmes (name, kind, lead_provider, delivery_partner, partnership_id, organisation_id, created_by)
          VALUES (${input.name}, ${input.kind}, ${provider ? input.leadProvider : null},
                  ${provider ? input.deliveryPartner : null}, ${kind === "partnership" ? runnerId : null},
                  ${kind === "organisation" ? runnerId : null}, ${userId})
          RETURNING id`),
        idRow,
        "the programme inserted",
      ),
      "the programme inserted",
    );
    const seen = new Set<string>();
    for (const name of strands) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      await tx.execute(sql`
        INSERT INTO programme_strands (programme_id, name, position) VALUES (${programme.id}, ${name}, ${seen.size})`);
    }
    return { ok: true as const, programmeId: programme.id };
  });
}

export type Programme = {
  id: string;
  name: string;
  kind: ProgrammeKind;
  leadProvider: string | null;
  deliveryPartner: string | null;
  runnerName: string;
  /** The partnership whose schools may host its sessions. */
  partnershipId: string | null;
};

const programmeRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(programmeKinds),
  leadProvider: z.string().nullable(),
  deliveryPartner: z.string().nullable(),
  runnerName: z.string(),
  partnershipId: z.string().nullable(),
}) satisfies z.ZodType<Programme>;

/** A programme the user manages, or null (unknown, malformed or someone else's). */
export async function managedProgramme(db: Executor, userId: string, programmeId: string): Promise<Programme | null> {
  if (!isUuid(programmeId)) return null;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT p.id, p.name, p.kind, p.lead_provider AS "leadProvider", p.delivery_partner AS "deliveryPartner",
             coalesce(pa.name, o.name) AS "runnerName", coalesce(p.partnership_id, o.partnership_id) AS "partnershipId"
        FROM ect_programmes p
        LEFT JOIN partnerships pa ON pa.id = p.partnership_id
        LEFT JOIN organisations o ON o.id = p.organisation_id
       WHERE p.id = ${programmeId} AND p.id IN (${managedProgrammeIds(userId)})`),
    programmeRow,
    "a managed programme",
  );
  return row ?? null;
}

export type Strand = { id: string; name: string };
export type Person = { id: string; name: string; email: string };
export type CohortSummary = {
  id: string;
  name: string;
  academicYear: number;
  startTerm: Term;
  sessions: number;
  enrolled: number;
};

const strandRow = z.object({ id: z.string(), name: z.string() }) satisfies z.ZodType<Strand>;
const personRow = z.object({ id: z.string(), name: z.string(), email: z.string() }) satisfies z.ZodType<Person>;
const cohortSummaryRow = z.object({
  id: z.string(),
  name: z.string(),
  academicYear: z.number().int(),
  startTerm: z.enum(terms),
  sessions: z.number().int(),
  enrolled: z.number().int(),
}) satisfies z.ZodType<CohortSummary>;

export async function strandsOf(db: Executor, programmeId: string): Promise<Strand[]> {
  return parseRows(
    await db.execute(
      sql`SELECT id, name FROM programme_strands WHERE programme_id = ${programmeId} ORDER BY position, name`,
    ),
    strandRow,
    "a programme's strands",
  );
}

export async function facilitatorsOf(db: Executor, programmeId: string): Promise<Person[]> {
  return parseRows(
    await db.execute(sql`
      SELECT u.id, u.name, u.email FROM programme_facilitators f JOIN users u ON u.id = f.user_id
       WHERE f.programme_id = ${programmeId} ORDER BY u.name`),
    personRow,
    "a programme's facilitators",
  );
}

export async function cohortsOf(db: Executor, programmeId: string): Promise<CohortSummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT c.id, c.name, c.academic_year AS "academicYear", c.start_term AS "startTerm",
             (SELECT count(*)::int FROM programme_sessions ps WHERE ps.cohort_id = c.id AND ps.cancelled_at IS NULL) AS sessions,
             (SELECT count(*)::int FROM cohort_enrolments ce WHERE ce.cohort_id = c.id) AS enrolled
        FROM programme_cohorts c WHERE c.programme_id = ${programmeId}
       ORDER BY c.academic_year DESC, c.start_term`),
    cohortSummaryRow,
    "a programme's cohorts",
  );
}

/** Adds a strand of the programme's own; a name it has already (in any case) is refused at the field. */
export async function addStrand(db: Database, userId: string, programmeId: string, name: string): Promise<Outcome> {
  if (!(await managedProgramme(db, userId, programmeId))) return refuse(404, "Programme not found");
  try {
    await db.execute(sql`
      INSERT INTO programme_strands (programme_id, name, position)
      VALUES (${programmeId}, ${name},
              (SELECT coalesce(max(position), 0) + 1 FROM programme_strands WHERE programme_id = ${programmeId}))`);
  } catch (error) {
    if (sqlState(error) === "23505")
      return refuse(409, "The programme has this strand already", { name: [`The programme already has "${name}"`] });
    throw error;
  }
  return { ok: true };
}

/** Names someone with a Staffroom account as a facilitator of the programme, by their e-mail address. */
export async function addFacilitator(
  db: Database,
  userId: string,
  programmeId: string,
  email: string,
): Promise<Outcome<{ name: string }>> {
  if (!(await managedProgramme(db, userId, programmeId))) return refuse(404, "Programme not found");
  const [person] = parseRows(
    await db.execute(sql`SELECT id, name FROM users WHERE lower(email) = ${email.toLowerCase()}`),
    z.object({ id: z.string(), name: z.string() }),
    "the facilitator to add",
  );
  if (!person)
    return refuse(400, "Check the e-mail address", {
      email: ["Nobody has a Staffroom account with this e-mail address: ask them to sign up first"],
    });
  const added = parseRows(
    await db.execute(sql`
      INSERT INTO programme_facilitators (programme_id, user_id) VALUES (${programmeId}, ${person.id})
      ON CONFLICT DO NOTHING RETURNING user_id AS "userId"`),
    z.object({ userId: z.string() }),
    "the facilitator added",
  );
  if (added.length === 0)
    return refuse(409, "Already a facilitator", { email: [`${person.name} is already a facilitator`] });
  return { ok: true, name: person.name };
}

/** Adds a cohort for an academic year and start term; one per pair. */
export async function createCohort(
  db: Database,
  userId: string,
  programmeId: string,
  input: { academicYear: number; startTerm: Term; name: string | null },
): Promise<Outcome<{ cohortId: string }>> {
  if (!(await managedProgramme(db, userId, programmeId))) return refuse(404, "Programme not found");
  const name =
    input.name ??
    `${input.academicYear}/${String(input.academicYear + 1).slice(2)} ${termLabels[input.startTerm].toLowerCase()} start`;
  const [row] = parseRows(
    await db.execute(sql`
      INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
      VALUES (${programmeId}, ${input.academicYear}, ${input.startTerm}, ${name})
      ON CONFLICT DO NOTHING RETURNING id`),
    idRow,
    "the cohort inserted",
  );
  if (!row)
    return refuse(409, "This cohort exists already", {
      startTerm: ["The programme already has a cohort starting in this year and term"],
    });
  return { ok: true, cohortId: row.id };
}

export type Cohort = { id: string; programmeId: string; name: string; academicYear: number; startTerm: Term };

const cohortRow = z.object({
  id: z.string(),
  programmeId: z.string(),
  name: z.string(),
  academicYear: z.number().int(),
  startTerm: z.enum(terms),
}) satisfies z.ZodType<Cohort>;

/** A cohort of a programme the user manages (and of the programme in the URL), or null. */
export async function managedCohort(
  db: Executor,
  userId: string,
  programmeId: string,
  cohortId: string,
): Promise<Cohort | null> {
  if (!isUuid(cohortId) || !isUuid(programmeId)) return null;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT c.id, c.programme_id AS "programmeId", c.name, c.academic_year AS "academicYear", c.start_term AS "startTerm"
        FROM programme_cohorts c
       WHERE c.id = ${cohortId} AND c.programme_id = ${programmeId} AND c.programme_id IN (${managedProgrammeIds(userId)})`),
    cohortRow,
    "a managed cohort",
  );
  return row ?? null;
}

export type SessionRow = {
  id: string;
  title: string;
  strandName: string | null;
  inductionYear: 1 | 2;
  startsAt: string;
  endsAt: string;
  online: boolean;
  room: string | null;
  schoolName: string | null;
  schoolTown: string | null;
  capacity: number;
  optional: boolean;
  facilitatorName: string | null;
  cancelledAt: string | null;
  booked: number;
};

const sessionRow = z.object({
  id: z.string(),
  title: z.string(),
  strandName: z.string().nullable(),
  inductionYear: inductionYearField,
  ...sessionPlaceFields,
  capacity: z.number().int(),
  optional: z.boolean(),
  facilitatorName: z.string().nullable(),
  cancelledAt: stampText.nullable(),
  booked: z.number().int(),
}) satisfies z.ZodType<SessionRow>;

/** A cohort's sessions in time order, cancelled ones included (marked), with their live bookings counted. */
export async function sessionsOfCohort(db: Executor, cohortId: string): Promise<SessionRow[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ps.id, ps.title, st.name AS "strandName", ps.induction_year AS "inductionYear",
             ps.starts_at AS "startsAt", ps.ends_at AS "endsAt", ps.online, ps.room,
             hs.name AS "schoolName", hs.town AS "schoolTown", ps.capacity, ps.optional,
             fu.name AS "facilitatorName", ps.cancelled_at AS "cancelledAt",
             (SELECT count(*)::int FROM session_bookings b WHERE b.session_id = ps.id AND b.live) AS booked
        FROM programme_sessions ps
        LEFT JOIN programme_strands st ON st.id = ps.strand_id
        LEFT JOIN schools hs ON hs.id = ps.host_school_id
        LEFT JOIN users fu ON fu.id = ps.facilitator_user_id
       WHERE ps.cohort_id = ${cohortId}
       ORDER BY ps.starts_at`),
    sessionRow,
    "a cohort's sessions",
  );
}

export type SchoolOption = { value: string; label: string };

const schoolOptionRow = z.object({ value: z.string(), label: z.string() }) satisfies z.ZodType<SchoolOption>;

/** The schools that may host the programme's sessions: those of the partnership it runs in. */
async function hostSchoolsFor(db: Executor, partnershipId: string | null): Promise<SchoolOption[]> {
  if (!partnershipId) return [];
  return parseRows(
    await db.execute(sql`
      SELECT s.id AS value, s.name || coalesce(', ' || s.town, '') AS label FROM schools s
       WHERE s.partnership_id = ${partnershipId} ORDER BY s.name`),
    schoolOptionRow,
    "the schools that may host a programme's sessions",
  );
}

/** What the session form offers: the programme's strands, facilitators and the schools that may host. */
export async function sessionFormOptions(db: Executor, programme: Programme) {
  const [strands, facilitators, schools] = await Promise.all([
    strandsOf(db, programme.id),
    facilitatorsOf(db, programme.id),
    hostSchoolsFor(db, programme.partnershipId),
  ]);
  return {
    strands: strands.map((s) => ({ value: s.id, label: s.name })),
    facilitators: facilitators.map((f) => ({ value: f.id, label: f.name })),
    schools,
  };
}

type Checked = { startsAt: Date; endsAt: Date; hostSchoolId: string | null; room: string | null };

/**
 * The rules a session's details must meet beyond their form: London times that exist, a date in the cohort's year
 * for its induction year, and a strand, facilitator and host school that belong to the programme.
 */
async function checkSession(
  tx: Executor,
  programme: Programme,
  cohort: Cohort,
  input: SessionInput,
): Promise<Outcome<Checked>> {
  const fieldErrors: Record<string, string[]> = {};
  const startsAt = fromLondonLocal(`${input.date}T${input.startTime}`);
  const endsAt = fromLondonLocal(`${input.date}T${input.endTime}`);
  if (!startsAt) fieldErrors.startTime = ["This time does not exist on that day (the clocks change): choose another"];
  if (!endsAt) fieldErrors.endTime = ["This time does not exist on that day (the clocks change): choose another"];
  const yearProblem = sessionYearProblem(cohort.academicYear, input.inductionYear, input.date);
  if (yearProblem) fieldErrors.date = [yearProblem];
  const [found] = parseRows(
    await tx.execute(sql`
      SELECT ${input.strandId ?? null}::text IS NULL
               OR EXISTS (SELECT 1 FROM programme_strands WHERE id = ${input.strandId ?? null} AND programme_id = ${programme.id}) AS strand,
             ${input.facilitatorUserId ?? null}::text IS NULL
               OR EXISTS (SELECT 1 FROM programme_facilitators WHERE user_id = ${input.facilitatorUserId ?? null} AND programme_id = ${programme.id}) AS facilitator,
             ${input.venue === "online"}::boolean
               OR EXISTS (SELECT 1 FROM schools WHERE id = ${input.hostSchoolId ?? null} AND partnership_id = ${programme.partnershipId}) AS school`),
    z.object({ strand: z.boolean(), facilitator: z.boolean(), school: z.boolean() }),
    "the session's strand, facilitator and school checked",
  );
  if (!found?.strand) fieldErrors.strandId = ["Choose one of the programme's strands"];
  if (!found?.facilitator) fieldErrors.facilitatorUserId = ["Choose one of the programme's facilitators"];
  if (!found?.school) fieldErrors.hostSchoolId = ["Choose a school of the programme's partnership"];
  if (Object.keys(fieldErrors).length > 0 || !startsAt || !endsAt) return refuse(400, "Check the session", fieldErrors);
  return {
    ok: true,
    startsAt,
    endsAt,
    hostSchoolId: input.venue === "online" ? null : (input.hostSchoolId ?? null),
    room: input.venue === "online" ? null : input.room,
  };
}

const clashMessage = (n: number) =>
  `${n} booked ECT${n === 1 ? " has" : "s have"} another session at this time: choose a time that does not clash`;

/**
 * Adds a session to a cohort. A core session books every ECT enrolled in the cohort, in the same transaction; it is
 * refused when that would clash with another of their sessions or exceed the room.
 */
export async function createSession(
  db: Database,
  userId: string,
  programmeId: string,
  cohortId: string,
  input: SessionInput,
): Promise<Outcome<{ sessionId: string; booked: number }>> {
  try {
    return await transactionRunAgainIfDeadlocked(db, async (tx) => {
      const programme = await managedProgramme(tx, userId, programmeId);
      const cohort = programme ? await managedCohort(tx, userId, programmeId, cohortId) : null;
      if (!programme || !cohort) return refuse(404, "Cohort not found");
      const checked = await checkSession(tx, programme, cohort, input);
      if (!checked.ok) return checked;
      // Serialises with enrolments into this cohort, so the ECTs counted here are the ones booked below.
      await tx.execute(sql`SELECT id FROM programme_cohorts WHERE id = ${cohort.id} FOR UPDATE`);
      if (!input.optional) {
        const [counts] = parseRows(
          await tx.execute(sql`
            SELECT count(*)::int AS enrolled,
                   count(*) FILTER (WHERE EXISTS (
                     SELECT 1 FROM session_bookings o
                      WHERE o.ect_id = ce.ect_id AND o.live
                        AND tstzrange(o.starts_at, o.ends_at, '[)')
                            && tstzrange(${checked.startsAt.toISOString()}::timestamptz, ${checked.endsAt.toISOString()}::timestamptz, '[)')))::int AS clashing
              FROM cohort_enrolments ce WHERE ce.cohort_id = ${cohort.id}`),
          z.object({ enrolled: z.number().int(), clashing: z.number().int() }),
          "the cohort's enrolled and clashing ECTs",
        );
        if (counts && counts.clashing > 0)
          return refuse(409, "The session clashes", { date: [clashMessage(counts.clashing)] });
        if (counts && counts.enrolled > input.capacity)
          return refuse(400, "Check the session", {
            capacity: [
              `${counts.enrolled} ECTs are enrolled and a core session books them all: give at least ${counts.enrolled} places`,
            ],
          });
      }
      const session = firstRow(
        parseRows(
          await tx.execute(sql`
            INSERT INTO programme_sessions (cohort_id, strand_id, title, induction_year, starts_at, ends_at,
                                            host_school_id, online, room, capacity, optional, facilitator_user_id)
            VALUES (${cohort.id}, ${input.strandId ?? null}, ${input.title}, ${input.inductionYear},
                    ${checked.startsAt.toISOString()}::timestamptz, ${checked.endsAt.toISOString()}::timestamptz,
                    ${checked.hostSchoolId}, ${input.venue === "online"}, ${checked.room}, ${input.capacity},
                    ${input.optional}, ${input.facilitatorUserId ?? null})
            RETURNING id`),
          idRow,
          "the session inserted",
        ),
        "the session inserted",
      );
      const booked = input.optional
        ? []
        : parseRows(
            await tx.execute(sql`
              INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at, booked_by)
              SELECT ${session.id}, ce.ect_id, ${checked.startsAt.toISOString()}::timestamptz,
                     ${checked.endsAt.toISOString()}::timestamptz, ${userId}
                FROM cohort_enrolments ce WHERE ce.cohort_id = ${cohort.id}
              RETURNING id`),
            idRow,
            "the core session's bookings",
          );
      return { ok: true as const, sessionId: session.id, booked: booked.length };
    });
  } catch (error) {
    // A booking made at the same moment elsewhere: the exclusion constraint decided.
    if (sqlState(error) === "23P01") return refuse(409, "The session clashes", { date: [clashMessage(1)] });
    throw error;
  }
}

export type SessionDetail = {
  id: string;
  programmeId: string;
  programmeName: string;
  cohortId: string;
  cohortName: string;
  academicYear: number;
  title: string;
  strandId: string | null;
  inductionYear: 1 | 2;
  startsAt: string;
  endsAt: string;
  online: boolean;
  hostSchoolId: string | null;
  room: string | null;
  schoolName: string | null;
  schoolTown: string | null;
  capacity: number;
  optional: boolean;
  facilitatorUserId: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  booked: number;
};

const sessionDetailRow = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  cohortId: z.string(),
  cohortName: z.string(),
  academicYear: z.number().int(),
  title: z.string(),
  strandId: z.string().nullable(),
  inductionYear: inductionYearField,
  ...sessionPlaceFields,
  hostSchoolId: z.string().nullable(),
  capacity: z.number().int(),
  optional: z.boolean(),
  facilitatorUserId: z.string().nullable(),
  cancelledAt: stampText.nullable(),
  cancelReason: z.string().nullable(),
  booked: z.number().int(),
}) satisfies z.ZodType<SessionDetail>;

const detailColumns = sql`
  ps.id, p.id AS "programmeId", p.name AS "programmeName", c.id AS "cohortId", c.name AS "cohortName",
  c.academic_year AS "academicYear", ps.title, ps.strand_id AS "strandId", ps.induction_year AS "inductionYear",
  ps.starts_at AS "startsAt", ps.ends_at AS "endsAt", ps.online, ps.host_school_id AS "hostSchoolId", ps.room,
  hs.name AS "schoolName", hs.town AS "schoolTown", ps.capacity, ps.optional,
  ps.facilitator_user_id AS "facilitatorUserId", ps.cancelled_at AS "cancelledAt", ps.cancel_reason AS "cancelReason",
  (SELECT count(*)::int FROM session_bookings b WHERE b.session_id = ps.id AND b.live) AS booked`;

const detailFrom = sql`
  programme_sessions ps
  JOIN programme_cohorts c ON c.id = ps.cohort_id
  JOIN ect_programmes p ON p.id = c.programme_id
  LEFT JOIN schools hs ON hs.id = ps.host_school_id`;

/** A session of a programme the user manages, or null. */
export async function managedSession(db: Executor, userId: string, sessionId: string): Promise<SessionDetail | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT ${detailColumns} FROM ${detailFrom}
       WHERE ps.id = ${sessionId} AND p.id IN (${managedProgrammeIds(userId)})`),
    sessionDetailRow,
    "a managed session",
  );
  return row ?? null;
}

const venueOf = (s: Pick<SessionDetail, "online" | "room" | "schoolName" | "schoolTown">): Venue => ({
  online: s.online,
  room: s.room,
  schoolName: s.schoolName,
  schoolTown: s.schoolTown,
});

/**
 * Edits a session. A new time moves its live bookings with it in the same transaction (refused, naming how many
 * ECTs, when that would clash with another of their sessions); a new time or place e-mails the booked ECTs and their
 * tutors, saying what changed. The room never shrinks below the places already booked.
 */
export async function updateSession(
  db: Database,
  context: NotifyContext,
  userId: string,
  sessionId: string,
  input: SessionInput,
): Promise<Outcome<{ told: number }>> {
  try {
    return await transactionRunAgainIfDeadlocked(db, async (tx) => {
      const before = await managedSession(tx, userId, sessionId);
      if (!before) return refuse(404, "Session not found");
      if (before.cancelledAt) return refuse(409, "This session is cancelled: it cannot be changed");
      // Bookings of this session (capacity, enrolment) wait for this change, and this for them.
      await tx.execute(sql`SELECT id FROM programme_sessions WHERE id = ${before.id} FOR UPDATE`);
      const programme = await managedProgramme(tx, userId, before.programmeId);
      const cohort = programme ? await managedCohort(tx, userId, before.programmeId, before.cohortId) : null;
      if (!programme || !cohort) return refuse(404, "Session not found");
      const checked = await checkSession(tx, programme, cohort, input);
      if (!checked.ok) return checked;
      const [counts] = parseRows(
        await tx.execute(sql`
          SELECT count(*)::int AS booked,
                 count(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM session_bookings o
                    WHERE o.ect_id = b.ect_id AND o.live AND o.session_id <> b.session_id
                      AND tstzrange(o.starts_at, o.ends_at, '[)')
                          && tstzrange(${checked.startsAt.toISOString()}::timestamptz, ${checked.endsAt.toISOString()}::timestamptz, '[)')))::int AS clashing
            FROM session_bookings b WHERE b.session_id = ${before.id} AND b.live`),
        z.object({ booked: z.number().int(), clashing: z.number().int() }),
        "the session's booked and clashing ECTs",
      );
      if (counts && counts.clashing > 0)
        return refuse(409, "The move clashes", { date: [clashMessage(counts.clashing)] });
      if (counts && counts.booked > input.capacity)
        return refuse(400, "Check the session", {
          capacity: [`${counts.booked} ECTs are booked: the session needs at least ${counts.booked} places`],
        });
      const moved =
        checked.startsAt.getTime() !== new Date(before.startsAt).getTime() ||
        checked.endsAt.getTime() !== new Date(before.endsAt).getTime();
      await tx.execute(sql`
        UPDATE programme_sessions
           SET title = ${input.title}, strand_id = ${input.strandId ?? null}, induction_year = ${input.inductionYear},
               starts_at = ${checked.startsAt.toISOString()}::timestamptz, ends_at = ${checked.endsAt.toISOString()}::timestamptz,
               host_school_id = ${checked.hostSchoolId}, online = ${input.venue === "online"}, room = ${checked.room},
               capacity = ${input.capacity}, optional = ${input.optional}, facilitator_user_id = ${input.facilitatorUserId ?? null},
               reminded_at = CASE WHEN ${moved} THEN NULL ELSE reminded_at END, updated_at = now()
         WHERE id = ${before.id}`);
      if (moved)
        await tx.execute(sql`
          UPDATE session_bookings
             SET starts_at = ${checked.startsAt.toISOString()}::timestamptz, ends_at = ${checked.endsAt.toISOString()}::timestamptz
           WHERE session_id = ${before.id}`);
      const after = firstRow(
        parseRows(
          await tx.execute(sql`SELECT ${detailColumns} FROM ${detailFrom} WHERE ps.id = ${before.id}`),
          sessionDetailRow,
          "the session just updated",
        ),
        "the session just updated",
      );
      const changes = describeChange(
        { startsAt: before.startsAt, endsAt: before.endsAt, venue: venueOf(before) },
        { startsAt: after.startsAt, endsAt: after.endsAt, venue: venueOf(after) },
      );
      if (changes.length === 0) return { ok: true as const, told: 0 };
      const told = await tellSessionChange(
        tx,
        context,
        await bookedEcts(tx, before.id),
        {
          title: after.title,
          programmeName: after.programmeName,
          startsAt: after.startsAt,
          endsAt: after.endsAt,
          venue: venueOf(after),
        },
        { event: "changed", changes, reason: null },
      );
      return { ok: true as const, told };
    });
  } catch (error) {
    if (sqlState(error) === "23P01") return refuse(409, "The move clashes", { date: [clashMessage(1)] });
    throw error;
  }
}

/** Cancels a session with a reason: its places are freed (their time blocks nothing) and everyone booked is told. */
export async function cancelSession(
  db: Database,
  context: NotifyContext,
  userId: string,
  sessionId: string,
  reason: string,
): Promise<Outcome<{ told: number }>> {
  const why = reason.trim();
  return db.transaction(async (tx) => {
    const session = await managedSession(tx, userId, sessionId);
    if (!session) return refuse(404, "Session not found");
    if (session.cancelledAt) return refuse(409, "This session is cancelled already");
    if (why.length < 5)
      return refuse(400, "Say why", { reason: ["Say why the session is cancelled, in at least 5 characters"] });
    await tx.execute(sql`SELECT id FROM programme_sessions WHERE id = ${session.id} FOR UPDATE`);
    const booked = await bookedEcts(tx, session.id);
    await tx.execute(sql`
      UPDATE programme_sessions SET cancelled_at = now(), cancel_reason = ${why}, updated_at = now()
       WHERE id = ${session.id}`);
    await tx.execute(sql`UPDATE session_bookings SET live = false WHERE session_id = ${session.id}`);
    const told = await tellSessionChange(
      tx,
      context,
      booked,
      {
        title: session.title,
        programmeName: session.programmeName,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        venue: venueOf(session),
      },
      { event: "cancelled", changes: [], reason: why },
    );
    return { ok: true as const, told };
  });
}
