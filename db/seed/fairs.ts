import { z } from "zod";
import { addDays, format, parseISO } from "date-fns";
import { sql } from "drizzle-orm";
import { fromLondonLocal, londonToday } from "../../app/vocabulary/london-time";
import type { Executor } from "../client";
import { firstRow, idRow, parseRows } from "../rows";

/**
 * The demo's recruitment fairs (issue 17): an upcoming in-person "Demo Vale spring recruitment fair" at Northbrook's
 * first school (the school of hr.school@northbrook.example) with five schools taking part (two of Northbrook's, two
 * of Riverside's, one of the local authority's), their roles and fifteen-minute meetings from 10:00 to 12:00 and
 * 13:00 to 14:30 London time; six teachers registered with bookings before 11:00 (teacher@staffroom.example is left
 * unregistered, so the e2e registers them fresh, and the meetings from 11:00 are free); an online fair; and a past
 * fair at a Riverside school, with the conversations two schools followed up. The fairs join the pool round
 * "Demo Vale primary ECT pool 2027" when the pool seed has made it (looked up by name; otherwise no round).
 */

export const DEMO_FAIR_NAME = "Demo Vale spring recruitment fair";
const DEMO_POOL_ROUND_NAME = "Demo Vale primary ECT pool 2027";

const schoolRow = z.object({ id: z.string(), name: z.string() });
type School = z.infer<typeof schoolRow>;

const fairTeachers = [
  { email: "fair.amina@teachers.example", name: "Amina Yusuf", interests: "KS2, maths lead, Year 5 or 6" },
  { email: "fair.joe@teachers.example", name: "Joe Marsh", interests: "EYFS and KS1 phonics" },
  { email: "fair.priya@teachers.example", name: "Priya Nair", interests: "Secondary science, physics specialist" },
  { email: "fair.luke@teachers.example", name: "Luke Evans", interests: "PE and school sport" },
  { email: "fair.hana@teachers.example", name: "Hana Kim", interests: "Finishing training: primary, any year" },
  { email: "fair.sol@teachers.example", name: "Sol Rivera", interests: "SEND and nurture provision" },
];

const rolesBySchool = [
  [
    { title: "Year 5 class teacher", phase: "primary", contract: "permanent", notes: "Starting September" },
    { title: "Early career teacher, KS1", phase: "primary", contract: "permanent", notes: "Full induction support" },
  ],
  [
    {
      title: "Maths lead",
      phase: "primary",
      contract: "permanent",
      notes: "With a teaching and learning responsibility",
    },
  ],
  [{ title: "Science teacher", phase: "secondary", contract: "fixed_term", notes: "One year, maternity cover" }],
  [{ title: "Reception teacher", phase: "primary", contract: "permanent", notes: "" }],
  [{ title: "SEND class teacher", phase: "primary", contract: "permanent", notes: "Resource base for six pupils" }],
] as const;

export async function seedFairs(tx: Executor, partnershipId: string, passwordHash: string, now = new Date()) {
  const one = async <S extends z.ZodType>(query: ReturnType<typeof sql>, schema: S, what: string) =>
    firstRow(parseRows(await tx.execute(query), schema, what), what);
  const id = async (query: ReturnType<typeof sql>) => (await one(query, idRow, "an id from the fair seed")).id;
  const adminId = await id(sql`SELECT id FROM users WHERE email = 'admin@staffroom.example'`);
  const host = await one(
    sql`SELECT s.id, s.name FROM memberships m JOIN users u ON u.id = m.user_id JOIN schools s ON s.id = m.school_id
         WHERE u.email = 'hr.school@northbrook.example' AND m.school_id IS NOT NULL LIMIT 1`,
    schoolRow,
    "the Northbrook school of the demo's school HR",
  );
  const owned = async (owner: string | null, count: number, except: string[]) =>
    parseRows(
      await tx.execute(sql`
        SELECT s.id, s.name FROM schools s LEFT JOIN organisations o ON o.id = s.trust_id
         WHERE s.partnership_id = ${partnershipId}
           AND ${owner === null ? sql`s.trust_id IS NULL` : sql`o.slug = ${owner}`}
           AND s.id <> ALL(${`{${except.join(",")}}`}::text[])
         ORDER BY s.urn LIMIT ${count}`),
      schoolRow,
      "the demo schools",
    );
  const northbrook = await owned("northbrook-learning-trust", 1, [host.id]);
  const riverside = await owned("riverside-schools-trust", 3, [host.id]);
  const la = await owned(null, 1, [host.id]);
  const taking = [host, ...northbrook, ...riverside.slice(0, 2), ...la];
  const pastHost = riverside[2] ?? riverside[0] ?? host;

  const round = parseRows(
    await tx.execute(sql`
      SELECT id FROM pool_rounds WHERE partnership_id = ${partnershipId} AND name = ${DEMO_POOL_ROUND_NAME} LIMIT 1`),
    idRow,
    "an id",
  )[0];
  const roundId = round?.id ?? null;

  const today = londonToday(now);
  const dayFrom = (days: number) => format(addDays(parseISO(today), days), "yyyy-MM-dd");
  const at = (day: string, time: string) => {
    const moment = fromLondonLocal(`${day}T${time}`);
    if (!moment) throw new Error(`The fair seed's ${day} ${time} is not a London time`);
    return moment.toISOString();
  };
  const fair = (values: {
    name: string;
    description: string;
    mode: "in_person" | "online";
    host: School | null;
    place: string;
    url: string | null;
    day: string;
  }) =>
    id(sql`
      INSERT INTO fairs (partnership_id, name, description, mode, host_school_id, place, online_url, starts_at, ends_at,
                         pool_round_id, created_by)
      VALUES (${partnershipId}, ${values.name}, ${values.description}, ${values.mode}, ${values.host?.id ?? null},
              ${values.place}, ${values.url}, ${at(values.day, "10:00")}::timestamptz,
              ${at(values.day, "15:00")}::timestamptz, ${roundId}, ${adminId})
      RETURNING id`);

  const vacancyOf = async (schoolId: string) =>
    parseRows(
      await tx.execute(sql`
        SELECT v.id FROM vacancies v JOIN vacancy_schools vs ON vs.vacancy_id = v.id
         WHERE vs.school_id = ${schoolId} AND v.status = 'published' ORDER BY v.title LIMIT 1`),
      idRow,
      "an id",
    )[0]?.id ?? null;

  /** The schools, their roles and their meetings at a fair; returns each school's slots in time order. */
  const prepare = async (fairId: string, day: string, schools: School[]) => {
    const slots = new Map<string, { id: string; startsAt: string; endsAt: string }[]>();
    for (const [index, school] of schools.entries()) {
      await tx.execute(sql`
        INSERT INTO fair_schools (fair_id, school_id, stand) VALUES (${fairId}, ${school.id}, ${`Stand ${index + 1}`})`);
      const vacancyId = await vacancyOf(school.id);
      for (const [r, role] of (rolesBySchool[index % rolesBySchool.length] ?? []).entries())
        await tx.execute(sql`
          INSERT INTO fair_roles (fair_id, school_id, title, phase, contract, notes, vacancy_id)
          VALUES (${fairId}, ${school.id}, ${role.title}, ${role.phase}, ${role.contract}, ${role.notes},
                  ${r === 0 ? vacancyId : null})`);
      const starts = [
        ...["10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30", "11:45"],
        ...["13:00", "13:15", "13:30", "13:45", "14:00", "14:15"],
      ].map((time) => at(day, time));
      slots.set(
        school.id,
        parseRows(
          await tx.execute(sql`
            INSERT INTO fair_slots (fair_id, school_id, starts_at, ends_at, capacity, with_whom)
            SELECT ${fairId}, ${school.id}, t, t + interval '15 minutes', 1, ${index === 0 ? "The headteacher" : ""}
              FROM unnest(${`{${starts.join(",")}}`}::timestamptz[]) AS t
            RETURNING id, to_json(starts_at) #>> '{}' AS "startsAt", to_json(ends_at) #>> '{}' AS "endsAt"`),
          z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string() }),
          "the fair slots written",
        ).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      );
    }
    return slots;
  };

  const teacherIds: string[] = [];
  for (const t of fairTeachers)
    teacherIds.push(
      await id(sql`
        INSERT INTO users (email, name, password_hash, email_verified_at) VALUES (${t.email}, ${t.name}, ${passwordHash}, now()) RETURNING id`),
    );
  const register = (fairId: string, userIndex: number) =>
    id(sql`
      INSERT INTO fair_registrations (fair_id, user_id, interests)
      VALUES (${fairId}, ${teacherIds[userIndex] ?? ""}, ${fairTeachers[userIndex]?.interests ?? ""}) RETURNING id`);
  const book = (registrationId: string, slot: { id: string; startsAt: string; endsAt: string } | undefined) =>
    slot
      ? id(sql`
          INSERT INTO fair_bookings (slot_id, registration_id, starts_at, ends_at)
          VALUES (${slot.id}, ${registrationId}, ${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz) RETURNING id`)
      : Promise.resolve(null);

  // The upcoming fair, three weeks away: each seeded teacher meets two schools before 11:00.
  const springDay = dayFrom(21);
  const springId = await fair({
    name: DEMO_FAIR_NAME,
    description: "Meet the schools of the Demo Vale partnership: primary and secondary roles for September.",
    mode: "in_person",
    host,
    place: "Main hall",
    url: null,
    day: springDay,
  });
  const springSlots = await prepare(springId, springDay, taking);
  for (const [i] of fairTeachers.entries()) {
    const registrationId = await register(springId, i);
    const first = taking[i % taking.length];
    const second = taking[(i + 1) % taking.length];
    // Teacher i meets school i at slot i % 2 and school i+1 at slot 2 + i % 2: never overlapping, never full.
    if (first) await book(registrationId, springSlots.get(first.id)?.[i % 2]);
    if (second) await book(registrationId, springSlots.get(second.id)?.[2 + (i % 2)]);
  }

  // An online fair five weeks away, with two schools and no bookings yet.
  const onlineDay = dayFrom(35);
  const onlineId = await fair({
    name: "Demo Vale online evening of schools",
    description: "Short video meetings with schools of the partnership.",
    mode: "online",
    host: null,
    place: "",
    url: "https://meet.example/demo-vale-fair",
    day: onlineDay,
  });
  await prepare(onlineId, onlineDay, taking.slice(0, 2));

  // A fair a fortnight ago at a Riverside school: three teachers met two schools, who followed some of them up.
  const pastDay = dayFrom(-14);
  const pastId = await fair({
    name: "Demo Vale autumn recruitment fair",
    description: "The partnership's autumn fair.",
    mode: "in_person",
    host: pastHost,
    place: "Sports hall",
    url: null,
    day: pastDay,
  });
  const pastSchools = [host, pastHost];
  const pastSlots = await prepare(pastId, pastDay, pastSchools);
  const hrNorthbrook = await id(sql`SELECT id FROM users WHERE email = 'hr.school@northbrook.example'`);
  for (const i of [0, 1, 2]) {
    const registrationId = await register(pastId, i);
    await book(registrationId, pastSlots.get(host.id)?.[i]);
    await book(registrationId, pastSlots.get(pastHost.id)?.[4 + i]);
    if (i === 2) continue;
    const vacancyId = await vacancyOf(host.id);
    const kind = roundId ? "pool_invitation" : vacancyId ? "application_invitation" : null;
    if (!kind) continue;
    await tx.execute(sql`
      INSERT INTO fair_follow_ups (fair_id, school_id, registration_id, kind, vacancy_id, message, created_by)
      VALUES (${pastId}, ${host.id}, ${registrationId}, ${kind}, ${kind === "application_invitation" ? vacancyId : null},
              'Thank you for coming to talk to us.', ${hrNorthbrook})`);
  }
  return { fairs: 3, schools: taking.length };
}
