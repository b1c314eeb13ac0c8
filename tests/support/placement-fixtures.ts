import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import { requestBooking, type Actor, type BookingRequest } from "../../app/placements/bookings.server";
import { addMembership, createOrganisation, createUser, valeRegion } from "./factories";
import { enqueueLater } from "./jobs";

/** What a booking change needs to send its mails: links to a local app, and jobs left queued (tests/support/jobs.ts). */
export const placementContext = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

/** A first placement inside createOffer's default window (autumn 2026). */
export const autumnPlacement = { label: "A" as const, startsOn: "2026-09-14", endsOn: "2026-10-23" };

/** The region's coordinator, acting for the provider: who makes most bookings in these tests. */
export function coordinatorOf(r: { coordinator: { id: string } }) {
  return { userId: r.coordinator.id, side: "provider" as const };
}

/**
 * A booking the test needs in place before what it tests: by default the coordinator books `autumnPlacement`. A
 * refusal here is the set-up failing, so it throws with the refusal's message.
 */
export async function bookPlacement(
  db: Database,
  actor: Actor,
  booking: Pick<BookingRequest, "traineeId" | "offerId"> & Partial<BookingRequest>,
): Promise<{ bookingId: string }> {
  const outcome = await requestBooking(db, actor, { ...autumnPlacement, ...booking }, placementContext);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/**
 * The vale region (tests/support/factories.ts) with placements: provider "Vale ITT" coordinated by Cora, a foreign
 * provider in the other partnership, accepted agreements with a1 and b1 for 2026/27, and a trainee with an account.
 */
export async function placementRegion(db: Database) {
  const r = await valeRegion(db);
  const provider = await createOrganisation(db, {
    kind: "itt_provider",
    slug: "vale-itt",
    name: "Vale ITT",
    partnershipId: r.vale.id,
  });
  const foreignProvider = await createOrganisation(db, {
    kind: "itt_provider",
    slug: "other-itt",
    name: "Other ITT",
    partnershipId: r.other.id,
  });
  const coordinator = await createUser(db, { email: "cora@vale-itt.example", name: "Cora Coordinator" });
  await addMembership(db, coordinator, "itt_coordinator", { organisation: provider });
  const foreignCoordinator = await createUser(db, { email: "fin@other-itt.example", name: "Fin Foreign" });
  await addMembership(db, foreignCoordinator, "itt_coordinator", { organisation: foreignProvider });
  const secondMentor = await createUser(db, { email: "mina@navigation.example", name: "Mina Mentor" });
  await addMembership(db, secondMentor, "mentor", { school: r.a1 });
  for (const school of [r.a1, r.b1])
    await db.execute(sql`
      INSERT INTO placement_agreements (provider_id, school_id, academic_year, status, requested_by_side)
      VALUES (${provider.id}, ${school.id}, 2026, 'accepted', 'provider')`);
  const traineeUser = await createUser(db, { email: "tia@trainee.example", name: "Tia Trainee" });
  const trainee = await createTrainee(db, provider.id, {
    name: "Tia Trainee",
    email: "tia@trainee.example",
    userId: traineeUser.id,
  });
  const otherTraineeUser = await createUser(db, { email: "otto@trainee.example", name: "Otto Other" });
  const otherTrainee = await createTrainee(db, provider.id, {
    name: "Otto Other",
    email: "otto@trainee.example",
    userId: otherTraineeUser.id,
  });
  return {
    ...r,
    provider,
    foreignProvider,
    coordinator,
    foreignCoordinator,
    secondMentor,
    traineeUser,
    trainee,
    otherTraineeUser,
    otherTrainee,
  };
}

export async function createTrainee(
  db: Database,
  providerId: string,
  values: { name?: string; email?: string; userId?: string | null } = {},
): Promise<{ id: string }> {
  const n = Math.random().toString(16).slice(2, 10);
  const row = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
      INSERT INTO trainees (provider_id, user_id, name, email, route, subject, phase, programme_starts_on, programme_ends_on,
                            home_area, home_lat, home_lng, max_travel_miles)
      VALUES (${providerId}, ${values.userId ?? null}, ${values.name ?? `Trainee ${n}`}, ${values.email ?? `trainee-${n}@example.com`},
              'postgraduate_fee_funded', 'primary', 'primary', '2026-09-01', '2027-07-16', 'M33', 53.4247, -2.3226, 10)
      RETURNING id`),
    ),
    "the row inserted into trainees",
  );
  return row;
}

export async function createOffer(
  db: Database,
  schoolId: string,
  values: { places?: number; startsOn?: string; endsOn?: string; mentorIds?: string[] } = {},
): Promise<{ id: string }> {
  const row = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
      INSERT INTO placement_offers (school_id, academic_year, phase, starts_on, ends_on, places)
      VALUES (${schoolId}, 2026, 'primary', ${values.startsOn ?? "2026-09-14"}, ${values.endsOn ?? "2026-12-18"}, ${values.places ?? 5})
      RETURNING id`),
    ),
    "the row inserted into placement_offers",
  );
  for (const m of values.mentorIds ?? [])
    await db.execute(sql`INSERT INTO placement_offer_mentors (offer_id, user_id) VALUES (${row.id}, ${m})`);
  return row;
}

export async function bookingsOf(db: Database, where: { offerId?: string; traineeId?: string }) {
  return rowsOf<{ id: string; state: string; traineeId: string; mentorUserId: string | null; reason: string | null }>(
    await db.execute(sql`
      SELECT id, state, trainee_id AS "traineeId", mentor_user_id AS "mentorUserId", reason FROM placement_bookings
       WHERE (${where.offerId ?? null}::text IS NULL OR offer_id = ${where.offerId ?? null})
         AND (${where.traineeId ?? null}::text IS NULL OR trainee_id = ${where.traineeId ?? null})
       ORDER BY created_at`),
  );
}
