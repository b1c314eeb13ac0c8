import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { vacancies, vacancySchools } from "../../db/schema";
import { createFair, addFairSchool, addSlotRun } from "../../app/fairs/fairs.server";
import type { FairInput, SlotRunInput } from "../../app/fairs/schemas";
import { createUser, valeRegion } from "./factories";
import { enqueueLater } from "./jobs";

/** What fair changes need to send their mails: links to a local app, and jobs left queued. */
export const fairContext = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

/** 1 March 2027: before the fair of `fairInput()` (12 March 2027, GMT). */
export const BEFORE_FAIR = new Date("2027-03-01T09:00:00Z");
/** The afternoon of the fair, after it started. */
export const DURING_FAIR = new Date("2027-03-12T13:00:00Z");

/** An in-person fair on Friday 12 March 2027, 10:00 to 15:00 London time (GMT: the same in UTC). */
export function fairInput(values: Partial<FairInput> = {}): FairInput {
  return {
    name: "Vale spring recruitment fair",
    description: "Meet the schools of the Vale",
    mode: "in_person",
    hostSchoolId: undefined,
    place: "Main hall",
    onlineUrl: undefined,
    date: "2027-03-12",
    startTime: "10:00",
    endTime: "15:00",
    poolRoundId: undefined,
    ...values,
  };
}

export const slotInput = (values: Partial<SlotRunInput> = {}): SlotRunInput => ({
  startTime: "10:00",
  endTime: "11:00",
  minutes: 15,
  capacity: 1,
  withWhom: "",
  ...values,
});

function must<T extends { ok: boolean }>(outcome: T, what: string): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`${what}: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

/**
 * The vale region (tests/support/factories.ts) with a pool round open since January 2026 and a fair at Navigation
 * Primary School (a1) linked to it, where a1 (HR: Harriet of Trust A, Olive at a1) and Oldfield Brow (b1, HR: Henry
 * of Trust B) take part, each with four 15-minute one-place meetings from 10:00. Springfield (a2) and Stamford Park
 * (la1) are partnership schools not taking part; the foreign partnership has its own fair.
 */
export async function fairRegion(db: Database) {
  const r = await valeRegion(db);
  const round = firstRow(
    rowsOf<{ id: string; name: string }>(
      await db.execute(sql`
        INSERT INTO pool_rounds (partnership_id, name, phase, roles, opens_on, steps, criteria)
        VALUES (${r.vale.id}, 'Vale primary ECT pool 2027', 'primary', '{ect}', '2026-01-01',
                '{application_review}', '{Subject knowledge}')
        RETURNING id, name`),
    ),
    "a pool round",
  );
  const fair = must(
    await createFair(db, r.admin.id, r.vale.id, fairInput({ hostSchoolId: r.a1.id, poolRoundId: round.id })),
    "the fair",
  );
  for (const school of [r.a1, r.b1])
    must(await addFairSchool(db, r.admin.id, fair.fairId, { schoolId: school.id, stand: "" }), "a school");
  must(await addSlotRun(db, r.hrA.id, fair.fairId, r.a1.id, slotInput()), "a1's slots");
  must(await addSlotRun(db, r.hrB.id, fair.fairId, r.b1.id, slotInput()), "b1's slots");
  const foreignFair = must(
    await createFair(db, r.foreignAdmin.id, r.other.id, fairInput({ name: "Other fair", hostSchoolId: r.foreign.id })),
    "the foreign fair",
  );
  must(
    await addFairSchool(db, r.foreignAdmin.id, foreignFair.fairId, { schoolId: r.foreign.id, stand: "" }),
    "the foreign school",
  );
  const slots = rowsOf<{ id: string; schoolId: string; startsAt: string }>(
    await db.execute(sql`
      SELECT id, school_id AS "schoolId", to_char(starts_at AT TIME ZONE 'UTC', 'HH24:MI') AS "startsAt"
        FROM fair_slots WHERE fair_id = ${fair.fairId} ORDER BY school_id = ${r.a1.id} DESC, starts_at`),
  );
  const slotAt = (school: { id: string }, time: string) => {
    const slot = slots.find((s) => s.schoolId === school.id && s.startsAt === time);
    if (!slot) throw new Error(`no slot at ${time}`);
    return slot.id;
  };
  return { ...r, round, fairId: fair.fairId, foreignFairId: foreignFair.fairId, slotAt };
}

/** Teachers with accounts, not yet registered. */
export async function teachers(db: Database, count: number, prefix = "t") {
  const out = [];
  for (let i = 0; i < count; i++)
    out.push(await createUser(db, { email: `${prefix}${i}@teachers.example`, name: `Teacher ${prefix}${i}` }));
  return out;
}

/** A published vacancy at a school, to link a role or an invitation to. */
export async function publishedVacancy(db: Database, schoolId: string, title: string) {
  const now = new Date();
  const row = firstRow(
    await db
      .insert(vacancies)
      .values({
        ownerSchoolId: schoolId,
        status: "published",
        title,
        role: "classroom_teacher",
        phases: ["primary"],
        subjects: [],
        contractType: "permanent",
        workingPattern: "full_time",
        fte: "1.000",
        payRange: "main",
        salaryMinFte: 32916,
        salaryMaxFte: 45352,
        aboutRole: `${title}: a role in a friendly team, with support from experienced colleagues.`,
        applyMethod: "external_link",
        applyUrl: "https://example.org/apply",
        publishedAt: now,
        closesAt: new Date(now.getTime() + 30 * 86_400_000),
      })
      .returning({ id: vacancies.id }),
    "a vacancy",
  );
  await db.insert(vacancySchools).values({ vacancyId: row.id, schoolId });
  return row.id;
}
