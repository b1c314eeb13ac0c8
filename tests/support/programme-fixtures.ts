import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import type { SessionInput } from "../../app/programmes/schemas";
import { addMembership, createUser, valeRegion } from "./factories";
import { enqueueLater } from "./jobs";

/**
 * ECT programme fixtures. The ECT records and enrolment services are the lead's (app/programmes/ects.server.ts,
 * enrolment.server.ts); until they land, tests put ECTs, their school periods, enrolments and bookings in place
 * with plain SQL here, as the schema of migration 0022 has them.
 */

/** What a session change needs to send its mails: links to a local app, and jobs left queued. */
export const programmeContext = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

/** A year 1 session of a 2026/27 cohort, in January 2027 (GMT), 09:30 to 12:00 London time. */
export function sessionInput(values: Partial<SessionInput> = {}): SessionInput {
  return {
    title: "Behaviour: the first weeks",
    strandId: undefined,
    inductionYear: 1,
    date: "2027-01-14",
    startTime: "09:30",
    endTime: "12:00",
    venue: "online",
    hostSchoolId: undefined,
    room: null,
    capacity: 30,
    optional: false,
    facilitatorUserId: undefined,
    ...values,
  };
}

/** An ECT at a school from 1 September 2026, with the school's induction tutor. */
async function insertEct(
  db: Executor,
  ect: {
    name: string;
    email: string;
    trn: string;
    schoolId: string;
    tutorUserId?: string | null;
    userId?: string | null;
  },
): Promise<{ id: string }> {
  const row = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO ects (user_id, name, email, trn, induction_starts_on, appropriate_body)
        VALUES (${ect.userId ?? null}, ${ect.name}, ${ect.email}, ${ect.trn}, '2026-09-01', 'Vale Appropriate Body')
        RETURNING id`),
    ),
    "the ECT inserted",
  );
  await db.execute(sql`
    INSERT INTO ect_school_periods (ect_id, school_id, induction_tutor_user_id, starts_on)
    VALUES (${row.id}, ${ect.schoolId}, ${ect.tutorUserId ?? null}, '2026-09-01')`);
  return row;
}

async function enrolEct(db: Executor, cohortId: string, ectId: string): Promise<void> {
  await db.execute(sql`INSERT INTO cohort_enrolments (cohort_id, ect_id) VALUES (${cohortId}, ${ectId})`);
}

/** Books an ECT onto a session at the session's times (as enrolment or an optional choice would). */
export async function bookEct(db: Executor, sessionId: string, ectId: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at)
    SELECT id, ${ectId}, starts_at, ends_at FROM programme_sessions WHERE id = ${sessionId}`);
}

async function insertProgramme(db: Executor, name: string, partnershipId: string) {
  return firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO ect_programmes (name, kind, partnership_id) VALUES (${name}, 'school_led', ${partnershipId})
        RETURNING id`),
    ),
    "the programme inserted",
  );
}

async function insertCohort(db: Executor, programmeId: string, academicYear: number) {
  return firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
        VALUES (${programmeId}, ${academicYear}, 'autumn', ${`${academicYear} autumn start`}) RETURNING id`),
    ),
    "the cohort inserted",
  );
}

/**
 * The vale region (tests/support/factories.ts) with a programme: "Vale ECT programme", run by the vale partnership,
 * led by Lena (programme_lead at vale), facilitated by Fran, with a 2026/27 autumn cohort and a "Behaviour" strand.
 * Two ECTs with accounts at Navigation (a1), whose induction tutor is Ian, are enrolled in the cohort; a third, at
 * Oldfield Brow (b1), is not. The other partnership runs its own programme and cohort, managed by its admin.
 */
export async function programmeRegion(db: Database) {
  const r = await valeRegion(db);
  const lead = await createUser(db, { email: "lena@vale.example", name: "Lena Lead" });
  await addMembership(db, lead, "programme_lead", { partnership: r.vale });
  const facilitator = await createUser(db, { email: "fran@facilitator.example", name: "Fran Facilitator" });
  const tutor = await createUser(db, { email: "ian@navigation.example", name: "Ian Induction" });
  await addMembership(db, tutor, "induction_tutor", { school: r.a1 });
  const programme = await insertProgramme(db, "Vale ECT programme", r.vale.id);
  await db.execute(sql`
    INSERT INTO programme_facilitators (programme_id, user_id) VALUES (${programme.id}, ${facilitator.id})`);
  const strand = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO programme_strands (programme_id, name, position) VALUES (${programme.id}, 'Behaviour', 1) RETURNING id`),
    ),
    "the strand inserted",
  );
  const cohort = await insertCohort(db, programme.id, 2026);
  const erinUser = await createUser(db, { email: "erin@ect.example", name: "Erin Early" });
  const erin = await insertEct(db, {
    name: "Erin Early",
    email: "erin@ect.example",
    trn: "1234567",
    schoolId: r.a1.id,
    tutorUserId: tutor.id,
    userId: erinUser.id,
  });
  const sam = await insertEct(db, {
    name: "Sam Start",
    email: "sam@ect.example",
    trn: "2345678",
    schoolId: r.a1.id,
    tutorUserId: tutor.id,
  });
  const olu = await insertEct(db, {
    name: "Olu Oldfield",
    email: "olu@ect.example",
    trn: "3456789",
    schoolId: r.b1.id,
  });
  for (const ect of [erin, sam]) await enrolEct(db, cohort.id, ect.id);
  const foreignProgramme = await insertProgramme(db, "Other ECT programme", r.other.id);
  const foreignCohort = await insertCohort(db, foreignProgramme.id, 2026);
  return {
    ...r,
    lead,
    facilitator,
    tutor,
    programme,
    strand,
    cohort,
    erinUser,
    erin,
    sam,
    olu,
    foreignProgramme,
    foreignCohort,
  };
}
