import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planningYear } from "../../app/placements/academic-year";
import { decideAgreement, requestAgreement } from "../../app/placements/agreements.server";
import { requestBooking } from "../../app/placements/bookings.server";
import {
  action as agreementsAction,
  loader as agreementsLoader,
} from "../../app/routes/placements.providers.$slug.agreements";
import { action as schoolAction, loader as schoolLoader } from "../../app/routes/placements.schools.$urn";
import type { Executor } from "../../db/client";
import { rowsOf, firstRow } from "../../db/rows";
import { useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/factories";
import {
  autumnPlacement,
  coordinatorOf,
  createOffer,
  placementContext as context,
  placementRegion,
} from "../support/placement-fixtures";
import { callRoute, formRequest, getRequest } from "../support/requests";

async function agreementRows(db: Executor) {
  return rowsOf<{ school: string; status: string; side: string; reason: string | null }>(
    await db.execute(sql`
      SELECT s.name AS school, a.status::text AS status, a.requested_by_side AS side, a.withdrawn_reason AS reason
        FROM placement_agreements a JOIN schools s ON s.id = a.school_id ORDER BY s.name, a.academic_year`),
  );
}

describe("provider–school placement agreements", () => {
  const t = useTestDatabase();

  it("a provider asks, the school is e-mailed and accepts, then placements there can be booked", async () => {
    const r = await placementRegion(t.db);
    const provider = coordinatorOf(r);
    const asked = await requestAgreement(
      t.db,
      provider,
      { providerId: r.provider.id, schoolId: r.a2.id },
      2026,
      context,
    );
    expect(asked).toMatchObject({ ok: true });
    const mails = rowsOf<{ to: string; subject: string }>(
      await t.db.execute(sql`SELECT "to", subject FROM emails ORDER BY "to"`),
    );
    // Springfield has no hr of its own: its trust's hr hear of it.
    expect(mails).toEqual([
      { to: "hr@a.example", subject: "Placement agreement request: Vale ITT and Springfield Primary School, 2026/27" },
    ]);
    if (!asked.ok) throw new Error(asked.message);
    // The side that asked cannot accept its own request; the other side can.
    expect(await decideAgreement(t.db, provider, asked.agreementId, "accept", undefined, context)).toMatchObject({
      status: 409,
    });
    // Asking twice is refused at the field.
    expect(
      await requestAgreement(t.db, provider, { providerId: r.provider.id, schoolId: r.a2.id }, 2026, context),
    ).toMatchObject({
      status: 409,
      fieldErrors: { schoolId: [expect.stringMatching(/already have a request waiting/)] },
    });
    const school = { userId: r.hrA.id, side: "school" as const };
    expect(await decideAgreement(t.db, school, asked.agreementId, "accept", undefined, context)).toEqual({
      ok: true,
      status: "accepted",
    });
    const accepted = rowsOf<{ to: string; subject: string }>(
      await t.db.execute(sql`SELECT "to", subject FROM emails WHERE subject LIKE 'Placement agreement accepted%'`),
    );
    expect(accepted).toEqual([
      {
        to: "cora@vale-itt.example",
        subject: "Placement agreement accepted: Vale ITT and Springfield Primary School, 2026/27",
      },
    ]);
    const offer = await createOffer(t.db, r.a2.id);
    expect(
      await requestBooking(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id, ...autumnPlacement }, context),
    ).toMatchObject({ ok: true });
  });

  it("a school asks; withdrawing needs a reason, stops new bookings, and can be asked for again", async () => {
    const r = await placementRegion(t.db);
    const school = { userId: r.hrA.id, side: "school" as const };
    const asked = await requestAgreement(t.db, school, { providerId: r.provider.id, schoolId: r.a2.id }, 2026, context);
    if (!asked.ok) throw new Error(asked.message);
    const toCora = rowsOf<{ to: string }>(await t.db.execute(sql`SELECT "to" FROM emails`));
    expect(toCora).toEqual([{ to: "cora@vale-itt.example" }]);
    const provider = coordinatorOf(r);
    await decideAgreement(t.db, provider, asked.agreementId, "accept", undefined, context);
    expect(await decideAgreement(t.db, school, asked.agreementId, "withdraw", "  ", context)).toMatchObject({
      status: 400,
      fieldErrors: { reason: ["Give a reason of at least 5 characters"] },
    });
    expect(
      await decideAgreement(t.db, school, asked.agreementId, "withdraw", "Our mentors are all new this year", context),
    ).toEqual({ ok: true, status: "withdrawn" });
    expect((await agreementRows(t.db)).find((a) => a.school === "Springfield Primary School")).toEqual({
      school: "Springfield Primary School",
      status: "withdrawn",
      side: "school",
      reason: "Our mentors are all new this year",
    });
    const offer = await createOffer(t.db, r.a2.id);
    expect(
      await requestBooking(t.db, provider, { traineeId: r.trainee.id, offerId: offer.id, ...autumnPlacement }, context),
    ).toMatchObject({ status: 400, fieldErrors: { offerId: [expect.stringMatching(/no agreement/)] } });
    // Asked for again by the provider: the same agreement, requested once more.
    expect(
      await requestAgreement(t.db, provider, { providerId: r.provider.id, schoolId: r.a2.id }, 2026, context),
    ).toMatchObject({ ok: true, agreementId: asked.agreementId });
  });

  it("another organisation's agreement is a 404 on every path and changes nothing", async () => {
    const r = await placementRegion(t.db);
    const agreement = firstRow(
      rowsOf<{ id: string }>(await t.db.execute(sql`SELECT id FROM placement_agreements WHERE school_id = ${r.a1.id}`)),
      "agreement",
    );
    const before = await agreementRows(t.db);
    for (const stranger of [
      { userId: r.foreignCoordinator.id, side: "provider" as const },
      { userId: r.hrB.id, side: "school" as const },
      { userId: r.foreignHr.id, side: "school" as const },
      { userId: r.traineeUser.id, side: "provider" as const },
    ])
      expect(
        await decideAgreement(t.db, stranger, agreement.id, "withdraw", "Not ours to withdraw", context),
      ).toMatchObject({ status: 404 });
    // Through the pages: trust B's hr withdrawing a1's agreement from their own school's page; another provider's
    // coordinator on their own provider's page, and on this provider's page.
    const form = {
      intent: "agreement-decide",
      agreementId: agreement.id,
      action: "withdraw",
      reason: "Hostile takeover",
    };
    expect(
      (
        await callRoute(schoolAction, formRequest("/placements/schools/106284", form, await sessionCookie(r.hrB)), {
          urn: "106284",
        })
      ).status,
    ).toBe(404);
    const foreign = await sessionCookie(r.foreignCoordinator);
    expect(
      (
        await callRoute(agreementsAction, formRequest("/placements/providers/other-itt/agreements", form, foreign), {
          slug: "other-itt",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callRoute(agreementsLoader, getRequest("/placements/providers/vale-itt/agreements", foreign), {
          slug: "vale-itt",
        })
      ).status,
    ).toBe(404);
    // A school of another partnership cannot be asked, nor a provider of another partnership.
    expect(
      await requestAgreement(
        t.db,
        { userId: r.coordinator.id, side: "provider" },
        { providerId: r.provider.id, schoolId: r.foreign.id },
        2026,
        context,
      ),
    ).toMatchObject({ status: 400, fieldErrors: { schoolId: ["Choose a school of your partnership"] } });
    expect(await agreementRows(t.db)).toEqual(before);
  });

  it("the pages: both sides see their agreements; hostile input is a 400 at the field and writes nothing", async () => {
    const r = await placementRegion(t.db);
    const coordinator = await sessionCookie(r.coordinator);
    const page = await callRoute(
      agreementsLoader,
      getRequest("/placements/providers/vale-itt/agreements", coordinator),
      { slug: "vale-itt" },
    );
    expect(page.status).toBe(200);
    const { agreements } = (await page.json()) as { agreements: { schoolName: string; status: string }[] };
    expect(agreements.map((a) => [a.schoolName, a.status])).toEqual([
      ["Navigation Primary School", "accepted"],
      ["Oldfield Brow Primary School", "accepted"],
    ]);
    const year = String(planningYear());
    const before = await agreementRows(t.db);
    for (const [fields, field] of [
      [{ schoolId: "'; DROP TABLE placement_agreements; --", academicYear: year }, "schoolId"],
      [{ schoolId: r.a2.id, academicYear: "1999" }, "academicYear"],
      [{ schoolId: r.a2.id, academicYear: "<script>" }, "academicYear"],
      [{ schoolId: r.foreign.id, academicYear: year }, "schoolId"],
      [{ schoolId: "\u0000", academicYear: year }, "schoolId"],
    ] as [Record<string, string>, string][]) {
      const res = await callRoute(
        agreementsAction,
        formRequest(
          "/placements/providers/vale-itt/agreements",
          { intent: "agreement-request", ...fields },
          coordinator,
        ),
        { slug: "vale-itt" },
      );
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(Object.keys((await res.json()).fieldErrors)).toContain(field);
    }
    const decide = await callRoute(
      agreementsAction,
      formRequest(
        "/placements/providers/vale-itt/agreements",
        { intent: "agreement-decide", agreementId: "x".repeat(5000), action: "withdraw" },
        coordinator,
      ),
      { slug: "vale-itt" },
    );
    expect(decide.status).toBe(400);
    expect(await agreementRows(t.db)).toEqual(before);

    // The school's hr asks the provider from the school's page, with a redirect and a flash.
    const schoolHr = await sessionCookie(r.hrA);
    const asked = await callRoute(
      schoolAction,
      formRequest(
        "/placements/schools/106298",
        { intent: "agreement-request", providerId: r.provider.id, academicYear: year },
        schoolHr,
      ),
      { urn: "106298" },
    );
    expect(asked.status).toBe(302);
    const school = await callRoute(schoolLoader, getRequest("/placements/schools/106298", schoolHr), {
      urn: "106298",
    });
    const data = (await school.json()) as { agreements: { providerName: string; status: string }[] };
    expect(data.agreements).toMatchObject([{ providerName: "Vale ITT", status: "requested" }]);
  });
});
