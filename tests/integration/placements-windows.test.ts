import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requestBooking } from "../../app/placements/bookings.server";
import { searchOffers } from "../../app/placements/offers.server";
import { action as schoolAction } from "../../app/routes/placements.schools.$urn";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import {
  bookingsOf,
  coordinatorOf,
  createOffer,
  placementContext as context,
  placementRegion,
} from "../support/placement-fixtures";
import { callRoute, formRequest } from "../support/requests";

/** Offers with an autumn and a spring window: bookings fit one of them, and searches see the gap between. */
describe("placement offers with several date windows", () => {
  const t = useTestDatabase();

  const windowsOf = async (offerId: string) =>
    rowsOf<{ startsOn: string; endsOn: string }>(
      await t.db.execute(sql`
        SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM placement_offer_windows
         WHERE offer_id = ${offerId} ORDER BY starts_on`),
    );

  async function twoWindowOffer() {
    const r = await placementRegion(t.db);
    const published = await callRoute(
      schoolAction,
      formRequest(
        "/placements/schools/106283",
        {
          intent: "offer",
          phase: "primary",
          startsOn: "2026-09-14",
          endsOn: "2026-12-18",
          secondStartsOn: "2027-01-04",
          secondEndsOn: "2027-03-26",
          places: "3",
        },
        await sessionCookie(r.schoolHr),
      ),
      { urn: "106283" },
    );
    expect(published.status).toBe(302);
    const [offer] = rowsOf<{ id: string; startsOn: string; endsOn: string }>(
      await t.db.execute(
        sql`SELECT id, starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM placement_offers`,
      ),
    );
    return { r, offer: offer! };
  }

  it("a school publishes two windows through its page; the offer's span covers both", async () => {
    const { offer } = await twoWindowOffer();
    expect(offer).toMatchObject({ startsOn: "2026-09-14", endsOn: "2027-03-26" });
    expect(await windowsOf(offer.id)).toEqual([
      { startsOn: "2026-09-14", endsOn: "2026-12-18" },
      { startsOn: "2027-01-04", endsOn: "2027-03-26" },
    ]);
  });

  it("an offer written without windows gets its span as its one window (the seed, the benchmark, old offers)", async () => {
    const r = await placementRegion(t.db);
    const offer = await createOffer(t.db, r.a1.id);
    expect(await windowsOf(offer.id)).toEqual([{ startsOn: "2026-09-14", endsOn: "2026-12-18" }]);
  });

  it("books inside the second window; the gap, or running over it, is a field error that writes nothing", async () => {
    const { r, offer } = await twoWindowOffer();
    const ask = (startsOn: string, endsOn: string) =>
      requestBooking(
        t.db,
        coordinatorOf(r),
        { traineeId: r.trainee.id, offerId: offer.id, label: "B", startsOn, endsOn },
        context,
      );
    expect(await ask("2026-12-21", "2027-01-01")).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: {
        startsOn: [
          expect.stringMatching(/inside one of the offer's windows, 14 Sep 2026 to 18 Dec 2026 or 4 Jan 2027/),
        ],
        endsOn: [expect.stringMatching(/inside one of the offer's windows/)],
      },
    });
    expect(await ask("2026-11-02", "2027-02-12")).toMatchObject({
      status: 400,
      fieldErrors: { endsOn: [expect.stringMatching(/must end in the window it starts in/)] },
    });
    expect(await bookingsOf(t.db, {})).toEqual([]);
    expect(await ask("2027-01-11", "2027-02-12")).toMatchObject({ ok: true });
    expect(await bookingsOf(t.db, { offerId: offer.id })).toHaveLength(1);
  });

  it("a search by dates finds the offer in either window, not in the gap, and lists each window", async () => {
    const { r, offer } = await twoWindowOffer();
    const found = (from: string, to: string) =>
      searchOffers(t.db, { id: r.provider.id, partnershipId: r.vale.id }, { from, to }).then((s) =>
        s.offers.map((o) => o.id),
      );
    expect(await found("2027-02-01", "2027-02-28")).toEqual([offer.id]);
    expect(await found("2026-12-21", "2027-01-01")).toEqual([]);
    const all = await searchOffers(t.db, { id: r.provider.id, partnershipId: r.vale.id }, {});
    expect(all.offers[0]?.windows).toEqual([
      { startsOn: "2026-09-14", endsOn: "2026-12-18" },
      { startsOn: "2027-01-04", endsOn: "2027-03-26" },
    ]);
  });
});
