import { sql } from "drizzle-orm";
import { addDays, format } from "date-fns";
import { describe, expect, it } from "vitest";
import { cancelSession, createSession, managedSession, updateSession } from "../../app/programmes/programmes.server";
import { sendDueReminders } from "../../app/programmes/notifications.server";
import { cohortEngagementCsv, registerSheet, saveRegister } from "../../app/programmes/register.server";
import type { Executor } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { bookEct, programmeContext as context, programmeRegion, sessionInput } from "../support/programme-fixtures";

type Booking = { ect: string; startsAt: string; endsAt: string; live: boolean };

async function bookingsOf(db: Executor, sessionId: string): Promise<Booking[]> {
  return rowsOf<Booking>(
    await db.execute(sql`
      SELECT e.name AS ect, to_char(b.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS "startsAt",
             to_char(b.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS "endsAt", b.live
        FROM session_bookings b JOIN ects e ON e.id = b.ect_id WHERE b.session_id = ${sessionId} ORDER BY e.name`),
  );
}

async function mails(db: Executor) {
  return rowsOf<{ to: string; subject: string; text: string }>(
    await db.execute(sql`SELECT "to", subject, text FROM emails ORDER BY "to", subject`),
  );
}

async function emailJobs(db: Executor): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send'`),
  );
  return row?.n ?? 0;
}

async function created(
  db: Parameters<typeof createSession>[0],
  r: Awaited<ReturnType<typeof programmeRegion>>,
  values: Parameters<typeof sessionInput>[0] = {},
) {
  const outcome = await createSession(db, r.lead.id, r.programme.id, r.cohort.id, sessionInput(values));
  if (!outcome.ok) throw new Error(`${outcome.message}: ${JSON.stringify(outcome.fieldErrors)}`);
  return outcome;
}

const onServer = Boolean(process.env.TEST_DATABASE_URL);
const dayOf2027 = (n: number) => format(addDays(new Date(2027, 1, 1), n), "yyyy-MM-dd");

describe("programme sessions", () => {
  const t = useTestDatabase();

  it("a core session books the cohort's enrolled ECTs; bad details are refused at their fields and write nothing", async () => {
    const r = await programmeRegion(t.db);
    const refusals: [Parameters<typeof sessionInput>[0], string, RegExp][] = [
      [{ date: "2028-01-14" }, "date", /must fall in 2026\/27/],
      [{ inductionYear: 2 }, "date", /year 2 session of this cohort must fall in 2027\/28/],
      [{ venue: "school", hostSchoolId: r.foreign.id }, "hostSchoolId", /school of the programme's partnership/],
      [{ facilitatorUserId: r.teacher.id }, "facilitatorUserId", /programme's facilitators/],
      [{ strandId: "00000000-0000-4000-8000-000000000000" }, "strandId", /programme's strands/],
      [{ capacity: 1 }, "capacity", /2 ECTs are enrolled/],
      // 01:30 on the last Sunday of March 2027 never happens in London: the clocks go from 01:00 to 02:00.
      [{ date: "2027-03-28", startTime: "01:30", endTime: "03:00" }, "startTime", /does not exist/],
    ];
    for (const [values, field, message] of refusals) {
      const outcome = await createSession(t.db, r.lead.id, r.programme.id, r.cohort.id, sessionInput(values));
      expect(outcome, JSON.stringify(values)).toMatchObject({
        ok: false,
        status: 400,
        fieldErrors: { [field]: [expect.stringMatching(message)] },
      });
    }
    const [count] = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM programme_sessions`));
    expect(count?.n).toBe(0);

    const session = await created(t.db, r, {
      venue: "school",
      hostSchoolId: r.a2.id,
      room: "Hall",
      strandId: r.strand.id,
      facilitatorUserId: r.facilitator.id,
    });
    expect(session.booked).toBe(2);
    // 09:30 London in January is 09:30 UTC (GMT).
    expect(await bookingsOf(t.db, session.sessionId)).toEqual([
      { ect: "Erin Early", startsAt: "2027-01-14T09:30", endsAt: "2027-01-14T12:00", live: true },
      { ect: "Sam Start", startsAt: "2027-01-14T09:30", endsAt: "2027-01-14T12:00", live: true },
    ]);
    // An optional session books nobody: ECTs choose it.
    expect((await created(t.db, r, { optional: true, date: "2027-01-15" })).booked).toBe(0);
    // A core session at a time an enrolled ECT is already booked is refused, saying how many clash.
    expect(
      await createSession(
        t.db,
        r.lead.id,
        r.programme.id,
        r.cohort.id,
        sessionInput({ startTime: "11:00", endTime: "13:00" }),
      ),
    ).toMatchObject({
      status: 409,
      fieldErrors: { date: ["2 booked ECTs have another session at this time: choose a time that does not clash"] },
    });
  });

  it("another programme's cohort, session and register are not found, and nothing changes", async () => {
    const r = await programmeRegion(t.db);
    const { sessionId } = await created(t.db, r);
    for (const stranger of [r.foreignAdmin, r.facilitator, r.tutor, r.erinUser, r.hrA]) {
      expect(await managedSession(t.db, stranger.id, sessionId)).toBeNull();
      expect(
        await updateSession(t.db, context, stranger.id, sessionId, sessionInput({ date: "2027-01-21" })),
      ).toMatchObject({
        status: 404,
      });
      expect(await cancelSession(t.db, context, stranger.id, sessionId, "Not ours to cancel")).toMatchObject({
        status: 404,
      });
    }
    // The foreign admin cannot add a session to this cohort, nor to their own programme by way of this cohort.
    expect(await createSession(t.db, r.foreignAdmin.id, r.programme.id, r.cohort.id, sessionInput())).toMatchObject({
      status: 404,
    });
    expect(
      await createSession(t.db, r.foreignAdmin.id, r.foreignProgramme.id, r.cohort.id, sessionInput()),
    ).toMatchObject({
      status: 404,
    });
    for (const stranger of [r.foreignAdmin, r.tutor, r.erinUser]) {
      expect(await registerSheet(t.db, stranger.id, sessionId)).toBeNull();
      expect(
        await saveRegister(
          t.db,
          stranger.id,
          sessionId,
          [{ ectId: r.erin.id, mark: "present", reason: null }],
          new Date("2027-01-14T10:00:00Z"),
        ),
      ).toMatchObject({ status: 404 });
      expect(await cohortEngagementCsv(t.db, stranger.id, r.cohort.id)).toBeNull();
    }
    // The programme's facilitator takes its registers, but manages nothing.
    expect(await registerSheet(t.db, r.facilitator.id, sessionId)).not.toBeNull();
    expect(await cohortEngagementCsv(t.db, r.facilitator.id, r.cohort.id)).toBeNull();
    expect(await bookingsOf(t.db, sessionId)).toHaveLength(2);
    expect(await mails(t.db)).toEqual([]);
    const [marks] = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM session_attendance`));
    expect(marks?.n).toBe(0);
  });

  it("the register: booked ECTs only, excused needs a reason, from the session's day, all or nothing", async () => {
    const r = await programmeRegion(t.db);
    const { sessionId } = await created(t.db, r, { facilitatorUserId: r.facilitator.id });
    const onTheDay = new Date("2027-01-14T10:00:00Z");
    const sheet = await registerSheet(t.db, r.facilitator.id, sessionId, onTheDay);
    expect(sheet?.session.open).toBe(true);
    expect(sheet?.lines.map((l) => [l.name, l.schoolName, l.mark])).toEqual([
      ["Erin Early", "Navigation Primary School", null],
      ["Sam Start", "Navigation Primary School", null],
    ]);
    const save = (marks: Parameters<typeof saveRegister>[3], now = onTheDay) =>
      saveRegister(t.db, r.facilitator.id, sessionId, marks, now);
    expect(
      await save([{ ectId: r.erin.id, mark: "present", reason: null }], new Date("2027-01-13T23:59:00Z")),
    ).toMatchObject({
      status: 409,
      message: "The register opens on the day of the session",
    });
    // Olu is not booked on the session; Sam is excused without a reason: nothing is written, Erin's mark included.
    expect(
      await save([
        { ectId: r.erin.id, mark: "present", reason: null },
        { ectId: r.olu.id, mark: "present", reason: null },
        { ectId: r.sam.id, mark: "excused", reason: null },
      ]),
    ).toMatchObject({
      status: 400,
      fieldErrors: {
        [`mark-${r.olu.id}`]: ["Only ECTs booked on this session can be marked"],
        [`reason-${r.sam.id}`]: ["Give the reason the ECT is excused"],
      },
    });
    expect((await registerSheet(t.db, r.facilitator.id, sessionId, onTheDay))?.lines.map((l) => l.mark)).toEqual([
      null,
      null,
    ]);
    expect(
      await save([
        { ectId: r.erin.id, mark: "present", reason: null },
        { ectId: r.sam.id, mark: "excused", reason: "Hospital appointment" },
      ]),
    ).toEqual({ ok: true, saved: 2 });
    // A correction replaces the mark.
    expect(await save([{ ectId: r.sam.id, mark: "absent", reason: null }])).toEqual({ ok: true, saved: 1 });
    expect(
      (await registerSheet(t.db, r.facilitator.id, sessionId, onTheDay))?.lines.map((l) => [l.mark, l.reason]),
    ).toEqual([
      ["present", null],
      ["absent", null],
    ]);
    const csv = await cohortEngagementCsv(t.db, r.lead.id, r.cohort.id, onTheDay);
    expect(csv?.split("\n")).toEqual([
      "ect,trn,school,sessions_expected,present,absent,excused,not_recorded,engagement_percent,below_75_marker",
      "Erin Early,1234567,Navigation Primary School,1,1,0,0,0,100,no",
      "Sam Start,2345678,Navigation Primary School,1,0,1,0,0,0,yes",
      "",
    ]);
    // A cancelled session takes no register.
    await cancelSession(t.db, context, r.lead.id, sessionId, "Facilitator unwell");
    expect(await save([{ ectId: r.erin.id, mark: "present", reason: null }])).toMatchObject({ status: 409 });
  });

  it("moving a session moves its bookings and tells the ECTs and their tutor; a move that clashes is refused", async () => {
    const r = await programmeRegion(t.db);
    const first = await created(t.db, r);
    const second = await created(t.db, r, { date: "2027-01-21", title: "Pedagogy: modelling" });
    // Erin also holds a place on an optional session on the 28th, 13:00 to 15:00.
    const optional = await created(t.db, r, {
      date: "2027-01-28",
      startTime: "13:00",
      endTime: "15:00",
      optional: true,
    });
    await bookEct(t.db, optional.sessionId, r.erin.id);

    const clash = await updateSession(
      t.db,
      context,
      r.lead.id,
      second.sessionId,
      sessionInput({ date: "2027-01-28", startTime: "14:00", endTime: "16:00", title: "Pedagogy: modelling" }),
    );
    expect(clash).toMatchObject({
      status: 409,
      fieldErrors: { date: ["1 booked ECT has another session at this time: choose a time that does not clash"] },
    });
    const both = await updateSession(
      t.db,
      context,
      r.lead.id,
      second.sessionId,
      sessionInput({ date: "2027-01-14", startTime: "11:00", endTime: "13:00" }),
    );
    expect(both).toMatchObject({ status: 409, fieldErrors: { date: [expect.stringMatching(/^2 booked ECTs/)] } });
    expect(await bookingsOf(t.db, second.sessionId)).toEqual([
      { ect: "Erin Early", startsAt: "2027-01-21T09:30", endsAt: "2027-01-21T12:00", live: true },
      { ect: "Sam Start", startsAt: "2027-01-21T09:30", endsAt: "2027-01-21T12:00", live: true },
    ]);
    expect(await mails(t.db)).toEqual([]);

    const jobsBefore = await emailJobs(t.db);
    // Moved into summer time (BST): 10:00 London is 09:00 UTC; the place changes too.
    const moved = await updateSession(
      t.db,
      context,
      r.lead.id,
      first.sessionId,
      sessionInput({
        date: "2027-04-15",
        startTime: "10:00",
        endTime: "12:30",
        venue: "school",
        hostSchoolId: r.a2.id,
        room: "Library",
      }),
    );
    expect(moved).toEqual({ ok: true, told: 3 });
    expect(await bookingsOf(t.db, first.sessionId)).toEqual([
      { ect: "Erin Early", startsAt: "2027-04-15T09:00", endsAt: "2027-04-15T11:30", live: true },
      { ect: "Sam Start", startsAt: "2027-04-15T09:00", endsAt: "2027-04-15T11:30", live: true },
    ]);
    const sent = await mails(t.db);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      ["erin@ect.example", "Session changed: Behaviour: the first weeks"],
      ["ian@navigation.example", "Session changed: Behaviour: the first weeks"],
      ["sam@ect.example", "Session changed: Behaviour: the first weeks"],
    ]);
    const erinMail = sent[0]?.text ?? "";
    expect(erinMail).toContain(
      "Time: now Thursday 15 April 2027, 10:00am to 12:30pm (was Thursday 14 January 2027, 9:30am to 12:00pm)",
    );
    expect(erinMail).toContain("Place: now Library, Springfield Primary School (was Online)");
    expect(sent[1]?.text).toContain("booked for Erin Early, Sam Start");
    expect(await emailJobs(t.db)).toBe(jobsBefore + 3);

    // Only a new title: nobody is e-mailed.
    expect(
      await updateSession(
        t.db,
        context,
        r.lead.id,
        first.sessionId,
        sessionInput({
          title: "Behaviour: routines",
          date: "2027-04-15",
          startTime: "10:00",
          endTime: "12:30",
          venue: "school",
          hostSchoolId: r.a2.id,
          room: "Library",
        }),
      ),
    ).toEqual({ ok: true, told: 0 });
    // The room never shrinks below the places booked.
    expect(
      await updateSession(
        t.db,
        context,
        r.lead.id,
        second.sessionId,
        sessionInput({ date: "2027-01-21", capacity: 1 }),
      ),
    ).toMatchObject({
      status: 400,
      fieldErrors: { capacity: ["2 ECTs are booked: the session needs at least 2 places"] },
    });
  });

  it("cancelling frees the places, so their time can be booked again, and tells everyone booked why", async () => {
    const r = await programmeRegion(t.db);
    const { sessionId } = await created(t.db, r);
    expect(await cancelSession(t.db, context, r.lead.id, sessionId, "   ")).toMatchObject({
      status: 400,
      fieldErrors: { reason: [expect.stringMatching(/Say why/)] },
    });
    expect(await mails(t.db)).toEqual([]);
    expect(await cancelSession(t.db, context, r.lead.id, sessionId, "Facilitator unwell")).toEqual({
      ok: true,
      told: 3,
    });
    expect(await cancelSession(t.db, context, r.lead.id, sessionId, "Again, twice")).toMatchObject({ status: 409 });
    expect((await bookingsOf(t.db, sessionId)).map((b) => b.live)).toEqual([false, false]);
    expect((await mails(t.db)).map((m) => [m.to, m.subject])).toEqual([
      ["erin@ect.example", "Session cancelled: Behaviour: the first weeks"],
      ["ian@navigation.example", "Session cancelled: Behaviour: the first weeks"],
      ["sam@ect.example", "Session cancelled: Behaviour: the first weeks"],
    ]);
    // The same time is free again for a new core session.
    expect((await created(t.db, r, { title: "Behaviour: rescheduled" })).booked).toBe(2);
  });

  it("e-mails are queued only when the change commits", async () => {
    const r = await programmeRegion(t.db);
    const { sessionId } = await created(t.db, r);
    const jobsBefore = await emailJobs(t.db);
    // The second mail's job fails to queue: the whole move rolls back, the first mail with it.
    let calls = 0;
    const failing = {
      ...context,
      enqueue: async (...args: Parameters<typeof context.enqueue>) => {
        calls += 1;
        if (calls === 2) throw new Error("queue unavailable");
        return context.enqueue(...args);
      },
    };
    await expect(
      updateSession(t.db, failing, r.lead.id, sessionId, sessionInput({ date: "2027-01-21" })),
    ).rejects.toThrow("queue unavailable");
    expect(calls).toBe(2);
    expect(await mails(t.db)).toEqual([]);
    expect(await emailJobs(t.db)).toBe(jobsBefore);
    expect((await bookingsOf(t.db, sessionId)).map((b) => b.startsAt)).toEqual([
      "2027-01-14T09:30",
      "2027-01-14T09:30",
    ]);
    await expect(
      cancelSession(
        t.db,
        { ...failing, enqueue: async () => Promise.reject(new Error("down")) },
        r.lead.id,
        sessionId,
        "Snow closed the school",
      ),
    ).rejects.toThrow("down");
    expect((await bookingsOf(t.db, sessionId)).map((b) => b.live)).toEqual([true, true]);
    expect(await mails(t.db)).toEqual([]);
  });

  it("the reminder goes to each booked ECT once, at 08:00 London time two days before, never for a cancelled session", async () => {
    const r = await programmeRegion(t.db);
    const { sessionId } = await created(t.db, r, { facilitatorUserId: r.facilitator.id });
    // The 21st's session is cancelled: no reminder.
    const cancelled = await created(t.db, r, { date: "2027-01-21" });
    await cancelSession(t.db, context, r.lead.id, cancelled.sessionId, "Room flooded");
    await t.db.execute(sql`DELETE FROM emails`);
    const reminders = async () => (await mails(t.db)).filter((m) => m.subject.startsWith("Reminder:")).map((m) => m.to);

    expect(await sendDueReminders(t.db, context, new Date("2027-01-12T07:59:00Z"))).toBe(0);
    expect(await sendDueReminders(t.db, context, new Date("2027-01-12T08:00:00Z"))).toBe(2);
    expect(await reminders()).toEqual(["erin@ect.example", "sam@ect.example"]);
    expect((await mails(t.db))[0]?.text).toContain("run by Fran Facilitator");
    expect(await sendDueReminders(t.db, context, new Date("2027-01-12T08:15:00Z"))).toBe(0);
    expect(await sendDueReminders(t.db, context, new Date("2027-01-19T08:00:00Z"))).toBe(0);
    expect(await reminders()).toHaveLength(2);
    // Moved to a later week, the session is reminded again before its new day (BST: 08:00 London is 07:00 UTC).
    await updateSession(
      t.db,
      context,
      r.lead.id,
      sessionId,
      sessionInput({ date: "2027-04-22", facilitatorUserId: r.facilitator.id }),
    );
    expect(await sendDueReminders(t.db, context, new Date("2027-04-20T06:59:00Z"))).toBe(0);
    expect(await sendDueReminders(t.db, context, new Date("2027-04-20T07:00:00Z"))).toBe(2);
    // Once the session has started, it is too late for a reminder.
    const late = await created(t.db, r, { date: "2027-01-26" });
    expect(await sendDueReminders(t.db, context, new Date("2027-01-26T09:31:00Z"))).toBe(0);
    expect(late.booked).toBe(2);
  });

  it.skipIf(!onServer)(
    "a move that PostgreSQL rolls back to break a deadlock is run again, and refused for the clash it meets (needs a server: PGlite has one connection)",
    async () => {
      const r = await programmeRegion(t.db);
      const target = dayOf2027(2);
      const moving = await created(t.db, r, { date: dayOf2027(0), title: "Moving" });
      const early = await created(t.db, r, { date: dayOf2027(4), title: "Early", optional: true });
      const late = await created(t.db, r, { date: dayOf2027(5), title: "Late", optional: true });
      const erin = firstRow(
        rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM ects WHERE email = 'erin@ect.example'`)),
        "Erin",
      );
      const deadlocks = async () =>
        firstRow(
          rowsOf<{ n: number }>(
            await t.db.execute(
              sql`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`,
            ),
          ),
          "the database's statistics",
        ).n;
      const waitingOnALock = async () =>
        firstRow(
          rowsOf<{ n: number }>(
            await t.db.execute(sql`
              SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`),
          ),
          "the waiting statements",
        ).n;
      const deadlocksBefore = await deadlocks();
      const mailsBefore = (await mails(t.db)).length;

      // A rival books Erin 09:00-10:00 on the target day and holds it uncommitted; the move (09:30-12:00, Erin and
      // Sam) writes Erin's moved booking and waits for the rival. The rival then books Erin 11:00-12:00, which
      // overlaps only the move's booking: each waits for the other. The rival checks for deadlock late, so the move is
      // the one PostgreSQL rolls back.
      let commitRival!: () => void;
      const rivalMayCommit = new Promise<void>((resolve) => (commitRival = resolve));
      let firstBooked!: () => void;
      const rivalHoldsEarly = new Promise<void>((resolve) => (firstBooked = resolve));
      const bookErin = (sessionId: string, from: string, to: string) => sql`
        INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at)
        VALUES (${sessionId}, ${erin.id}, ${`${target}T${from}:00Z`}::timestamptz, ${`${target}T${to}:00Z`}::timestamptz)`;
      const rival = t.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL deadlock_timeout = '60s'`);
        await tx.execute(bookErin(early.sessionId, "09:00", "10:00"));
        firstBooked();
        await expect.poll(waitingOnALock, { timeout: 10_000 }).toBe(1);
        await tx.execute(bookErin(late.sessionId, "11:00", "12:00"));
        await rivalMayCommit;
      });
      await rivalHoldsEarly;
      const move = updateSession(
        t.db,
        context,
        r.lead.id,
        moving.sessionId,
        sessionInput({ date: target, title: "Moving" }),
      );
      // The move rolled back, the rival's second booking went in; the move, run again, now waits for the rival.
      await expect.poll(deadlocks, { timeout: 15_000 }).toBe(deadlocksBefore + 1);
      await expect.poll(waitingOnALock, { timeout: 10_000 }).toBe(1);
      commitRival();
      await rival;
      expect(await move).toEqual(
        expect.objectContaining({
          ok: false,
          status: 409,
          fieldErrors: { date: [expect.stringMatching(/1 booked ECT has another session at this time/)] },
        }),
      );
      expect((await bookingsOf(t.db, moving.sessionId)).map((b) => b.startsAt)).toEqual([
        `${dayOf2027(0)}T09:30`,
        `${dayOf2027(0)}T09:30`,
      ]);
      expect((await mails(t.db)).length).toBe(mailsBefore);
    },
  );

  it(`two sessions moved at once into one slot: one move wins, the other is refused and tells nobody (${onServer ? 20 : 2} runs)`, async () => {
    const r = await programmeRegion(t.db);
    for (let run = 0; run < (onServer ? 20 : 2); run++) {
      const [a, b, target] = [0, 1, 2].map((i) => dayOf2027(run * 3 + i)) as [string, string, string];
      const first = await created(t.db, r, { date: a, title: `First ${run}` });
      const second = await created(t.db, r, { date: b, title: `Second ${run}` });
      const mailsBefore = (await mails(t.db)).length;
      // Each move alone would be fine: neither sees the other's uncommitted move, so the exclusion constraint decides.
      const outcomes = await Promise.all(
        [first, second].map((s, i) =>
          updateSession(
            t.db,
            context,
            r.lead.id,
            s.sessionId,
            sessionInput({ date: target, title: i === 0 ? `First ${run}` : `Second ${run}` }),
          ),
        ),
      );
      expect(outcomes.filter((o) => o.ok)).toEqual([{ ok: true, told: 3 }]);
      expect(outcomes.filter((o) => !o.ok)).toEqual([
        expect.objectContaining({
          status: 409,
          fieldErrors: { date: [expect.stringMatching(/another session at this time/)] },
        }),
      ]);
      expect((await mails(t.db)).length).toBe(mailsBefore + 3);
    }
    const [overlapping] = rowsOf<{ n: number }>(
      await t.db.execute(sql`
        SELECT count(*)::int AS n FROM session_bookings x JOIN session_bookings y
          ON x.ect_id = y.ect_id AND x.id < y.id AND x.live AND y.live
         AND tstzrange(x.starts_at, x.ends_at) && tstzrange(y.starts_at, y.ends_at)`),
    );
    expect(overlapping?.n).toBe(0);
  });
});
