import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as hubLoader } from "../../app/routes/placements._index";
import { action as mineAction, loader as mineLoader } from "../../app/routes/placements.mine";
import { loader as offersLoader } from "../../app/routes/placements.providers.$slug.offers";
import { action as providerAction, loader as providerLoader } from "../../app/routes/placements.providers.$slug._index";
import {
  action as rotationAction,
  loader as rotationLoader,
} from "../../app/routes/placements.providers.$slug.trainees.$id";
import { action as schoolAction, loader as schoolLoader } from "../../app/routes/placements.schools.$urn";
import { loader as seasonLoader } from "../../app/routes/placements.season.$slug";
import { firstRow, rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import { bookingsOf, createOffer, insertBookingRow, placementRegion } from "../support/placement-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

describe("placement pages: who reaches what, and bad input", () => {
  const t = useTestDatabase();

  it("each role's pages answer their own people and 404 everyone else", async () => {
    const r = await placementRegion(t.db);
    const coordinator = await sessionCookie(r.coordinator);
    const foreign = await sessionCookie(r.foreignCoordinator);
    const trainee = await sessionCookie(r.traineeUser);
    const schoolHr = await sessionCookie(r.schoolHr);
    const admin = await sessionCookie(r.admin);
    const trainees = `/placements/providers/vale-itt/trainees/${r.trainee.id}`;

    expect(
      (await callRoute(providerLoader, getRequest("/placements/providers/vale-itt", coordinator), { slug: "vale-itt" }))
        .status,
    ).toBe(200);
    expect(
      (await callRoute(rotationLoader, getRequest(trainees, coordinator), { slug: "vale-itt", id: r.trainee.id }))
        .status,
    ).toBe(200);
    expect(
      (
        await callRoute(offersLoader, getRequest("/placements/providers/vale-itt/offers?near=M33", coordinator), {
          slug: "vale-itt",
        })
      ).status,
    ).toBe(200);
    for (const cookie of [foreign, trainee, schoolHr]) {
      expect(
        (await callRoute(providerLoader, getRequest("/placements/providers/vale-itt", cookie), { slug: "vale-itt" }))
          .status,
      ).toBe(404);
      expect(
        (await callRoute(rotationLoader, getRequest(trainees, cookie), { slug: "vale-itt", id: r.trainee.id })).status,
      ).toBe(404);
    }
    // A coordinator reaching another provider's trainee through their own provider's URL: still not found.
    const foreignTrainee = firstRow(
      rowsOf<{ id: string }>(
        await t.db.execute(sql`
        INSERT INTO trainees (provider_id, name, email, route, subject, phase, programme_starts_on, programme_ends_on)
        VALUES (${r.foreignProvider.id}, 'Far Away', 'far@example.com', 'postgraduate_fee_funded', 'primary', 'primary', '2026-09-01', '2027-07-16')
        RETURNING id`),
      ),
      "the row inserted into trainees",
    );
    expect(
      (
        await callRoute(
          rotationLoader,
          getRequest(`/placements/providers/vale-itt/trainees/${foreignTrainee.id}`, coordinator),
          { slug: "vale-itt", id: foreignTrainee.id },
        )
      ).status,
    ).toBe(404);
    expect(
      (await callRoute(rotationLoader, getRequest(trainees, coordinator), { slug: "vale-itt", id: "not-a-uuid" }))
        .status,
    ).toBe(404);

    expect(
      (await callRoute(schoolLoader, getRequest("/placements/schools/106283", schoolHr), { urn: "106283" })).status,
    ).toBe(200);
    expect(
      (await callRoute(schoolLoader, getRequest("/placements/schools/106284", schoolHr), { urn: "106284" })).status,
    ).toBe(404);
    expect(
      (await callRoute(schoolLoader, getRequest("/placements/schools/106283", coordinator), { urn: "106283" })).status,
    ).toBe(404);
    expect(
      (
        await callRoute(schoolLoader, getRequest("/placements/schools/106135", await sessionCookie(r.hrA)), {
          urn: "106135",
        })
      ).status,
    ).toBe(404);

    expect((await callRoute(mineLoader, getRequest("/placements/mine", trainee))).status).toBe(200);
    expect((await callRoute(mineLoader, getRequest("/placements/mine", coordinator))).status).toBe(404);

    expect((await callRoute(seasonLoader, getRequest("/placements/season/vale", admin), { slug: "vale" })).status).toBe(
      200,
    );
    expect(
      (await callRoute(seasonLoader, getRequest("/placements/season/vale", coordinator), { slug: "vale" })).status,
    ).toBe(404);
    expect(
      (await callRoute(seasonLoader, getRequest("/placements/season/other", admin), { slug: "other" })).status,
    ).toBe(404);

    const anonymous = await callRoute(hubLoader, getRequest("/placements"));
    expect(anonymous.status).toBe(302);
  });

  it("acting on someone else's booking through a page is a 404 and changes nothing", async () => {
    const r = await placementRegion(t.db);
    const offer = await createOffer(t.db, r.a1.id, { mentorIds: [r.mentor.id] });
    const booking = await insertBookingRow(t.db, r, offer, r.a1.id);
    const cancel = { intent: "act", bookingId: booking.id, action: "cancel", reason: "Not mine to cancel" };
    // The other trainee, from their own page.
    expect(
      (await callRoute(mineAction, formRequest("/placements/mine", cancel, await sessionCookie(r.otherTraineeUser))))
        .status,
    ).toBe(404);
    // HR of trust B, from their own school's page.
    expect(
      (
        await callRoute(
          schoolAction,
          formRequest(
            "/placements/schools/106284",
            { ...cancel, action: "accept", mentorUserId: r.mentor.id },
            await sessionCookie(r.hrB),
          ),
          { urn: "106284" },
        )
      ).status,
    ).toBe(404);
    expect(await bookingsOf(t.db, {})).toMatchObject([
      { state: "provider_confirmed", reason: null, mentorUserId: null },
    ]);
    // The school itself accepts, naming the mentor.
    const accepted = await callRoute(
      schoolAction,
      formRequest(
        "/placements/schools/106283",
        { intent: "act", bookingId: booking.id, action: "accept", mentorUserId: r.mentor.id },
        await sessionCookie(r.schoolHr),
      ),
      { urn: "106283" },
    );
    expect(accepted.status).toBe(302);
    expect(await bookingsOf(t.db, {})).toMatchObject([{ state: "confirmed", mentorUserId: r.mentor.id }]);
  });

  it("hostile and bad input on every form: field errors, a 4xx, nothing written", async () => {
    const r = await placementRegion(t.db);
    const coordinator = await sessionCookie(r.coordinator);
    const offer = await createOffer(t.db, r.a1.id);
    const book = (fields: Record<string, string>) =>
      callRoute(
        rotationAction,
        formRequest(
          `/placements/providers/vale-itt/trainees/${r.trainee.id}`,
          { intent: "book", ...fields },
          coordinator,
        ),
        { slug: "vale-itt", id: r.trainee.id },
      );
    const cases: [Record<string, string>, string][] = [
      [{ offerId: offer.id, label: "A", startsOn: "2026-02-30", endsOn: "2026-10-01" }, "startsOn"],
      [{ offerId: offer.id, label: "Z", startsOn: "2026-09-14", endsOn: "2026-10-01" }, "label"],
      [{ offerId: "'; DROP TABLE trainees; --", label: "A", startsOn: "2026-09-14", endsOn: "2026-10-01" }, "offerId"],
      [{ offerId: offer.id, label: "A", startsOn: "2026-09-01", endsOn: "2026-10-01" }, "startsOn"],
      [{ offerId: offer.id, label: "A", startsOn: "2026-10-01", endsOn: "2026-09-20" }, "endsOn"],
    ];
    for (const [fields, field] of cases) {
      const res = await book(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    expect(await bookingsOf(t.db, {})).toEqual([]);

    const register = (fields: Record<string, string>) =>
      callRoute(providerAction, formRequest("/placements/providers/vale-itt", fields, coordinator), {
        slug: "vale-itt",
      });
    const good = {
      name: "Nia Newcomer",
      email: "nia@example.com",
      route: "postgraduate_fee_funded",
      phase: "primary",
      subject: "primary",
      programmeStartsOn: "2026-09-01",
      programmeEndsOn: "2027-07-16",
      targetDays: "120",
      homeArea: "M33",
      maxTravelMiles: "",
    };
    for (const [fields, field] of [
      [{ ...good, email: "not-an-address" }, "email"],
      [{ ...good, programmeEndsOn: "2026-08-01" }, "programmeEndsOn"],
      [{ ...good, homeArea: "ZZ99" }, "homeArea"],
      [{ ...good, targetDays: "9999" }, "targetDays"],
      [{ ...good, name: "\u0000" }, "name"],
    ] as [Record<string, string>, string][]) {
      const res = await register(fields);
      expect(res.status, field).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    expect(rowsOf(await t.db.execute(sql`SELECT id FROM trainees WHERE email = 'nia@example.com'`))).toEqual([]);

    const publish = (fields: Record<string, string>) =>
      callRoute(schoolAction, formRequest("/placements/schools/106283", { intent: "offer", ...fields }, coordinator), {
        urn: "106283",
      });
    expect(
      (await publish({ phase: "primary", startsOn: "2026-09-01", endsOn: "2026-10-01", places: "2" })).status,
    ).toBe(404);
    const schoolHr = await sessionCookie(r.schoolHr);
    const offerForm = (fields: Record<string, string>) =>
      callRoute(schoolAction, formRequest("/placements/schools/106283", { intent: "offer", ...fields }, schoolHr), {
        urn: "106283",
      });
    for (const [fields, field] of [
      [{ phase: "primary", startsOn: "2026-10-01", endsOn: "2026-09-01", places: "2" }, "endsOn"],
      [{ phase: "primary", startsOn: "2026-09-01", endsOn: "2026-10-01", places: "0" }, "places"],
      [
        { phase: "primary", startsOn: "2026-09-01", endsOn: "2026-10-01", places: "2", mentorIds: r.teacher.id },
        "mentorIds",
      ],
      [{ phase: "nursery-ish", startsOn: "2026-09-01", endsOn: "2026-10-01", places: "2" }, "phase"],
    ] as [Record<string, string>, string][]) {
      const res = await offerForm(fields);
      expect(res.status, field).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    expect(rowsOf(await t.db.execute(sql`SELECT id FROM placement_offers`))).toHaveLength(1);
    const hosting = await callRoute(
      schoolAction,
      formRequest(
        "/placements/schools/106283",
        { intent: "hosting", interest: "not_this_year", reasons: "" },
        schoolHr,
      ),
      { urn: "106283" },
    );
    expect(hosting.status).toBe(400);
    expect(rowsOf(await t.db.execute(sql`SELECT * FROM placement_hosting`))).toEqual([]);
  });
});
