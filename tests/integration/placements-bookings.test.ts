import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actOnBooking, requestBooking } from "../../app/placements/bookings.server";
import { rowsOf } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import {
  bookPlacement,
  bookingsOf,
  coordinatorOf,
  createOffer,
  createTrainee,
  placementContext as context,
  placementRegion,
} from "../support/placement-fixtures";
import { exactly } from "../support/arrays";

const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe("placement bookings: the rules the database keeps", () => {
  const t = useTestDatabase();

  it("a coordinator books a place inside the window; it waits for the school, which is told by e-mail", async () => {
    const r = await placementRegion(t.db);
    const offer = await createOffer(t.db, r.a1.id);
    const provider = coordinatorOf(r);
    await bookPlacement(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id });
    expect(await bookingsOf(t.db, { offerId: offer.id })).toMatchObject([{ state: "provider_confirmed" }]);
    const mails = rowsOf<{ to: string; subject: string }>(
      await t.db.execute(sql`SELECT "to", subject FROM emails ORDER BY "to"`),
    );
    // Nobody published the fixture's offer, so whoever holds hr for the school hears of it: its own hr staff and its
    // trust's (the scoping rule: they can answer the request too).
    expect(mails).toEqual([
      { to: "hr@a.example", subject: "Placement request: Tia Trainee at Navigation Primary School" },
      { to: "office@navigation.example", subject: "Placement request: Tia Trainee at Navigation Primary School" },
    ]);
  });

  it("dates outside the window, an end before the start and a school with no agreement are field errors, and write nothing", async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const offer = await createOffer(t.db, r.a1.id);
    const noAgreement = await createOffer(t.db, r.a2.id);
    const ask = (offerId: string, startsOn: string, endsOn: string) =>
      requestBooking(t.db, provider, { traineeId: r.trainee.id, offerId, label: "A", startsOn, endsOn }, context);

    expect(await ask(offer.id, "2026-09-07", "2026-10-02")).toMatchObject({
      ok: false,
      status: 400,
      fieldErrors: { startsOn: ["The first day must be inside the offer's window, 14 Sep 2026 to 18 Dec 2026"] },
    });
    expect(await ask(offer.id, "2026-12-01", "2027-01-08")).toMatchObject({
      status: 400,
      fieldErrors: { endsOn: [expect.stringMatching(/inside the offer's window/)] },
    });
    expect(await ask(offer.id, "2026-10-20", "2026-10-01")).toMatchObject({
      status: 400,
      fieldErrors: { endsOn: ["The last day must be on or after the first day"] },
    });
    expect(await ask(noAgreement.id, "2026-09-14", "2026-10-02")).toMatchObject({
      status: 400,
      fieldErrors: {
        offerId: ["Your provider has no agreement with Springfield Primary School for this academic year"],
      },
    });
    expect(await bookingsOf(t.db, {})).toEqual([]);
    expect(rowsOf(await t.db.execute(sql`SELECT id FROM emails`))).toEqual([]);
  });

  it("one trainee's placements never overlap, in code and in the database; adjacent ones are fine", async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const a = await createOffer(t.db, r.a1.id);
    const b = await createOffer(t.db, r.b1.id, { startsOn: "2026-09-14", endsOn: "2027-03-26" });
    const book = (offerId: string, label: "A" | "B", startsOn: string, endsOn: string) =>
      requestBooking(t.db, provider, { traineeId: r.trainee.id, offerId, label, startsOn, endsOn }, context);
    expect(await book(a.id, "A", "2026-09-14", "2026-10-23")).toMatchObject({ ok: true });
    expect(await book(b.id, "B", "2026-10-23", "2026-12-04")).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: {
        startsOn: ["These dates overlap Placement A at Navigation Primary School, 14 Sep 2026 to 23 Oct 2026"],
      },
    });
    // The day after A ends: adjacent, allowed.
    expect(await book(b.id, "B", "2026-10-24", "2026-12-04")).toMatchObject({ ok: true });

    // Straight to the table, past the code's check: the exclusion constraint refuses an overlap on its own.
    await expect(
      t.db.execute(sql`
        INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state)
        VALUES (${r.trainee.id}, ${b.id}, ${r.b1.id}, ${r.provider.id}, 'C', '2026-11-30', '2026-12-11', 'requested')`),
    ).rejects.toThrow();
    // A cancelled booking holds no dates: the same insert as a cancelled one is accepted.
    await t.db.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state, reason)
      VALUES (${r.trainee.id}, ${b.id}, ${r.b1.id}, ${r.provider.id}, 'C', '2026-11-30', '2026-12-11', 'cancelled', 'test history')`);
    expect(await bookingsOf(t.db, { traineeId: r.trainee.id })).toHaveLength(3);
  });

  it(`25 simultaneous requests for a 5-place offer give exactly 5 bookings and 20 refusals naming the offer (${onServer ? 50 : 2} runs)`, async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const trainees = await Promise.all(Array.from({ length: 25 }, () => createTrainee(t.db, r.provider.id)));
    for (let run = 0; run < (onServer ? 50 : 2); run++) {
      const offer = await createOffer(t.db, r.a1.id, { places: 5 });
      const outcomes = await Promise.all(
        trainees.map((trainee) =>
          requestBooking(
            t.db,
            provider,
            { traineeId: trainee.id, offerId: offer.id, label: "A", startsOn: "2026-09-14", endsOn: "2026-10-23" },
            context,
          ),
        ),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(5);
      const refusals = outcomes.filter((o) => !o.ok);
      expect(refusals).toHaveLength(20);
      for (const refusal of refusals)
        expect(refusal).toMatchObject({
          status: 409,
          message:
            "No places left on Navigation Primary School's primary offer (14 Sep 2026 to 18 Dec 2026): all 5 are booked",
        });
      expect(await bookingsOf(t.db, { offerId: offer.id })).toHaveLength(5);
      // The trainees are free again for the next run.
      await t.db.execute(sql`UPDATE placement_bookings SET state = 'cancelled', reason = 'race test run over'`);
    }
  }, 240_000);

  it("the school accepts with a mentor under the cap; a third trainee at the same time is refused for that mentor", async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const school = { userId: r.schoolHr.id, side: "school" as const };
    const offer = await createOffer(t.db, r.a1.id, { places: 5, mentorIds: [r.mentor.id] });
    const trainees = [r.trainee, r.otherTrainee, await createTrainee(t.db, r.provider.id, { name: "Third" })];
    const ids: string[] = [];
    for (const trainee of trainees) {
      const o = await bookPlacement(t.db, provider, { traineeId: trainee.id, offerId: offer.id });
      ids.push(o.bookingId);
    }
    const [first, second, third] = exactly(3, ids);
    expect(await actOnBooking(t.db, school, first, "accept", {}, context)).toMatchObject({
      status: 400,
      fieldErrors: { mentorUserId: ["Choose the trainee's mentor"] },
    });
    // Someone who is not a mentor at the school cannot be named.
    expect(await actOnBooking(t.db, school, first, "accept", { mentorUserId: r.teacher.id }, context)).toMatchObject({
      status: 400,
    });
    expect(await actOnBooking(t.db, school, first, "accept", { mentorUserId: r.mentor.id }, context)).toEqual({
      ok: true,
      state: "confirmed",
    });
    expect(await actOnBooking(t.db, school, second, "accept", { mentorUserId: r.mentor.id }, context)).toMatchObject({
      ok: true,
    });
    expect(await actOnBooking(t.db, school, third, "accept", { mentorUserId: r.mentor.id }, context)).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: {
        mentorUserId: ["Mo Mentor already mentors 2 trainees at those dates; the partnership's limit is 2 at once"],
      },
    });
    // Another mentor at the school is free.
    expect(
      await actOnBooking(t.db, school, third, "accept", { mentorUserId: r.secondMentor.id }, context),
    ).toMatchObject({ ok: true });
    const trainee = rowsOf<{ subject: string }>(
      await t.db.execute(sql`SELECT subject FROM emails WHERE "to" = 'tia@trainee.example' ORDER BY created_at`),
    );
    expect(trainee.map((m) => m.subject)).toEqual(["Placement confirmed: Tia Trainee at Navigation Primary School"]);
  });

  it("cancelling needs a reason, frees the place and tells the trainee, provider and school", async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const offer = await createOffer(t.db, r.a1.id, { places: 1 });
    const first = await bookPlacement(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id });
    const second = {
      traineeId: r.otherTrainee.id,
      offerId: offer.id,
      label: "A" as const,
      startsOn: "2026-09-14",
      endsOn: "2026-10-23",
    };
    expect(await requestBooking(t.db, provider, second, context)).toMatchObject({ status: 409 });
    expect(await actOnBooking(t.db, provider, first.bookingId, "cancel", { reason: "" }, context)).toMatchObject({
      status: 400,
      fieldErrors: { reason: ["Give a reason of at least 5 characters"] },
    });
    await t.db.execute(sql`DELETE FROM emails`);
    expect(
      await actOnBooking(t.db, provider, first.bookingId, "cancel", { reason: "Trainee moved house" }, context),
    ).toEqual({
      ok: true,
      state: "cancelled",
    });
    const mails = rowsOf<{ to: string; subject: string }>(
      await t.db.execute(sql`SELECT "to", subject FROM emails ORDER BY "to"`),
    );
    expect(mails.map((m) => m.to)).toEqual([
      "cora@vale-itt.example",
      "hr@a.example",
      "office@navigation.example",
      "tia@trainee.example",
    ]);
    expect(mails[0]?.subject).toBe("Placement cancelled: Tia Trainee at Navigation Primary School");
    expect(await requestBooking(t.db, provider, second, context)).toMatchObject({ ok: true });
  });

  it("each side reaches only its own bookings: others' are not found and change nothing", async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const offer = await createOffer(t.db, r.a1.id, { mentorIds: [r.mentor.id] });
    const booked = await bookPlacement(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id });
    const strangers = [
      { userId: r.foreignCoordinator.id, side: "provider" as const, action: "cancel" as const },
      { userId: r.hrB.id, side: "school" as const, action: "accept" as const },
      { userId: r.foreignHr.id, side: "school" as const, action: "cancel" as const },
      { userId: r.otherTraineeUser.id, side: "trainee" as const, action: "cancel" as const },
      { userId: r.traineeUser.id, side: "school" as const, action: "accept" as const },
    ];
    for (const s of strangers)
      expect(
        await actOnBooking(
          t.db,
          s,
          booked.bookingId,
          s.action,
          { reason: "not mine to cancel", mentorUserId: r.mentor.id },
          context,
        ),
      ).toMatchObject({ ok: false, status: 404 });
    // Booking for another provider's trainee, or as another trainee, is not found either.
    const later = {
      traineeId: r.trainee.id,
      offerId: offer.id,
      label: "B" as const,
      startsOn: "2026-11-02",
      endsOn: "2026-12-04",
    };
    for (const stranger of [
      { userId: r.foreignCoordinator.id, side: "provider" as const },
      { userId: r.otherTraineeUser.id, side: "trainee" as const },
    ])
      expect(await requestBooking(t.db, stranger, later, context)).toMatchObject({ status: 404 });
    expect(await bookingsOf(t.db, {})).toMatchObject([
      { state: "provider_confirmed", mentorUserId: null, reason: null },
    ]);
    // A trainee may cancel their own, and may not accept it for the school.
    const own = { userId: r.traineeUser.id, side: "trainee" as const };
    expect(
      await actOnBooking(t.db, own, booked.bookingId, "accept", { mentorUserId: r.mentor.id }, context),
    ).toMatchObject({ status: 409 });
    expect(
      await actOnBooking(t.db, own, booked.bookingId, "cancel", { reason: "I found a job" }, context),
    ).toMatchObject({ ok: true });
  });
});
