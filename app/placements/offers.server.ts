import { sql } from "drizzle-orm";
import { z } from "../forms/zod";
import type { Database, Executor } from "../../db/client";
import { firstRow, parseRows, textArrayLiteral } from "../../db/rows";
import { userIdsWhoHold } from "../access/scope.server";
import { resolvePlace } from "../places/lookup.server";
import { METRES_PER_MILE } from "../vocabulary/distance";
import { academicYearOf } from "./academic-year";
import type { HostSchool } from "./access.server";
import type { Outcome } from "./bookings.server";
import { windowsOfOffer, type hostingSchema, type offerSchema, type OfferSearch } from "./schemas";
import { offerWindows } from "./booking-parts.server";
import { closureDayRow, hostingRow, idRow, inboxRow, nameRow, offerRow } from "./rows";

export type OfferInput = z.infer<typeof offerSchema>;

/** Publishes an offer at a school the caller manages; named mentors must be the school's mentors. */
export async function publishOffer(
  db: Database,
  userId: string,
  school: HostSchool,
  input: OfferInput,
): Promise<Outcome<{ offerId: string }>> {
  const allowed = new Set((await schoolMentors(db, school.id)).map((m) => m.id));
  const strangers = input.mentorIds.filter((id) => !allowed.has(id));
  if (strangers.length > 0)
    return {
      ok: false,
      status: 400,
      message: "Check the mentors",
      fieldErrors: { mentorIds: ["Choose mentors from the list"] },
    };
  const windows = windowsOfOffer(input);
  const span = { startsOn: windows[0]!.startsOn, endsOn: windows[windows.length - 1]!.endsOn };
  return db.transaction(async (tx) => {
    const row = firstRow(
      parseRows(
        await tx.execute(sql`
        INSERT INTO placement_offers (school_id, academic_year, phase, subjects, key_stage, send, year_groups,
                                      starts_on, ends_on, places, notes, created_by)
        VALUES (${school.id}, ${academicYearOf(input.startsOn)}, ${input.phase}, ${textArrayLiteral(input.subjects)}::text[],
                ${input.keyStage ?? null}, ${input.send}, ${textArrayLiteral(input.yearGroups ? [input.yearGroups] : [])}::text[],
                ${span.startsOn}, ${span.endsOn}, ${input.places}, ${input.notes}, ${userId})
        RETURNING id`),
        idRow,
        "the row inserted into placement_offers",
      ),
      "the row inserted into placement_offers",
    );
    // The insert trigger gave the offer its span as one window; the windows the school chose replace it.
    await tx.execute(sql`DELETE FROM placement_offer_windows WHERE offer_id = ${row.id}`);
    for (const w of windows)
      await tx.execute(sql`
        INSERT INTO placement_offer_windows (offer_id, starts_on, ends_on) VALUES (${row.id}, ${w.startsOn}, ${w.endsOn})`);
    for (const mentorId of input.mentorIds)
      await tx.execute(sql`INSERT INTO placement_offer_mentors (offer_id, user_id) VALUES (${row.id}, ${mentorId})`);
    return { ok: true as const, offerId: row.id };
  });
}

export async function schoolMentors(db: Executor, schoolId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT u.id, u.name FROM users u
       WHERE u.id IN (${userIdsWhoHold(["mentor"], { kind: "school", schoolId })})
       ORDER BY u.name`),
    nameRow,
    "a school's mentors",
  );
}

export type OfferRow = z.infer<typeof offerRow>;

const offerColumns = sql`
  o.id, o.school_id AS "schoolId", s.name AS "schoolName", s.urn AS "schoolUrn", s.town, o.academic_year AS "academicYear",
  o.phase, o.subjects, o.key_stage AS "keyStage", o.send, o.year_groups AS "yearGroups",
  o.starts_on::text AS "startsOn", o.ends_on::text AS "endsOn", ${offerWindows} AS windows, o.places, o.notes, o.status,
  (SELECT count(*)::int FROM placement_bookings b WHERE b.offer_id = o.id AND b.state NOT IN ('declined', 'cancelled'))
    + (SELECT count(*)::int FROM placement_waitlist w WHERE w.offer_id = o.id AND w.status = 'held') AS taken,
  coalesce((SELECT array_agg(u.name ORDER BY u.name) FROM placement_offer_mentors om JOIN users u ON u.id = om.user_id
             WHERE om.offer_id = o.id), '{}') AS mentors`;

export async function offersOfSchool(db: Executor, schoolId: string): Promise<OfferRow[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ${offerColumns}, true AS agreed, NULL::float8 AS metres
        FROM placement_offers o JOIN schools s ON s.id = o.school_id
       WHERE o.school_id = ${schoolId} ORDER BY o.starts_on, o.created_at`),
    offerRow,
    "a school's offers",
  );
}

export type OfferSearchResult = {
  offers: OfferRow[];
  total: number;
  placesLeft: number;
  near: { label: string } | null;
  nearNotFound: boolean;
};

/**
 * Open offers with places left at the schools of a provider's partnership, filtered by subject, phase, key stage,
 * dates (the window must cover them) and straight-line distance from a place, nearest first when a place is given.
 */
export async function searchOffers(
  db: Executor,
  provider: { id: string; partnershipId: string | null },
  filters: OfferSearch,
  options: {
    limit?: number;
    from?: { lat: number; lng: number; label: string } | null;
    agreedOnly?: boolean;
    /** Full offers too, after the others: a trainee can join a full offer's waiting list. */
    includeFull?: boolean;
  } = {},
): Promise<OfferSearchResult> {
  const limit = options.limit ?? 50;
  const place = options.from ?? (filters.near ? await resolvePlace(db, filters.near) : null);
  const conditions = [sql`o.status = 'open'`, sql`s.partnership_id = ${provider.partnershipId ?? ""}`];
  if (filters.phase) conditions.push(sql`o.phase = ${filters.phase}`);
  if (filters.subject && filters.subject !== "primary") conditions.push(sql`${filters.subject} = ANY(o.subjects)`);
  if (filters.subject === "primary") conditions.push(sql`o.phase = 'primary'`);
  if (options.agreedOnly)
    conditions.push(sql`EXISTS (SELECT 1 FROM placement_agreements a WHERE a.provider_id = ${provider.id}
      AND a.school_id = o.school_id AND a.academic_year = o.academic_year AND a.status = 'accepted')`);
  if (filters.keyStage) conditions.push(sql`o.key_stage = ${filters.keyStage}`);
  // Dates match when one window reaches them, not merely the span: the gap between autumn and spring matches nothing.
  if (filters.from || filters.to)
    conditions.push(sql`EXISTS (SELECT 1 FROM placement_offer_windows w WHERE w.offer_id = o.id
      AND (${filters.from ?? null}::date IS NULL OR w.ends_on >= ${filters.from ?? null}::date)
      AND (${filters.to ?? null}::date IS NULL OR w.starts_on <= ${filters.to ?? null}::date))`);
  // Each school's distance is worked out once, in its own step: computed inside the join with the offers, the
  // planner evaluated it for every school and offer pair (5 s at 2,000 offers over Greater Manchester).
  const near = [sql`n.partnership_id = ${provider.partnershipId ?? ""}`];
  const distance = place
    ? sql`earth_distance(ll_to_earth(n.lat, n.lng), ll_to_earth(${place.lat}, ${place.lng}))`
    : sql`NULL::float8`;
  if (place) near.push(sql`n.lat IS NOT NULL AND n.lng IS NOT NULL`);
  if (place && filters.miles) {
    const metres = filters.miles * METRES_PER_MILE;
    near.push(sql`earth_box(ll_to_earth(${place.lat}, ${place.lng}), ${metres}) @> ll_to_earth(n.lat, n.lng)`);
    near.push(sql`${distance} <= ${metres}`);
  }
  const where = sql.join(conditions, sql` AND `);
  const rows = parseRows(
    await db.execute(sql`
      WITH near AS MATERIALIZED (
        SELECT n.id, ${distance} AS metres FROM schools n WHERE ${sql.join(near, sql` AND `)}),
      -- Materialised so that each offer's places taken are counted once, not again for the filter, the totals and the order.
      found AS MATERIALIZED (
        SELECT ${offerColumns},
               EXISTS (SELECT 1 FROM placement_agreements a WHERE a.provider_id = ${provider.id} AND a.school_id = o.school_id
                          AND a.academic_year = o.academic_year AND a.status = 'accepted') AS agreed,
               near.metres
          FROM placement_offers o JOIN schools s ON s.id = o.school_id JOIN near ON near.id = o.school_id
         WHERE ${where})
      SELECT *, count(*) OVER ()::int AS "fullCount", sum(places - taken) OVER ()::int AS "placesLeftTotal"
        FROM found WHERE ${options.includeFull ? sql`true` : sql`taken < places`}
       ORDER BY taken >= places, metres NULLS LAST, "startsOn", "schoolName"
       LIMIT ${limit}`),
    offerRow.extend({ fullCount: z.number().int(), placesLeftTotal: z.number().int() }),
    "the offers found",
  );
  return {
    offers: rows,
    total: rows[0]?.fullCount ?? 0,
    placesLeft: rows[0]?.placesLeftTotal ?? 0,
    near: place ? { label: place.label } : null,
    nearNotFound: Boolean(filters.near) && !place,
  };
}

export async function setHosting(
  db: Executor,
  userId: string,
  schoolId: string,
  year: number,
  input: z.infer<typeof hostingSchema>,
): Promise<void> {
  await db.execute(sql`
    INSERT INTO placement_hosting (school_id, academic_year, interest, reasons, updated_by)
    VALUES (${schoolId}, ${year}, ${input.interest}, ${input.reasons}, ${userId})
    ON CONFLICT (school_id, academic_year) DO UPDATE
      SET interest = excluded.interest, reasons = excluded.reasons, updated_by = excluded.updated_by, updated_at = now()`);
}

export async function hostingOf(db: Executor, schoolId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT academic_year AS "academicYear", interest, reasons FROM placement_hosting
       WHERE school_id = ${schoolId} ORDER BY academic_year DESC`),
    hostingRow,
    "a school's hosting interest",
  );
}

export type InboxItem = z.infer<typeof inboxRow>;

/** The requests to a school's offers and its placements, newest decisions needed first. */
export async function schoolInbox(db: Executor, schoolId: string): Promise<InboxItem[]> {
  return parseRows(
    await db.execute(sql`
      SELECT b.id, b.state, b.label, b.starts_on::text AS "startsOn", b.ends_on::text AS "endsOn", b.offer_id AS "offerId",
             t.name AS "traineeName", t.subject AS "traineeSubject", p.name AS "providerName", mu.name AS "mentorName", b.reason
        FROM placement_bookings b
        JOIN trainees t ON t.id = b.trainee_id
        JOIN organisations p ON p.id = b.provider_id
        LEFT JOIN users mu ON mu.id = b.mentor_user_id
       WHERE b.school_id = ${schoolId}
       ORDER BY (b.state = 'provider_confirmed') DESC, b.starts_on, t.name`),
    inboxRow,
    "the requests to a school's placements",
  );
}

/** A school's closure and INSET days, which the school-day counts of its placements leave out. */
export async function closureDaysOf(db: Executor, schoolId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT day::text AS day, kind FROM school_closure_days WHERE school_id = ${schoolId} ORDER BY day`),
    closureDayRow,
    "a school's closure days",
  );
}

/** Marks a day closed (or changes its kind), or takes it back. */
export async function setClosureDay(
  db: Executor,
  schoolId: string,
  input: { day: string; kind: "closure" | "inset"; remove?: "yes" },
): Promise<void> {
  if (input.remove)
    await db.execute(sql`DELETE FROM school_closure_days WHERE school_id = ${schoolId} AND day = ${input.day}`);
  else
    await db.execute(sql`
      INSERT INTO school_closure_days (school_id, day, kind) VALUES (${schoolId}, ${input.day}, ${input.kind})
      ON CONFLICT (school_id, day) DO UPDATE SET kind = excluded.kind`);
}
