import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actOnBooking, placeOnOffer, requestBooking } from "../../app/placements/bookings.server";
import { answerHold, offerFreedPlaces, releaseExpiredHolds, waitlistOf } from "../../app/placements/waitlist.server";
import { action as mineAction, loader as mineLoader } from "../../app/routes/placements.mine";
import { action as rotationAction } from "../../app/routes/placements.providers.$slug.trainees.$id";
import { firstRow, rowsOf } from "../../db/rows";
import { exactly } from "../support/arrays";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import {
  autumnPlacement as dates,
  bookPlacement,
  bookingsOf,
  coordinatorOf,
  createOffer,
  createTrainee,
  placementContext as context,
  placementRegion,
} from "../support/placement-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

/** Wednesday 2 December 2026, 10:00 in London: a hold of 3 school days ends at midnight after Monday 7 December. */
const WEDNESDAY = new Date("2026-12-02T10:00:00Z");

async function waitlistRows(db: Parameters<typeof waitlistOf>[0]) {
  return rowsOf<{ trainee: string; status: string; heldUntil: string | null }>(
    await db.execute(sql`
      SELECT t.name AS trainee, w.status::text AS status, w.held_until AS "heldUntil"
        FROM placement_waitlist w JOIN trainees t ON t.id = w.trainee_id ORDER BY w.created_at`),
  );
}

async function mailsTo(db: Parameters<typeof waitlistOf>[0]) {
  return rowsOf<{ to: string; subject: string; text: string }>(
    await db.execute(sql`SELECT "to", subject, text FROM emails ORDER BY "to", created_at`),
  );
}

describe("waiting lists and held places", () => {
  const t = useTestDatabase();

  /** A one-place offer booked by Tia, with Otto and then a third trainee waiting for it. */
  async function fullOfferWithQueue() {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const offer = await createOffer(t.db, r.a1.id, { places: 1 });
    const first = await bookPlacement(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id });
    const third = await createTrainee(t.db, r.provider.id, { name: "Thea Third", email: "thea@trainee.example" });
    const queued = [];
    for (const trainee of [r.otherTrainee, third])
      queued.push(
        await placeOnOffer(t.db, provider, { traineeId: trainee.id, offerId: offer.id, ...dates }, context, {
          waitlist: true,
        }),
      );
    return { r, provider, offer, first, third, queued };
  }

  it("a full offer puts the trainee on its waiting list instead of refusing, once per trainee", async () => {
    const { r, provider, offer, queued } = await fullOfferWithQueue();
    expect(queued).toMatchObject([
      { ok: true, kind: "waitlisted", position: 1 },
      { ok: true, kind: "waitlisted", position: 2 },
    ]);
    expect(
      await placeOnOffer(t.db, provider, { traineeId: r.otherTrainee.id, offerId: offer.id, ...dates }, context, {
        waitlist: true,
      }),
    ).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/Otto Other is already on the waiting list/),
    });
    // Without asking for the waiting list, a full offer is still a refusal naming the offer.
    expect(
      await placeOnOffer(t.db, provider, { traineeId: r.otherTrainee.id, offerId: offer.id, ...dates }, context),
    ).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/^No places left on Navigation/) });
    expect(await bookingsOf(t.db, { offerId: offer.id })).toHaveLength(1);
    expect((await waitlistOf(t.db, r.otherTrainee.id)).map((w) => [w.status, w.position])).toEqual([["waiting", 1]]);
  });

  it("a cancellation e-mails everyone and holds the place for the first waiting trainee until 3 school days on", async () => {
    const { r, provider, offer, first } = await fullOfferWithQueue();
    await t.db.execute(sql`DELETE FROM emails`);
    expect(
      await actOnBooking(t.db, provider, first.bookingId, "cancel", { reason: "Trainee moved house" }, context),
    ).toEqual({ ok: true, state: "cancelled" });

    const held = await waitlistRows(t.db);
    expect(held.map((w) => [w.trainee, w.status])).toEqual([
      ["Otto Other", "held"],
      ["Thea Third", "waiting"],
    ]);
    // The held place counts as taken: nobody else books it, even as the coordinator.
    const stranger = await createTrainee(t.db, r.provider.id, { name: "Sid Stranger" });
    expect(
      await requestBooking(t.db, provider, { traineeId: stranger.id, offerId: offer.id, ...dates }, context),
    ).toMatchObject({ ok: false, status: 409 });

    const mails = await mailsTo(t.db);
    expect(mails.filter((m) => m.subject.startsWith("Placement cancelled")).map((m) => m.to)).toEqual([
      "cora@vale-itt.example",
      "hr@a.example",
      "office@navigation.example",
      "tia@trainee.example",
    ]);
    const toOtto = mails.find((m) => m.to === "otto@trainee.example")!;
    expect(toOtto.subject).toBe("Placement place held: Otto Other at Navigation Primary School");
    expect(mails.filter((m) => m.subject.startsWith("Placement place held")).map((m) => m.to)).toEqual([
      "cora@vale-itt.example",
      "otto@trainee.example",
    ]);
    expect(mails.some((m) => m.to === "thea@trainee.example")).toBe(false);
    // Held from now (the real clock), so its end is a confirm-by time in the mail and a time in the database.
    expect(toOtto.text).toMatch(/Confirm it or decline it by the end of \w+day \d{1,2} \w+ \d{4}/);
    expect(firstRow(held, "a held place").heldUntil).not.toBeNull();
  });

  it("a hold that lapses passes to the next trainee; the lapsed one can no longer confirm, the next one can", async () => {
    const { r, provider, offer, first, third } = await fullOfferWithQueue();
    // Cancelled on a Wednesday: the hold runs to the end of the following Monday, London time.
    await t.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE placement_bookings SET state = 'cancelled', reason = 'moved away' WHERE id = ${first.bookingId}`,
      );
      expect(await offerFreedPlaces(tx, offer.id, context, WEDNESDAY)).toBe(1);
    });
    const otto = firstRow(await waitlistRows(t.db), "Otto's place on the waiting list");
    expect(new Date(otto.heldUntil!).toISOString()).toBe("2026-12-08T00:00:00.000Z");

    // Before the confirm-by time nothing lapses.
    expect(await releaseExpiredHolds(t.db, context, new Date("2026-12-07T23:59:00Z"))).toBe(0);
    await t.db.execute(sql`DELETE FROM emails`);
    expect(await releaseExpiredHolds(t.db, context, new Date("2026-12-08T00:00:00Z"))).toBe(1);
    expect((await waitlistRows(t.db)).map((w) => [w.trainee, w.status])).toEqual([
      ["Otto Other", "lapsed"],
      ["Thea Third", "held"],
    ]);
    const mails = await mailsTo(t.db);
    expect(mails.filter((m) => m.to === "otto@trainee.example").map((m) => m.subject)).toEqual([
      "Held placement place lapsed: Otto Other at Navigation Primary School",
    ]);
    expect(mails.filter((m) => m.to === "thea@trainee.example").map((m) => m.subject)).toEqual([
      "Placement place held: Thea Third at Navigation Primary School",
    ]);
    // Running again changes nothing: the new hold has a week to go.
    expect(await releaseExpiredHolds(t.db, context, new Date("2026-12-08T00:05:00Z"))).toBe(0);

    const [ottoEntry, theaEntry] = exactly(
      2,
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM placement_waitlist ORDER BY created_at`)),
    );
    expect(await answerHold(t.db, provider, ottoEntry.id, "confirm", context)).toMatchObject({
      ok: false,
      status: 409,
    });
    // The other trainee's own account cannot answer Thea's hold; a school cannot either.
    const otherTrainee = { userId: r.otherTraineeUser.id, side: "trainee" as const };
    expect(await answerHold(t.db, otherTrainee, theaEntry.id, "confirm", context)).toMatchObject({ status: 404 });
    expect(
      await answerHold(t.db, { userId: r.schoolHr.id, side: "school" }, theaEntry.id, "confirm", context),
    ).toMatchObject({ status: 404 });
    expect(
      await answerHold(t.db, { userId: r.foreignCoordinator.id, side: "provider" }, theaEntry.id, "decline", context),
    ).toMatchObject({ status: 404 });

    const confirmed = await answerHold(t.db, provider, theaEntry.id, "confirm", context);
    expect(confirmed).toMatchObject({ ok: true, bookingId: expect.any(String) });
    expect(await bookingsOf(t.db, { traineeId: third.id })).toMatchObject([{ state: "provider_confirmed" }]);
    expect((await waitlistRows(t.db)).map((w) => w.status)).toEqual(["lapsed", "booked"]);
    // Still one place: booked by Thea, nobody held.
    expect(
      await placeOnOffer(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id, ...dates }, context),
    ).toMatchObject({ ok: false, status: 409 });
  });

  it("declining a held place offers it to the next; a waiting trainee can leave the list", async () => {
    const { r, provider, offer, first } = await fullOfferWithQueue();
    await actOnBooking(t.db, provider, first.bookingId, "cancel", { reason: "Trainee moved house" }, context);
    const [ottoEntry, theaEntry] = exactly(
      2,
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM placement_waitlist ORDER BY created_at`)),
    );
    // Thea, still waiting, leaves the list through her provider; then Otto, whose place is held, declines it.
    expect(await answerHold(t.db, provider, theaEntry.id, "decline", context)).toMatchObject({ ok: true });
    const own = { userId: r.otherTraineeUser.id, side: "trainee" as const };
    expect(await answerHold(t.db, own, ottoEntry.id, "decline", context)).toMatchObject({ ok: true });
    expect((await waitlistRows(t.db)).map((w) => w.status)).toEqual(["declined", "declined"]);
    // Nobody is left waiting, so the place is simply free again.
    expect(
      await requestBooking(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id, ...dates }, context),
    ).toMatchObject({ ok: true });
  });

  /** Tia's booking cancelled, so the place is held for Otto, whose travel limit the school is beyond. */
  async function heldBeyondOttosLimit() {
    const { r, provider, first } = await fullOfferWithQueue();
    // Otto's home is in M33, about 2 miles from Navigation Primary in a straight line: over a 1-mile limit.
    await t.db.execute(sql`UPDATE trainees SET max_travel_miles = 1 WHERE id = ${r.otherTrainee.id}`);
    await actOnBooking(t.db, provider, first.bookingId, "cancel", { reason: "Trainee moved house" }, context);
    const entry = firstRow(
      rowsOf<{ id: string }>(
        await t.db.execute(
          sql`SELECT id FROM placement_waitlist WHERE status = 'held' AND trainee_id = ${r.otherTrainee.id}`,
        ),
      ),
      "Otto's held place",
    );
    return { r, entry };
  }

  it("confirming a held place beyond the trainee's travel limit needs the coordinator's reason, as a booking does", async () => {
    const { r, entry } = await heldBeyondOttosLimit();
    const coordinator = await sessionCookie(r.coordinator);
    const page = `/placements/providers/vale-itt/trainees/${r.otherTrainee.id}`;
    const confirm = (fields: Record<string, string> = {}) =>
      callRoute(
        rotationAction,
        formRequest(page, { intent: "hold", entryId: entry.id, answer: "confirm", ...fields }, coordinator),
        { slug: "vale-itt", id: r.otherTrainee.id },
      );

    for (const reason of [undefined, "   ", "ok"]) {
      const warned = await confirm(reason === undefined ? {} : { travelOverrideReason: reason });
      expect(warned.status).toBe(409);
      expect((await warned.json()).fieldErrors.travelOverrideReason).toEqual([
        expect.stringMatching(
          /^Navigation Primary School is \d+(\.\d)? miles in a straight line from Otto Other's home area, over the 1-mile limit\. To book it anyway, give the reason$/,
        ),
      ]);
    }
    // Refused, nothing changed: no booking, and the place is still held for Otto.
    expect(await bookingsOf(t.db, { traineeId: r.otherTrainee.id })).toEqual([]);
    expect((await waitlistRows(t.db)).map((w) => [w.trainee, w.status])).toEqual([
      ["Otto Other", "held"],
      ["Thea Third", "waiting"],
    ]);

    expect((await confirm({ travelOverrideReason: "Stays with his sister in term time" })).status).toBe(302);
    expect(
      rowsOf<{ state: string; reason: string }>(
        await t.db.execute(sql`
          SELECT state::text AS state, travel_override_reason AS reason FROM placement_bookings
           WHERE trainee_id = ${r.otherTrainee.id}`),
      ),
    ).toEqual([{ state: "provider_confirmed", reason: "Stays with his sister in term time" }]);
    expect((await waitlistRows(t.db)).map((w) => w.status)).toEqual(["booked", "waiting"]);
  });

  it("a trainee confirming their own held place beyond the limit is not stopped: their provider confirms it next", async () => {
    const { r, entry } = await heldBeyondOttosLimit();
    const own = { userId: r.otherTraineeUser.id, side: "trainee" as const };
    expect(await answerHold(t.db, own, entry.id, "confirm", context)).toMatchObject({ ok: true });
    expect(await bookingsOf(t.db, { traineeId: r.otherTrainee.id })).toMatchObject([{ state: "requested" }]);
  });

  it("through the pages: the coordinator's booking form joins the list, the trainee confirms a held place; bad input is a 400", async () => {
    const { r, offer, first } = await fullOfferWithQueue();
    const coordinator = await sessionCookie(r.coordinator);
    const stranger = await createTrainee(t.db, r.provider.id, { name: "Sid Stranger" });
    const page = `/placements/providers/vale-itt/trainees/${stranger.id}`;
    const joined = await callRoute(
      rotationAction,
      formRequest(page, { intent: "book", offerId: offer.id, ...dates, waitlist: "yes" }, coordinator),
      { slug: "vale-itt", id: stranger.id },
    );
    expect(joined.status).toBe(302);
    expect((await waitlistOf(t.db, stranger.id)).map((w) => w.position)).toEqual([3]);
    // Unticked, the full offer is refused at the form.
    const refused = await callRoute(
      rotationAction,
      formRequest(page, { intent: "book", offerId: offer.id, ...dates, label: "B" }, coordinator),
      { slug: "vale-itt", id: stranger.id },
    );
    expect(refused.status).toBe(409);

    await actOnBooking(
      t.db,
      { userId: r.coordinator.id, side: "provider" },
      first.bookingId,
      "cancel",
      { reason: "Trainee moved house" },
      context,
    );
    const otto = await sessionCookie(r.otherTraineeUser);
    const mine = await callRoute(mineLoader, getRequest("/placements/mine", otto));
    const { rotation } = (await mine.json()) as { rotation: { waitlist: { id: string; status: string }[] } };
    expect(rotation.waitlist.map((w) => w.status)).toEqual(["held"]);
    for (const [fields, field] of [
      [{ intent: "hold", entryId: "'; DROP TABLE trainees; --", answer: "confirm" }, "entryId"],
      [{ intent: "hold", entryId: firstRow(rotation.waitlist, "a waiting-list entry").id, answer: "grab" }, "answer"],
    ] as [Record<string, string>, string][]) {
      const res = await callRoute(mineAction, formRequest("/placements/mine", fields, otto));
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    // Someone else's hold, from their own page: not found.
    const tia = await sessionCookie(r.traineeUser);
    expect(
      (
        await callRoute(
          mineAction,
          formRequest(
            "/placements/mine",
            { intent: "hold", entryId: firstRow(rotation.waitlist, "a waiting-list entry").id, answer: "confirm" },
            tia,
          ),
        )
      ).status,
    ).toBe(404);
    const ok = await callRoute(
      mineAction,
      formRequest(
        "/placements/mine",
        { intent: "hold", entryId: firstRow(rotation.waitlist, "a waiting-list entry").id, answer: "confirm" },
        otto,
      ),
    );
    expect(ok.status).toBe(302);
    expect(await bookingsOf(t.db, { traineeId: r.otherTrainee.id })).toMatchObject([{ state: "requested" }]);
  });
});
