import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { offersForMember } from "../../app/pool/matching/matches.server";
import { sharedVacancyForMember, shareWithPool } from "../../app/pool/matching/vacancy-share.server";
import { action } from "../../app/routes/hr.vacancies.$id.pool";
import { loader as sharedLoader } from "../../app/routes/pool.shared.$vacancyId";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { enqueueLater } from "../support/jobs";
import { createMember, createRound } from "../support/pool-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { publishableDraft, twoTrustRegion } from "../support/vacancy-fixtures";

describe("pool-first vacancy shares", () => {
  const t = useTestDatabase();

  async function setUp() {
    const r = await twoTrustRegion(t.db);
    const vacancyId = await publishableDraft(t.db, r);
    const round = await createRound(t.db, {
      partnershipId: r.partnership.id,
      name: "GM pool",
      schoolIds: [r.a1.id, r.b1.id],
    });
    const maths = await createMember(t.db, {
      roundId: round.id,
      name: "Max Maths",
      subjects: ["mathematics"],
      phases: ["secondary"],
    });
    const music = await createMember(t.db, {
      roundId: round.id,
      name: "Mo Music",
      subjects: ["music"],
      phases: ["secondary"],
    });
    const shy = await createMember(t.db, {
      roundId: round.id,
      name: "Sue Shy",
      subjects: ["mathematics"],
      phases: ["secondary"],
      shown: false,
    });
    return { ...r, vacancyId, round, maths, music, shy };
  }

  it("schedules the vacancy to publish when the days end; matching findable members see it first", async () => {
    const r = await setUp();
    const now = new Date();
    const shared = await shareWithPool(
      t.db,
      r.hrA.id,
      r.vacancyId,
      { roundId: r.round.id, days: 5 },
      { enqueue: enqueueLater },
      now,
    );
    expect(shared).toMatchObject({ ok: true });
    const [v] = rowsOf<{ status: string; publish_at: string }>(
      await t.db.execute(
        sql`SELECT status::text, (to_json(publish_at) #>> '{}') AS publish_at FROM vacancies WHERE id = ${r.vacancyId}`,
      ),
    );
    expect(v?.status).toBe("scheduled");
    expect(new Date(v!.publish_at).getTime()).toBe(now.getTime() + 5 * 86_400_000);
    expect((await offersForMember(t.db, r.maths.userId)).shared.map((s) => s.title)).toEqual([
      "Teacher of Mathematics",
    ]);
    expect((await offersForMember(t.db, r.music.userId)).shared).toEqual([]);
    expect((await offersForMember(t.db, r.shy.userId)).shared).toEqual([]);
    expect(await sharedVacancyForMember(t.db, r.music.userId, r.vacancyId)).toBeNull();
    const page = await callRoute(
      sharedLoader,
      getRequest(`/pool/shared/${r.vacancyId}`, await sessionCookie({ id: r.maths.userId })),
      {
        vacancyId: r.vacancyId,
      },
    );
    expect(page.status).toBe(200);
    const notShared = await callRoute(
      sharedLoader,
      getRequest(`/pool/shared/${r.vacancyId}`, await sessionCookie({ id: r.music.userId })),
      {
        vacancyId: r.vacancyId,
      },
    );
    expect(notShared.status).toBe(404);
    // Once is enough.
    expect(
      await shareWithPool(t.db, r.hrA.id, r.vacancyId, { roundId: r.round.id, days: 5 }, { enqueue: enqueueLater }),
    ).toMatchObject({
      ok: false,
      status: 409,
    });
  });

  it("bad input is a 400 with nothing written; another employer's HR gets 404; an incomplete draft is refused and unchanged", async () => {
    const r = await setUp();
    const path = `/hr/vacancies/${r.vacancyId}/pool`;
    const hrA = await sessionCookie(r.hrA);
    for (const fields of [
      { roundId: r.round.id, days: "0" },
      { roundId: r.round.id, days: "15" },
      { roundId: r.round.id, days: "soon" },
      { roundId: "nope", days: "3" },
      { roundId: "00000000-0000-4000-8000-000000000000", days: "3" },
    ])
      expect(
        (await callRoute(action, formRequest(path, fields, hrA), { id: r.vacancyId })).status,
        JSON.stringify(fields),
      ).toBe(400);
    expect(
      (
        await callRoute(action, formRequest(path, { roundId: r.round.id, days: "3" }, await sessionCookie(r.hrB)), {
          id: r.vacancyId,
        })
      ).status,
    ).toBe(404);
    await t.db.execute(sql`UPDATE vacancies SET about_role = 'Short' WHERE id = ${r.vacancyId}`);
    expect(
      (await callRoute(action, formRequest(path, { roundId: r.round.id, days: "3" }, hrA), { id: r.vacancyId })).status,
    ).toBe(409);
    const [v] = rowsOf<{ status: string; publish_at: string | null }>(
      await t.db.execute(sql`SELECT status::text, publish_at::text FROM vacancies WHERE id = ${r.vacancyId}`),
    );
    expect(v).toEqual({ status: "draft", publish_at: null });
    expect(rowsOf(await t.db.execute(sql`SELECT 1 FROM pool_vacancy_shares`))).toEqual([]);
    await t.db.execute(
      sql`UPDATE vacancies SET about_role = 'Teach mathematics to classes across key stages 3 and 4.' WHERE id = ${r.vacancyId}`,
    );
    const ok = await callRoute(action, formRequest(path, { roundId: r.round.id, days: "3" }, hrA), { id: r.vacancyId });
    expect(ok.status).toBe(302);
  });
});
