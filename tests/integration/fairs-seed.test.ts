import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../../app/auth/password.server";
import { hrSchoolsAtFair } from "../../app/fairs/access.server";
import { adminFairs, publicFair } from "../../app/fairs/fairs.server";
import { firstRow, rowsOf } from "../../db/rows";
import { seedDemoRegion } from "../../db/seed/demo";
import { DEMO_FAIR_NAME } from "../../db/seed/fairs";
import { useTestDatabase } from "../support/database";

describe("the demo fairs", () => {
  const t = useTestDatabase();
  const userId = async (email: string) =>
    firstRow(rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM users WHERE email = ${email}`)), email).id;

  it("an upcoming fair at Northbrook with five schools and booked teachers, an online fair and a past one followed up", async () => {
    await seedDemoRegion(t.db, { hashPassword });
    const fairs = await adminFairs(t.db, await userId("admin@staffroom.example"));
    expect(fairs.map((f) => [f.name, f.mode, f.schools])).toEqual([
      ["Demo Vale online evening of schools", "online", 2],
      [DEMO_FAIR_NAME, "in_person", 5],
      ["Demo Vale autumn recruitment fair", "in_person", 2],
    ]);
    const spring = fairs.find((f) => f.name === DEMO_FAIR_NAME)!;
    const page = await publicFair(t.db, spring.id, null);
    expect(page?.fair.hostSchoolName).toBe(page?.schools.find((s) => s.stand === "Stand 1")?.name);
    expect(page?.schools.every((s) => s.roles.length > 0)).toBe(true);
    // Each HR of the cast reaches their schools at the fair.
    for (const email of ["hr@northbrook.example", "hr.school@northbrook.example", "hr@riverside.example"])
      expect((await hrSchoolsAtFair(t.db, await userId(email), spring.id)).length, email).toBeGreaterThan(0);
    const [counts] = rowsOf<{ registered: number; bookings: number; tess: number; late: number; followUps: number }>(
      await t.db.execute(sql`
        SELECT (SELECT count(*)::int FROM fair_registrations WHERE fair_id = ${spring.id}) AS registered,
               (SELECT count(*)::int FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id
                 WHERE s.fair_id = ${spring.id} AND b.live) AS bookings,
               (SELECT count(*)::int FROM fair_registrations r JOIN users u ON u.id = r.user_id
                 WHERE u.email = 'teacher@staffroom.example') AS tess,
               (SELECT count(*)::int FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id
                 WHERE s.fair_id = ${spring.id} AND b.starts_at >= s.starts_at
                   AND to_char(b.starts_at AT TIME ZONE 'Europe/London', 'HH24:MI') >= '11:00') AS late,
               (SELECT count(*)::int FROM fair_follow_ups) AS "followUps"`),
    );
    expect(counts).toEqual({ registered: 6, bookings: 12, tess: 0, late: 0, followUps: 2 });
  });
});
