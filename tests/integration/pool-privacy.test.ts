import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deleteAccount } from "../../app/applications/account-deletion.server";
import { personalData } from "../../app/applications/personal-data.server";
import { hrSchoolsInRound } from "../../app/pool/matching/access.server";
import { actOnMember, logView, matchesForHr } from "../../app/pool/matching/matches.server";
import { searchPool, visibleCount } from "../../app/pool/matching/search.server";
import { removeExpiredMembers } from "../../app/pool/privacy/privacy.server";
import { loader as memberLoader } from "../../app/routes/pool.rounds.$roundId.members.$memberId";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { createMember, poolContext as context, poolRegion } from "../support/pool-fixtures";
import { callRoute, getRequest } from "../support/requests";

const ids = async (db: Executor, table: string) =>
  rowsOf<{ id: string }>(await db.execute(sql.raw(`SELECT member_id AS id FROM ${table} ORDER BY 1`))).map((r) => r.id);
const memberIds = async (db: Executor) =>
  rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM pool_members ORDER BY id`)).map((r) => r.id);

describe("pool privacy", () => {
  const t = useTestDatabase();

  it("withdrawing consent removes the member from search, their URL, counts and the school's list at once", async () => {
    const r = await poolRegion(t.db);
    const [a1] = await hrSchoolsInRound(t.db, r.hrA.id, r.round.id);
    await actOnMember(t.db, r.hrA.id, r.round.id, r.mia.id, { intent: "shortlist", school: r.a1.id }, context);
    const names = async () => (await searchPool(t.db, r.round.id, a1!, {})).results.map((m) => m.name);
    const url = `/pool/rounds/${r.round.id}/members/${r.mia.id}`;
    const open = async () =>
      (
        await callRoute(memberLoader, getRequest(url, await sessionCookie(r.hrA)), {
          roundId: r.round.id,
          memberId: r.mia.id,
        })
      ).status;
    expect(await names()).toContain("Mia Maths");
    expect(await visibleCount(t.db, r.round.id, r.a1.id)).toBe(3);
    expect(await open()).toBe(200);
    expect((await matchesForHr(t.db, r.hrA.id)).map((m) => m.memberName)).toEqual(["Mia Maths"]);

    await t.db.execute(sql`UPDATE pool_members SET shown_to_schools = false WHERE id = ${r.mia.id}`);
    expect(await names()).not.toContain("Mia Maths");
    expect(await visibleCount(t.db, r.round.id, r.a1.id)).toBe(2);
    expect(await open()).toBe(404);
    expect(await matchesForHr(t.db, r.hrA.id)).toEqual([]);
    // Nothing can be done to them either.
    expect(
      await actOnMember(
        t.db,
        r.hrA.id,
        r.round.id,
        r.mia.id,
        { intent: "offer", school: r.a1.id, roleTitle: "X", message: "" },
        context,
      ),
    ).toMatchObject({ ok: false, status: 404 });
  });

  it("retention removes members not appointed after their day; appointed members and every outcome row stay", async () => {
    const r = await poolRegion(t.db);
    const expired = await createMember(t.db, { roundId: r.round.id, name: "Old Pooled", retainUntil: "2026-11-30" });
    const lastDay = await createMember(t.db, { roundId: r.round.id, name: "Last Day", retainUntil: "2026-12-03" });
    const appointed = await createMember(t.db, {
      roundId: r.round.id,
      name: "Old Appointed",
      retainUntil: "2026-11-30",
      status: "appointed",
    });
    const before = await memberIds(t.db);
    const removed = await t.db.transaction((tx) => removeExpiredMembers(tx, new Date("2026-12-03T12:00:00Z")));
    expect(removed).toBe(1);
    expect(await memberIds(t.db)).toEqual(before.filter((id) => id !== expired.id).sort());
    expect(await memberIds(t.db)).toEqual(expect.arrayContaining([lastDay.id, appointed.id]));
    expect(await ids(t.db, "pool_outcomes")).toEqual([expired.id]);
  });

  it("the personal-data download has the pool section; deleting the account removes the pool rows, not the outcome", async () => {
    const r = await poolRegion(t.db);
    await actOnMember(t.db, r.hrA.id, r.round.id, r.hal.id, { intent: "shortlist", school: r.a1.id }, context);
    await logView(t.db, r.hal.id, r.hrA.id, r.a1.id);
    const data = await personalData(t.db, r.hal.userId);
    expect(data?.regionalPool).toMatchObject([
      {
        round: "Vale primary pool",
        status: "pooled",
        shownToSchools: true,
        hiddenFrom: [{ school: null, organisation: "Trust B" }],
        conversations: [{ school: "Navigation Primary School", state: "shortlisted" }],
        viewedBy: [{ school: "Navigation Primary School" }],
      },
    ]);
    expect(await deleteAccount(t.db, r.hal.userId)).toEqual({ ok: true });
    expect(await memberIds(t.db)).not.toContain(r.hal.id);
    for (const table of ["pool_matches", "pool_views", "pool_hidden_from"])
      expect(await ids(t.db, table)).not.toContain(r.hal.id);
    expect(await ids(t.db, "pool_outcomes")).toEqual([r.hal.id]);
  });
});
