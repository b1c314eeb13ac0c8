import { z } from "zod";
import { sql } from "drizzle-orm";
import { planningYear } from "../../app/vocabulary/academic-years";
import { fromLondonLocal } from "../../app/vocabulary/london-time";
import { standardStrands } from "../../app/vocabulary/programmes";
import type { Executor } from "../client";
import { firstRow, idRow, parseRows } from "../rows";

/**
 * The demo's shared ECT development programme (issue 16): run by the partnership, provider-led, with the six standard
 * strands and two cohorts, the year being planned (as the placement season reckons it, `planningYear`) and the one
 * before. Sessions are at three host schools (Northbrook's first school, and the schools of the placement season's
 * two extra mentors) and online, core and optional (two breakouts at the same time, so an ECT chooses one); twelve
 * ECTs at several schools, with school periods (one moved school in January), mentors (the demo mentor mentors the
 * demo ECT alone; three mentors of ECTs only; the induction tutor never mentors), enrolments, bookings and registers
 * for all past sessions but the latest. One assignment to another school is proposed, one agreed. Standard contact hours for every ECT's school.
 */

const schoolRow = z.object({ id: z.string(), phase: z.string() });
type School = z.infer<typeof schoolRow>;

type DemoEct = {
  name: string;
  email: string;
  /** Where they work now: by the people there, or by owner. */
  at: "max" | "northbrook" | "maya" | "omar" | "riverside" | "la" | "small-oak";
  cohort: "current" | "last";
  account?: true;
  /** A first school, left at the start of the spring term of their first year. */
  movedFrom?: "riverside";
  /** Their mentor: the demo mentor, or one of the programme's own mentors at their school (none: not named yet). */
  mentor?: "max" | ProgrammeMentor["at"];
};

/**
 * Mentors of ECTs only, so the placement season's mentors keep room under the partnership's cap (app/mentors: ECT
 * mentees and trainees count together) for the placements its journeys confirm.
 */
type ProgrammeMentor = { email: string; name: string; at: "northbrook" | "maya" | "omar" };
export const programmeMentors: ProgrammeMentor[] = [
  { email: "ect-mentor@northbrook.example", name: "Nell Nolan", at: "northbrook" },
  { email: "ect-mentor@riverside.example", name: "Rosa Reyes", at: "maya" },
  { email: "ect-mentor@demoshire.example", name: "Tariq Tan", at: "omar" },
];

const demoEcts: DemoEct[] = [
  { name: "Eve Early", email: "ect@northbrook.example", at: "max", cohort: "current", account: true, mentor: "max" },
  { name: "Noor Nasser", email: "noor.nasser@ects.example", at: "max", cohort: "current" },
  { name: "Liam Lowe", email: "liam.lowe@ects.example", at: "northbrook", cohort: "current", mentor: "northbrook" },
  { name: "Sara Singh", email: "sara.singh@ects.example", at: "maya", cohort: "current", mentor: "maya" },
  { name: "Ben Boateng", email: "ben.boateng@ects.example", at: "riverside", cohort: "current" },
  { name: "Cara Cole", email: "cara.cole@ects.example", at: "omar", cohort: "current", mentor: "omar" },
  { name: "Dan Doyle", email: "dan.doyle@ects.example", at: "la", cohort: "current" },
  { name: "Erin Ellis", email: "erin.ellis@ects.example", at: "small-oak", cohort: "current" },
  // Femi has no mentor yet, which leaves Nell room for one more (the cap is two): the tutor has something to do.
  { name: "Femi Fadipe", email: "femi.fadipe@ects.example", at: "northbrook", cohort: "last" },
  { name: "Gwen Gray", email: "gwen.gray@ects.example", at: "maya", cohort: "last", mentor: "maya" },
  {
    name: "Hugo Hart",
    email: "hugo.hart@ects.example",
    at: "omar",
    cohort: "last",
    movedFrom: "riverside",
    mentor: "omar",
  },
  { name: "Iris Ince", email: "iris.ince@ects.example", at: "la", cohort: "last" },
];

type Venue = "northbrook" | "maya" | "omar" | "online";
type SessionPlan = {
  title: string;
  strand: (typeof standardStrands)[number];
  year: 1 | 2;
  /** Month and day in the academic year the session belongs to; held on the Wednesday on or after. */
  on: string;
  from: string;
  to: string;
  venue: Venue;
  optional?: true;
};

const yearOneSessions: SessionPlan[] = [
  {
    title: "Routines and expectations",
    strand: "Behaviour",
    year: 1,
    on: "09-24",
    from: "15:45",
    to: "17:15",
    venue: "northbrook",
  },
  { title: "How pupils learn", strand: "Pedagogy", year: 1, on: "10-15", from: "15:45", to: "17:15", venue: "maya" },
  {
    title: "Planning a sequence of lessons",
    strand: "Curriculum",
    year: 1,
    on: "11-19",
    from: "16:00",
    to: "17:00",
    venue: "online",
  },
  {
    title: "Checking for understanding",
    strand: "Assessment",
    year: 1,
    on: "01-21",
    from: "15:45",
    to: "17:15",
    venue: "omar",
  },
  {
    title: "Phonics and early reading (primary breakout)",
    strand: "Curriculum",
    year: 1,
    on: "02-04",
    from: "15:45",
    to: "17:00",
    venue: "maya",
    optional: true,
  },
  {
    title: "Subject knowledge in maths (secondary breakout)",
    strand: "Curriculum",
    year: 1,
    on: "02-04",
    from: "15:45",
    to: "17:00",
    venue: "northbrook",
    optional: true,
  },
  {
    title: "Adapting teaching for pupils with SEND",
    strand: "Adaptive teaching",
    year: 1,
    on: "02-25",
    from: "15:45",
    to: "17:15",
    venue: "omar",
  },
  {
    title: "Working with colleagues and parents",
    strand: "Professional behaviours",
    year: 1,
    on: "03-18",
    from: "15:45",
    to: "17:15",
    venue: "northbrook",
  },
  {
    title: "Behaviour conference",
    strand: "Behaviour",
    year: 1,
    on: "05-13",
    from: "09:30",
    to: "15:00",
    venue: "maya",
  },
  {
    title: "Reviewing the year",
    strand: "Pedagogy",
    year: 1,
    on: "06-17",
    from: "15:45",
    to: "17:15",
    venue: "northbrook",
  },
];

const yearTwoSessions: SessionPlan[] = [
  {
    title: "Year 2: deepening curriculum knowledge",
    strand: "Curriculum",
    year: 2,
    on: "10-14",
    from: "15:45",
    to: "17:15",
    venue: "maya",
  },
  {
    title: "Year 2: mentoring conversations",
    strand: "Professional behaviours",
    year: 2,
    on: "01-20",
    from: "16:00",
    to: "17:00",
    venue: "online",
  },
  {
    title: "Year 2: research-informed practice",
    strand: "Pedagogy",
    year: 2,
    on: "03-17",
    from: "15:45",
    to: "17:15",
    venue: "omar",
  },
];

const DAY_MS = 86_400_000;

/** The Wednesday on or after a day of the academic year starting in `year` ("09-24": September; "01-21": January). */
function wednesdayOf(year: number, monthDay: string): string {
  const calendarYear = Number(monthDay.slice(0, 2)) >= 9 ? year : year + 1;
  const t = Date.UTC(calendarYear, Number(monthDay.slice(0, 2)) - 1, Number(monthDay.slice(3, 5)));
  return new Date(t + ((10 - new Date(t).getUTCDay()) % 7) * DAY_MS).toISOString().slice(0, 10);
}

function londonMoment(day: string, time: string): Date {
  const moment = fromLondonLocal(`${day}T${time}`);
  if (!moment) throw new Error(`demo programme: no ${time} on ${day} in London`);
  return moment;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export async function seedProgrammes(tx: Executor, partnershipId: string, passwordHash: string, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const year = planningYear(today);
  const one = async <S extends z.ZodType>(query: ReturnType<typeof sql>, schema: S, what: string) =>
    firstRow(parseRows(await tx.execute(query), schema, what), what);
  const id = async (query: ReturnType<typeof sql>) => (await one(query, idRow, "an id from the demo seed")).id;
  const user = (email: string) => id(sql`SELECT id FROM users WHERE email = ${email}`);
  const schoolOf = (email: string) =>
    one(
      sql`SELECT s.id, s.phase FROM memberships m JOIN users u ON u.id = m.user_id JOIN schools s ON s.id = m.school_id
           WHERE u.email = ${email} AND m.school_id IS NOT NULL LIMIT 1`,
      schoolRow,
      `the school of ${email}`,
    );
  const ownedBy = async (owner: string | null, except: string[]) =>
    parseRows(
      // Mainstream schools first, in URN order; a trust's, or (owner null) the local authority's.
      await tx.execute(sql`
        SELECT s.id, s.phase FROM schools s LEFT JOIN organisations o ON o.id = s.trust_id
         WHERE s.partnership_id = ${partnershipId}
           AND ${owner === null ? sql`s.trust_id IS NULL` : sql`o.slug = ${owner}`}
           AND s.id <> ALL(${`{${except.join(",")}}`}::text[])
         ORDER BY s.phase IN ('Primary', 'Secondary') DESC, s.urn LIMIT 1`),
      schoolRow,
      "the demo schools",
    )[0];

  const [leadId, facilitatorId, tutorId, adminId, hrRiversideId, eveUserId] = await Promise.all(
    [
      "programmes@staffroom.example",
      "facilitator@staffroom.example",
      "induction@northbrook.example",
      "admin@staffroom.example",
      "hr@riverside.example",
      "ect@northbrook.example",
    ].map(user),
  );
  const max = await schoolOf("mentor@northbrook.example");
  const northbrook = await schoolOf("facilitator@staffroom.example");
  const maya = await schoolOf("mentor@riverside.example");
  const omar = await schoolOf("mentor@demoshire.example");
  const taken = [max.id, northbrook.id, maya.id, omar.id];
  const riverside = (await ownedBy("riverside-schools-trust", taken)) ?? maya;
  const la = (await ownedBy(null, taken)) ?? omar;
  const smallOak = (await ownedBy("small-oak-trust", taken)) ?? la;
  const schools: Record<DemoEct["at"], School> = {
    max,
    northbrook,
    maya,
    omar,
    riverside,
    la,
    "small-oak": smallOak,
  };
  const mentorIds: Record<NonNullable<DemoEct["mentor"]>, string> = {
    max: await user("mentor@northbrook.example"),
    northbrook: "",
    maya: "",
    omar: "",
  };
  for (const m of programmeMentors) {
    mentorIds[m.at] = await id(sql`
      INSERT INTO users (email, name, password_hash, email_verified_at) VALUES (${m.email}, ${m.name}, ${passwordHash}, now())
      RETURNING id`);
    await tx.execute(sql`
      INSERT INTO memberships (user_id, role, scope_kind, school_id) VALUES (${mentorIds[m.at]}, 'mentor', 'school', ${schools[m.at].id})`);
  }
  const northbrookSchools = new Set([max.id, northbrook.id]);

  const programmeId = await id(sql`
    INSERT INTO ect_programmes (name, kind, lead_provider, delivery_partner, partnership_id, created_by)
    VALUES ('Demo Vale Early Career Programme', 'provider_led', 'Vale Institute of Teaching',
            'Demo Vale Teaching School Hub', ${partnershipId}, ${leadId})
    RETURNING id`);
  const strandIds = new Map<string, string>();
  for (const [position, name] of standardStrands.entries())
    strandIds.set(
      name,
      await id(sql`
        INSERT INTO programme_strands (programme_id, name, position) VALUES (${programmeId}, ${name}, ${position})
        RETURNING id`),
    );
  await tx.execute(
    sql`INSERT INTO programme_facilitators (programme_id, user_id) VALUES (${programmeId}, ${facilitatorId})`,
  );

  const cohortIds = {
    current: await cohort(year),
    last: await cohort(year - 1),
  };
  async function cohort(start: number) {
    return id(sql`
      INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
      VALUES (${programmeId}, ${start}, 'autumn', ${`Autumn ${start} starters`})
      RETURNING id`);
  }

  const venueSchool: Record<Venue, string | null> = {
    northbrook: northbrook.id,
    maya: maya.id,
    omar: omar.id,
    online: null,
  };
  type Session = { id: string; startsAt: Date; endsAt: Date; optional: boolean; title: string };
  const sessionsOf = { current: [] as Session[], last: [] as Session[] };
  const plans: [keyof typeof sessionsOf, number, SessionPlan[]][] = [
    ["current", year, yearOneSessions],
    ["last", year - 1, yearOneSessions.filter((s) => !s.optional)],
    ["last", year, yearTwoSessions],
  ];
  for (const [which, academicYear, list] of plans)
    for (const plan of list) {
      const day = wednesdayOf(academicYear, plan.on);
      const startsAt = londonMoment(day, plan.from);
      const endsAt = londonMoment(day, plan.to);
      const sessionId = await id(sql`
        INSERT INTO programme_sessions (cohort_id, strand_id, title, induction_year, starts_at, ends_at, host_school_id,
                                        online, room, capacity, optional, facilitator_user_id, reminded_at)
        VALUES (${cohortIds[which]}, ${strandIds.get(plan.strand) ?? null}, ${plan.title}, ${plan.year},
                ${startsAt.toISOString()}, ${endsAt.toISOString()}, ${venueSchool[plan.venue]}, ${plan.venue === "online"},
                ${plan.venue === "online" ? null : plan.optional ? "Library" : "School hall"}, ${plan.optional ? 8 : 40},
                ${plan.optional === true}, ${facilitatorId}, ${startsAt < now ? startsAt.toISOString() : null})
        RETURNING id`);
      sessionsOf[which].push({ id: sessionId, startsAt, endsAt, optional: plan.optional === true, title: plan.title });
    }

  const ectIds = new Map<string, string>();
  for (const [i, e] of demoEcts.entries()) {
    const start = e.cohort === "current" ? year : year - 1;
    const startsOn = `${start}-09-01`;
    const school = schools[e.at];
    const ectId = await id(sql`
      INSERT INTO ects (user_id, name, email, trn, induction_starts_on, fte_percent, appropriate_body, created_by)
      VALUES (${e.account ? eveUserId : null}, ${e.name}, ${e.email}, ${String(3_104_201 + i * 137)}, ${startsOn},
              ${e.name === "Iris Ince" ? 80 : 100}, 'Demoshire Appropriate Body', ${tutorId})
      RETURNING id`);
    ectIds.set(e.name, ectId);
    const tutorFor = (s: School) => (northbrookSchools.has(s.id) ? tutorId : null);
    let joinedOn = startsOn;
    if (e.movedFrom) {
      joinedOn = `${start + 1}-01-01`;
      await tx.execute(sql`
        INSERT INTO ect_school_periods (ect_id, school_id, induction_tutor_user_id, starts_on, ends_on)
        VALUES (${ectId}, ${schools[e.movedFrom].id}, NULL, ${startsOn}, ${joinedOn})`);
    }
    await tx.execute(sql`
      INSERT INTO ect_school_periods (ect_id, school_id, induction_tutor_user_id, starts_on)
      VALUES (${ectId}, ${school.id}, ${tutorFor(school)}, ${joinedOn})`);
    if (e.mentor)
      await tx.execute(sql`
        INSERT INTO ect_mentor_periods (ect_id, school_id, mentor_user_id, starts_on, assigned_by)
        VALUES (${ectId}, ${school.id}, ${mentorIds[e.mentor]}, ${joinedOn}, ${tutorFor(school)})`);
    await tx.execute(sql`
      INSERT INTO cohort_enrolments (cohort_id, ect_id, enrolled_by) VALUES (${cohortIds[e.cohort]}, ${ectId}, ${tutorId})`);

    // Core sessions for all; the primary or the secondary breakout for those who chose one.
    const sessions = sessionsOf[e.cohort];
    const breakout = sessions.find(
      (s) => s.optional && s.title.includes(school.phase === "Secondary" ? "secondary" : "primary"),
    );
    const booked = sessions.filter((s) => !s.optional || (i % 2 === 0 && s === breakout));
    for (const s of booked)
      await tx.execute(sql`
        INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at, booked_by)
        VALUES (${s.id}, ${ectId}, ${s.startsAt.toISOString()}, ${s.endsAt.toISOString()}, ${tutorId})`);

    // Registers for every past session but the latest, whose register the facilitator has still to take.
    const past = booked.filter((s) => s.endsAt < now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    for (const [k, s] of past.slice(0, -1).entries()) {
      const mark =
        e.name === "Dan Doyle" && k % 2 === 1
          ? "absent"
          : e.name === "Ben Boateng" && k === 1
            ? "excused"
            : (i + k) % 7 === 3
              ? "absent"
              : "present";
      await tx.execute(sql`
        INSERT INTO session_attendance (session_id, ect_id, mark, reason, recorded_by, recorded_at)
        VALUES (${s.id}, ${ectId}, ${mark}, ${mark === "excused" ? "Covering a colleague's class on a school trip" : null},
                ${facilitatorId}, ${s.endsAt.toISOString()})`);
    }
  }

  for (const school of new Set(Object.values(schools)))
    await tx.execute(sql`
      INSERT INTO school_ect_settings (school_id, weekly_contact_hours, updated_by)
      VALUES (${school.id}, ${school.phase === "Secondary" ? 21 : 22.5}, ${tutorId})
      ON CONFLICT (school_id) DO NOTHING`);

  // One assignment waiting for the host (the tutor who proposed it said yes for Northbrook), one agreed by both.
  await tx.execute(sql`
    INSERT INTO early_career_assignments (ect_id, employing_school_id, host_school_id, purpose, starts_on, ends_on,
                                          proposed_by, employer_accepted_by, employer_accepted_at)
    VALUES (${ectIds.get("Noor Nasser")}, ${max.id}, ${la.id},
            'Four weeks at a contrasting school, to see how another staff team teaches early reading.',
            ${addDays(today, 21)}, ${addDays(today, 48)}, ${tutorId}, ${tutorId}, now())`);
  await tx.execute(sql`
    INSERT INTO early_career_assignments (ect_id, employing_school_id, host_school_id, purpose, starts_on, ends_on,
                                          status, proposed_by, employer_accepted_by, employer_accepted_at,
                                          host_accepted_by, host_accepted_at)
    VALUES (${ectIds.get("Liam Lowe")}, ${northbrook.id}, ${maya.id},
            'Half a term at a Riverside school, to plan and teach a unit alongside its subject leader.',
            ${addDays(today, 70)}, ${addDays(today, 104)}, 'accepted', ${adminId}, ${tutorId}, now(), ${hrRiversideId}, now())`);
  return { programmeId, ects: demoEcts.length };
}
