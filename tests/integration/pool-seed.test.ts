import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../app/auth/password.server";
import { hrSchoolsInRound } from "../../app/pool/matching/access.server";
import { offersForMember } from "../../app/pool/matching/matches.server";
import { searchPool } from "../../app/pool/matching/search.server";
import { recordOutcome } from "../../app/pool/outcome-record.server";
import { firstRow, rowsOf } from "../../db/rows";
import { seedDemoRegion } from "../../db/seed/demo";
import { POOL_E2E_MEMBER_EMAIL, POOL_ROUND_NAME } from "../../db/seed/pool";
import { useTestDatabase } from "../support/database";

describe("the demo pool", () => {
  const t = useTestDatabase();

  it("an open round with applicants in every state, Pia findable from Northbrook and hidden from Riverside, the demo teacher's offer, outcomes as recordOutcome writes them", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const user = async (email: string) =>
      firstRow(rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users WHERE email = ${email}`)), email);
    const round = firstRow(
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM pool_rounds WHERE name = ${POOL_ROUND_NAME}`)),
      "the round",
    );
    const states = rowsOf<{ status: string; n: number }>(
      await t.db.execute(sql`SELECT status::text, count(*)::int AS n FROM pool_members WHERE round_id = ${round.id}
                             GROUP BY 1 ORDER BY 1`),
    );
    expect(states).toEqual([
      { status: "appointed", n: 2 },
      { status: "draft", n: 1 },
      { status: "not_this_time", n: 1 },
      { status: "pooled", n: 7 },
      { status: "screening", n: 4 },
      { status: "withdrawn", n: 1 },
    ]);
    const [office] = await hrSchoolsInRound(t.db, (await user("hr.school@northbrook.example")).id, round.id);
    expect(office?.name).toBe("Northbrook Primary Academy");
    const near = await searchPool(t.db, round.id, office!, { miles: 5 });
    expect(near.results.map((m) => m.name)).toContain("Pia Pool");
    const riverside = await hrSchoolsInRound(t.db, (await user("hr@riverside.example")).id, round.id);
    expect(riverside.length).toBeGreaterThan(0);
    for (const school of riverside)
      expect((await searchPool(t.db, round.id, school, {})).results.map((m) => m.name)).not.toContain("Pia Pool");
    const tess = await offersForMember(t.db, (await user("teacher@staffroom.example")).id);
    expect(tess.matches).toMatchObject([{ state: "offered", schoolName: "Northbrook Primary Academy" }]);
    expect((await offersForMember(t.db, (await user(POOL_E2E_MEMBER_EMAIL)).id)).matches).toEqual([]);

    const snapshot = async () =>
      rowsOf(await t.db.execute(sql`SELECT * FROM pool_outcomes ORDER BY member_id`)).map((r) => JSON.stringify(r));
    const seeded = await snapshot();
    expect(seeded.length).toBe(16);
    const members = rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM pool_members`));
    for (const m of members) await recordOutcome(t.db, m.id);
    expect(await snapshot()).toEqual(seeded);
  });
});
