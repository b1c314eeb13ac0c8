import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requestBooking } from "../../app/placements/bookings.server";
import { rotationOf } from "../../app/placements/trainees.server";
import { action as rotationAction } from "../../app/routes/placements.providers.$slug.trainees.$id";
import { action as schoolAction } from "../../app/routes/placements.schools.$urn";
import { rowsOf, firstRow } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import {
  autumnPlacement,
  createOffer,
  placementContext as context,
  placementRegion,
} from "../support/placement-fixtures";
import { callRoute, formRequest } from "../support/requests";

describe("rotation checks: two schools, closure days, the travel limit", () => {
  const t = useTestDatabase();

  it("marking a rotation complete is refused at the form with fewer than two schools' placements completed", async () => {
    const r = await placementRegion(t.db);
    const coordinator = await sessionCookie(r.coordinator);
    const page = `/placements/providers/vale-itt/trainees/${r.trainee.id}`;
    const complete = () =>
      callRoute(rotationAction, formRequest(page, { intent: "complete-rotation" }, coordinator), {
        slug: "vale-itt",
        id: r.trainee.id,
      });
    const a = await createOffer(t.db, r.a1.id);
    const b = await createOffer(t.db, r.b1.id, { startsOn: "2027-01-11", endsOn: "2027-03-26" });
    const book = (offerId: string, schoolId: string, label: string, startsOn: string, endsOn: string, state: string) =>
      t.db.execute(sql`
        INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state, mentor_user_id)
        VALUES (${r.trainee.id}, ${offerId}, ${schoolId}, ${r.provider.id}, ${label}, ${startsOn}, ${endsOn}, ${state}, ${r.mentor.id})`);
    await book(a.id, r.a1.id, "A", "2026-09-14", "2026-12-11", "completed");
    // B is only confirmed, not done: still one school.
    await book(b.id, r.b1.id, "B", "2027-01-11", "2027-03-26", "confirmed");
    const refused = await complete();
    expect(refused.status).toBe(400);
    expect((await refused.json()).fieldErrors).toEqual({
      rotation: [
        "A rotation needs placements completed at two or more different schools: Tia Trainee has completed placements at one school so far (Navigation Primary School)",
      ],
    });
    const completedAt = async () =>
      firstRow(
        rowsOf<{ at: string | null }>(
          await t.db.execute(sql`SELECT rotation_completed_at::text AS at FROM trainees WHERE id = ${r.trainee.id}`),
        ),
        "the trainee",
      ).at;
    expect(await completedAt()).toBeNull();

    await t.db.execute(sql`UPDATE placement_bookings SET state = 'completed' WHERE label = 'B'`);
    expect((await complete()).status).toBe(302);
    expect(await completedAt()).not.toBeNull();
    // Another provider's coordinator cannot mark it, from any page.
    expect(
      (
        await callRoute(
          rotationAction,
          formRequest(page, { intent: "complete-rotation" }, await sessionCookie(r.foreignCoordinator)),
          { slug: "vale-itt", id: r.trainee.id },
        )
      ).status,
    ).toBe(404);
  });

  it("a school marks closure and INSET days, which the school-day count leaves out; bad input changes nothing", async () => {
    const r = await placementRegion(t.db);
    const offer = await createOffer(t.db, r.a1.id);
    await t.db.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state)
      VALUES (${r.trainee.id}, ${offer.id}, ${r.a1.id}, ${r.provider.id}, 'A', '2026-09-14', '2026-09-25', 'provider_confirmed')`);
    const days = async () =>
      firstRow((await rotationOf(t.db, r.trainee.id, { providerId: r.provider.id }))!.bookings, "a booking").schoolDays;
    expect(await days()).toMatchObject({ days: 10, closures: 0 });

    const schoolHr = await sessionCookie(r.schoolHr);
    const post = (fields: Record<string, string>, cookie = schoolHr, urn = "106283") =>
      callRoute(schoolAction, formRequest(`/placements/schools/${urn}`, { intent: "closure", ...fields }, cookie), {
        urn,
      });
    expect((await post({ day: "2026-09-18", kind: "inset" })).status).toBe(302);
    expect(await days()).toMatchObject({ days: 9, closures: 1 });

    for (const [fields, field] of [
      [{ day: "2026-02-30", kind: "inset" }, "day"],
      [{ day: "'; DROP TABLE schools; --", kind: "inset" }, "day"],
      [{ day: "2026-09-21", kind: "holiday" }, "kind"],
    ] as [Record<string, string>, string][]) {
      const res = await post(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    // Trust B's hr, from Navigation's page, is not found; from their own school's page they mark only their own.
    expect((await post({ day: "2026-09-21", kind: "closure" }, await sessionCookie(r.hrB))).status).toBe(404);
    expect(
      rowsOf(await t.db.execute(sql`SELECT day FROM school_closure_days WHERE school_id = ${r.a1.id}`)),
    ).toHaveLength(1);

    expect((await post({ day: "2026-09-18", kind: "inset", remove: "yes" })).status).toBe(302);
    expect(await days()).toMatchObject({ days: 10, closures: 0 });
  });

  it("a booking beyond the trainee's travel limit is a warning at the field, booked only with a reason kept on it", async () => {
    const r = await placementRegion(t.db);
    // Tia's home is in M33; Navigation Primary is about 2 miles away in a straight line.
    await t.db.execute(sql`UPDATE trainees SET max_travel_miles = 1 WHERE id = ${r.trainee.id}`);
    const offer = await createOffer(t.db, r.a1.id);
    const coordinator = await sessionCookie(r.coordinator);
    const page = `/placements/providers/vale-itt/trainees/${r.trainee.id}`;
    const book = (fields: Record<string, string>) =>
      callRoute(
        rotationAction,
        formRequest(
          page,
          { intent: "book", offerId: offer.id, label: "A", startsOn: "2026-09-14", endsOn: "2026-10-23", ...fields },
          coordinator,
        ),
        { slug: "vale-itt", id: r.trainee.id },
      );
    const warned = await book({});
    expect(warned.status).toBe(409);
    expect((await warned.json()).fieldErrors.travelOverrideReason).toEqual([
      expect.stringMatching(
        /^Navigation Primary School is \d+(\.\d)? miles in a straight line from Tia Trainee's home area, over the 1-mile limit\. To book it anyway, give the reason$/,
      ),
    ]);
    expect(rowsOf(await t.db.execute(sql`SELECT id FROM placement_bookings`))).toEqual([]);

    expect((await book({ travelOverrideReason: "Lives with family nearby in term time" })).status).toBe(302);
    expect(
      rowsOf<{ reason: string }>(
        await t.db.execute(sql`SELECT travel_override_reason AS reason FROM placement_bookings`),
      ),
    ).toEqual([{ reason: "Lives with family nearby in term time" }]);
    const rotation = await rotationOf(t.db, r.trainee.id, { providerId: r.provider.id });
    expect(rotation!.bookings[0]).toMatchObject({
      travelOverrideReason: "Lives with family nearby in term time",
      travel: { overCap: true },
    });

    // A trainee's own request is not stopped: their provider sees the warning when confirming.
    await t.db.execute(sql`UPDATE trainees SET max_travel_miles = 1 WHERE id = ${r.otherTrainee.id}`);
    expect(
      await requestBooking(
        t.db,
        { userId: r.otherTraineeUser.id, side: "trainee" },
        { traineeId: r.otherTrainee.id, offerId: offer.id, ...autumnPlacement },
        context,
      ),
    ).toMatchObject({ ok: true });
  });
});
