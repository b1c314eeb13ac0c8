import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  bookSlot,
  cancelBooking,
  cancelRegistration,
  CLASH_MESSAGE,
  registerForFair,
  teacherTimetable,
} from "../../app/fairs/bookings.server";
import {
  addFairRole,
  addFairSchool,
  addSlotRun,
  createFair,
  publicFair,
  removeFairRole,
  removeFairSchool,
  removeSlot,
  schoolTimetable,
  updateFair,
} from "../../app/fairs/fairs.server";
import { followUp } from "../../app/fairs/follow-ups.server";
import { sendDueFairReminders } from "../../app/fairs/notifications.server";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { useTestDatabase } from "../support/database";
import {
  BEFORE_FAIR,
  DURING_FAIR,
  fairContext as context,
  fairInput,
  fairRegion,
  publishedVacancy,
  slotInput,
  teachers,
} from "../support/fair-fixtures";

async function count(db: Executor, table: string, where = sql`true`): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`),
  );
  return row?.n ?? 0;
}

async function mails(db: Executor) {
  return rowsOf<{ to: string; subject: string; text: string }>(
    await db.execute(sql`SELECT "to", subject, text FROM emails ORDER BY "to", subject`),
  );
}

const registered = async (db: Parameters<typeof registerForFair>[0], userId: string, fairId: string) => {
  const outcome = await registerForFair(db, userId, fairId, { interests: "KS2, maths", joinPool: false }, BEFORE_FAIR);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.registrationId;
};

describe("recruitment fairs", () => {
  const t = useTestDatabase();

  it("an admin sets up a fair of their partnership; bad details are refused at their fields and write nothing", async () => {
    const r = await fairRegion(t.db);
    const before = await count(t.db, "fairs");
    const refusals: [Parameters<typeof fairInput>[0], string, RegExp][] = [
      [{ hostSchoolId: r.foreign.id }, "hostSchoolId", /school of the partnership/],
      [{ hostSchoolId: r.a1.id, poolRoundId: "00000000-0000-4000-8000-000000000000" }, "poolRoundId", /pool rounds/],
      // 01:30 on the last Sunday of March 2027 never happens in London: the clocks go from 01:00 to 02:00.
      [
        { hostSchoolId: r.a1.id, date: "2027-03-28", startTime: "01:30", endTime: "03:00" },
        "startTime",
        /does not exist/,
      ],
    ];
    for (const [values, field, message] of refusals) {
      expect(await createFair(t.db, r.admin.id, r.vale.id, fairInput(values)), JSON.stringify(values)).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { [field]: [expect.stringMatching(message)] },
      });
    }
    // Another partnership, and a user who runs no fairs: refused at the partnership, nothing written.
    for (const [user, partnership] of [
      [r.admin, r.other],
      [r.hrA, r.vale],
      [r.foreignAdmin, r.vale],
    ] as const)
      expect(await createFair(t.db, user.id, partnership.id, fairInput({ hostSchoolId: r.a1.id }))).toMatchObject({
        status: 400,
        fieldErrors: { partnershipId: ["Choose your partnership"] },
      });
    expect(await count(t.db, "fairs")).toBe(before);

    // An online fair needs no host; its times are London's (BST in June: 09:00 London is 08:00 UTC).
    const online = await createFair(
      t.db,
      r.admin.id,
      r.vale.id,
      fairInput({
        mode: "online",
        onlineUrl: "https://meet.example/vale",
        date: "2027-06-10",
        startTime: "09:00",
        endTime: "12:00",
      }),
    );
    expect(online.ok).toBe(true);
    const [row] = rowsOf<{ starts: string; host: string | null }>(
      await t.db.execute(sql`SELECT to_char(starts_at AT TIME ZONE 'UTC', 'HH24:MI') AS starts, host_school_id AS host
                               FROM fairs WHERE mode = 'online'`),
    );
    expect(row).toEqual({ starts: "08:00", host: null });

    // The foreign admin cannot edit or staff this fair; a foreign school cannot take part.
    expect(await updateFair(t.db, r.foreignAdmin.id, r.fairId, fairInput({ hostSchoolId: r.a1.id }))).toMatchObject({
      status: 404,
    });
    expect(await addFairSchool(t.db, r.foreignAdmin.id, r.fairId, { schoolId: r.foreign.id, stand: "" })).toMatchObject(
      {
        status: 404,
      },
    );
    expect(await addFairSchool(t.db, r.admin.id, r.fairId, { schoolId: r.foreign.id, stand: "" })).toMatchObject({
      status: 400,
      fieldErrors: { schoolId: ["Choose a school of the partnership"] },
    });
    expect(await count(t.db, "fair_schools", sql`fair_id = ${r.fairId}`)).toBe(2);
    // Narrowing the hours past the schools' meetings is refused, naming how many.
    expect(
      await updateFair(t.db, r.admin.id, r.fairId, fairInput({ hostSchoolId: r.a1.id, startTime: "10:30" })),
    ).toMatchObject({
      status: 409,
      fieldErrors: { startTime: ["4 meeting slots fall outside these hours: schools must remove them first"] },
    });
  });

  it("only the HR of a taking-part school prepare for it: roles and slots within the fair's hours", async () => {
    const r = await fairRegion(t.db);
    const slotsBefore = await count(t.db, "fair_slots", sql`fair_id = ${r.fairId}`);
    // HR of a partnership school not taking part, of another school at the fair, of another partnership: not found.
    for (const [user, school] of [
      [r.hrLa, r.la1],
      [r.hrA, r.a2],
      [r.hrB, r.a1],
      [r.foreignHr, r.foreign],
      [r.admin, r.a1],
      [r.teacher, r.a1],
    ] as const) {
      expect(await addSlotRun(t.db, user.id, r.fairId, school.id, slotInput())).toMatchObject({ status: 404 });
      expect(
        await addFairRole(t.db, user.id, r.fairId, school.id, { title: "Teacher", subject: "", notes: "" }),
      ).toMatchObject({
        status: 404,
      });
      expect(await schoolTimetable(t.db, r.fairId, school.id)).toEqual(school === r.a1 ? expect.any(Array) : []);
    }
    // The foreign HR cannot reach their own school through this fair.
    expect(await addSlotRun(t.db, r.foreignHr.id, r.foreignFairId, r.foreign.id, slotInput())).toMatchObject({
      ok: true,
    });
    const refusals: [Parameters<typeof slotInput>[0], string, RegExp][] = [
      [{ startTime: "09:30" }, "startTime", /no earlier than the fair opens/],
      [{ startTime: "14:30", endTime: "15:30" }, "endTime", /no later than the fair closes/],
      [{ startTime: "11:00", endTime: "11:10", minutes: 15 }, "minutes", /No 15-minute meeting fits/],
    ];
    for (const [values, field, message] of refusals)
      expect(await addSlotRun(t.db, r.hrA.id, r.fairId, r.a1.id, slotInput(values))).toMatchObject({
        status: 400,
        fieldErrors: { [field]: [expect.stringMatching(message)] },
      });
    expect(await count(t.db, "fair_slots", sql`fair_id = ${r.fairId}`)).toBe(slotsBefore);
    // Olive, HR at a1 itself, adds a run of three 20-minute meetings for two.
    expect(
      await addSlotRun(
        t.db,
        r.schoolHr.id,
        r.fairId,
        r.a1.id,
        slotInput({ startTime: "13:00", endTime: "14:00", minutes: 20, capacity: 2 }),
      ),
    ).toEqual({ ok: true, added: 3 });

    const a1Vacancy = await publishedVacancy(t.db, r.a1.id, "Year 4 teacher");
    const a2Vacancy = await publishedVacancy(t.db, r.a2.id, "Year 6 teacher");
    expect(
      await addFairRole(t.db, r.hrA.id, r.fairId, r.a1.id, {
        title: "Year 6 teacher",
        subject: "",
        notes: "",
        vacancyId: a2Vacancy,
      }),
    ).toMatchObject({ status: 400, fieldErrors: { vacancyId: ["Choose one of your school's published vacancies"] } });
    expect(
      await addFairRole(t.db, r.hrA.id, r.fairId, r.a1.id, {
        title: "Year 4 teacher",
        phase: "primary",
        subject: "",
        contract: "permanent",
        notes: "From September",
        vacancyId: a1Vacancy,
      }),
    ).toMatchObject({ ok: true });
    const page = await publicFair(t.db, r.fairId, null);
    expect(page?.schools.map((s) => [s.name, s.roles.map((role) => [role.title, role.vacancyTitle])])).toEqual([
      ["Navigation Primary School", [["Year 4 teacher", "Year 4 teacher"]]],
      ["Oldfield Brow Primary School", []],
    ]);
    // A role is removed by its school's HR only; another school's HR do not find it.
    const roleId = page?.schools[0]?.roles[0]?.id ?? "";
    expect(await removeFairRole(t.db, r.hrB.id, r.fairId, r.a1.id, roleId)).toMatchObject({ status: 404 });
    expect(await removeFairRole(t.db, r.hrB.id, r.fairId, r.b1.id, roleId)).toMatchObject({ status: 404 });
    expect(await removeFairRole(t.db, r.schoolHr.id, r.fairId, r.a1.id, roleId)).toEqual({ ok: true });
    expect(await count(t.db, "fair_roles")).toBe(0);
  });

  it("a teacher registers and joins the fair's pool round in one step; registration closes when the fair starts", async () => {
    const r = await fairRegion(t.db);
    const [amy, ben] = await teachers(t.db, 2);
    const outcome = await registerForFair(
      t.db,
      amy!.id,
      r.fairId,
      { interests: "Early years", joinPool: true },
      BEFORE_FAIR,
    );
    expect(outcome).toMatchObject({ ok: true, poolRoundId: r.round.id });
    expect(await count(t.db, "pool_members", sql`user_id = ${amy!.id} AND round_id = ${r.round.id}`)).toBe(1);
    expect(
      await registerForFair(t.db, ben!.id, r.fairId, { interests: "", joinPool: false }, DURING_FAIR),
    ).toMatchObject({
      status: 409,
    });
    expect(await count(t.db, "fair_registrations", sql`user_id = ${ben!.id}`)).toBe(0);
    // A round not open yet refuses, and the registration asked for with it is not written either.
    await t.db.execute(sql`UPDATE pool_rounds SET opens_on = '2027-04-01' WHERE id = ${r.round.id}`);
    expect(
      await registerForFair(t.db, ben!.id, r.fairId, { interests: "", joinPool: true }, BEFORE_FAIR),
    ).toMatchObject({
      status: 409,
      fieldErrors: { joinPool: ["This round is not taking applications now"] },
    });
    expect(await count(t.db, "fair_registrations", sql`user_id = ${ben!.id}`)).toBe(0);
    // The online link is only for registered teachers.
    await t.db.execute(
      sql`UPDATE fairs SET mode = 'online', host_school_id = NULL, online_url = 'https://meet.example/x' WHERE id = ${r.fairId}`,
    );
    expect((await publicFair(t.db, r.fairId, null))?.fair.onlineUrl).toBeNull();
    expect((await publicFair(t.db, r.fairId, ben!.id))?.fair.onlineUrl).toBeNull();
    expect((await publicFair(t.db, r.fairId, amy!.id))?.fair.onlineUrl).toBe("https://meet.example/x");
    expect(await publicFair(t.db, "not-a-uuid", null)).toBeNull();
  });

  it("booking: one meeting a school, none overlapping, a full slot refused, cancelled with the registration", async () => {
    const r = await fairRegion(t.db);
    const [amy, ben, cal] = await teachers(t.db, 3);
    const book = (userId: string, slotId: string, now = BEFORE_FAIR) => bookSlot(t.db, context, userId, slotId, now);
    expect(await book(amy!.id, r.slotAt(r.a1, "10:00"))).toMatchObject({
      status: 409,
      message: "Register for the fair before booking a meeting",
    });
    const amyRegistration = await registered(t.db, amy!.id, r.fairId);
    await registered(t.db, ben!.id, r.fairId);
    await registered(t.db, cal!.id, r.fairId);
    expect(await book(amy!.id, r.slotAt(r.a1, "10:00"))).toMatchObject({
      ok: true,
      schoolName: "Navigation Primary School",
    });
    expect(await book(amy!.id, r.slotAt(r.a1, "10:30"))).toMatchObject({
      status: 409,
      message: "You already have a meeting with Navigation Primary School: one meeting with each school",
    });
    expect(await book(amy!.id, r.slotAt(r.b1, "10:00"))).toMatchObject({ status: 409, message: CLASH_MESSAGE });
    expect(await book(amy!.id, r.slotAt(r.b1, "10:15"))).toMatchObject({ ok: true });
    expect(await book(ben!.id, r.slotAt(r.a1, "10:00"))).toMatchObject({
      status: 409,
      message: "That meeting is fully booked: choose another",
    });
    expect(await book(ben!.id, r.slotAt(r.a1, "10:15"), DURING_FAIR)).toMatchObject({
      status: 409,
      message: "Booking closed when the fair started",
    });
    expect(await book(ben!.id, "not-a-uuid")).toMatchObject({ status: 404 });
    // Amy's timetable, in time order; her bookings are hers alone to cancel.
    const mine = await teacherTimetable(t.db, amy!.id, r.fairId);
    expect(mine?.meetings.map((m) => [m.schoolName, m.startsAt.slice(11, 16)])).toEqual([
      ["Navigation Primary School", "10:00"],
      ["Oldfield Brow Primary School", "10:15"],
    ]);
    expect(await teacherTimetable(t.db, r.teacher.id, r.fairId)).toBeNull();
    const first = mine?.meetings[0]?.bookingId ?? "";
    expect(await cancelBooking(t.db, ben!.id, first, BEFORE_FAIR)).toMatchObject({ status: 404 });
    expect(await cancelBooking(t.db, amy!.id, first, DURING_FAIR)).toMatchObject({ status: 409 });
    expect(await cancelBooking(t.db, amy!.id, first, BEFORE_FAIR)).toMatchObject({ ok: true });
    expect(await book(ben!.id, r.slotAt(r.a1, "10:00"))).toMatchObject({ ok: true });
    // HR see who is coming, with what they said they teach.
    const timetable = await schoolTimetable(t.db, r.fairId, r.a1.id);
    expect(timetable[0]?.teachers.map((x) => [x.name, x.interests])).toEqual([["Teacher t1", "KS2, maths"]]);
    expect(await cancelRegistration(t.db, amy!.id, r.fairId)).toEqual({ ok: true, cancelledBookings: 1 });
    expect(await count(t.db, "fair_bookings", sql`registration_id = ${amyRegistration} AND live`)).toBe(0);
    expect(await book(amy!.id, r.slotAt(r.b1, "10:30"))).toMatchObject({ status: 409 });
    // Booking confirmations were queued with each booking.
    expect((await mails(t.db)).filter((m) => m.subject.startsWith("Booked:"))).toHaveLength(3);
  });

  it("six teachers racing for a one-place slot: exactly one gets it, fifteen times over", async () => {
    const r = await fairRegion(t.db);
    const six = await teachers(t.db, 6);
    for (const teacher of six) await registered(t.db, teacher.id, r.fairId);
    const slot = r.slotAt(r.a1, "10:00");
    for (let run = 0; run < 15; run++) {
      const outcomes = await Promise.all(six.map((teacher) => bookSlot(t.db, context, teacher.id, slot, BEFORE_FAIR)));
      expect(
        outcomes.filter((o) => o.ok),
        `run ${run}`,
      ).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? "" : o.message))).toEqual(
        Array(5).fill("That meeting is fully booked: choose another"),
      );
      expect(await count(t.db, "fair_bookings", sql`slot_id = ${slot} AND live`)).toBe(1);
      await t.db.execute(sql`UPDATE fair_bookings SET live = false`);
    }
  });

  it("one teacher booking two overlapping meetings at once: exactly one is made, fifteen times over", async () => {
    const r = await fairRegion(t.db);
    const [amy] = await teachers(t.db, 1);
    await registered(t.db, amy!.id, r.fairId);
    const pair = [r.slotAt(r.a1, "10:00"), r.slotAt(r.b1, "10:00")];
    for (let run = 0; run < 15; run++) {
      const outcomes = await Promise.all(pair.map((slot) => bookSlot(t.db, context, amy!.id, slot, BEFORE_FAIR)));
      expect(
        outcomes.filter((o) => o.ok),
        `run ${run}`,
      ).toHaveLength(1);
      expect(outcomes.find((o) => !o.ok)).toMatchObject({ status: 409, message: CLASH_MESSAGE });
      await t.db.execute(sql`UPDATE fair_bookings SET live = false`);
    }
  });

  it("the exclusion constraint refuses overlapping live bookings of one registration however they are written", async () => {
    const r = await fairRegion(t.db);
    const [amy] = await teachers(t.db, 1);
    const registration = await registered(t.db, amy!.id, r.fairId);
    const insert = (slotId: string) =>
      t.db.execute(sql`INSERT INTO fair_bookings (slot_id, registration_id, starts_at, ends_at)
                       SELECT id, ${registration}, starts_at, ends_at FROM fair_slots WHERE id = ${slotId}`);
    await insert(r.slotAt(r.a1, "10:00"));
    const refusal = await insert(r.slotAt(r.b1, "10:00")).then(
      () => "inserted",
      (error: unknown) => sqlState(error),
    );
    expect(refusal).toBe("23P01");
  });

  it("removing a slot or a school cancels its bookings and tells the teachers", async () => {
    const r = await fairRegion(t.db);
    const [amy, ben] = await teachers(t.db, 2);
    await registered(t.db, amy!.id, r.fairId);
    await registered(t.db, ben!.id, r.fairId);
    await bookSlot(t.db, context, amy!.id, r.slotAt(r.a1, "10:00"), BEFORE_FAIR);
    await bookSlot(t.db, context, ben!.id, r.slotAt(r.b1, "10:00"), BEFORE_FAIR);
    await t.db.execute(sql`DELETE FROM emails`);
    expect(await removeSlot(t.db, context, r.hrB.id, r.fairId, r.a1.id, r.slotAt(r.a1, "10:00"))).toMatchObject({
      status: 404,
    });
    expect(await removeSlot(t.db, context, r.hrA.id, r.fairId, r.a1.id, r.slotAt(r.b1, "10:00"))).toMatchObject({
      status: 404,
    });
    expect(await removeSlot(t.db, context, r.hrA.id, r.fairId, r.a1.id, r.slotAt(r.a1, "10:00"))).toEqual({
      ok: true,
      cancelled: 1,
    });
    expect(await removeFairSchool(t.db, context, r.foreignAdmin.id, r.fairId, r.b1.id)).toMatchObject({ status: 404 });
    expect(await removeFairSchool(t.db, context, r.admin.id, r.fairId, r.b1.id)).toEqual({ ok: true, cancelled: 1 });
    expect((await mails(t.db)).map((m) => [m.to, m.subject])).toEqual([
      ["t0@teachers.example", "Cancelled: your meeting with Navigation Primary School at Vale spring recruitment fair"],
      [
        "t1@teachers.example",
        "Cancelled: your meeting with Oldfield Brow Primary School at Vale spring recruitment fair",
      ],
    ]);
    expect(await count(t.db, "fair_bookings", sql`live`)).toBe(0);
    expect(await count(t.db, "fair_slots", sql`school_id = ${r.b1.id}`)).toBe(0);
  });

  it("after the fair, HR invite the teachers they met: to the pool or to apply, once of each kind", async () => {
    const r = await fairRegion(t.db);
    const [amy, ben] = await teachers(t.db, 2);
    const amyReg = await registered(t.db, amy!.id, r.fairId);
    const benReg = await registered(t.db, ben!.id, r.fairId);
    await bookSlot(t.db, context, amy!.id, r.slotAt(r.a1, "10:00"), BEFORE_FAIR);
    await bookSlot(t.db, context, ben!.id, r.slotAt(r.b1, "10:00"), BEFORE_FAIR);
    await t.db.execute(sql`DELETE FROM emails`);
    const vacancy = await publishedVacancy(t.db, r.a1.id, "Year 4 teacher");
    const invite = (
      userId: string,
      schoolId: string,
      input: Partial<Parameters<typeof followUp>[5]>,
      now = DURING_FAIR,
    ) =>
      followUp(
        t.db,
        context,
        userId,
        r.fairId,
        schoolId,
        { registrationId: amyReg, kind: "pool_invitation", message: "", ...input },
        now,
      );
    expect(await invite(r.hrA.id, r.a1.id, {}, BEFORE_FAIR)).toMatchObject({ status: 409 });
    expect(await invite(r.hrB.id, r.a1.id, {})).toMatchObject({ status: 404 });
    expect(await invite(r.hrLa.id, r.la1.id, {})).toMatchObject({ status: 404 });
    // Ben met b1, not a1.
    expect(await invite(r.hrA.id, r.a1.id, { registrationId: benReg })).toMatchObject({
      status: 400,
      fieldErrors: { registrationId: ["Choose a teacher your school met"] },
    });
    expect(
      await invite(r.hrA.id, r.a1.id, {
        kind: "application_invitation",
        vacancyId: await publishedVacancy(t.db, r.b1.id, "Other"),
      }),
    ).toMatchObject({
      status: 400,
      fieldErrors: { vacancyId: ["Choose one of your school's published vacancies"] },
    });
    expect(await count(t.db, "fair_follow_ups")).toBe(0);
    expect(await invite(r.hrA.id, r.a1.id, { message: "Lovely to meet you" })).toEqual({ ok: true });
    expect(await invite(r.schoolHr.id, r.a1.id, {})).toMatchObject({
      status: 409,
      fieldErrors: { kind: ["Navigation Primary School has already sent Teacher t0 this invitation"] },
    });
    expect(await invite(r.hrA.id, r.a1.id, { kind: "application_invitation", vacancyId: vacancy })).toEqual({
      ok: true,
    });
    const sent = await mails(t.db);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      ["t0@teachers.example", "Navigation Primary School invites you to apply"],
      ["t0@teachers.example", "Navigation Primary School invites you to join the teacher pool"],
    ]);
    expect(sent[1]?.text).toContain(`http://localhost:3000/pool/rounds/${r.round.id}/apply`);
    expect(sent[1]?.text).toContain("Lovely to meet you");
    expect(sent[0]?.text).toContain(`http://localhost:3000/vacancies/${vacancy}`);
  });

  it("reminders go at 08:00 London the day before, to each teacher and each school's HR, once", async () => {
    const r = await fairRegion(t.db);
    const [amy, ben] = await teachers(t.db, 2);
    await registered(t.db, amy!.id, r.fairId);
    await registered(t.db, ben!.id, r.fairId);
    await bookSlot(t.db, context, amy!.id, r.slotAt(r.a1, "10:00"), BEFORE_FAIR);
    await bookSlot(t.db, context, amy!.id, r.slotAt(r.b1, "10:15"), BEFORE_FAIR);
    await bookSlot(t.db, context, ben!.id, r.slotAt(r.a1, "10:15"), BEFORE_FAIR);
    await t.db.execute(sql`DELETE FROM emails`);
    expect(await sendDueFairReminders(t.db, context, new Date("2027-03-11T07:59:00Z"))).toBe(0);
    const due = new Date("2027-03-11T08:00:00Z");
    const runs = await Promise.all([
      sendDueFairReminders(t.db, context, due),
      sendDueFairReminders(t.db, context, due),
    ]);
    // Amy, Ben; a1's HR (Harriet at the trust, Olive at the school) and b1's (Henry).
    expect(runs.reduce((a, b) => a + b, 0)).toBe(5);
    expect(await sendDueFairReminders(t.db, context, new Date("2027-03-11T09:00:00Z"))).toBe(0);
    const sent = await mails(t.db);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      ["hr@a.example", "Tomorrow: Navigation Primary School's timetable for Vale spring recruitment fair"],
      ["hr@b.example", "Tomorrow: Oldfield Brow Primary School's timetable for Vale spring recruitment fair"],
      ["office@navigation.example", "Tomorrow: Navigation Primary School's timetable for Vale spring recruitment fair"],
      ["t0@teachers.example", "Tomorrow: your timetable for Vale spring recruitment fair"],
      ["t1@teachers.example", "Tomorrow: your timetable for Vale spring recruitment fair"],
    ]);
    expect(sent[3]?.text).toMatch(
      /10:00am to 10:15am.*Navigation Primary School[\s\S]*10:15am to 10:30am.*Oldfield Brow/,
    );
    expect(sent[0]?.text).toContain("Teacher t0: KS2, maths");
  });
});
