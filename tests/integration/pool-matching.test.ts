import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hrSchoolsInRound } from "../../app/pool/matching/access.server";
import {
  actOnMember,
  ALREADY_ACCEPTED,
  answerOffer,
  matchesForHr,
  memberForSchool,
  offersForMember,
} from "../../app/pool/matching/matches.server";
import { searchPool, visibleCount } from "../../app/pool/matching/search.server";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { loader as searchLoader } from "../../app/routes/pool.rounds.$roundId.search";
import {
  action as memberAction,
  loader as memberLoader,
} from "../../app/routes/pool.rounds.$roundId.members.$memberId";
import { action as offersAction, loader as offersLoader } from "../../app/routes/pool.offers";
import { loader as matchesLoader } from "../../app/routes/pool.matches";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { createMember, poolContext as context, poolRegion } from "../support/pool-fixtures";

async function count(db: Executor, table: string) {
  return rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n;
}
async function mails(db: Executor) {
  return rowsOf<{ to: string; subject: string }>(
    await db.execute(sql`SELECT "to", subject FROM emails ORDER BY "to", subject`),
  );
}
const future = "2027-01-14T10:00";

describe("pool matching", () => {
  const t = useTestDatabase();

  it("HR of taking-part schools only: trust HR sees their round schools, others none", async () => {
    const r = await poolRegion(t.db);
    expect((await hrSchoolsInRound(t.db, r.hrA.id, r.round.id)).map((s) => s.name)).toEqual([
      "Navigation Primary School",
    ]);
    expect((await hrSchoolsInRound(t.db, r.hrLa.id, r.round.id)).map((s) => s.name)).toEqual([
      "Stamford Park Primary School",
    ]);
    expect(await hrSchoolsInRound(t.db, r.hrA2.id, r.round.id)).toEqual([]);
    expect(await hrSchoolsInRound(t.db, r.foreignHr.id, r.round.id)).toEqual([]);
    expect(await hrSchoolsInRound(t.db, r.hrA.id, r.otherRound.id)).toEqual([]);
    expect(await hrSchoolsInRound(t.db, r.teacher.id, r.round.id)).toEqual([]);
    expect(await hrSchoolsInRound(t.db, r.hrA.id, "not-a-uuid")).toEqual([]);
  });

  it("search shows findable members not hidden from the school, ranked by fit with reasons", async () => {
    const r = await poolRegion(t.db);
    const [a1] = await hrSchoolsInRound(t.db, r.hrA.id, r.round.id);
    const [b1] = await hrSchoolsInRound(t.db, r.hrB.id, r.round.id);
    const [la1] = await hrSchoolsInRound(t.db, r.hrLa.id, r.round.id);
    const names = async (school: typeof a1, filters = {}) =>
      (await searchPool(t.db, r.round.id, school!, filters)).results.map((m) => m.name).sort();
    expect(await names(a1)).toEqual(["Hal Hidden", "Lou Local", "Mia Maths"]);
    expect(await names(b1)).toEqual(["Lou Local", "Mia Maths"]);
    expect(await names(la1)).toEqual(["Hal Hidden", "Mia Maths"]);
    expect(await visibleCount(t.db, r.round.id, b1!.id)).toBe(2);
    const maths = await searchPool(t.db, r.round.id, a1!, { subject: "mathematics", miles: 5 });
    expect(maths.results.map((m) => m.name)).toEqual(["Mia Maths"]);
    expect(maths.results[0]?.fit.reasons).toEqual(
      expect.arrayContaining(["Teaches mathematics", "0.1 miles away, within the 10 they will travel"]),
    );
    // Distance: nobody within 1 mile of Oldfield Brow but Hal, who is hidden from it.
    expect(await names(b1, { miles: 1 })).toEqual([]);
    expect(await names(a1, { startBy: "2027-08-01" })).toEqual([]);
    expect(await names(a1, { contract: "fixed_term" })).toEqual(["Hal Hidden", "Lou Local"]);
    expect(memberForSchool).toBeDefined();
    expect(await memberForSchool(t.db, r.round.id, r.hal.id, b1!.id)).toBeNull();
    expect(await memberForSchool(t.db, r.round.id, r.lou.id, la1!.id)).toBeNull();
    expect(await memberForSchool(t.db, r.round.id, r.nora.id, a1!.id)).toBeNull();
    expect(await memberForSchool(t.db, r.round.id, r.sam.id, a1!.id)).toBeNull();
    expect(await memberForSchool(t.db, r.round.id, r.fin.id, a1!.id)).toBeNull();
    expect((await memberForSchool(t.db, r.round.id, r.mia.id, a1!.id))?.profile.name).toBe("Mia Maths");
  });

  it("shortlist, invite, offer: one conversation per school, advancing, mailing the member; refusals write nothing", async () => {
    const r = await poolRegion(t.db);
    const now = new Date("2026-12-03T09:00:00Z");
    const act = (userId: string, memberId: string, input: Parameters<typeof actOnMember>[4]) =>
      actOnMember(t.db, userId, r.round.id, memberId, input, context, now);
    expect(await act(r.hrA.id, r.mia.id, { intent: "shortlist", school: r.a1.id })).toMatchObject({
      ok: true,
      state: "shortlisted",
    });
    expect(await act(r.hrA.id, r.mia.id, { intent: "shortlist", school: r.a1.id })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(
      await act(r.hrA.id, r.mia.id, {
        intent: "invite",
        school: r.a1.id,
        kind: "interview",
        at: "2026-12-01T10:00",
        message: "",
      }),
    ).toMatchObject({ ok: false, status: 400, fieldErrors: { at: ["Choose a date and time in the future"] } });
    expect(
      await act(r.hrA.id, r.mia.id, {
        intent: "invite",
        school: r.a1.id,
        kind: "interview",
        at: future,
        message: "Come in",
      }),
    ).toMatchObject({ ok: true, state: "invited" });
    expect(
      await act(r.hrA.id, r.mia.id, {
        intent: "offer",
        school: r.a1.id,
        roleTitle: "Year 3 teacher",
        message: "",
        vacancyId: "00000000-0000-4000-8000-000000000000",
      }),
    ).toMatchObject({ ok: false, status: 400 });
    expect(
      await act(r.hrA.id, r.mia.id, { intent: "offer", school: r.a1.id, roleTitle: "Year 3 teacher", message: "" }),
    ).toMatchObject({ ok: true, state: "offered" });
    expect(
      await act(r.hrA.id, r.mia.id, { intent: "offer", school: r.a1.id, roleTitle: "Again", message: "" }),
    ).toMatchObject({ ok: false, status: 409 });
    // Hidden, not findable, not theirs: 404 and nothing written.
    expect(await act(r.hrB.id, r.hal.id, { intent: "shortlist", school: r.b1.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await act(r.hrA.id, r.nora.id, { intent: "shortlist", school: r.a1.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await act(r.foreignHr.id, r.mia.id, { intent: "shortlist", school: r.foreign.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await act(r.hrA.id, r.mia.id, { intent: "shortlist", school: r.b1.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await count(t.db, "pool_matches")).toBe(1);
    expect((await mails(t.db)).map((m) => m.subject)).toEqual([
      "Invitation: Navigation Primary School",
      "Offer: Navigation Primary School",
      "Shortlisted: Navigation Primary School",
    ]);
    expect((await matchesForHr(t.db, r.hrA.id)).map((m) => [m.memberName, m.state])).toEqual([
      ["Mia Maths", "offered"],
    ]);
  });

  it("accepting one offer appoints the member, closes the others and tells their schools; a second accept is a 409", async () => {
    const r = await poolRegion(t.db);
    const now = new Date("2026-12-03T09:00:00Z");
    for (const [user, school] of [
      [r.hrA.id, r.a1.id],
      [r.hrB.id, r.b1.id],
      [r.hrLa.id, r.la1.id],
    ] as const)
      await actOnMember(
        t.db,
        user,
        r.round.id,
        r.mia.id,
        { intent: "offer", school, roleTitle: "Class teacher", message: "" },
        context,
        now,
      );
    const { matches } = await offersForMember(t.db, r.mia.userId);
    expect(matches.map((m) => m.state)).toEqual(["offered", "offered", "offered"]);
    const first = matches.find((m) => m.schoolName === "Navigation Primary School");
    const second = matches.find((m) => m.schoolName !== "Navigation Primary School");
    // Someone else's offer: 404.
    expect(await answerOffer(t.db, r.hal.userId, first!.id, "accept", context)).toMatchObject({
      ok: false,
      status: 404,
    });
    await t.db.execute(sql`DELETE FROM emails`);
    expect(await answerOffer(t.db, r.mia.userId, first!.id, "accept", context, now)).toMatchObject({
      ok: true,
      state: "accepted",
    });
    expect(await answerOffer(t.db, r.mia.userId, second!.id, "accept", context, now)).toMatchObject({
      ok: false,
      status: 409,
    });
    const states = rowsOf<{ state: string }>(
      await t.db.execute(sql`SELECT state::text FROM pool_matches ORDER BY state`),
    );
    expect(states.map((s) => s.state)).toEqual(["accepted", "closed", "closed"]);
    const member = rowsOf<{ status: string; appointed: boolean }>(
      await t.db.execute(
        sql`SELECT status::text, appointed_school_id IS NOT NULL AS appointed FROM pool_members WHERE id = ${r.mia.id}`,
      ),
    );
    expect(member).toEqual([{ status: "appointed", appointed: true }]);
    expect(await count(t.db, "pool_events")).toBe(1);
    const outcomes = rowsOf<{ appointed_on: string | null }>(
      await t.db.execute(sql`SELECT appointed_on::text FROM pool_outcomes WHERE member_id = ${r.mia.id}`),
    );
    expect(outcomes).toEqual([{ appointed_on: "2026-12-03" }]);
    const subjects = (await mails(t.db)).map((m) => m.subject.split(":")[0]);
    expect(subjects.sort()).toEqual(["Appointed elsewhere", "Appointed elsewhere", "Offer accepted", "Offer accepted"]);
  });

  it("two simultaneous accepts of different offers: exactly one is accepted", async () => {
    const r = await poolRegion(t.db);
    const now = new Date("2026-12-03T09:00:00Z");
    for (let run = 0; run < 10; run++) {
      const m = await createMember(t.db, { roundId: r.round.id, name: `Racer ${run}` });
      await actOnMember(
        t.db,
        r.hrA.id,
        r.round.id,
        m.id,
        { intent: "offer", school: r.a1.id, roleTitle: "A", message: "" },
        context,
        now,
      );
      await actOnMember(
        t.db,
        r.hrB.id,
        r.round.id,
        m.id,
        { intent: "offer", school: r.b1.id, roleTitle: "B", message: "" },
        context,
        now,
      );
      const { matches } = await offersForMember(t.db, m.userId);
      const answers = await Promise.all(matches.map((o) => answerOffer(t.db, m.userId, o.id, "accept", context, now)));
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.find((a) => !a.ok)).toMatchObject({ status: 409, message: ALREADY_ACCEPTED });
      const accepted = rowsOf<{ n: number }>(
        await t.db.execute(
          sql`SELECT count(*)::int AS n FROM pool_matches WHERE member_id = ${m.id} AND state = 'accepted'`,
        ),
      );
      expect(accepted).toEqual([{ n: 1 }]);
    }
  });

  it("routes: every path is 404 to anyone but HR of a taking-part school, and to a school the member hid from", async () => {
    const r = await poolRegion(t.db);
    const search = `/pool/rounds/${r.round.id}/search`;
    const member = (id: string, school?: string) =>
      `/pool/rounds/${r.round.id}/members/${id}${school ? `?school=${school}` : ""}`;
    const params = (memberId?: string) => ({ roundId: r.round.id, ...(memberId ? { memberId } : {}) });
    for (const user of [r.hrA2, r.foreignHr, r.teacher, r.mentor, r.admin]) {
      const cookie = await sessionCookie(user);
      expect((await callRoute(searchLoader, getRequest(search, cookie), params())).status).toBe(404);
      expect((await callRoute(memberLoader, getRequest(member(r.mia.id), cookie), params(r.mia.id))).status).toBe(404);
      // HR of the other partnership's school has their own round's list; no one else has one.
      if (user !== r.foreignHr)
        expect((await callRoute(matchesLoader, getRequest("/pool/matches", cookie))).status).toBe(404);
    }
    const hrA = await sessionCookie(r.hrA);
    const hrB = await sessionCookie(r.hrB);
    // Another partnership's round.
    expect(
      (
        await callRoute(searchLoader, getRequest(`/pool/rounds/${r.otherRound.id}/search`, hrA), {
          roundId: r.otherRound.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (await callRoute(searchLoader, getRequest("/pool/rounds/nonsense/search", hrA), { roundId: "nonsense" })).status,
    ).toBe(404);
    // Hidden from trust B: not in the search, not at the URL.
    const seen = await callRoute(searchLoader, getRequest(search, hrB), params());
    expect(seen.status).toBe(200);
    const body = (await seen.json()) as { results: { name: string }[]; total: number };
    expect(body.results.map((m) => m.name).sort()).toEqual(["Lou Local", "Mia Maths"]);
    expect(body.total).toBe(2);
    expect((await callRoute(memberLoader, getRequest(member(r.hal.id), hrB), params(r.hal.id))).status).toBe(404);
    // Not findable, or of the other round.
    for (const id of [r.nora.id, r.sam.id, r.fin.id, "nonsense"])
      expect((await callRoute(memberLoader, getRequest(member(id), hrA), params(id))).status).toBe(404);
    // A school not theirs named in the URL.
    expect((await callRoute(memberLoader, getRequest(member(r.mia.id, r.b1.id), hrA), params(r.mia.id))).status).toBe(
      404,
    );
    // Opening a profile is logged.
    expect((await callRoute(memberLoader, getRequest(member(r.mia.id), hrA), params(r.mia.id))).status).toBe(200);
    const views = rowsOf<{ school_id: string; viewer_user_id: string }>(
      await t.db.execute(sql`SELECT school_id, viewer_user_id FROM pool_views`),
    );
    expect(views).toEqual([{ school_id: r.a1.id, viewer_user_id: r.hrA.id }]);
    // Acting on a hidden member: 404, nothing written.
    const hidden = await callRoute(
      memberAction,
      formRequest(member(r.hal.id), { intent: "shortlist", school: r.b1.id }, hrB),
      params(r.hal.id),
    );
    expect(hidden.status).toBe(404);
    expect(await count(t.db, "pool_matches")).toBe(0);
  });

  it("routes: bad input is a 400 at the field with nothing written; an accepted offer through the page", async () => {
    const r = await poolRegion(t.db);
    const hrA = await sessionCookie(r.hrA);
    const search = `/pool/rounds/${r.round.id}/search`;
    for (const q of [
      "miles=0",
      "miles=abc",
      "subject=astrology",
      "startBy=2027-02-30",
      `school=${r.b1.id}`,
      "page=-1",
    ]) {
      const res = await callRoute(searchLoader, getRequest(`${search}?${q}`, hrA), { roundId: r.round.id });
      expect(res.status, q).toBe(400);
    }
    const ok = await callRoute(searchLoader, getRequest(`${search}?subject=mathematics&miles=5&phase=primary`, hrA), {
      roundId: r.round.id,
    });
    expect(((await ok.json()) as { results: { name: string }[] }).results.map((m) => m.name)).toEqual(["Mia Maths"]);
    const path = `/pool/rounds/${r.round.id}/members/${r.mia.id}`;
    const params = { roundId: r.round.id, memberId: r.mia.id };
    const bad: Record<string, string>[] = [
      { intent: "invite", school: r.a1.id, kind: "party", at: "2027-01-14T10:00" },
      { intent: "invite", school: r.a1.id, kind: "visit", at: "tomorrow" },
      { intent: "offer", school: r.a1.id, roleTitle: "" },
      { intent: "offer", school: r.a1.id, roleTitle: "Teacher\u0000" },
      { intent: "offer", school: r.a1.id, roleTitle: "Teacher", vacancyId: "nope" },
      { intent: "dance", school: r.a1.id },
    ];
    for (const fields of bad) {
      const res = await callRoute(memberAction, formRequest(path, fields, hrA), params);
      expect(res.status, JSON.stringify(fields)).toBe(400);
    }
    expect(await count(t.db, "pool_matches")).toBe(0);
    expect(await count(t.db, "emails")).toBe(0);
    const offered = await callRoute(
      memberAction,
      formRequest(path, { intent: "offer", school: r.a1.id, roleTitle: "Year 4 teacher", message: "Join us" }, hrA),
      params,
    );
    expect(offered.status).toBe(302);
    const mia = await sessionCookie({ id: r.mia.userId });
    const page = (await (await callRoute(offersLoader, getRequest("/pool/offers", mia))).json()) as {
      matches: { id: string; roleTitle: string }[];
    };
    expect(page.matches.map((m) => m.roleTitle)).toEqual(["Year 4 teacher"]);
    // Someone else answering Mia's offer: 404; a bad answer: 400.
    const hal = await sessionCookie({ id: r.hal.userId });
    expect(
      (
        await callRoute(
          offersAction,
          formRequest("/pool/offers", { intent: "accept", matchId: page.matches[0]!.id }, hal),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await callRoute(
          offersAction,
          formRequest("/pool/offers", { intent: "maybe", matchId: page.matches[0]!.id }, mia),
        )
      ).status,
    ).toBe(400);
    const accepted = await callRoute(
      offersAction,
      formRequest("/pool/offers", { intent: "accept", matchId: page.matches[0]!.id }, mia),
    );
    expect(accepted.status).toBe(302);
    const again = await callRoute(
      offersAction,
      formRequest("/pool/offers", { intent: "accept", matchId: page.matches[0]!.id }, mia),
    );
    expect(again.status).toBe(409);
    const list = (await (await callRoute(matchesLoader, getRequest("/pool/matches", hrA))).json()) as {
      matches: { memberName: string; state: string }[];
    };
    expect(list.matches).toMatchObject([{ memberName: "Mia Maths", state: "accepted" }]);
  });
});
