import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { firstRow, parseRows } from "../../db/rows";
import { queueEmail } from "../../emails/outbox.server";
import { isUuid } from "../forms/fields";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { londonToday, toLondonLocal } from "../vocabulary/london-time";
import {
  adminFair,
  adminPartnershipIds,
  fairColumns,
  fairFrom,
  fairRow,
  hrFairSchool,
  isoTime,
  type Fair,
} from "./access.server";
import { londonSpan, slotRun } from "./rules";
import type { FairInput, FairRoleInput, SlotRunInput } from "./schemas";
import { meetingWhen } from "./text";

/**
 * Fairs as their partnership's admins run them (details, taking-part schools) and as each school's HR prepare for
 * them (roles expected, meeting slots). Every rule answers at the form's fields; another partnership's fair or a
 * school not taking part is not found.
 */

export type NotifyContext = { appUrl: string; enqueue: Enqueue };

const idRow = z.object({ id: z.string() });
const option = z.object({ value: z.string(), label: z.string() });

/** The partnerships where the user runs fairs. */
export async function adminPartnerships(db: Executor, userId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT p.id AS value, p.name AS label FROM partnerships p
       WHERE p.id IN (${adminPartnershipIds(userId)}) ORDER BY p.name`),
    option,
    "the user's partnerships",
  );
}

/** The choices of a fair's form: the partnership's schools (host, taking part) and its pool rounds. */
export async function fairFormOptions(db: Executor, partnershipId: string) {
  const [schools, rounds] = await Promise.all([
    db.execute(
      sql`SELECT id AS value, name AS label FROM schools WHERE partnership_id = ${partnershipId} ORDER BY name`,
    ),
    db.execute(sql`SELECT id AS value, name AS label FROM pool_rounds WHERE partnership_id = ${partnershipId}
                    ORDER BY opens_on DESC, name`),
  ]);
  return {
    schools: parseRows(schools, option, "the partnership's schools"),
    rounds: parseRows(rounds, option, "the partnership's pool rounds"),
  };
}

type Checked = { startsAt: Date; endsAt: Date; hostSchoolId: string | null; place: string; onlineUrl: string | null };

/** The rules beyond the form: London times that exist, a host school and pool round of the same partnership. */
async function checkFair(tx: Executor, partnershipId: string, input: FairInput): Promise<Outcome<Checked>> {
  const fieldErrors: Record<string, string[]> = {};
  const span = londonSpan(input.date, input.startTime, input.endTime);
  if (!span.ok) Object.assign(fieldErrors, span.fieldErrors);
  const hostSchoolId = input.mode === "in_person" ? (input.hostSchoolId ?? null) : null;
  const [found] = parseRows(
    await tx.execute(sql`
      SELECT ${hostSchoolId}::text IS NULL
               OR EXISTS (SELECT 1 FROM schools WHERE id = ${hostSchoolId} AND partnership_id = ${partnershipId}) AS school,
             ${input.poolRoundId ?? null}::text IS NULL
               OR EXISTS (SELECT 1 FROM pool_rounds WHERE id = ${input.poolRoundId ?? null}
                             AND partnership_id = ${partnershipId}) AS round`),
    z.object({ school: z.boolean(), round: z.boolean() }),
    "the fair's school and round",
  );
  if (!found?.school) fieldErrors.hostSchoolId = ["Choose a school of the partnership"];
  if (!found?.round) fieldErrors.poolRoundId = ["Choose one of the partnership's pool rounds"];
  if (Object.keys(fieldErrors).length > 0 || !span.ok) return refuse(400, "Check the fair", fieldErrors);
  return {
    ok: true,
    ...span.span,
    hostSchoolId,
    place: input.mode === "in_person" ? input.place : "",
    onlineUrl: input.mode === "online" ? (input.onlineUrl ?? null) : null,
  };
}

/** Sets up a fair of a partnership the user runs fairs for. */
export async function createFair(
  db: Database,
  userId: string,
  partnershipId: string,
  input: FairInput,
): Promise<Outcome<{ fairId: string }>> {
  if (!isUuid(partnershipId)) return refuse(400, "Check the fair", { partnershipId: ["Choose your partnership"] });
  return db.transaction(async (tx) => {
    const [held] = parseRows(
      await tx.execute(sql`SELECT ${partnershipId}::text IN (${adminPartnershipIds(userId)}) AS held`),
      z.object({ held: z.boolean() }),
      "a partnership admin check",
    );
    if (!held?.held) return refuse(400, "Check the fair", { partnershipId: ["Choose your partnership"] });
    const checked = await checkFair(tx, partnershipId, input);
    if (!checked.ok) return checked;
    const row = firstRow(
      parseRows(
        await tx.execute(sql`
          INSERT INTO fairs (partnership_id, name, description, mode, host_school_id, place, online_url, starts_at,
                             ends_at, pool_round_id, created_by)
          VALUES (${partnershipId}, ${input.name}, ${input.description}, ${input.mode}, ${checked.hostSchoolId},
                  ${checked.place}, ${checked.onlineUrl}, ${checked.startsAt.toISOString()}::timestamptz,
                  ${checked.endsAt.toISOString()}::timestamptz, ${input.poolRoundId ?? null}, ${userId})
          RETURNING id`),
        idRow,
        "the fair inserted",
      ),
      "the fair inserted",
    );
    return { ok: true as const, fairId: row.id };
  });
}

/** Changes a fair's details. Slots already offered outside the new hours are refused at the times. */
export async function updateFair(db: Database, userId: string, fairId: string, input: FairInput): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const fair = await adminFair(tx, userId, fairId);
    if (!fair) return refuse(404, "Fair not found");
    await tx.execute(sql`SELECT id FROM fairs WHERE id = ${fair.id} FOR UPDATE`);
    const checked = await checkFair(tx, fair.partnershipId, input);
    if (!checked.ok) return checked;
    const [outside] = parseRows(
      await tx.execute(sql`
        SELECT count(*)::int AS n FROM fair_slots
         WHERE fair_id = ${fair.id} AND (starts_at < ${checked.startsAt.toISOString()}::timestamptz
                                         OR ends_at > ${checked.endsAt.toISOString()}::timestamptz)`),
      z.object({ n: z.number() }),
      "slots outside the fair's new hours",
    );
    if (outside && outside.n > 0)
      return refuse(409, "Check the fair", {
        startTime: [
          `${outside.n} meeting slot${outside.n === 1 ? " falls" : "s fall"} outside these hours: schools must remove them first`,
        ],
      });
    await tx.execute(sql`
      UPDATE fairs SET name = ${input.name}, description = ${input.description}, mode = ${input.mode},
             host_school_id = ${checked.hostSchoolId}, place = ${checked.place}, online_url = ${checked.onlineUrl},
             starts_at = ${checked.startsAt.toISOString()}::timestamptz,
             ends_at = ${checked.endsAt.toISOString()}::timestamptz, pool_round_id = ${input.poolRoundId ?? null},
             updated_at = now()
       WHERE id = ${fair.id}`);
    return { ok: true as const };
  });
}

/** A fair's values for its form: the date and London clock times. */
export function fairFormValues(fair: Fair) {
  const start = toLondonLocal(fair.startsAt);
  const end = toLondonLocal(fair.endsAt);
  return {
    name: fair.name,
    description: fair.description,
    mode: fair.mode,
    hostSchoolId: fair.hostSchoolId ?? "",
    place: fair.place,
    onlineUrl: fair.onlineUrl ?? "",
    date: start.slice(0, 10),
    startTime: start.slice(11),
    endTime: end.slice(11),
    poolRoundId: fair.poolRoundId ?? "",
  };
}

/** Adds a school of the fair's partnership to the schools taking part (again: its stand is updated). */
export async function addFairSchool(
  db: Database,
  userId: string,
  fairId: string,
  input: { schoolId: string; stand: string },
): Promise<Outcome<{ schoolName: string }>> {
  return db.transaction(async (tx) => {
    const fair = await adminFair(tx, userId, fairId);
    if (!fair) return refuse(404, "Fair not found");
    const [school] = parseRows(
      await tx.execute(
        sql`SELECT name FROM schools WHERE id = ${input.schoolId} AND partnership_id = ${fair.partnershipId}`,
      ),
      z.object({ name: z.string() }),
      "a school of the partnership",
    );
    if (!school) return refuse(400, "Check the school", { schoolId: ["Choose a school of the partnership"] });
    await tx.execute(sql`
      INSERT INTO fair_schools (fair_id, school_id, stand) VALUES (${fair.id}, ${input.schoolId}, ${input.stand})
      ON CONFLICT (fair_id, school_id) DO UPDATE SET stand = EXCLUDED.stand`);
    return { ok: true as const, schoolName: school.name };
  });
}

/**
 * Takes a school out of the fair: its roles and slots go, and the teachers booked with it are told their meetings
 * are cancelled.
 */
export async function removeFairSchool(
  db: Database,
  context: NotifyContext,
  userId: string,
  fairId: string,
  schoolId: string,
): Promise<Outcome<{ cancelled: number }>> {
  if (!isUuid(schoolId)) return refuse(404, "School not found");
  return db.transaction(async (tx) => {
    const fair = await adminFair(tx, userId, fairId);
    if (!fair) return refuse(404, "Fair not found");
    const removed = parseRows(
      await tx.execute(
        sql`DELETE FROM fair_schools WHERE fair_id = ${fair.id} AND school_id = ${schoolId} RETURNING school_id AS id`,
      ),
      idRow,
      "the school removed",
    );
    if (removed.length === 0) return refuse(404, "School not found");
    let cancelled = 0;
    const slots = parseRows(
      await tx.execute(
        sql`SELECT id FROM fair_slots WHERE fair_id = ${fair.id} AND school_id = ${schoolId} FOR UPDATE`,
      ),
      idRow,
      "the school's slots",
    );
    for (const slot of slots) cancelled += await cancelSlotBookings(tx, context, fair, slot.id);
    await tx.execute(sql`DELETE FROM fair_slots WHERE fair_id = ${fair.id} AND school_id = ${schoolId}`);
    await tx.execute(sql`DELETE FROM fair_roles WHERE fair_id = ${fair.id} AND school_id = ${schoolId}`);
    return { ok: true as const, cancelled };
  });
}

const summaryRow = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(["in_person", "online"]),
  partnershipId: z.string(),
  partnershipName: z.string(),
  hostSchoolName: z.string().nullable(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  schools: z.number(),
});
export type FairSummary = z.output<typeof summaryRow>;

const summaryColumns = sql`
  f.id, f.name, f.mode, f.partnership_id AS "partnershipId", p.name AS "partnershipName",
  hs.name AS "hostSchoolName", f.place, ${isoTime(sql`f.starts_at`)} AS "startsAt", ${isoTime(sql`f.ends_at`)} AS "endsAt",
  (SELECT count(*)::int FROM fair_schools fs WHERE fs.fair_id = f.id) AS schools`;

/** Fairs not yet over, soonest first, by partnership: the public list. */
export async function upcomingFairs(db: Executor, now: Date): Promise<FairSummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ${summaryColumns} FROM ${fairFrom}
       WHERE f.ends_at > ${now.toISOString()}::timestamptz
       ORDER BY p.name, f.starts_at, f.name`),
    summaryRow,
    "upcoming fairs",
  );
}

/** Every fair of the partnerships the user runs fairs for, newest first. */
export async function adminFairs(db: Executor, userId: string): Promise<FairSummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ${summaryColumns} FROM ${fairFrom}
       WHERE f.partnership_id IN (${adminPartnershipIds(userId)})
       ORDER BY f.starts_at DESC`),
    summaryRow,
    "the user's partnerships' fairs",
  );
}

const roleRow = z.object({
  id: z.string(),
  schoolId: z.string(),
  title: z.string(),
  phase: z.string().nullable(),
  subject: z.string().nullable(),
  contract: z.string().nullable(),
  notes: z.string(),
  vacancyId: z.string().nullable(),
  vacancyTitle: z.string().nullable(),
});

const schoolRow = z.object({ id: z.string(), name: z.string(), town: z.string().nullable(), stand: z.string() });

/** The fair's schools, each with the roles it expects to fill (a vacancy shown only while published). */
export async function fairSchoolsWithRoles(db: Executor, fairId: string) {
  const [schools, roles] = await Promise.all([
    db.execute(sql`
      SELECT s.id, s.name, s.town, fs.stand FROM fair_schools fs JOIN schools s ON s.id = fs.school_id
       WHERE fs.fair_id = ${fairId} ORDER BY s.name`),
    db.execute(sql`
      SELECT r.id, r.school_id AS "schoolId", r.title, r.phase, r.subject, r.contract, r.notes,
             v.id AS "vacancyId", v.title AS "vacancyTitle"
        FROM fair_roles r LEFT JOIN vacancies v ON v.id = r.vacancy_id AND v.status = 'published'
       WHERE r.fair_id = ${fairId} ORDER BY r.created_at, r.title`),
  ]);
  const byRoles = parseRows(roles, roleRow, "a fair's roles");
  return parseRows(schools, schoolRow, "a fair's schools").map((s) => ({
    ...s,
    roles: byRoles.filter((r) => r.schoolId === s.id),
  }));
}

/** The fair's public page: when, where, the schools and their roles; the link only for its registered teachers. */
export async function publicFair(db: Executor, fairId: string, viewerId: string | null) {
  if (!isUuid(fairId)) return null;
  const [fair] = parseRows(
    await db.execute(sql`SELECT ${fairColumns} FROM ${fairFrom} WHERE f.id = ${fairId}`),
    fairRow,
    "a fair",
  );
  if (!fair) return null;
  const registration = viewerId ? await liveRegistration(db, viewerId, fair.id) : null;
  const schools = await fairSchoolsWithRoles(db, fair.id);
  return { fair: { ...fair, onlineUrl: registration ? fair.onlineUrl : null }, schools, registration };
}

const registrationRow = z.object({ id: z.string(), interests: z.string() });

/** The user's registration for a fair, unless cancelled. */
async function liveRegistration(db: Executor, userId: string, fairId: string) {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT id, interests FROM fair_registrations
       WHERE fair_id = ${fairId} AND user_id = ${userId} AND cancelled_at IS NULL`),
    registrationRow,
    "a registration",
  );
  return row ?? null;
}

/** A school's published vacancies, to link a role or an invitation to. */
export async function publishedVacanciesOf(db: Executor, schoolId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT v.id AS value, v.title AS label FROM vacancies v
        JOIN vacancy_schools vs ON vs.vacancy_id = v.id
       WHERE vs.school_id = ${schoolId} AND v.status = 'published' ORDER BY v.title`),
    option,
    "a school's published vacancies",
  );
}

async function isPublishedVacancyOf(tx: Executor, schoolId: string, vacancyId: string): Promise<boolean> {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT EXISTS (SELECT 1 FROM vacancies v JOIN vacancy_schools vs ON vs.vacancy_id = v.id
                      WHERE v.id = ${vacancyId} AND vs.school_id = ${schoolId} AND v.status = 'published') AS ok`),
    z.object({ ok: z.boolean() }),
    "a vacancy check",
  );
  return row?.ok === true;
}
export { isPublishedVacancyOf };

/** A role the school's HR expects to fill. */
export async function addFairRole(
  db: Database,
  userId: string,
  fairId: string,
  schoolId: string,
  input: FairRoleInput,
): Promise<Outcome<{ roleId: string }>> {
  return db.transaction(async (tx) => {
    const found = await hrFairSchool(tx, userId, fairId, schoolId);
    if (!found) return refuse(404, "Fair not found");
    if (input.vacancyId && !(await isPublishedVacancyOf(tx, schoolId, input.vacancyId)))
      return refuse(400, "Check the role", { vacancyId: ["Choose one of your school's published vacancies"] });
    const row = firstRow(
      parseRows(
        await tx.execute(sql`
          INSERT INTO fair_roles (fair_id, school_id, title, phase, subject, contract, notes, vacancy_id)
          VALUES (${fairId}, ${schoolId}, ${input.title}, ${input.phase ?? null}, ${input.subject || null},
                  ${input.contract ?? null}, ${input.notes}, ${input.vacancyId ?? null})
          RETURNING id`),
        idRow,
        "the role inserted",
      ),
      "the role inserted",
    );
    return { ok: true as const, roleId: row.id };
  });
}

export async function removeFairRole(
  db: Database,
  userId: string,
  fairId: string,
  schoolId: string,
  roleId: string,
): Promise<Outcome> {
  if (!isUuid(roleId)) return refuse(404, "Role not found");
  return db.transaction(async (tx) => {
    const found = await hrFairSchool(tx, userId, fairId, schoolId);
    if (!found) return refuse(404, "Fair not found");
    const removed = parseRows(
      await tx.execute(sql`
        DELETE FROM fair_roles WHERE id = ${roleId} AND fair_id = ${fairId} AND school_id = ${schoolId} RETURNING id`),
      idRow,
      "the role removed",
    );
    return removed.length === 0 ? refuse(404, "Role not found") : { ok: true as const };
  });
}

/** Offers a run of back-to-back meetings within the fair's hours, on the fair's London day. */
export async function addSlotRun(
  db: Database,
  userId: string,
  fairId: string,
  schoolId: string,
  input: SlotRunInput,
): Promise<Outcome<{ added: number }>> {
  return db.transaction(async (tx) => {
    const found = await hrFairSchool(tx, userId, fairId, schoolId);
    if (!found) return refuse(404, "Fair not found");
    const { fair } = found;
    const day = londonToday(new Date(fair.startsAt));
    const span = londonSpan(day, input.startTime, input.endTime);
    if (!span.ok) return refuse(400, "Check the meetings", span.fieldErrors);
    const run = slotRun({ startsAt: new Date(fair.startsAt), endsAt: new Date(fair.endsAt) }, span.span, input.minutes);
    if (!run.ok) return refuse(400, "Check the meetings", { [run.field]: [run.message] });
    const starts = run.slots.map((s) => s.startsAt.toISOString());
    const inserted = parseRows(
      await tx.execute(sql`
        INSERT INTO fair_slots (fair_id, school_id, starts_at, ends_at, capacity, with_whom)
        SELECT ${fairId}, ${schoolId}, t, t + make_interval(mins => ${input.minutes}), ${input.capacity}, ${input.withWhom}
          FROM unnest(${`{${starts.join(",")}}`}::timestamptz[]) AS t
        RETURNING id`),
      idRow,
      "the slots inserted",
    );
    return { ok: true as const, added: inserted.length };
  });
}

const bookedRow = z.object({
  bookingId: z.string(),
  name: z.string(),
  email: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

/** Cancels the live bookings of a slot, e-mailing each teacher; call inside the removal's transaction. */
async function cancelSlotBookings(tx: Executor, context: NotifyContext, fair: Fair, slotId: string): Promise<number> {
  const cancelled = parseRows(
    await tx.execute(sql`
      UPDATE fair_bookings b SET live = false
        FROM fair_registrations r, users u, fair_slots s, schools sc
       WHERE b.slot_id = ${slotId} AND b.live AND r.id = b.registration_id AND u.id = r.user_id
         AND s.id = b.slot_id AND sc.id = s.school_id
      RETURNING b.id AS "bookingId", u.name, u.email, ${isoTime(sql`b.starts_at`)} AS "startsAt",
                ${isoTime(sql`b.ends_at`)} AS "endsAt", sc.name AS "schoolName"`),
    bookedRow.extend({ schoolName: z.string() }),
    "the bookings cancelled",
  );
  for (const b of cancelled)
    await queueEmail(tx, context.enqueue, b.email, "fair-slot-removed", {
      name: b.name,
      fairName: fair.name,
      schoolName: b.schoolName,
      when: meetingWhen(b.startsAt, b.endsAt),
      url: `${context.appUrl}/fairs/${fair.id}/mine`,
    });
  return cancelled.length;
}

/** Removes a slot; its bookings are cancelled and the teachers told. */
export async function removeSlot(
  db: Database,
  context: NotifyContext,
  userId: string,
  fairId: string,
  schoolId: string,
  slotId: string,
): Promise<Outcome<{ cancelled: number }>> {
  if (!isUuid(slotId)) return refuse(404, "Slot not found");
  return db.transaction(async (tx) => {
    const found = await hrFairSchool(tx, userId, fairId, schoolId);
    if (!found) return refuse(404, "Fair not found");
    const locked = parseRows(
      await tx.execute(sql`
        SELECT id FROM fair_slots WHERE id = ${slotId} AND fair_id = ${fairId} AND school_id = ${schoolId} FOR UPDATE`),
      idRow,
      "the slot to remove",
    );
    if (locked.length === 0) return refuse(404, "Slot not found");
    const cancelled = await cancelSlotBookings(tx, context, found.fair, slotId);
    await tx.execute(sql`DELETE FROM fair_slots WHERE id = ${slotId}`);
    return { ok: true as const, cancelled };
  });
}

const timetableRow = z.object({
  slotId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  withWhom: z.string(),
  teachers: z.array(
    z.object({ registrationId: z.string(), name: z.string(), email: z.string(), interests: z.string() }),
  ),
});
export type SchoolTimetableSlot = z.output<typeof timetableRow>;

/** A school's slots at the fair, each with who booked it and their stated interests. */
export async function schoolTimetable(db: Executor, fairId: string, schoolId: string): Promise<SchoolTimetableSlot[]> {
  return parseRows(
    await db.execute(sql`
      SELECT s.id AS "slotId", ${isoTime(sql`s.starts_at`)} AS "startsAt", ${isoTime(sql`s.ends_at`)} AS "endsAt",
             s.capacity::int AS capacity, s.with_whom AS "withWhom",
             coalesce((SELECT json_agg(json_build_object('registrationId', r.id, 'name', u.name, 'email', u.email,
                                                         'interests', r.interests) ORDER BY u.name)
                         FROM fair_bookings b JOIN fair_registrations r ON r.id = b.registration_id
                         JOIN users u ON u.id = r.user_id
                        WHERE b.slot_id = s.id AND b.live), '[]'::json) AS teachers
        FROM fair_slots s WHERE s.fair_id = ${fairId} AND s.school_id = ${schoolId}
       ORDER BY s.starts_at`),
    timetableRow,
    "a school's timetable",
  );
}
