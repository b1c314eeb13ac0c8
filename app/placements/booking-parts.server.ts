import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { firstRow, parseRows, rowsOf } from "../../db/rows";
import type { z } from "../forms/zod";
import { userIdsWhoHold } from "../access/scope.server";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import { bookingLabelNames, formatPeriod, type BookingLabel } from "./academic-year";
import { coordinatedProviderIds, HOST_SCHOOL_ROLES, type PlacementSide } from "./access.server";
import type { BookingState } from "./states";
import { travelTo } from "./travel";
import { contactRow, idRow, lockedOfferRow, travelRow, traineeRow } from "./rows";

/**
 * What bookings and the waiting list share: the outcome type, the offer lock that serialises every change to an
 * offer's places, the trainee an actor may act for, and who hears about a change.
 */
import { refuse, type FieldErrors, type Outcome } from "../forms/outcome";

export { refuse, type FieldErrors, type Outcome };

export type Actor = { userId: string; side: PlacementSide };

export type LockedOffer = z.infer<typeof lockedOfferRow>;

/** "Oakfield Primary's Primary offer (7 Sep 2026 to 16 Oct 2026)": how people name an offer in messages. */
export function offerName(o: Pick<LockedOffer, "schoolName" | "phase" | "subjects" | "startsOn" | "endsOn">): string {
  const what = o.subjects.length > 0 ? o.subjects.join(", ") : o.phase;
  return `${o.schoolName}'s ${what} offer (${formatPeriod(o.startsOn, o.endsOn)})`;
}

/** The trainee record `actor` may book for: their own, or one of their provider's. */
export async function traineeFor(db: Executor, actor: Actor, traineeId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(traineeId)) return null;
  const scope =
    actor.side === "trainee"
      ? sql`t.user_id = ${actor.userId}`
      : actor.side === "provider"
        ? sql`t.provider_id IN (${coordinatedProviderIds(actor.userId)})`
        : sql`false`;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT t.id, t.name, t.email, t.provider_id AS "providerId", t.user_id AS "userId" FROM trainees t
       WHERE t.id = ${traineeId} AND ${scope}`),
    traineeRow,
    "the trainee an actor may book for",
  );
  return row ?? null;
}

/** PostgreSQL's SQLSTATE of a failed statement, through whichever driver and wrapper raised it. */
import { sqlState } from "../../db/sql-state";

export { sqlState };

/** An offer's windows (alias o) as a JSON list of { startsOn, endsOn }, earliest first. */
export const offerWindows = sql`coalesce((
  SELECT json_agg(json_build_object('startsOn', w.starts_on::text, 'endsOn', w.ends_on::text) ORDER BY w.starts_on)
    FROM placement_offer_windows w WHERE w.offer_id = o.id), '[]')`;

export async function lockOffer(tx: Executor, offerId: string): Promise<LockedOffer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(offerId)) return null;
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT o.id, o.school_id AS "schoolId", s.name AS "schoolName", o.academic_year AS "academicYear", o.phase,
             o.subjects, o.starts_on::text AS "startsOn", o.ends_on::text AS "endsOn", o.places, o.status,
             o.created_by AS "createdBy", ${offerWindows} AS windows
        FROM placement_offers o JOIN schools s ON s.id = o.school_id
       WHERE o.id = ${offerId}
         FOR UPDATE OF o`),
    lockedOfferRow,
    "the offer locked",
  );
  return row ?? null;
}

export async function hasAgreement(db: Executor, providerId: string, schoolId: string, year: number): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`
      SELECT 1 FROM placement_agreements
       WHERE provider_id = ${providerId} AND school_id = ${schoolId} AND academic_year = ${year} AND status = 'accepted'`),
  );
  return rows.length > 0;
}

export type Contact = z.infer<typeof contactRow>;
export type Mentor = Contact & { id: string };

export async function coordinatorsOf(db: Executor, providerId: string): Promise<Contact[]> {
  return parseRows(
    await db.execute(sql`
      SELECT u.email, u.name FROM users u
       WHERE u.id IN (${userIdsWhoHold(["itt_coordinator"], { kind: "organisation", organisationId: providerId })})
       ORDER BY u.email`),
    contactRow,
    "a provider's coordinators",
  );
}

/**
 * Who hears about a school's placements: whoever published the offer, else everyone who acts for the school on
 * placements (hr or placement lead).
 */
export async function schoolContacts(db: Executor, schoolId: string, offerCreator: string | null): Promise<Contact[]> {
  return parseRows(
    await db.execute(sql`
      SELECT u.email, u.name FROM users u WHERE u.id = ${offerCreator ?? ""}
      UNION
      SELECT u.email, u.name FROM users u
       WHERE ${offerCreator}::text IS NULL AND u.id IN (${userIdsWhoHold(HOST_SCHOOL_ROLES, { kind: "school", schoolId })})`),
    contactRow,
    "who hears about a school's placements",
  );
}

/**
 * Writes a booking whose checks are done (the offer locked, a place free) and tells the next people: a trainee's
 * request goes to their provider first; a provider's confirmed booking goes to the school.
 */
export async function insertBooking(
  tx: Executor,
  b: {
    trainee: { id: string; name: string; providerId: string };
    offer: LockedOffer;
    input: { label: BookingLabel; startsOn: string; endsOn: string };
    state: BookingState;
    by: string;
    travelOverrideReason?: string | null;
  },
  context: { appUrl: string; enqueue: Enqueue },
): Promise<string> {
  const row = firstRow(
    parseRows(
      await tx.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state,
                                      requested_by, travel_override_reason)
      VALUES (${b.trainee.id}, ${b.offer.id}, ${b.offer.schoolId}, ${b.trainee.providerId}, ${b.input.label},
              ${b.input.startsOn}, ${b.input.endsOn}, ${b.state}, ${b.by}, ${b.travelOverrideReason ?? null})
      RETURNING id`),
      idRow,
      "the row inserted into placement_bookings",
    ),
    "the row inserted into placement_bookings",
  );
  const mail = {
    event: "requested" as const,
    traineeName: b.trainee.name,
    schoolName: b.offer.schoolName,
    placementName: bookingLabelNames[b.input.label],
    dates: formatPeriod(b.input.startsOn, b.input.endsOn),
  };
  const recipients =
    b.state === "requested"
      ? await coordinatorsOf(tx, b.trainee.providerId)
      : await schoolContacts(tx, b.offer.schoolId, b.offer.createdBy);
  for (const r of recipients)
    await queueEmail(tx, context.enqueue, r.email, "placement-update", {
      ...mail,
      name: r.name,
      url: `${context.appUrl}/placements`,
    });
  return row.id;
}

/** "Oakfield Primary is 14.2 miles in a straight line from Priya Patel's home area, over her 10-mile limit", or null. */
async function overTravelLimit(
  tx: Executor,
  trainee: { id: string; name: string },
  offer: { schoolId: string; schoolName: string },
): Promise<string | null> {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT t.home_lat AS "homeLat", t.home_lng AS "homeLng", t.max_travel_miles AS cap, s.lat, s.lng
        FROM trainees t, schools s WHERE t.id = ${trainee.id} AND s.id = ${offer.schoolId}`),
    travelRow,
    "a trainee's home and a school's place",
  );
  if (!row || row.homeLat === null || row.homeLng === null || row.lat === null || row.lng === null) return null;
  const travel = travelTo({ lat: row.homeLat, lng: row.homeLng }, { lat: row.lat, lng: row.lng }, row.cap);
  if (!travel.known || !travel.overCap) return null;
  return `${offer.schoolName} is ${travel.label} from ${trainee.name}'s home area, over the ${travel.capMiles}-mile limit`;
}

/**
 * The travel limit, as every booking a coordinator makes meets it (a new booking, or a place held from a waiting
 * list confirmed): beyond the trainee's limit the coordinator is warned at the reason field, and books only with a
 * reason, which is kept on the booking. A trainee's own request is not stopped: their provider confirms it.
 */
export async function travelCheck(
  tx: Executor,
  actor: Actor,
  trainee: { id: string; name: string },
  offer: { schoolId: string; schoolName: string },
  overrideReason: string | undefined,
): Promise<Outcome<{ reason: string | null }>> {
  if (actor.side !== "provider") return { ok: true, reason: null };
  const over = await overTravelLimit(tx, trainee, offer);
  if (!over) return { ok: true, reason: null };
  const reason = overrideReason?.trim() ?? "";
  if (reason.length < 5)
    return refuse(409, over, { travelOverrideReason: [`${over}. To book it anyway, give the reason`] });
  return { ok: true, reason };
}
