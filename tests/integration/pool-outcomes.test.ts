import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordOutcome } from "../../app/pool/outcome-record.server";
import { loader } from "../../app/routes/pool.rounds.$roundId.outcomes";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { createMember, poolRegion } from "../support/pool-fixtures";
import { callRoute, getRequest } from "../support/requests";

type Page = {
  total: Record<string, unknown>;
  byEmployer: { kind: string; appointed: unknown }[];
  bySchool: { label: string; figures: { appointed: unknown } }[] | null;
};

describe("pool outcomes in the open", () => {
  const t = useTestDatabase();

  it("public figures from pool_outcomes only, cells under 3 suppressed; per school for the round's partnership admin", async () => {
    const r = await poolRegion(t.db);
    // Three appointed at Navigation, 10, 20 and 30 days after being pooled.
    for (const days of [10, 20, 30]) {
      const m = await createMember(t.db, {
        roundId: r.round.id,
        name: `Appointed ${days}`,
        pooledAt: "2026-10-01T09:00:00Z",
      });
      const at = new Date(Date.UTC(2026, 9, 1 + days, 12)).toISOString();
      await t.db
        .execute(sql`UPDATE pool_members SET status = 'appointed', appointed_at = ${at}, appointed_school_id = ${r.a1.id}
                             WHERE id = ${m.id}`);
    }
    const members = await t.db.execute(sql`SELECT id FROM pool_members`);
    for (const m of (Array.isArray(members) ? members : (members as { rows: { id: string }[] }).rows) as {
      id: string;
    }[])
      await recordOutcome(t.db, m.id);
    // The outcomes of the other partnership's round are not counted here; a deleted member's row stays.
    await t.db.execute(sql`DELETE FROM pool_members WHERE profile->>'name' = 'Appointed 10'`);
    const path = `/pool/rounds/${r.round.id}/outcomes`;
    const anonymous = await callRoute(loader, getRequest(path), { roundId: r.round.id });
    expect(anonymous.status).toBe(200);
    const page = (await anonymous.json()) as Page;
    // Mia, Hal, Lou, Nora (pooled), Sam (screening), three appointed: 8 applicants, 7 pooled; Fin is in the other round.
    expect(page.total).toEqual({
      applicants: { count: 8 },
      pooled: { count: 7 },
      appointed: { count: 3 },
      medianDaysPooledToAppointed: { days: 20 },
    });
    // The fixture schools carry no GIAS establishment type, so their kind of employer is "other".
    expect(page.byEmployer).toEqual([{ kind: "other", appointed: { count: 3 }, label: "Other employers" }]);
    expect(page.bySchool).toBeNull();
    const admin = (await (
      await callRoute(loader, getRequest(path, await sessionCookie(r.admin)), { roundId: r.round.id })
    ).json()) as Page;
    expect(admin.bySchool).toMatchObject([
      { label: "Navigation Primary School", figures: { appointed: { count: 3 } } },
    ]);
    const foreign = (await (
      await callRoute(loader, getRequest(path, await sessionCookie(r.foreignAdmin)), { roundId: r.round.id })
    ).json()) as Page;
    expect(foreign.bySchool).toBeNull();
    const hr = (await (
      await callRoute(loader, getRequest(path, await sessionCookie(r.hrA)), { roundId: r.round.id })
    ).json()) as Page;
    expect(hr.bySchool).toBeNull();
  });

  it("a small round shows 'fewer than 3' rather than a number; an unknown round is 404", async () => {
    const r = await poolRegion(t.db);
    await recordOutcome(t.db, r.fin.id);
    const page = (await (
      await callRoute(loader, getRequest(`/pool/rounds/${r.otherRound.id}/outcomes`), { roundId: r.otherRound.id })
    ).json()) as Page;
    expect(page.total).toEqual({
      applicants: { suppressed: true },
      pooled: { suppressed: true },
      appointed: { suppressed: true },
      medianDaysPooledToAppointed: { none: true },
    });
    for (const id of ["nonsense", "00000000-0000-4000-8000-000000000000"])
      expect((await callRoute(loader, getRequest(`/pool/rounds/${id}/outcomes`), { roundId: id })).status).toBe(404);
  });
});
