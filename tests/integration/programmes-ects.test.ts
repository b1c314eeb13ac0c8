import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ectRecord, ectsOfTutor, leaveSchool, registerEct, setContactHours } from "../../app/programmes/ects.server";
import { bookOptional, cancelOptional, enrol, withdrawEnrolment } from "../../app/programmes/enrolment.server";
import { assignMentor, mentorChoices } from "../../app/programmes/mentors.server";
import { ectTimetable } from "../../app/programmes/timetable.server";
import { registerEctSchema } from "../../app/programmes/ect-schemas";
import { rowsOf } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { useTestDatabase } from "../support/database";
import { ectContext, ectInput, ectRegion, registered, SEPTEMBER_2026 } from "../support/ect-fixtures";
import { createUser } from "../support/factories";

const onServer = Boolean(process.env.TEST_DATABASE_URL);
const TODAY = "2026-12-03";

async function count(db: ReturnType<typeof useTestDatabase>["db"], table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)));
  return row?.n ?? -1;
}

describe("ECT records", () => {
  const t = useTestDatabase();

  it("a tutor registers an ECT at their school: one record, one open school period, an invitation e-mailed", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a2.id }));
    const record = await ectRecord(t.db, r.tutorA.id, ectId, TODAY);
    expect(record).toMatchObject({
      name: "Eve Early",
      trn: "1234567",
      canManage: true,
      linked: false,
      current: { schoolName: "Springfield Primary School", endsOn: null, tutorName: "Ivy Tutor" },
    });
    expect(record?.progress.termsRequired).toBe(6);
    const mails = rowsOf<{ to: string; subject: string }>(await t.db.execute(sql`SELECT "to", subject FROM emails`));
    expect(mails).toEqual([
      { to: "eve@ect.example", subject: "You are invited to join Springfield Primary School on Staffroom" },
    ]);
    expect((await ectsOfTutor(t.db, r.tutorA.id, TODAY)).map((e) => e.name)).toEqual(["Eve Early"]);
  });

  it("another school's tutor, HR and a stranger get nothing: the record is not found", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    for (const user of [r.tutorB, r.hrA, r.admin, r.foreignHr])
      expect(await ectRecord(t.db, user.id, ectId, TODAY)).toBeNull();
    expect(await ectsOfTutor(t.db, r.tutorB.id, TODAY)).toEqual([]);
    // Registering at a school the tutor does not tutor for is a 404, and writes nothing.
    expect(
      await registerEct(t.db, r.tutorB, ectInput({ schoolId: r.a1.id, trn: "7654321" }), ectContext),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await count(t.db, "ects")).toBe(1);
    expect(await setContactHours(t.db, r.tutorB.id, { schoolId: r.a1.id, weeklyContactHours: 22 })).toMatchObject({
      status: 404,
    });
  });

  it("bad TRNs, dates and working patterns are field errors", () => {
    const bad = registerEctSchema.safeParse({
      schoolId: "x",
      name: "",
      email: "not-an-address",
      trn: "12345",
      inductionStartsOn: "2026-02-30",
      ftePercent: "150",
      appropriateBody: "",
    });
    expect(bad.success).toBe(false);
    const fields = Object.keys(bad.error?.flatten().fieldErrors ?? {}).sort();
    expect(fields).toEqual(["appropriateBody", "email", "ftePercent", "inductionStartsOn", "name", "schoolId", "trn"]);
    const spaced = registerEctSchema.safeParse({
      ...ectInput({ schoolId: "6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10" }),
      trn: "12 34 567",
      ftePercent: "60",
    });
    expect(spaced.success && spaced.data.trn).toBe("1234567");
    expect(
      registerEctSchema.safeParse({
        ...ectInput({ schoolId: "6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10" }),
        inductionStartsOn: "2019-09-01",
      }).success,
    ).toBe(false);
  });

  it("one school at a time: a known TRN is refused while at another school, and moves once that school records the leaving date", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    const again = await registerEct(t.db, r.tutorB, ectInput({ schoolId: r.b1.id }), ectContext);
    expect(again).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { trn: [expect.stringMatching(/another school/)] },
    });

    expect(await leaveSchool(t.db, r.tutorA.id, ectId, "2026-08-01")).toMatchObject({ status: 400 });
    expect(await leaveSchool(t.db, r.tutorA.id, ectId, "2026-11-30")).toEqual({ ok: true });
    // A start at the new school before the old period ended is refused by the constraint, as a field error.
    const early = await registerEct(
      t.db,
      r.tutorB,
      ectInput({ schoolId: r.b1.id, startsAtSchoolOn: "2026-11-01" }),
      ectContext,
    );
    expect(early).toMatchObject({ ok: false, status: 400, fieldErrors: { inductionStartsOn: [expect.any(String)] } });
    const moved = await registerEct(
      t.db,
      r.tutorB,
      ectInput({ schoolId: r.b1.id, startsAtSchoolOn: "2026-11-30" }),
      ectContext,
    );
    expect(moved).toMatchObject({ ok: true, ectId, moved: true });
    const record = await ectRecord(t.db, r.tutorB.id, ectId, TODAY);
    expect(record?.periods.map((p) => [p.schoolName, p.startsOn, p.endsOn])).toEqual([
      ["Oldfield Brow Primary School", "2026-11-30", null],
      ["Navigation Primary School", "2026-09-01", "2026-11-30"],
    ]);
    // The old school's tutor no longer manages the ECT.
    expect(await ectRecord(t.db, r.tutorA.id, ectId, TODAY)).toBeNull();
  });

  it("the database keeps an ECT's school periods apart, whatever the code does", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    const error = await t.db
      .execute(
        sql`INSERT INTO ect_school_periods (ect_id, school_id, starts_on) VALUES (${ectId}, ${r.b1.id}, '2027-01-01')`,
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlState(error)).toBe("23P01");
  });

  it("two tutors registering one TRN at once make one record", async () => {
    const r = await ectRegion(t.db);
    const results = await Promise.all([
      registerEct(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }), ectContext),
      registerEct(t.db, r.tutorB, ectInput({ schoolId: r.b1.id }), ectContext),
    ]);
    expect(results.filter((o) => o.ok)).toHaveLength(1);
    expect(await count(t.db, "ects")).toBe(1);
    expect(await count(t.db, "ect_school_periods")).toBe(1);
  });
});

describe("mentors", () => {
  const t = useTestDatabase();

  it("the tutor assigns one of the school's mentors; a new mentor ends the last one's period", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    expect((await mentorChoices(t.db, r.a1.id, TODAY)).map((m) => m.name)).toEqual([
      "Ivy Tutor",
      "Mina Mentor",
      "Mo Mentor",
    ]);
    expect(
      await assignMentor(t.db, r.tutorA.id, ectId, { mentorUserId: r.mentor.id, startsOn: "2026-09-01" }, ectContext),
    ).toEqual({ ok: true });
    expect(
      await assignMentor(
        t.db,
        r.tutorA.id,
        ectId,
        { mentorUserId: r.secondMentor.id, startsOn: "2026-11-01" },
        ectContext,
      ),
    ).toEqual({ ok: true });
    const record = await ectRecord(t.db, r.tutorA.id, ectId, TODAY);
    expect(record?.mentors.map((m) => [m.mentorName, m.startsOn, m.endsOn])).toEqual([
      ["Mina Mentor", "2026-11-01", null],
      ["Mo Mentor", "2026-09-01", "2026-11-01"],
    ]);
    // Each choice tells the mentor and the ECT, in the transaction that makes it.
    const told = rowsOf<{ to: string; subject: string }>(
      await t.db.execute(
        sql`SELECT "to", subject FROM emails WHERE template = 'ect-mentor-assigned' ORDER BY created_at, "to"`,
      ),
    );
    expect(told).toEqual([
      { to: "eve@ect.example", subject: "Mo Mentor is your mentor at Navigation Primary School" },
      { to: "mentor@navigation.example", subject: "You are mentoring Eve Early at Navigation Primary School" },
      { to: "eve@ect.example", subject: "Mina Mentor is your mentor at Navigation Primary School" },
      { to: "mina@navigation.example", subject: "You are mentoring Eve Early at Navigation Primary School" },
    ]);
    // The mentor reads their mentee's record, but cannot change it.
    expect(await ectRecord(t.db, r.secondMentor.id, ectId, TODAY)).toMatchObject({ canManage: false });
  });

  it("never the induction tutor, never someone who is not the school's mentor: field errors, nothing written", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    expect(
      await assignMentor(t.db, r.tutorA.id, ectId, { mentorUserId: r.tutorA.id, startsOn: "2026-09-01" }, ectContext),
    ).toMatchObject({
      status: 400,
      fieldErrors: { mentorUserId: [expect.stringMatching(/different people/)] },
    });
    expect(
      await assignMentor(t.db, r.tutorA.id, ectId, { mentorUserId: r.hrA.id, startsOn: "2026-09-01" }, ectContext),
    ).toMatchObject({
      status: 400,
      fieldErrors: { mentorUserId: [expect.stringMatching(/school's mentors/)] },
    });
    expect(
      await assignMentor(t.db, r.tutorB.id, ectId, { mentorUserId: r.mentor.id, startsOn: "2026-09-01" }, ectContext),
    ).toMatchObject({
      status: 404,
    });
    expect(await count(t.db, "ect_mentor_periods")).toBe(0);
    const [mails] = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM emails WHERE template = 'ect-mentor-assigned'`),
    );
    expect(mails?.n).toBe(0);
  });

  it("a mentor's ECTs and trainees count together against the partnership's cap", async () => {
    const r = await ectRegion(t.db);
    await t.db.execute(sql`INSERT INTO placement_settings (partnership_id, mentor_cap) VALUES (${r.vale.id}, 2)`);
    const first = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    const second = await registered(
      t.db,
      r.tutorA,
      ectInput({ schoolId: r.a1.id, trn: "2345678", email: "fay@ect.example", name: "Fay" }),
    );
    expect(
      await assignMentor(t.db, r.tutorA.id, first, { mentorUserId: r.mentor.id, startsOn: "2026-09-01" }, ectContext),
    ).toEqual({ ok: true });
    // A confirmed placement mentored by Mo fills the second place.
    const provider = rowsOf<{ id: string }>(
      await t.db.execute(
        sql`INSERT INTO organisations (kind, slug, name) VALUES ('itt_provider', 'p', 'P') RETURNING id`,
      ),
    )[0];
    const trainee = rowsOf<{ id: string }>(
      await t.db.execute(sql`
        INSERT INTO trainees (provider_id, name, email, route, subject, phase, programme_starts_on, programme_ends_on)
        VALUES (${provider?.id}, 'Tia', 'tia@t.example', 'undergraduate', 'primary', 'primary', '2026-09-01', '2027-07-01')
        RETURNING id`),
    )[0];
    const offer = rowsOf<{ id: string }>(
      await t.db.execute(sql`
        INSERT INTO placement_offers (school_id, academic_year, phase, starts_on, ends_on, places)
        VALUES (${r.a1.id}, 2026, 'primary', '2026-09-01', '2027-07-01', 2) RETURNING id`),
    )[0];
    await t.db.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state, mentor_user_id)
      VALUES (${trainee?.id}, ${offer?.id}, ${r.a1.id}, ${provider?.id}, 'A', '2026-10-01', '2026-12-01', 'confirmed', ${r.mentor.id})`);
    expect(
      await assignMentor(t.db, r.tutorA.id, second, { mentorUserId: r.mentor.id, startsOn: "2026-09-01" }, ectContext),
    ).toMatchObject({
      status: 400,
      fieldErrors: { mentorUserId: [expect.stringMatching(/already mentors 2 .*cap is 2/)] },
    });
    expect(
      await assignMentor(
        t.db,
        r.tutorA.id,
        second,
        { mentorUserId: r.secondMentor.id, startsOn: "2026-09-01" },
        ectContext,
      ),
    ).toEqual({ ok: true });
  });
});

describe("enrolment and sessions", () => {
  const t = useTestDatabase();

  it("enrolling books the cohort's core sessions; optional ones are chosen; the timetable shows hours and released time", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    expect(await enrol(t.db, { userId: r.tutorA.id }, ectId, r.cohort.id, SEPTEMBER_2026)).toEqual({
      ok: true,
      booked: 2,
      alreadyEnrolled: false,
    });
    expect(await bookOptional(t.db, { userId: r.tutorA.id }, ectId, r.breakoutMaths.id, SEPTEMBER_2026)).toEqual({
      ok: true,
    });
    await setContactHours(t.db, r.tutorA.id, { schoolId: r.a1.id, weeklyContactHours: 22.5 });
    const timetable = await ectTimetable(t.db, r.tutorA.id, ectId, SEPTEMBER_2026);
    expect(timetable?.sessions.map((s) => s.title)).toEqual([
      "Behaviour: routines",
      "Maths breakout",
      "Pedagogy: explanation",
    ]);
    // Autumn: 3 + 2 hours against 10% of 22.5 hours for 14 weeks; spring: 3 against 10% for 12 weeks.
    expect(timetable?.terms.slice(0, 3)).toEqual([
      { label: "Autumn 2026/27", inductionYear: 1, trainingHours: 5, releasedHours: 31.5 },
      { label: "Spring 2026/27", inductionYear: 1, trainingHours: 3, releasedHours: 27 },
      { label: "Summer 2026/27", inductionYear: 1, trainingHours: 0, releasedHours: 29.3 },
    ]);
    expect(timetable?.terms).toHaveLength(6);
    // The science breakout overlaps the maths one: offered, but refused with the reason.
    expect(timetable?.choices.map((c) => c.title)).toEqual(["Science breakout"]);
    expect(
      await bookOptional(t.db, { userId: r.tutorA.id }, ectId, r.breakoutScience.id, SEPTEMBER_2026),
    ).toMatchObject({
      status: 400,
      fieldErrors: { sessionId: [expect.stringMatching(/overlaps “Maths breakout”/)] },
    });
    // Giving the place up frees it at once.
    expect(await cancelOptional(t.db, { userId: r.tutorA.id }, ectId, r.breakoutMaths.id, SEPTEMBER_2026)).toEqual({
      ok: true,
    });
    expect(await bookOptional(t.db, { userId: r.tutorA.id }, ectId, r.breakoutScience.id, SEPTEMBER_2026)).toEqual({
      ok: true,
    });
  });

  it("the ECT chooses optional sessions for themselves but cannot enrol; a stranger's choice is a 404", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    const eve = await createUser(t.db, { email: "eve@ect.example", name: "Eve Early" });
    await t.db.execute(sql`UPDATE ects SET user_id = ${eve.id} WHERE id = ${ectId}`);
    expect(await enrol(t.db, { userId: eve.id }, ectId, r.cohort.id, SEPTEMBER_2026)).toMatchObject({ status: 404 });
    await enrol(t.db, { userId: r.tutorA.id }, ectId, r.cohort.id, SEPTEMBER_2026);
    expect(await bookOptional(t.db, { userId: eve.id }, ectId, r.breakoutMaths.id, SEPTEMBER_2026)).toEqual({
      ok: true,
    });
    expect(
      await bookOptional(t.db, { userId: r.tutorB.id }, ectId, r.breakoutScience.id, SEPTEMBER_2026),
    ).toMatchObject({ status: 404 });
    expect(await ectTimetable(t.db, r.tutorB.id, ectId, SEPTEMBER_2026)).toBeNull();
    expect(await ectTimetable(t.db, eve.id, ectId, SEPTEMBER_2026)).not.toBeNull();
    // A core session cannot be "chosen", and a session of a cohort the ECT is not in is not found.
    expect(await bookOptional(t.db, { userId: eve.id }, ectId, r.core1.id, SEPTEMBER_2026)).toMatchObject({
      status: 400,
    });
  });

  it("a full core session refuses the whole enrolment, naming it, and writes nothing", async () => {
    const r = await ectRegion(t.db);
    await t.db.execute(sql`UPDATE programme_sessions SET capacity = 1 WHERE id = ${r.core2.id}`);
    const first = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    const second = await registered(
      t.db,
      r.tutorA,
      ectInput({ schoolId: r.a1.id, trn: "2345678", email: "f@e.example" }),
    );
    await enrol(t.db, { userId: r.tutorA.id }, first, r.cohort.id, SEPTEMBER_2026);
    expect(await enrol(t.db, { userId: r.tutorA.id }, second, r.cohort.id, SEPTEMBER_2026)).toMatchObject({
      status: 409,
      fieldErrors: { cohortId: [expect.stringMatching(/Pedagogy: explanation.*is full/)] },
    });
    expect(await count(t.db, "cohort_enrolments")).toBe(1);
    expect(await count(t.db, "session_bookings")).toBe(2);
    expect(await withdrawEnrolment(t.db, { userId: r.tutorA.id }, first, r.cohort.id, SEPTEMBER_2026)).toEqual({
      ok: true,
    });
    expect(await enrol(t.db, { userId: r.tutorA.id }, second, r.cohort.id, SEPTEMBER_2026)).toMatchObject({
      ok: true,
      booked: 2,
    });
  });

  it("the database refuses two overlapping live bookings for one ECT", async () => {
    const r = await ectRegion(t.db);
    const ectId = await registered(t.db, r.tutorA, ectInput({ schoolId: r.a1.id }));
    await enrol(t.db, { userId: r.tutorA.id }, ectId, r.cohort.id, SEPTEMBER_2026);
    await bookOptional(t.db, { userId: r.tutorA.id }, ectId, r.breakoutMaths.id, SEPTEMBER_2026);
    const error = await t.db
      .execute(
        sql`
        INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at)
        VALUES (${r.breakoutScience.id}, ${ectId}, '2026-11-10T15:00:00Z', '2026-11-10T17:00:00Z')`,
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlState(error)).toBe("23P01");
  });

  const runs = onServer ? 15 : 2;
  it(`simultaneous enrolments of one ECT in one cohort make one row, and a one-place session takes one of many (${runs} runs)`, async () => {
    for (let run = 0; run < runs; run++) {
      const r = await ectRegion(t.db);
      const ects = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          registered(
            t.db,
            r.tutorA,
            ectInput({ schoolId: r.a1.id, trn: String(3000000 + i), email: `e${i}@ect.example` }),
          ),
        ),
      );
      const [firstEct] = ects;
      const twice = await Promise.all(
        Array.from({ length: 4 }, () =>
          enrol(t.db, { userId: r.tutorA.id }, firstEct ?? "", r.cohort.id, SEPTEMBER_2026),
        ),
      );
      expect(twice.filter((o) => o.ok && !o.alreadyEnrolled)).toHaveLength(1);
      for (const ectId of ects.slice(1)) await enrol(t.db, { userId: r.tutorA.id }, ectId, r.cohort.id, SEPTEMBER_2026);
      const outcomes = await Promise.all(
        ects.map((ectId) => bookOptional(t.db, { userId: r.tutorA.id }, ectId, r.breakoutMaths.id, SEPTEMBER_2026)),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok && o.status === 409)).toHaveLength(5);
      const [places] = rowsOf<{ n: number }>(
        await t.db.execute(
          sql`SELECT count(*)::int AS n FROM session_bookings WHERE session_id = ${r.breakoutMaths.id} AND live`,
        ),
      );
      expect(places?.n).toBe(1);
      const [enrolments] = rowsOf<{ n: number }>(
        await t.db.execute(sql`SELECT count(*)::int AS n FROM cohort_enrolments WHERE ect_id = ${firstEct ?? ""}`),
      );
      expect(enrolments?.n).toBe(1);
      await t.db.execute(
        sql`TRUNCATE ect_programmes, ects, schools, organisations, partnerships, users, memberships, emails CASCADE`,
      );
    }
  });
});
