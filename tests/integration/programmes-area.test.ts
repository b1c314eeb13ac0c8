import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { areaView } from "../../app/programmes/area.server";
import { loader } from "../../app/routes/programmes.area.$slug";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { createEct, dayFromToday, ectAreaRegion } from "../support/ect-area-fixtures";
import { callRoute, getRequest } from "../support/requests";

const id = async (db: Database, query: ReturnType<typeof sql>) =>
  firstRow(rowsOf<{ id: string }>(await db.execute(query)), "an id").id;

/**
 * Vale runs one programme with two cohorts; Trust B runs another (so Vale's too). Sessions: two at Navigation (one
 * held, one to come), one more at Navigation that was cancelled, one at Oldfield Brow, one online. Registers: Efa
 * present twice (100%), Gil present once and absent once (50%), Hal excused (not counted).
 */
async function areaFixture(db: Database) {
  const r = await ectAreaRegion(db);
  const programme = await id(
    db,
    sql`INSERT INTO ect_programmes (name, kind, lead_provider, delivery_partner, partnership_id)
        VALUES ('Vale ECF', 'provider_led', 'Ambition Institute', 'Vale Teaching School Hub', ${r.vale.id}) RETURNING id`,
  );
  const trustProgramme = await id(
    db,
    sql`INSERT INTO ect_programmes (name, kind, organisation_id) VALUES ('Trust B induction', 'school_led', ${r.trustB.id})
        RETURNING id`,
  );
  const foreignProgramme = await id(
    db,
    sql`INSERT INTO ect_programmes (name, kind, partnership_id) VALUES ('Other ECF', 'school_led', ${r.other.id}) RETURNING id`,
  );
  const cohort = (programmeId: string, year: number) =>
    id(
      db,
      sql`INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
          VALUES (${programmeId}, ${year}, 'autumn', ${`Cohort ${year}`}) RETURNING id`,
    );
  const current = await cohort(programme, 2026);
  const last = await cohort(programme, 2025);
  const trustCohort = await cohort(trustProgramme, 2026);
  const foreignCohort = await cohort(foreignProgramme, 2026);
  const session = (cohortId: string, day: string, venue: { host?: string; online?: boolean; cancelled?: boolean }) =>
    id(
      db,
      sql`INSERT INTO programme_sessions (cohort_id, title, induction_year, starts_at, ends_at, host_school_id, online,
                                          capacity, cancelled_at, cancel_reason)
          VALUES (${cohortId}, 'Session', 1, ${`${day}T15:30:00Z`}, ${`${day}T17:00:00Z`}, ${venue.host ?? null},
                  ${venue.online ?? false}, 30, ${venue.cancelled ? `${day}T09:00:00Z` : null},
                  ${venue.cancelled ? "Snow" : null})
          RETURNING id`,
    );
  const held1 = await session(current, dayFromToday(-20), { host: r.a1.id });
  const held2 = await session(current, dayFromToday(-10), { host: r.b1.id });
  await session(current, dayFromToday(15), { host: r.a1.id });
  await session(current, dayFromToday(-5), { host: r.a1.id, cancelled: true });
  await session(last, dayFromToday(-300), { online: true });
  await session(trustCohort, dayFromToday(5), { host: r.b1.id });
  await session(foreignCohort, dayFromToday(5), { host: r.foreign.id });

  const gil = await createEct(db, { name: "Gil Green", schoolId: r.a1.id });
  const hal = await createEct(db, { name: "Hal Hill", schoolId: r.b1.id });
  const ida = await createEct(db, { name: "Ida Irwin", schoolId: r.la1.id });
  const enrol = (cohortId: string, ectId: string) =>
    db.execute(sql`INSERT INTO cohort_enrolments (cohort_id, ect_id) VALUES (${cohortId}, ${ectId})`);
  for (const e of [r.efa, gil, hal]) await enrol(current, e.id);
  await enrol(last, ida.id);
  await enrol(trustCohort, hal.id);
  await enrol(foreignCohort, r.far.id);
  const mark = (sessionId: string, ectId: string, m: string, reason: string | null = null) =>
    db.execute(sql`INSERT INTO session_attendance (session_id, ect_id, mark, reason)
                   VALUES (${sessionId}, ${ectId}, ${m}::attendance_mark, ${reason})`);
  await mark(held1, r.efa.id, "present");
  await mark(held2, r.efa.id, "present");
  await mark(held1, gil.id, "present");
  await mark(held2, gil.id, "absent");
  await mark(held1, hal.id, "excused", "Hospital appointment");
  return { ...r, programme, trustProgramme };
}

describe("the area view of ECT programmes", () => {
  const t = useTestDatabase();

  it("counts ECTs by school and programme, sessions by host, and each cohort's average engagement", async () => {
    const r = await areaFixture(t.db);
    const area = await areaView(t.db, r.admin.id, "vale");
    expect(area?.programmes.map((p) => p.name)).toEqual(["Trust B induction", "Vale ECF"]);
    const sending = area!.sending.map((s) => [
      s.schoolName,
      s.programmeId === r.programme ? "Vale" : "Trust B",
      s.ects,
    ]);
    expect(sending).toEqual([
      ["Navigation Primary School", "Vale", 2],
      ["Oldfield Brow Primary School", "Trust B", 1],
      ["Oldfield Brow Primary School", "Vale", 1],
      ["Stamford Park Primary School", "Vale", 1],
    ]);
    // The cancelled session and the other partnership's are left out; the online one is counted apart.
    expect(area!.hosting).toEqual([
      { schoolId: r.a1.id, schoolName: "Navigation Primary School", sessions: 2, held: 1, upcoming: 1 },
      { schoolId: r.b1.id, schoolName: "Oldfield Brow Primary School", sessions: 2, held: 1, upcoming: 1 },
    ]);
    expect(area!.onlineSessions).toBe(1);
    expect(
      area!.cohorts.map((c) => [c.programmeName, c.name, c.ects, c.ectsWithMarks, c.averageEngagement, c.belowMarker]),
    ).toEqual([
      ["Trust B induction", "Cohort 2026", 1, 0, null, 0],
      // Efa 100%, Gil 50%: 75% on average; Gil is below the marker; Hal's excused absence counts for nothing.
      ["Vale ECF", "Cohort 2026", 3, 2, 75, 1],
      ["Vale ECF", "Cohort 2025", 1, 0, null, 0],
    ]);
  });

  it("is for the partnership's admins only: anyone else, or another partnership's admin, gets a 404", async () => {
    const r = await areaFixture(t.db);
    for (const outsider of [r.tutorA1, r.hrB, r.foreignAdmin, r.teacher])
      expect(await areaView(t.db, outsider.id, "vale")).toBeNull();
    expect(await areaView(t.db, r.admin.id, "other")).toBeNull();
    const page = (cookie: string) => callRoute(loader, getRequest("/programmes/area/vale", cookie), { slug: "vale" });
    expect((await page(await sessionCookie(r.foreignAdmin))).status).toBe(404);
    expect((await page(await sessionCookie(r.tutorA1))).status).toBe(404);
    const ok = await page(await sessionCookie(r.admin));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ area: { partnership: { slug: "vale" }, onlineSessions: 1 } });
  });
});
