import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { ownTrainee } from "../../app/placements/access.server";
import { seasonOf } from "../../app/placements/season.server";
import { rotationOf } from "../../app/placements/trainees.server";
import { firstRow, rowsOf } from "../../db/rows";
import { hashPassword } from "../../app/auth/password.server";
import { seedDemoRegion } from "../../db/seed/demo";
import { demoPlacementSeason } from "../../db/seed/placement-season";
import { countSchoolDays } from "../../app/placements/school-days";
import { useTestDatabase } from "../support/database";

describe("the demo placement season", () => {
  const t = useTestDatabase();

  it("gives the demo trainee a rotation and the coordinator trainees in every state", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const tom = firstRow(
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users WHERE email = 'trainee@staffroom.example'`)),
      "a row from users",
    );
    const own = await ownTrainee(t.db, tom.id);
    expect(own).not.toBeNull();
    const rotation = await rotationOf(t.db, own!.id, { traineeUserId: tom.id });
    // Placement A done at Riverside Academy; B at Northbrook Academy (the demo mentor's school) waits for the school.
    expect(rotation!.bookings.map((b) => [b.label, b.state, b.school.name])).toEqual([
      ["A", "completed", "Riverside Academy"],
      ["B", "provider_confirmed", "Northbrook Academy"],
    ]);
    // The school's INSET day on the first day of the spring term is not a school day, nor are bank holidays (in
    // 2026/27, Good Friday: 26 March 2027, placement B's last day).
    const season = demoPlacementSeason();
    const { days, bankHolidays } = countSchoolDays(season.springB.startsOn, season.springB.endsOn);
    expect(rotation!.bookings[1]).toMatchObject({ startsOn: season.springB.startsOn, endsOn: season.springB.endsOn });
    expect(rotation!.bookings[1]?.schoolDays).toMatchObject({ closures: 1, bankHolidays, days: days - 1 });
    expect(rotation!.days.short).toBeGreaterThan(0);
    expect(rotation!.contrast.enoughSchools).toBe(true);

    const states = rowsOf<{ state: string }>(
      await t.db.execute(sql`SELECT DISTINCT state::text FROM placement_bookings ORDER BY 1`),
    );
    expect(states.map((s) => s.state)).toEqual([
      "cancelled",
      "completed",
      "confirmed",
      "declined",
      "provider_confirmed",
      "requested",
    ]);

    // One full offer with a waiting list: Noah Hughes first, then Isla Grant, behind Ava Clarke's booking.
    const queue = rowsOf<{ name: string; status: string; places: number; booked: string }>(
      await t.db.execute(sql`
        SELECT t.name, w.status::text AS status, o.places,
               (SELECT bt.name FROM placement_bookings b JOIN trainees bt ON bt.id = b.trainee_id
                 WHERE b.offer_id = o.id AND b.state NOT IN ('declined', 'cancelled')) AS booked
          FROM placement_waitlist w JOIN trainees t ON t.id = w.trainee_id JOIN placement_offers o ON o.id = w.offer_id
         ORDER BY w.created_at`),
    );
    expect(queue).toEqual([
      { name: "Noah Hughes", status: "waiting", places: 1, booked: "Ava Clarke" },
      { name: "Isla Grant", status: "waiting", places: 1, booked: "Ava Clarke" },
    ]);
    // And one agreement a school has asked for, waiting for the provider.
    const requests = rowsOf<{ side: string }>(
      await t.db.execute(sql`SELECT requested_by_side AS side FROM placement_agreements WHERE status = 'requested'`),
    );
    expect(requests).toEqual([{ side: "school" }]);

    const partnership = firstRow(
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM partnerships`)),
      "partnership",
    );
    const seasonPage = await seasonOf(t.db, partnership.id, season.year);
    expect(seasonPage.lines.length).toBeGreaterThan(0);
    expect(seasonPage.gaps.map((g) => g.name)).toEqual(expect.arrayContaining(["Priya Patel", "Jamal Reid"]));
    expect(seasonPage.gaps.map((g) => g.name)).not.toContain("Tom Trainee");
  });

  it("seeded in July 2027, plans 2027/28 with that year's dates, past the bank-holiday list", async () => {
    // Only Date is faked: the seed reads today from it; the database's own clock is untouched.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-07-15T09:00:00Z") });
    try {
      await seedDemoRegion(t.db, { hashPassword });
    } finally {
      vi.useRealTimers();
    }
    const season = demoPlacementSeason("2027-07-15");
    expect(season.year).toBe(2027);
    const years = rowsOf<{ year: number; n: number }>(
      await t.db.execute(sql`SELECT academic_year AS year, count(*)::int AS n FROM placement_offers GROUP BY 1`),
    );
    expect(years.map((y) => y.year)).toEqual([2027]);
    const tom = firstRow(
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users WHERE email = 'trainee@staffroom.example'`)),
      "a row from users",
    );
    const own = await ownTrainee(t.db, tom.id);
    const rotation = await rotationOf(t.db, own!.id, { traineeUserId: tom.id });
    expect(rotation!.trainee).toMatchObject({
      programmeStartsOn: "2027-09-01",
      programmeEndsOn: season.springSummer.endsOn,
    });
    expect(rotation!.bookings.map((b) => [b.label, b.startsOn, b.endsOn])).toEqual([
      ["A", season.autumnA.startsOn, season.autumnA.endsOn],
      ["B", season.springB.startsOn, season.springB.endsOn],
    ]);
    // 2028 is past the shipped bank-holiday list: the count says so rather than passing for exact.
    expect(rotation!.bookings[1]?.schoolDays).toMatchObject({ closures: 1, holidaysKnown: false });
  });
});
