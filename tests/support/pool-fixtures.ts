import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";
import type { ApplicationProfile } from "../../app/vocabulary/applications";
import { addMembership, createUser, valeRegion } from "./factories";
import { enqueueLater } from "./jobs";

/** Fixtures for the regional teacher pool: rounds, taking-part schools and members inserted directly. */

export const poolContext = { appUrl: "http://localhost:3000", enqueue: enqueueLater };

function poolProfile(name: string, email: string): ApplicationProfile {
  return {
    name,
    email,
    phone: "01632 960 101",
    qtsStatus: "awarded",
    trn: "7654321",
    qualifications: [{ title: "PGCE Primary", institution: "University of Manchester", grade: "Pass", year: 2026 }],
    employment: [],
    gaps: [],
    referees: [],
    personalStatement: "I teach with care.",
    rightToWork: "yes",
    interviewSupport: "",
  };
}

export async function createRound(
  db: Database,
  values: { partnershipId: string; name: string; schoolIds: string[]; phase?: string; roles?: string[] },
) {
  const round = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO pool_rounds (partnership_id, name, phase, roles, opens_on, closes_on, steps, criteria)
        VALUES (${values.partnershipId}, ${values.name}, ${values.phase ?? "primary"},
                ${`{${(values.roles ?? ["ect"]).join(",")}}`}::text[], '2026-09-01', NULL,
                '{application_review,interview}'::text[], '{"Subject knowledge"}'::text[])
        RETURNING id`),
    ),
    "the pool round inserted",
  );
  for (const schoolId of values.schoolIds)
    await db.execute(sql`INSERT INTO pool_round_schools (round_id, school_id) VALUES (${round.id}, ${schoolId})`);
  return round;
}

export type MemberValues = {
  roundId: string;
  name: string;
  email?: string;
  status?: "draft" | "screening" | "pooled" | "not_this_time" | "appointed" | "withdrawn";
  shown?: boolean;
  subjects?: string[];
  phases?: string[];
  contracts?: string[];
  workingPatterns?: string[];
  lat?: number | null;
  lng?: number | null;
  travelMiles?: number | null;
  availableFrom?: string | null;
  retainUntil?: string | null;
  pooledAt?: string;
  userId?: string;
};

const arr = (values: string[] | undefined) => `{${(values ?? []).join(",")}}`;

/** A member of a round, with an account (made unless `userId` is given); pooled and consenting by default. */
export async function createMember(db: Database, v: MemberValues) {
  const email = v.email ?? `${v.name.toLowerCase().replace(/\W+/g, ".")}@pool.example`;
  const userId = v.userId ?? (await createUser(db, { email, name: v.name })).id;
  const status = v.status ?? "pooled";
  const member = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(sql`
        INSERT INTO pool_members (round_id, user_id, status, step, profile, subjects, phases, contracts,
                                  working_patterns, postcode, lat, lng, travel_miles, available_from,
                                  shown_to_schools, consent_given_at, retain_until, submitted_at, pooled_at)
        VALUES (${v.roundId}, ${userId}, ${status}, ${status === "screening" ? "application_review" : null},
                ${JSON.stringify(poolProfile(v.name, email))}::jsonb, ${arr(v.subjects ?? ["primary"])}::text[],
                ${arr(v.phases ?? ["primary"])}::text[], ${arr(v.contracts)}::text[], ${arr(v.workingPatterns)}::text[],
                'M33 7XX', ${v.lat === undefined ? 53.4 : v.lat}, ${v.lng === undefined ? -2.35 : v.lng},
                ${v.travelMiles === undefined ? 10 : v.travelMiles}, ${v.availableFrom ?? "2027-09-01"},
                ${v.shown ?? true}, ${v.shown === false ? null : "2026-10-01T09:00:00Z"}, ${v.retainUntil ?? "2027-06-30"},
                ${status === "draft" ? null : "2026-09-20T09:00:00Z"},
                ${status === "pooled" || status === "appointed" ? (v.pooledAt ?? "2026-10-01T09:00:00Z") : null})
        RETURNING id`),
    ),
    "the pool member inserted",
  );
  return { id: member.id, userId, email, name: v.name };
}

async function hideFrom(db: Database, memberId: string, place: { schoolId?: string; organisationId?: string }) {
  await db.execute(sql`INSERT INTO pool_hidden_from (member_id, school_id, organisation_id)
                       VALUES (${memberId}, ${place.schoolId ?? null}, ${place.organisationId ?? null})`);
}

/**
 * valeRegion with a Vale round (a1, b1, la1 take part; a2 does not) and an Other round (the foreign school); HR at
 * a2 only; members: Mia (maths, near a1), Hal (hidden from trust B), Lou (hidden from Trafford, so from la1),
 * Nora (pooled, no consent), Sam (screening), Fin (in the other round).
 */
export async function poolRegion(db: Database) {
  const r = await valeRegion(db);
  const round = await createRound(db, {
    partnershipId: r.vale.id,
    name: "Vale primary pool",
    schoolIds: [r.a1.id, r.b1.id, r.la1.id],
  });
  const otherRound = await createRound(db, {
    partnershipId: r.other.id,
    name: "Other pool",
    schoolIds: [r.foreign.id],
  });
  const hrA2 = await createUser(db, { email: "hr@a2.example", name: "Hana A2" });
  await addMembership(db, hrA2, "hr", { school: r.a2 });
  const mia = await createMember(db, {
    roundId: round.id,
    name: "Mia Maths",
    subjects: ["mathematics", "primary"],
    contracts: ["permanent"],
    workingPatterns: ["full_time"],
    lat: 53.3965,
    lng: -2.35,
  });
  const hal = await createMember(db, { roundId: round.id, name: "Hal Hidden", lat: 53.39, lng: -2.37 });
  await hideFrom(db, hal.id, { organisationId: r.trustB.id });
  const lou = await createMember(db, { roundId: round.id, name: "Lou Local", lat: 53.385, lng: -2.34 });
  await hideFrom(db, lou.id, { organisationId: r.la.id });
  const nora = await createMember(db, { roundId: round.id, name: "Nora Noconsent", shown: false });
  const sam = await createMember(db, { roundId: round.id, name: "Sam Screening", status: "screening" });
  const fin = await createMember(db, { roundId: otherRound.id, name: "Fin Foreign", lat: 53.39, lng: -2.14 });
  return { ...r, round, otherRound, hrA2, mia, hal, lou, nora, sam, fin };
}
