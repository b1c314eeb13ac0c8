import { sql } from "drizzle-orm";
import { z } from "../forms/zod";
import type { Database, Executor } from "../../db/client";
import { firstRow, parseRows, rowsOf } from "../../db/rows";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import { generateToken, hashToken } from "../auth/tokens.server";
import { INVITATION_DAYS } from "../memberships/invitations.server";
import { resolvePlace } from "../places/lookup.server";
import type { BookingLabel } from "./academic-year";
import type { Provider } from "./access.server";
import type { Outcome } from "./bookings.server";
import { checkContrast, type ContrastCheck } from "./contrast";
import { idRow, rotationBookingRow, rotationTraineeRow, traineeSummaryRow } from "./rows";
import type { traineeSchema } from "./schemas";
import { countSchoolDays, shortfall, type SchoolDayCount } from "./school-days";
import type { BookingState } from "./states";
import { travelTo, type Point, type Travel } from "./travel";
import { waitlistOf, type WaitlistEntry } from "./waitlist.server";

export type TraineeInput = z.infer<typeof traineeSchema>;

/**
 * Registers a trainee with a provider and invites them to a trainee account (the invitation links the record when
 * accepted). The home area must be a postcode or outcode we can place, for travel distances.
 */
export async function registerTrainee(
  db: Database,
  inviter: { id: string; name: string },
  provider: Provider,
  input: TraineeInput,
  context: { appUrl: string; enqueue: Enqueue },
): Promise<Outcome<{ traineeId: string }>> {
  const home = await resolvePlace(db, input.homeArea);
  if (!home || home.kind === "local_authority" || home.kind === "town")
    return {
      ok: false,
      status: 400,
      message: "Check the home area",
      fieldErrors: { homeArea: ["Enter a postcode or outcode we know, for example M33 or M33 6AA"] },
    };
  return db.transaction(async (tx) => {
    const taken = rowsOf(
      await tx.execute(
        sql`SELECT 1 FROM trainees WHERE provider_id = ${provider.id} AND lower(email) = ${input.email.toLowerCase()}`,
      ),
    );
    if (taken.length > 0)
      return {
        ok: false as const,
        status: 400 as const,
        message: "Already registered",
        fieldErrors: { email: [`A trainee with this e-mail address is already registered with ${provider.name}`] },
      };
    const token = generateToken();
    const invitation = firstRow(
      parseRows(
        await tx.execute(sql`
        INSERT INTO invitations (email, role, scope_kind, organisation_id, token_hash, invited_by, expires_at)
        VALUES (${input.email}, 'trainee', 'organisation', ${provider.id}, ${hashToken(token)}, ${inviter.id},
                ${new Date(Date.now() + INVITATION_DAYS * 86_400_000)})
        RETURNING id`),
        idRow,
        "the row inserted into invitations",
      ),
      "the row inserted into invitations",
    );
    const row = firstRow(
      parseRows(
        await tx.execute(sql`
        INSERT INTO trainees (provider_id, invitation_id, name, email, route, subject, phase, programme_starts_on,
                              programme_ends_on, target_days, home_area, home_lat, home_lng, max_travel_miles)
        VALUES (${provider.id}, ${invitation.id}, ${input.name}, ${input.email}, ${input.route}, ${input.subject},
                ${input.phase}, ${input.programmeStartsOn}, ${input.programmeEndsOn}, ${input.targetDays},
                ${home.label}, ${home.lat}, ${home.lng}, ${input.maxTravelMiles})
        RETURNING id`),
        idRow,
        "the row inserted into trainees",
      ),
      "the row inserted into trainees",
    );
    await queueEmail(tx, context.enqueue, input.email, "invitation", {
      inviterName: inviter.name,
      roleLabel: "a trainee teacher",
      placeName: provider.name,
      url: `${context.appUrl}/invitations/${token}`,
      expiresInDays: INVITATION_DAYS,
    });
    return { ok: true as const, traineeId: row.id };
  });
}

export type TraineeSummary = z.infer<typeof traineeSummaryRow>;

/** A provider's trainees, with how many different schools their active placements are at. */
export async function traineesOf(db: Executor, providerId: string): Promise<TraineeSummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT t.id, t.name, t.email, t.subject, t.phase, t.user_id IS NOT NULL AS linked,
             count(DISTINCT b.school_id) FILTER (WHERE b.state NOT IN ('declined', 'cancelled'))::int AS schools,
             count(b.id) FILTER (WHERE b.state NOT IN ('declined', 'cancelled'))::int AS bookings,
             count(b.id) FILTER (WHERE b.state IN ('requested', 'provider_confirmed'))::int AS waiting
        FROM trainees t LEFT JOIN placement_bookings b ON b.trainee_id = t.id
       WHERE t.provider_id = ${providerId}
       GROUP BY t.id ORDER BY t.name`),
    traineeSummaryRow,
    "a provider's trainees",
  );
}

export type RotationBooking = {
  id: string;
  label: BookingLabel;
  state: BookingState;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  offerId: string;
  mentorName: string | null;
  travelOverrideReason: string | null;
  school: {
    id: string;
    urn: number;
    name: string;
    town: string | null;
    lat: number | null;
    lng: number | null;
    phase: string;
    establishmentType: string | null;
    laCode: string;
    laName: string;
    trustId: string | null;
    trustName: string | null;
  };
  schoolDays: SchoolDayCount;
  travel: Travel;
};

export type Rotation = {
  trainee: {
    id: string;
    providerId: string;
    providerName: string;
    name: string;
    email: string;
    route: string;
    subject: string;
    phase: string;
    programmeStartsOn: string;
    programmeEndsOn: string;
    targetDays: number;
    homeArea: string | null;
    maxTravelMiles: number | null;
    rotationCompletedAt: string | null;
    /** The home area's centroid (postcode or outcode), where travel distances are measured from. */
    home: Point | null;
  };
  bookings: RotationBooking[];
  /** Only bookings that hold a place count: declined and cancelled ones are history. */
  days: { counted: number; target: number; short: number };
  contrast: ContrastCheck;
  /** Places on full offers' waiting lists, and places held from them. */
  waitlist: WaitlistEntry[];
};

/** Who is reading a rotation: the trainee themself, or their provider. */
export type RotationReader = { traineeUserId: string } | { providerId: string };

/** A trainee's rotation, for its own trainee or its provider; null for anyone else (the caller answers 404). */
export async function rotationOf(db: Executor, traineeId: string, reader: RotationReader): Promise<Rotation | null> {
  if (!/^[0-9a-f-]{36}$/i.test(traineeId)) return null;
  const scope =
    "traineeUserId" in reader ? sql`t.user_id = ${reader.traineeUserId}` : sql`t.provider_id = ${reader.providerId}`;
  const [t] = parseRows(
    await db.execute(sql`
      SELECT t.id, t.provider_id AS "providerId", o.name AS "providerName", t.name, t.email, t.route, t.subject, t.phase,
             t.programme_starts_on::text AS "programmeStartsOn", t.programme_ends_on::text AS "programmeEndsOn",
             t.target_days AS "targetDays", t.home_area AS "homeArea", t.home_lat AS "homeLat", t.home_lng AS "homeLng",
             t.max_travel_miles AS "maxTravelMiles", t.rotation_completed_at::text AS "rotationCompletedAt"
        FROM trainees t JOIN organisations o ON o.id = t.provider_id
       WHERE t.id = ${traineeId} AND ${scope}`),
    rotationTraineeRow,
    "the trainee of a rotation",
  );
  if (!t) return null;
  const rows = parseRows(
    await db.execute(sql`
      SELECT b.id, b.label, b.state, b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn", b.reason,
             b.offer_id AS "offerId", mu.name AS "mentorName", b.travel_override_reason AS "travelOverrideReason",
             json_build_object('id', s.id, 'urn', s.urn, 'name', s.name, 'town', s.town, 'lat', s.lat, 'lng', s.lng,
               'phase', s.phase, 'establishmentType', s.establishment_type, 'laCode', s.la_code, 'laName', s.la_name,
               'trustId', s.trust_id, 'trustName', tr.name) AS school,
             coalesce((SELECT array_agg(c.day::text) FROM school_closure_days c
                        WHERE c.school_id = s.id AND c.day BETWEEN b.starts_on AND b.ends_on), '{}') AS closures
        FROM placement_bookings b
        JOIN schools s ON s.id = b.school_id
        LEFT JOIN organisations tr ON tr.id = s.trust_id
        LEFT JOIN users mu ON mu.id = b.mentor_user_id
       WHERE b.trainee_id = ${t.id}
       ORDER BY b.starts_on, b.created_at`),
    rotationBookingRow,
    "the bookings of a rotation",
  );
  const home = t.homeLat !== null && t.homeLng !== null ? { lat: t.homeLat, lng: t.homeLng } : null;
  const bookings: RotationBooking[] = rows.map(({ closures, ...b }) => {
    const { school } = b;
    return {
      ...b,
      schoolDays: countSchoolDays(b.startsOn, b.endsOn, closures),
      travel: travelTo(
        home,
        school.lat !== null && school.lng !== null ? { lat: school.lat, lng: school.lng } : null,
        t.maxTravelMiles,
      ),
    };
  });
  const active = bookings.filter((b) => b.state !== "declined" && b.state !== "cancelled");
  const { homeLat: _lat, homeLng: _lng, ...rest } = t;
  const trainee = { ...rest, home };
  return {
    trainee,
    bookings,
    days: shortfall(
      t.targetDays,
      active.reduce((sum, b) => sum + b.schoolDays.days, 0),
    ),
    contrast: checkContrast(active.map((b) => b.school)),
    waitlist: await waitlistOf(db, t.id),
  };
}

/**
 * The provider marks a trainee's rotation complete. The ITT criteria need every trainee to have taught in at least two
 * schools, so it is refused, saying where they have been, until placements are completed at two different schools.
 */
export async function completeRotation(
  db: Executor,
  providerId: string,
  traineeId: string,
): Promise<Outcome<{ schools: number }>> {
  const [row] = parseRows(
    await db.execute(sql`
      SELECT t.name, coalesce(array_agg(DISTINCT s.name) FILTER (WHERE s.id IS NOT NULL), '{}') AS schools
        FROM trainees t
        LEFT JOIN placement_bookings b ON b.trainee_id = t.id AND b.state = 'completed'
        LEFT JOIN schools s ON s.id = b.school_id
       WHERE t.id = ${traineeId} AND t.provider_id = ${providerId}
       GROUP BY t.id`),
    z.object({ name: z.string(), schools: z.array(z.string()) }),
    "the schools of a trainee's completed placements",
  );
  if (!row) return { ok: false, status: 404, message: "Trainee not found" };
  if (row.schools.length < 2) {
    const sofar =
      row.schools.length === 0
        ? "has no placement completed yet"
        : `has completed placements at one school so far (${row.schools.join(", ")})`;
    const message = `A rotation needs placements completed at two or more different schools: ${row.name} ${sofar}`;
    return { ok: false, status: 400, message, fieldErrors: { rotation: [message] } };
  }
  await db.execute(sql`
    UPDATE trainees SET rotation_completed_at = coalesce(rotation_completed_at, now())
     WHERE id = ${traineeId} AND provider_id = ${providerId}`);
  return { ok: true, schools: row.schools.length };
}
