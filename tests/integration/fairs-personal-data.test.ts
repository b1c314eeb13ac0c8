import { describe, expect, it } from "vitest";
import { personalData } from "../../app/applications/personal-data.server";
import { bookSlot, registerForFair } from "../../app/fairs/bookings.server";
import { useTestDatabase } from "../support/database";
import { BEFORE_FAIR, fairContext, fairRegion, teachers } from "../support/fair-fixtures";

describe("a teacher's fair records in their personal-data download", () => {
  const t = useTestDatabase();

  it("lists their registrations with interests and meetings, and nobody else's", async () => {
    const r = await fairRegion(t.db);
    const [amy, ben] = await teachers(t.db, 2);
    if (!amy || !ben) throw new Error("two teachers");
    for (const [who, interests] of [
      [amy, "KS2 maths"],
      [ben, "EYFS"],
    ] as const) {
      const registered = await registerForFair(t.db, who.id, r.fairId, { interests, joinPool: false }, BEFORE_FAIR);
      if (!registered.ok) throw new Error(registered.message);
    }
    expect(await bookSlot(t.db, fairContext, amy.id, r.slotAt(r.a1, "10:00"), BEFORE_FAIR)).toMatchObject({ ok: true });
    expect(await bookSlot(t.db, fairContext, ben.id, r.slotAt(r.b1, "10:00"), BEFORE_FAIR)).toMatchObject({ ok: true });

    const data = await personalData(t.db, amy.id);
    if (!data) throw new Error("amy's data");
    expect(data.recruitmentFairs).toHaveLength(1);
    const [fair] = data.recruitmentFairs;
    expect(fair).toMatchObject({ interests: "KS2 maths", cancelledAt: null });
    expect(fair?.meetings).toEqual([expect.objectContaining({ school: r.a1.name, booked: true })]);
    expect(JSON.stringify(data)).not.toContain("EYFS");
  });
});
