import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { firstRow, idRow, parseRows } from "../rows";
import { demoIttProvider } from "./demo-cast";
import { demoPlacementSeason, type DemoPlacementSeason } from "./placement-season";

/**
 * A placement season for the demo (the academic year being planned, with dates from `demoPlacementSeason`): Vale
 * Teacher Training's agreements with a dozen partner schools, their offers, hosting interest, an INSET day, two more
 * mentors, and trainees whose rotations show every state: completed, confirmed, waiting for the school, waiting for
 * the provider, declined, cancelled, no school yet. The demo trainee (trainee@staffroom.example) has one placement done and one waiting for Northbrook's answer. A
 * full one-place offer has two trainees on its waiting list, and one school's agreement request waits for Vale.
 */
export const placementMentors = [
  { email: "mentor@riverside.example", name: "Maya Moss" },
  { email: "mentor@demoshire.example", name: "Omar Okafor" },
] as const;

const schoolRow = z.object({ id: z.string(), name: z.string(), phase: z.string(), owner: z.string().nullable() });
type School = z.infer<typeof schoolRow>;

export async function seedPlacements(
  tx: Executor,
  partnershipId: string,
  passwordHash: string,
  season: DemoPlacementSeason = demoPlacementSeason(),
) {
  const { year, autumnA, springB, summerB } = season;
  const id = async (query: ReturnType<typeof sql>) =>
    firstRow(parseRows(await tx.execute(query), idRow, "an id"), "an id from the demo seed").id;
  const providerId = await id(sql`SELECT id FROM organisations WHERE slug = ${demoIttProvider.slug}`);
  const coordinatorId = await id(sql`SELECT id FROM users WHERE email = 'itt@vale.example'`);
  const maxId = await id(sql`SELECT id FROM users WHERE email = 'mentor@northbrook.example'`);
  const traineeUserId = await id(sql`SELECT id FROM users WHERE email = 'trainee@staffroom.example'`);
  const maxSchoolId = await id(sql`
    SELECT m.school_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'mentor@northbrook.example'`);
  const schools = parseRows(
    await tx.execute(sql`
      SELECT s.id, s.name, lower(s.phase) AS phase, o.slug AS owner FROM schools s LEFT JOIN organisations o ON o.id = s.trust_id
       WHERE s.partnership_id = ${partnershipId} AND s.phase IN ('Primary', 'Secondary') AND s.lat IS NOT NULL
       ORDER BY s.urn`),
    schoolRow,
    "the demo schools",
  );
  const maxSchool = schools.find((s) => s.id === maxSchoolId) ?? {
    id: maxSchoolId,
    name: "",
    phase: "primary",
    owner: null,
  };
  const primaries = schools.filter((s) => s.phase === "primary" && s.id !== maxSchoolId);
  const secondaries = schools.filter((s) => s.phase === "secondary" && s.id !== maxSchoolId);
  const riverside =
    primaries.find((s) => s.owner === "riverside-schools-trust") ?? firstRow(primaries, "a demo primary school");
  const laPrimary =
    primaries.find((s) => s.owner === null && s.id !== riverside.id) ??
    firstRow(primaries.slice(1), "a second demo primary school");
  // The demo trainee trains for the phase of the demo mentor's school, and did placement A at another school of it.
  const tomPhase = maxSchool.phase === "secondary" ? "secondary" : "primary";
  const peers = (tomPhase === "secondary" ? secondaries : primaries).filter((s) => s.id !== laPrimary.id);
  const tomA = peers.find((s) => s.owner === "riverside-schools-trust") ?? firstRow(peers, `a demo ${tomPhase} school`);
  const otherPrimaries = primaries.filter((s) => ![riverside.id, laPrimary.id, tomA.id].includes(s.id)).slice(0, 5);
  const otherSecondaries = secondaries.filter((s) => s.id !== tomA.id).slice(0, 3);
  const agreed = [...new Set([maxSchool, tomA, riverside, laPrimary, ...otherPrimaries, ...otherSecondaries])];
  const unagreed = primaries.find((s) => !agreed.includes(s));

  // Two more mentors, at Riverside's and the local authority's schools, so confirmed placements have real mentors.
  const mentorIds: string[] = [];
  for (const [i, m] of placementMentors.entries()) {
    const userId = await id(sql`
      INSERT INTO users (email, name, password_hash, email_verified_at) VALUES (${m.email}, ${m.name}, ${passwordHash}, now())
      RETURNING id`);
    await tx.execute(sql`
      INSERT INTO memberships (user_id, role, scope_kind, school_id)
      VALUES (${userId}, 'mentor', 'school', ${i === 0 ? tomA.id : laPrimary.id})`);
    mentorIds.push(userId);
  }
  const [maya = "", omar = ""] = mentorIds; // placementMentors names two

  for (const s of agreed)
    await tx.execute(sql`
      INSERT INTO placement_agreements (provider_id, school_id, academic_year, status, requested_by, requested_by_side, decided_at)
      VALUES (${providerId}, ${s.id}, ${year}, 'accepted', ${coordinatorId}, 'provider', now())`);

  const secondarySubjects = ["mathematics", "english", "science"];
  const offerAt = async (
    school: School,
    window: { startsOn: string; endsOn: string },
    places: number,
    mentors: string[],
  ) => {
    const subjects = school.phase === "secondary" ? `{${secondarySubjects[secondaries.indexOf(school) % 3]}}` : "{}";
    const offerId = await id(sql`
      INSERT INTO placement_offers (school_id, academic_year, phase, subjects, key_stage, year_groups, starts_on, ends_on, places, notes)
      VALUES (${school.id}, ${year}, ${school.phase}, ${subjects}::text[],
              ${school.phase === "primary" ? "ks2" : "ks3"}, ${school.phase === "primary" ? "{Years 3 to 6}" : "{Years 7 to 9}"}::text[],
              ${window.startsOn}, ${window.endsOn}, ${places}, 'Trainees join the staff briefing at 8.15 on their first day.')
      RETURNING id`);
    for (const m of mentors)
      await tx.execute(sql`INSERT INTO placement_offer_mentors (offer_id, user_id) VALUES (${offerId}, ${m})`);
    return offerId;
  };
  const offers = new Map<string, { autumn: string; spring: string }>();
  for (const s of agreed) {
    const mentors = s.id === maxSchoolId ? [maxId] : s.id === tomA.id ? [maya] : s.id === laPrimary.id ? [omar] : [];
    offers.set(s.id, {
      autumn: await offerAt(s, season.autumn, 2, mentors),
      spring: await offerAt(s, season.springSummer, 3, mentors),
    });
  }
  if (unagreed) await offerAt(unagreed, season.springSummer, 2, []);

  for (const [i, s] of agreed.entries())
    await tx.execute(sql`
      INSERT INTO placement_hosting (school_id, academic_year, interest, updated_by)
      VALUES (${s.id}, ${year}, ${i % 3 === 2 ? "interested" : "actively_looking"}, NULL)`);
  if (unagreed)
    await tx.execute(sql`
      INSERT INTO placement_hosting (school_id, academic_year, interest, reasons)
      VALUES (${unagreed.id}, ${year - 1}, 'not_this_year', 'Two mentors on maternity leave and an inspection due')`);
  await tx.execute(
    sql`INSERT INTO school_closure_days (school_id, day, kind) VALUES (${maxSchoolId}, ${season.inset}, 'inset')`,
  );

  const homeOf = async (school: School) =>
    firstRow(
      parseRows(
        await tx.execute(sql`
        SELECT split_part(s.postcode, ' ', 1) AS area, s.lat + 0.01 AS lat, s.lng - 0.01 AS lng FROM schools s WHERE s.id = ${school.id}`),
        z.object({ area: z.string(), lat: z.number(), lng: z.number() }),
        "a trainee home near a school",
      ),
      `school ${school.id}`,
    );
  const trainee = async (
    name: string,
    email: string,
    near: School,
    more: { userId?: string; subject?: string; phase?: string } = {},
  ) => {
    const home = await homeOf(near);
    return id(sql`
      INSERT INTO trainees (provider_id, user_id, name, email, route, subject, phase, programme_starts_on, programme_ends_on,
                            home_area, home_lat, home_lng, max_travel_miles)
      VALUES (${providerId}, ${more.userId ?? null}, ${name}, ${email}, 'postgraduate_fee_funded', ${more.subject ?? "primary"},
              ${more.phase ?? "primary"}, ${season.programme.startsOn}, ${season.programme.endsOn}, ${home.area}, ${home.lat}, ${home.lng}, 15)
      RETURNING id`);
  };
  const book = async (
    traineeId: string,
    school: School,
    offer: string,
    label: string,
    dates: { startsOn: string; endsOn: string },
    state: string,
    extra: { mentor?: string; reason?: string } = {},
  ) =>
    tx.execute(sql`
      INSERT INTO placement_bookings (trainee_id, offer_id, school_id, provider_id, label, starts_on, ends_on, state,
                                      mentor_user_id, reason, requested_by)
      VALUES (${traineeId}, ${offer}, ${school.id}, ${providerId}, ${label}, ${dates.startsOn}, ${dates.endsOn}, ${state},
              ${extra.mentor ?? null}, ${extra.reason ?? null}, ${coordinatorId})`);

  const tom = await trainee("Tom Trainee", "trainee@staffroom.example", laPrimary, {
    userId: traineeUserId,
    subject: tomPhase === "secondary" ? "mathematics" : "primary",
    phase: tomPhase,
  });
  await book(tom, tomA, offers.get(tomA.id)!.autumn, "A", autumnA, "completed", { mentor: maya });
  await book(tom, maxSchool, offers.get(maxSchoolId)!.spring, "B", springB, "provider_confirmed");

  await trainee("Priya Patel", "priya.patel@trainee.example", riverside);

  const sam = await trainee("Sam Shah", "sam.shah@trainee.example", laPrimary);
  await book(sam, laPrimary, offers.get(laPrimary.id)!.spring, "A", springB, "confirmed", { mentor: omar });
  await book(sam, riverside, offers.get(riverside.id)!.spring, "B", summerB, "requested");

  const lena = await trainee("Lena Novak", "lena.novak@trainee.example", riverside);
  await book(lena, riverside, offers.get(riverside.id)!.autumn, "A", autumnA, "declined", {
    reason: "No mentor free that term",
  });
  await book(lena, laPrimary, offers.get(laPrimary.id)!.autumn, "A", autumnA, "completed", { mentor: omar });
  if (otherPrimaries[0])
    await book(lena, otherPrimaries[0], offers.get(otherPrimaries[0].id)!.spring, "B", springB, "provider_confirmed");

  const ellie = await trainee("Ellie Moore", "ellie.moore@trainee.example", laPrimary);
  await book(ellie, laPrimary, offers.get(laPrimary.id)!.autumn, "A", autumnA, "cancelled", {
    reason: "Trainee was ill for the first weeks",
  });
  await book(ellie, laPrimary, offers.get(laPrimary.id)!.spring, "A", summerB, "confirmed", { mentor: omar });

  const jamalSchool = otherSecondaries[0] ?? tomA;
  const jamal = await trainee("Jamal Reid", "jamal.reid@trainee.example", jamalSchool, {
    subject: "english",
    phase: "secondary",
  });
  await book(jamal, jamalSchool, offers.get(jamalSchool.id)!.spring, "A", springB, "provider_confirmed");

  // A waiting list: a one-place summer offer, booked by Ava Clarke, with Noah Hughes and then Isla Grant waiting for
  // it. Cancelling Ava's placement holds the place for Noah (see the README's what to try).
  const waitSchool = otherPrimaries[1] ?? riverside;
  const summer = season.waitingListSummer;
  const waitOffer = await offerAt(waitSchool, summer, 1, []);
  const ava = await trainee("Ava Clarke", "ava.clarke@trainee.example", waitSchool);
  await book(ava, waitSchool, waitOffer, "B", summer, "provider_confirmed");
  for (const [name, email] of [
    ["Noah Hughes", "noah.hughes@trainee.example"],
    ["Isla Grant", "isla.grant@trainee.example"],
  ] as const) {
    const waiting = await trainee(name, email, waitSchool);
    await tx.execute(sql`
      INSERT INTO placement_waitlist (offer_id, trainee_id, label, starts_on, ends_on, requested_by, created_at)
      VALUES (${waitOffer}, ${waiting}, 'B', ${summer.startsOn}, ${summer.endsOn}, ${coordinatorId},
              now() - make_interval(days => ${name === "Noah Hughes" ? 2 : 1}))`);
  }

  // An agreement the school without one has asked Vale for, waiting for the provider's answer.
  if (unagreed)
    await tx.execute(sql`
      INSERT INTO placement_agreements (provider_id, school_id, academic_year, status, requested_by_side)
      VALUES (${providerId}, ${unagreed.id}, ${year}, 'requested', 'school')`);
  return { agreements: agreed.length, trainees: 9 };
}
