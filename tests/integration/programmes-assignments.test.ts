import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  assignmentsFor,
  assignmentsOfEct,
  decideAssignment,
  proposeAssignment,
  withdrawAssignment,
} from "../../app/programmes/assignments.server";
import { createFeed, feedCalendar } from "../../app/calendar/feeds.server";
import { action, loader } from "../../app/routes/programmes.assignments";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { dayFromToday, ectAreaRegion, programmeContext as context } from "../support/ect-area-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

async function mails(db: Executor) {
  return rowsOf<{ to: string; subject: string }>(
    await db.execute(sql`SELECT "to", subject FROM emails ORDER BY subject, "to"`),
  );
}

async function assignmentCount(db: Executor) {
  return rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM early_career_assignments`))[0]?.n;
}

const term = (from: number, to: number) => ({
  startsOn: dayFromToday(from),
  endsOn: dayFromToday(to),
  purpose: "A term at a contrasting school, to see behaviour routines in another phase.",
});

describe("early-career assignments", () => {
  const t = useTestDatabase();

  it("a tutor proposes (saying yes for the employing school), the host's HR accepts, and every other party hears", async () => {
    const r = await ectAreaRegion(t.db);
    const proposed = await proposeAssignment(
      t.db,
      r.tutorA1.id,
      { ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(10, 40) },
      context,
    );
    expect(proposed).toMatchObject({ ok: true, status: "proposed" });
    if (!proposed.ok) throw new Error(proposed.message);
    // The host's answerers hear (its tutor, its trust's HR); the proposer does not mail themselves; nor does the ECT yet.
    expect(await mails(t.db)).toEqual([
      { to: "hr@b.example", subject: "Assignment proposed: Efa Evans at Oldfield Brow Primary School" },
      { to: "tutor@oldfield.example", subject: "Assignment proposed: Efa Evans at Oldfield Brow Primary School" },
    ]);
    // The tutor has answered for Navigation already; only the host's answer is awaited.
    const [seenByTutor] = await assignmentsFor(t.db, r.tutorA1.id);
    expect(seenByTutor).toMatchObject({ canAcceptAsEmployer: false, canAcceptAsHost: false, canWithdraw: true });
    const [seenByHost] = await assignmentsFor(t.db, r.hrB.id);
    expect(seenByHost).toMatchObject({ canAcceptAsHost: true, canWithdraw: false });

    expect(await decideAssignment(t.db, r.hrB.id, proposed.assignmentId, { action: "accept" }, context)).toEqual({
      ok: true,
      status: "accepted",
    });
    const agreed = (await mails(t.db)).filter((m) => m.subject.startsWith("Assignment agreed"));
    // The ECT hears once both schools have said yes; the host's other answerer and the proposer too.
    expect(agreed.map((m) => m.to)).toEqual(["efa@ect.example", "tutor@navigation.example", "tutor@oldfield.example"]);
    // The ECT sees it in their own record; they stay employed at Navigation.
    expect(await assignmentsOfEct(t.db, r.ectUser.id, r.efa.id)).toMatchObject([
      { status: "accepted", employingSchoolName: "Navigation Primary School" },
    ]);
    // On the ECT's calendar feed: the agreed dates at the host, as an all-day event.
    const ics = (await feedCalendar(t.db, await createFeed(t.db, r.ectUser.id, "ect", r.efa.id), "http://x")) ?? "";
    expect(ics).toContain("SUMMARY:Time at Oldfield Brow Primary School");
    expect(ics).toContain(`DTSTART;VALUE=DATE:${dayFromToday(10).replaceAll("-", "")}`);
    const periods = rowsOf<{ n: number }>(
      await t.db.execute(sql`SELECT count(*)::int AS n FROM ect_school_periods WHERE ect_id = ${r.efa.id}`),
    );
    expect(periods).toEqual([{ n: 1 }]);
  });

  it("a partnership admin's proposal needs both schools to accept; the admin cannot accept for them", async () => {
    const r = await ectAreaRegion(t.db);
    const proposed = await proposeAssignment(
      t.db,
      r.admin.id,
      { ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(5, 20) },
      context,
    );
    if (!proposed.ok) throw new Error(proposed.message);
    expect((await mails(t.db)).map((m) => m.to)).toEqual([
      "hr@b.example",
      "tutor@navigation.example",
      "tutor@oldfield.example",
    ]);
    expect(
      await decideAssignment(t.db, r.admin.id, proposed.assignmentId, { action: "accept" }, context),
    ).toMatchObject({ ok: false, status: 409 });
    expect(await decideAssignment(t.db, r.tutorB1.id, proposed.assignmentId, { action: "accept" }, context)).toEqual({
      ok: true,
      status: "proposed",
    });
    // The host has answered: its HR has nothing left to accept.
    expect(await decideAssignment(t.db, r.hrB.id, proposed.assignmentId, { action: "accept" }, context)).toMatchObject({
      status: 409,
      message: "Your school has accepted this assignment already",
    });
    expect(await decideAssignment(t.db, r.tutorA1.id, proposed.assignmentId, { action: "accept" }, context)).toEqual({
      ok: true,
      status: "accepted",
    });
    // Only the proposer withdraws, with a reason; the ECT hears that an agreed assignment is off.
    expect(
      await withdrawAssignment(t.db, r.tutorA1.id, proposed.assignmentId, "Not needed now", context),
    ).toMatchObject({ status: 409 });
    expect(await withdrawAssignment(t.db, r.admin.id, proposed.assignmentId, "Host school closing", context)).toEqual({
      ok: true,
      status: "withdrawn",
    });
    const withdrawn = (await mails(t.db)).filter((m) => m.subject.startsWith("Assignment withdrawn"));
    expect(withdrawn.map((m) => m.to)).toContain("efa@ect.example");
  });

  it("refuses an overlapping assignment at the dates, writing nothing; a declined one no longer blocks", async () => {
    const r = await ectAreaRegion(t.db);
    const first = await proposeAssignment(
      t.db,
      r.tutorA1.id,
      { ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(10, 40) },
      context,
    );
    if (!first.ok) throw new Error(first.message);
    const before = await mails(t.db);
    const clash = await proposeAssignment(
      t.db,
      r.tutorA1.id,
      { ectId: r.efa.id, hostSchoolId: r.la1.id, ...term(40, 60) },
      context,
    );
    expect(clash).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { startsOn: [expect.stringMatching(/overlap another assignment.*Oldfield Brow Primary School/)] },
    });
    expect(await assignmentCount(t.db)).toBe(1);
    expect(await mails(t.db)).toEqual(before);
    // Declined (with a reason), the first stops blocking those dates.
    expect(
      await decideAssignment(t.db, r.hrB.id, first.assignmentId, { action: "decline", reason: "No room" }, context),
    ).toEqual({ ok: true, status: "declined" });
    expect(
      await proposeAssignment(
        t.db,
        r.tutorA1.id,
        { ectId: r.efa.id, hostSchoolId: r.la1.id, ...term(40, 60) },
        context,
      ),
    ).toMatchObject({ ok: true });
  });

  it("checks the host school and the dates at their fields", async () => {
    const r = await ectAreaRegion(t.db);
    const propose = (hostSchoolId: string, dates = term(10, 20)) =>
      proposeAssignment(t.db, r.tutorA1.id, { ectId: r.efa.id, hostSchoolId, ...dates }, context);
    expect(await propose(r.a1.id)).toMatchObject({ status: 400, fieldErrors: { hostSchoolId: [expect.any(String)] } });
    expect(await propose(r.foreign.id)).toMatchObject({
      status: 400,
      fieldErrors: { hostSchoolId: ["Choose a host school of the partnership"] },
    });
    expect(await propose(r.b1.id, term(-3, 20))).toMatchObject({
      status: 400,
      fieldErrors: { startsOn: [expect.stringMatching(/today/)] },
    });
    expect(await assignmentCount(t.db)).toBe(0);
  });

  it("another school's ECT or assignment is not found", async () => {
    const r = await ectAreaRegion(t.db);
    // A tutor elsewhere cannot propose for Navigation's ECT, nor Navigation's tutor for the foreign one.
    expect(
      await proposeAssignment(
        t.db,
        r.foreignTutor.id,
        { ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(5, 9) },
        context,
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await proposeAssignment(t.db, r.tutorA1.id, { ectId: r.far.id, hostSchoolId: r.b1.id, ...term(5, 9) }, context),
    ).toMatchObject({ status: 404 });
    const proposed = await proposeAssignment(
      t.db,
      r.tutorA1.id,
      { ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(5, 9) },
      context,
    );
    if (!proposed.ok) throw new Error(proposed.message);
    for (const outsider of [r.foreignTutor, r.foreignAdmin, r.hrA, r.teacher])
      expect(
        await decideAssignment(t.db, outsider.id, proposed.assignmentId, { action: "accept" }, context),
      ).toMatchObject({ status: 404 });
    expect(await withdrawAssignment(t.db, r.foreignTutor.id, proposed.assignmentId, "Not mine", context)).toMatchObject(
      { status: 404 },
    );
    expect(await assignmentsFor(t.db, r.foreignTutor.id)).toEqual([]);

    // Through the page: a foreign tutor's answer is a 404, and someone with no such role has no page at all.
    const foreign = await sessionCookie(r.foreignTutor);
    const answered = await callRoute(
      action,
      formRequest(
        "/programmes/assignments",
        { intent: "assignment-decide", assignmentId: proposed.assignmentId, action: "accept" },
        foreign,
      ),
    );
    expect(answered.status).toBe(404);
    expect(
      (await callRoute(loader, getRequest("/programmes/assignments", await sessionCookie(r.teacher)))).status,
    ).toBe(404);
  });

  it("the page answers a bad or overlapping proposal with 400 and the errors at the fields", async () => {
    const r = await ectAreaRegion(t.db);
    const cookie = await sessionCookie(r.tutorA1);
    const post = (fields: Record<string, string>) =>
      callRoute(action, formRequest("/programmes/assignments", { intent: "assignment-propose", ...fields }, cookie));
    const backwards = await post({ ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(20, 10) });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ fieldErrors: { endsOn: [expect.stringMatching(/on or after/)] } });
    const ok = await post({ ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(10, 20) });
    expect(ok.status).toBe(302);
    const overlap = await post({ ectId: r.efa.id, hostSchoolId: r.la1.id, ...term(15, 25) });
    expect(overlap.status).toBe(400);
    expect(await overlap.json()).toMatchObject({ fieldErrors: { startsOn: [expect.stringMatching(/overlap/)] } });
    const page = await callRoute(loader, getRequest("/programmes/assignments", cookie));
    expect(await page.json()).toMatchObject({
      assignments: [{ ectName: "Efa Evans", status: "proposed" }],
      choices: { ects: [{ name: "Efa Evans" }] },
    });
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "of simultaneous overlapping proposals, one is made and the others refused at the dates (server only: PGlite runs one statement at a time)",
    async () => {
      const r = await ectAreaRegion(t.db);
      for (let run = 0; run < 10; run++) {
        await t.db.execute(sql`DELETE FROM early_career_assignments`);
        const outcomes = await Promise.all(
          [r.b1, r.la1, r.a2, r.b1, r.la1].map((host, i) =>
            proposeAssignment(
              t.db,
              i % 2 === 0 ? r.tutorA1.id : r.admin.id,
              { ectId: r.efa.id, hostSchoolId: host.id, ...term(10 + i, 30 + i) },
              context,
            ),
          ),
        );
        expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
        for (const refused of outcomes.filter((o) => !o.ok))
          expect(refused).toMatchObject({ status: 400, fieldErrors: { startsOn: [expect.stringMatching(/overlap/)] } });
        expect(await assignmentCount(t.db)).toBe(1);
      }
    },
  );

  it("queues its e-mails only when the change commits", async () => {
    const r = await ectAreaRegion(t.db);
    const failing = {
      ...context,
      enqueue: async () => {
        throw new Error("the queue is down");
      },
    };
    await expect(
      proposeAssignment(t.db, r.tutorA1.id, { ectId: r.efa.id, hostSchoolId: r.b1.id, ...term(10, 20) }, failing),
    ).rejects.toThrow("the queue is down");
    expect(await assignmentCount(t.db)).toBe(0);
    expect(await mails(t.db)).toEqual([]);
  });
});
