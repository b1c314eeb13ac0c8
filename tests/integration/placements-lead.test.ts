import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as hrVacanciesLoader } from "../../app/routes/hr.vacancies._index";
import { action as schoolAction, loader as schoolLoader } from "../../app/routes/placements.schools.$urn";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { addMembership, createUser, sessionCookie } from "../support/factories";
import { bookingsOf, createOffer, insertBookingRow, placementRegion } from "../support/placement-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";
import { navigationFor } from "../../app/components/site-header";

/** A placement lead acts for their school on placements exactly as its HR does, and nowhere else. */
describe("placement lead", () => {
  const t = useTestDatabase();

  async function leadRegion() {
    const r = await placementRegion(t.db);
    const lead = await createUser(t.db, { email: "lee@navigation.example", name: "Lee Lead" });
    await addMembership(t.db, lead, "placement_lead", { school: r.a1 });
    const offer = await createOffer(t.db, r.a1.id, { mentorIds: [r.mentor.id] });
    const booking = await insertBookingRow(t.db, r, offer, r.a1.id);
    const cookie = await sessionCookie(lead);
    // A spring offer, published through the school's page as the lead.
    const publishAt = (urn: string) =>
      callRoute(
        schoolAction,
        formRequest(
          `/placements/schools/${urn}`,
          { intent: "offer", phase: "primary", startsOn: "2027-01-04", endsOn: "2027-03-26", places: "2" },
          cookie,
        ),
        { urn },
      );
    return { ...r, lead, cookie, offer, booking, publishAt };
  }

  it("accepts a booking at their school, naming a mentor, and publishes an offer there", async () => {
    const r = await leadRegion();
    expect(
      (await callRoute(schoolLoader, getRequest("/placements/schools/106283", r.cookie), { urn: "106283" })).status,
    ).toBe(200);
    const accepted = await callRoute(
      schoolAction,
      formRequest(
        "/placements/schools/106283",
        { intent: "act", bookingId: r.booking.id, action: "accept", mentorUserId: r.mentor.id },
        r.cookie,
      ),
      { urn: "106283" },
    );
    expect(accepted.status).toBe(302);
    expect(await bookingsOf(t.db, {})).toMatchObject([{ state: "confirmed", mentorUserId: r.mentor.id }]);

    const published = await r.publishAt("106283");
    expect(published.status).toBe(302);
    expect(
      rowsOf(await t.db.execute(sql`SELECT id FROM placement_offers WHERE school_id = ${r.a1.id} AND places = 2`)),
    ).toHaveLength(1);
  });

  it("is a 404 at another school, changing nothing there, and has no vacancy powers", async () => {
    const r = await leadRegion();
    const elsewhere = await createOffer(t.db, r.b1.id, { mentorIds: [] });
    expect(
      (await callRoute(schoolLoader, getRequest("/placements/schools/106284", r.cookie), { urn: "106284" })).status,
    ).toBe(404);
    const publish = await r.publishAt("106284");
    expect(publish.status).toBe(404);
    expect(rowsOf(await t.db.execute(sql`SELECT id FROM placement_offers WHERE school_id = ${r.b1.id}`))).toEqual([
      { id: elsewhere.id },
    ]);

    // The vacancy pages answer anyone without HR with a 403 (requireHr); a placement lead is one of those.
    const vacancies = await callRoute(hrVacanciesLoader, getRequest("/hr/vacancies", r.cookie));
    expect(vacancies.status).toBe(403);
    const membership = {
      id: "m",
      role: "placement_lead" as const,
      scopeKind: "school" as const,
      scopeId: r.a1.id,
      scopeName: "Navigation Primary School",
      scopeSlug: "106283",
    };
    const labels = navigationFor([membership], true).map((i) => i.label);
    expect(labels).toContain("Placements");
    expect(labels).not.toContain("Vacancies");
  });
});
