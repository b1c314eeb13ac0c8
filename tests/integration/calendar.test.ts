import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createFeed, feedCalendar, revokeFeeds } from "../../app/calendar/feeds.server";
import { loader as feedLoader } from "../../app/routes/calendar.$token";
import { action as mineAction } from "../../app/routes/placements.mine";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { createOffer, placementRegion } from "../support/placement-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { captured } from "../support/arrays";

describe("calendar feeds", () => {
  const t = useTestDatabase();

  it("a trainee's secret link serves their active placements as iCalendar, and stops once revoked", async () => {
    const r = await placementRegion(t.db);
    const offer = await createOffer(t.db, r.a1.id);
    await t.db.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state, mentor_user_id, reason)
      VALUES (${r.trainee.id}, ${offer.id}, ${r.a1.id}, ${r.provider.id}, 'A', '2026-09-14', '2026-10-23', 'confirmed', ${r.mentor.id}, NULL),
             (${r.trainee.id}, ${offer.id}, ${r.a1.id}, ${r.provider.id}, 'B', '2026-11-02', '2026-11-20', 'cancelled', NULL, 'moved away')`);
    const made = await callRoute(
      mineAction,
      formRequest("/placements/mine", { intent: "calendar", do: "new" }, await sessionCookie(r.traineeUser)),
    );
    expect(made.status).toBe(200);
    const { feedUrl } = (await made.json()) as { feedUrl: string };
    const token = captured(feedUrl, /\/calendar\/(.+)$/, "a calendar feed token");
    const feed = await callRoute(feedLoader, getRequest(`/calendar/${token}`), { token });
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await feed.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR/);
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(body).toContain("SUMMARY:Tia Trainee at Navigation Primary School");
    // All day, 14 September to 23 October inclusive: DTEND is the day after the last day.
    expect(body).toContain("DTSTART;VALUE=DATE:20260914");
    expect(body).toContain("DTEND;VALUE=DATE:20261024");
    expect(body).toContain("Mentor: Mo Mentor");

    expect(await revokeFeeds(t.db, r.traineeUser.id, "trainee", r.trainee.id)).toBe(1);
    expect((await callRoute(feedLoader, getRequest(`/calendar/${token}`), { token })).status).toBe(404);
    expect((await callRoute(feedLoader, getRequest("/calendar/guess.ics"), { token: "guess.ics" })).status).toBe(404);
  });

  it("school, mentor and provider feeds carry their own placements only", async () => {
    const r = await placementRegion(t.db);
    const offer = await createOffer(t.db, r.a1.id);
    const other = await createOffer(t.db, r.b1.id);
    await t.db.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state, mentor_user_id)
      VALUES (${r.trainee.id}, ${offer.id}, ${r.a1.id}, ${r.provider.id}, 'A', '2026-09-14', '2026-10-23', 'confirmed', ${r.mentor.id}),
             (${r.otherTrainee.id}, ${other.id}, ${r.b1.id}, ${r.provider.id}, 'A', '2026-09-14', '2026-10-23', 'provider_confirmed', NULL)`);
    const events = async (kind: "school" | "mentor" | "provider", id: string) => {
      const body = await feedCalendar(t.db, await createFeed(t.db, r.admin.id, kind, id), "http://localhost:3000");
      return (body ?? "").match(/SUMMARY:[^\r\n]+/g);
    };
    expect(await events("school", r.a1.id)).toEqual(["SUMMARY:Tia Trainee at Navigation Primary School"]);
    expect(await events("mentor", r.mentor.id)).toEqual(["SUMMARY:Tia Trainee at Navigation Primary School"]);
    expect(await events("provider", r.provider.id)).toHaveLength(2);
    expect(await events("provider", r.foreignProvider.id)).toBeNull();
  });
});
