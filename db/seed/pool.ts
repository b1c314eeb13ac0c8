import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { firstRow, idRow, parseRows } from "../rows";
import type { ApplicationProfile } from "../../app/vocabulary/applications";
import { defaultCriteria, RETENTION_MONTHS } from "../../app/vocabulary/pool";
import { schoolTypesOf } from "../../app/vocabulary/school-types";

/**
 * The demo's regional teacher pool (issue 17): in Demo Vale, an open primary ECT round with 14 applicants in every
 * state (screening at each step with panel scores, pooled with and without consent, not this time with feedback,
 * appointed, withdrawn, a draft), conversations mid-way at Northbrook schools, the demo teacher pooled with an open
 * offer, and an always-open round for experienced teachers. Deterministic for a given `now`.
 *
 * Pia Pool is kept for tests/e2e/pool-matching.spec.ts (found, invited, offered, accepts); no other spec touches her.
 * The outcome rows are written as app/pool/outcome-record.server.ts writes them (db/ may not import a capability):
 * tests/integration/pool-seed.test.ts checks the two agree.
 */

export const POOL_ROUND_NAME = "Demo Vale primary ECT pool 2027";
export const POOL_E2E_MEMBER_EMAIL = "pia.pool@applicants.example";

type Status = "draft" | "screening" | "pooled" | "not_this_time" | "appointed" | "withdrawn";
type Applicant = {
  name: string;
  status: Status;
  step?: "application_review" | "interview" | "observed_lesson";
  subjects: string[];
  /** Which taking-part school they live near (its index), and how far north-east of it, in km. */
  near: number;
  offsetKm: number;
  travelMiles: number;
  shown?: boolean;
  scored?: boolean;
  hideFromRiverside?: boolean;
  email?: string;
};

const applicants: Applicant[] = [
  {
    name: "Pia Pool",
    status: "pooled",
    subjects: ["primary", "mathematics"],
    near: 0,
    offsetKm: 1.5,
    travelMiles: 10,
    scored: true,
    hideFromRiverside: true,
    email: POOL_E2E_MEMBER_EMAIL,
  },
  {
    name: "Aisha Rahman",
    status: "pooled",
    subjects: ["primary", "english"],
    near: 0,
    offsetKm: 2.5,
    travelMiles: 8,
    scored: true,
  },
  {
    name: "Brandon Cole",
    status: "pooled",
    subjects: ["primary", "pe"],
    near: 1,
    offsetKm: 3,
    travelMiles: 15,
    scored: true,
  },
  {
    name: "Cerys Morgan",
    status: "pooled",
    subjects: ["primary", "music"],
    near: 3,
    offsetKm: 2,
    travelMiles: 12,
    scored: true,
  },
  {
    name: "Daniel Osei",
    status: "pooled",
    subjects: ["primary", "science"],
    near: 2,
    offsetKm: 4,
    travelMiles: 10,
    scored: true,
  },
  {
    name: "Elena Petrova",
    status: "pooled",
    subjects: ["primary"],
    near: 4,
    offsetKm: 1,
    travelMiles: 5,
    shown: false,
    scored: true,
  },
  {
    name: "Farah Iqbal",
    status: "screening",
    step: "application_review",
    subjects: ["primary"],
    near: 0,
    offsetKm: 3,
    travelMiles: 10,
  },
  {
    name: "George Lund",
    status: "screening",
    step: "application_review",
    subjects: ["primary", "computing"],
    near: 1,
    offsetKm: 2,
    travelMiles: 10,
    scored: true,
  },
  {
    name: "Hannah Price",
    status: "screening",
    step: "interview",
    subjects: ["primary", "art_design"],
    near: 2,
    offsetKm: 5,
    travelMiles: 20,
    scored: true,
  },
  {
    name: "Isaac Turner",
    status: "screening",
    step: "observed_lesson",
    subjects: ["primary", "history"],
    near: 3,
    offsetKm: 3,
    travelMiles: 10,
    scored: true,
  },
  {
    name: "Jade Whitfield",
    status: "not_this_time",
    subjects: ["primary"],
    near: 4,
    offsetKm: 2,
    travelMiles: 10,
    scored: true,
  },
  {
    name: "Kwame Mensah",
    status: "appointed",
    subjects: ["primary", "mathematics"],
    near: 0,
    offsetKm: 2,
    travelMiles: 10,
    scored: true,
  },
  {
    name: "Lily Chen",
    status: "appointed",
    subjects: ["primary", "early_years"],
    near: 1,
    offsetKm: 1,
    travelMiles: 8,
    scored: true,
  },
  { name: "Marcus Hill", status: "withdrawn", subjects: ["primary"], near: 2, offsetKm: 6, travelMiles: 10 },
  { name: "Nadia Ferreira", status: "draft", subjects: ["primary", "french"], near: 3, offsetKm: 4, travelMiles: 10 },
];

function profileOf(name: string, email: string, subjects: string[], i: number): ApplicationProfile {
  const first = name.split(" ")[0] ?? name;
  const main = subjects[1] ?? "primary";
  return {
    name,
    email,
    phone: `01632 960 ${String(200 + i).padStart(3, "0")}`,
    qtsStatus: "awarded",
    trn: String(3000000 + i * 37),
    qualifications: [
      {
        title: "BA (Hons) Primary Education with QTS",
        institution: "University of Demoshire",
        grade: "2:1",
        year: 2026,
      },
    ],
    employment: [
      {
        employer: "Demo Vale Holiday Club",
        jobTitle: "Play leader",
        startedOn: "2023-07",
        endedOn: "2025-08",
        reasonForLeaving: "Began final-year placements",
      },
    ],
    gaps: [],
    referees: [
      {
        name: "Dr Ruth Tutor",
        jobTitle: "Course leader, primary ITE",
        organisation: "University of Demoshire",
        email: "ruth.tutor@demoshire-uni.example",
        phone: "",
        relationship: `${first}'s course leader`,
        currentEmployer: false,
        contactBeforeInterview: true,
      },
      {
        name: "Tom Mentor",
        jobTitle: "Class teacher and placement mentor",
        organisation: "Brook Lane Primary School",
        email: "tom.mentor@brooklane.example",
        phone: "",
        relationship: "Final placement mentor",
        currentEmployer: false,
        contactBeforeInterview: false,
      },
    ],
    personalStatement: `On my final placement I taught a Year 4 class for six weeks and led ${
      main === "primary" ? "phonics interventions" : `the class's ${main.replace("_", " ")} lessons`
    }. I want to begin my induction in a school of the Demo Vale partnership, close to home.`,
    rightToWork: "yes",
    interviewSupport: "",
  };
}

const KM_PER_DEGREE_LAT = 111.32;
/** A point `km` north-east of (lat, lng), rounded like real coordinates. */
function offset(lat: number, lng: number, km: number) {
  const d = km / Math.SQRT2;
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return {
    lat: round(lat + d / KM_PER_DEGREE_LAT),
    lng: round(lng + d / (KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180))),
  };
}

const schoolRow = z.object({
  id: z.string(),
  name: z.string(),
  postcode: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  typeGroup: z.string().nullable(),
  religiousCharacter: z.string().nullable(),
  establishmentType: z.string().nullable(),
});
type School = z.infer<typeof schoolRow>;

async function primarySchools(tx: Executor, partnershipId: string, owner: SQLOwner, preferred: string[], n: number) {
  const rows = parseRows(
    await tx.execute(sql`
      SELECT s.id, s.name, s.postcode, s.lat, s.lng, s.type_group AS "typeGroup",
             s.religious_character AS "religiousCharacter", s.establishment_type AS "establishmentType"
        FROM schools s LEFT JOIN organisations o ON o.id = s.trust_id
       WHERE s.partnership_id = ${partnershipId} AND s.lat IS NOT NULL
         AND ${owner === "la" ? sql`s.trust_id IS NULL` : sql`o.slug = ${owner}`}
       ORDER BY (s.name = ANY(${`{${preferred.map((p) => `"${p}"`).join(",")}}`}::text[])) DESC,
                (s.phase ILIKE 'primary%') DESC, s.urn
       LIMIT ${n}`),
    schoolRow,
    "the demo schools",
  );
  return rows;
}
type SQLOwner = "northbrook-learning-trust" | "riverside-schools-trust" | "la";

const userId = async (tx: Executor, email: string) =>
  parseRows(await tx.execute(sql`SELECT id FROM users WHERE email = ${email}`), idRow, "an id")[0]?.id ?? null;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export async function seedPool(tx: Executor, partnershipId: string, passwordHash: string, now: Date): Promise<number> {
  const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
  const northbrook = await primarySchools(
    tx,
    partnershipId,
    "northbrook-learning-trust",
    ["Northbrook Primary Academy", "Northbrook Meadows Primary Academy", "Millford Lane Primary Academy"],
    3,
  );
  const riverside = await primarySchools(
    tx,
    partnershipId,
    "riverside-schools-trust",
    ["Riverside Primary School", "Willow Bank Primary School"],
    2,
  );
  const la = await primarySchools(tx, partnershipId, "la", ["Brook Lane Primary School"], 1);
  const schools = [...northbrook, ...riverside, ...la];
  if (northbrook.length === 0 || riverside.length === 0) return 0;
  const riversideTrust = parseRows(
    await tx.execute(sql`SELECT id FROM organisations WHERE slug = 'riverside-schools-trust'`),
    idRow,
    "an id",
  )[0];
  const admin = await userId(tx, "admin@staffroom.example");
  const panel = [await userId(tx, "hr@northbrook.example"), await userId(tx, "hr@riverside.example")].filter(
    (id): id is string => id !== null,
  );

  const round = firstRow(
    parseRows(
      await tx.execute(sql`
        INSERT INTO pool_rounds (partnership_id, name, description, phase, roles, opens_on, closes_on, steps, criteria,
                                 created_by)
        VALUES (${partnershipId}, ${POOL_ROUND_NAME},
                'Early career teachers finishing their training in 2027: apply once, and every primary school of the partnership taking part can find you.',
                'primary', '{ect}'::text[], ${dayOf(day(-60))}, ${dayOf(day(120))},
                '{application_review,interview,observed_lesson}'::text[],
                ${`{${defaultCriteria.map((c) => `"${c}"`).join(",")}}`}::text[], ${admin})
        RETURNING id`),
      idRow,
      "an id",
    ),
    "the demo pool round",
  );
  const open = firstRow(
    parseRows(
      await tx.execute(sql`
        INSERT INTO pool_rounds (partnership_id, name, description, phase, roles, opens_on, closes_on, steps, criteria,
                                 created_by)
        VALUES (${partnershipId}, 'Demo Vale experienced teachers (always open)',
                'Experienced teachers who would like to work in the partnership: apply at any time.',
                'primary', '{experienced}'::text[], ${dayOf(day(-200))}, NULL, '{application_review,interview}'::text[],
                ${`{${defaultCriteria.map((c) => `"${c}"`).join(",")}}`}::text[], ${admin})
        RETURNING id`),
      idRow,
      "an id",
    ),
    "the always-open pool round",
  );
  for (const s of schools) {
    await tx.execute(sql`INSERT INTO pool_round_schools (round_id, school_id) VALUES (${round.id}, ${s.id})`);
    await tx.execute(sql`INSERT INTO pool_round_schools (round_id, school_id) VALUES (${open.id}, ${s.id})`);
  }
  for (const p of panel)
    await tx.execute(
      sql`INSERT INTO pool_round_panel (round_id, user_id) VALUES (${round.id}, ${p}), (${open.id}, ${p})`,
    );

  const retainUntil = dayOf(day(RETENTION_MONTHS * 30));
  const memberIds: string[] = [];
  const insertMember = async (
    a: Applicant & { userId: string; email: string; roundId: string; i: number },
  ): Promise<string> => {
    const home = schools[a.near % schools.length]!;
    const at = offset(home.lat, home.lng, a.offsetKm);
    const submitted = a.status === "draft" ? null : day(-50 + a.i).toISOString();
    const pooled = a.status === "pooled" || a.status === "appointed" ? day(-30 + a.i).toISOString() : null;
    const appointedSchool = a.status === "appointed" ? northbrook[a.i % northbrook.length]! : null;
    const shown = a.status === "pooled" || a.status === "appointed" ? a.shown !== false : false;
    const m = firstRow(
      parseRows(
        await tx.execute(sql`
          INSERT INTO pool_members (round_id, user_id, status, step, profile, supporting_statement, subjects, phases,
                                    year_groups, contracts, working_patterns, postcode, lat, lng, travel_miles,
                                    available_from, shown_to_schools, consent_given_at, retain_until, feedback,
                                    submitted_at, pooled_at, appointed_at, appointed_school_id, status_changed_at)
          VALUES (${a.roundId}, ${a.userId}, ${a.status}, ${a.status === "screening" ? (a.step ?? null) : null},
                  ${JSON.stringify(profileOf(a.name, a.email, a.subjects, a.i))}::jsonb,
                  'I would like to start my induction in a Demo Vale primary school, where I trained.',
                  ${`{${a.subjects.join(",")}}`}::text[], '{primary}'::text[],
                  ${a.i % 2 === 0 ? "{1,2,3,4}" : "{3,4,5,6}"}::text[],
                  ${a.i % 3 === 0 ? "{permanent,fixed_term}" : "{permanent}"}::text[],
                  ${a.i % 4 === 0 ? "{full_time,part_time}" : "{full_time}"}::text[],
                  ${home.postcode}, ${at.lat}, ${at.lng}, ${a.travelMiles}, ${a.i % 5 === 0 ? "2027-04-19" : "2027-09-01"},
                  ${shown}, ${a.status === "draft" ? null : submitted}, ${retainUntil},
                  ${a.status === "not_this_time" ? "Thank you for applying. The panel liked your planning; at interview we wanted more on how you would adapt lessons for pupils with SEND. Please apply again next round." : null},
                  ${submitted}, ${pooled}, ${a.status === "appointed" ? day(-10 + a.i - 11).toISOString() : null},
                  ${appointedSchool?.id ?? null}, ${day(-5).toISOString()})
          RETURNING id`),
        idRow,
        "an id",
      ),
      "a demo pool member",
    );
    if (a.hideFromRiverside && riversideTrust)
      await tx.execute(
        sql`INSERT INTO pool_hidden_from (member_id, organisation_id) VALUES (${m.id}, ${riversideTrust.id})`,
      );
    if (a.scored && panel.length > 0) {
      const steps =
        a.status === "screening"
          ? ["application_review", "interview", "observed_lesson"].slice(
              0,
              ["application_review", "interview", "observed_lesson"].indexOf(a.step ?? "application_review") + 1,
            )
          : ["application_review", "interview", "observed_lesson"];
      for (const [s, step] of steps.entries())
        for (const [c, criterion] of defaultCriteria.entries())
          await tx.execute(sql`
            INSERT INTO pool_scores (member_id, step, criterion, score, note, scorer_user_id, at)
            VALUES (${m.id}, ${step}, ${criterion}, ${a.status === "not_this_time" && step === "interview" ? 2 : 2 + ((a.i + s + c) % 3)},
                    ${c === 0 ? "Clear, confident subject knowledge." : ""}, ${panel[(s + c) % panel.length]!},
                    ${day(-45 + a.i + s * 5).toISOString()})`);
    }
    // The way here, as events.
    const path: [string | null, string][] =
      a.status === "draft"
        ? []
        : a.status === "screening"
          ? [["draft", "screening"]]
          : a.status === "pooled"
            ? [
                ["draft", "screening"],
                ["screening", "pooled"],
              ]
            : a.status === "appointed"
              ? [
                  ["draft", "screening"],
                  ["screening", "pooled"],
                  ["pooled", "appointed"],
                ]
              : [
                  ["draft", "screening"],
                  ["screening", a.status],
                ];
    for (const [k, [from, to]] of path.entries())
      await tx.execute(sql`
        INSERT INTO pool_events (member_id, actor_user_id, from_status, to_status, message, at)
        VALUES (${m.id}, ${to === "screening" || to === "withdrawn" ? a.userId : (panel[0] ?? null)}, ${from}, ${to},
                ${to === "not_this_time" ? "Feedback sent" : null}, ${day(-50 + a.i + k * 10).toISOString()})`);
    return m.id;
  };

  for (const [i, a] of applicants.entries()) {
    const email = a.email ?? `${a.name.toLowerCase().replace(/[^a-z]+/g, ".")}@applicants.example`;
    const user = firstRow(
      parseRows(
        await tx.execute(sql`INSERT INTO users (email, name, password_hash, email_verified_at)
                              VALUES (${email}, ${a.name}, ${passwordHash}, ${day(-60).toISOString()}) RETURNING id`),
        idRow,
        "an id",
      ),
      "a demo pool applicant",
    );
    memberIds.push(await insertMember({ ...a, userId: user.id, email, roundId: round.id, i }));
  }

  // The demo teacher: pooled in the ECT round with an open offer from Northbrook's first primary school.
  const teacherId = await userId(tx, "teacher@staffroom.example");
  let teacherMember: string | null = null;
  if (teacherId) {
    teacherMember = await insertMember({
      name: "Tess Teacher",
      status: "pooled",
      subjects: ["primary", "mathematics"],
      near: 0,
      offsetKm: 3.5,
      travelMiles: 12,
      scored: true,
      userId: teacherId,
      email: "teacher@staffroom.example",
      roundId: round.id,
      i: applicants.length,
    });
    memberIds.push(teacherMember);
  }
  // One experienced teacher in the always-open round.
  const exp = firstRow(
    parseRows(
      await tx.execute(sql`INSERT INTO users (email, name, password_hash, email_verified_at)
                            VALUES ('owen.brooks@applicants.example', 'Owen Brooks', ${passwordHash}, ${day(-90).toISOString()})
                            RETURNING id`),
      idRow,
      "an id",
    ),
    "the experienced applicant",
  );
  memberIds.push(
    await insertMember({
      name: "Owen Brooks",
      status: "pooled",
      subjects: ["primary", "send"],
      near: 1,
      offsetKm: 4,
      travelMiles: 15,
      userId: exp.id,
      email: "owen.brooks@applicants.example",
      roundId: open.id,
      i: applicants.length + 1,
    }),
  );

  // Conversations mid-way at Northbrook's schools (never with Pia, kept for the e2e journey).
  const hrNorthbrook = await userId(tx, "hr@northbrook.example");
  const byName = (name: string) => memberIds[applicants.findIndex((a) => a.name === name)]!;
  const nb = (k: number) => northbrook[k % northbrook.length]!;
  const match = async (
    memberId: string,
    school: School,
    state: string,
    extra: { kind?: string; at?: Date; role?: string; message?: string } = {},
  ) =>
    tx.execute(sql`
      INSERT INTO pool_matches (member_id, school_id, state, invitation_kind, invitation_at, role_title, message, created_by)
      VALUES (${memberId}, ${school.id}, ${state}, ${extra.kind ?? null}, ${extra.at?.toISOString() ?? null},
              ${extra.role ?? ""}, ${extra.message ?? ""}, ${hrNorthbrook})`);
  await match(byName("Aisha Rahman"), nb(0), "shortlisted");
  await match(byName("Brandon Cole"), nb(1), "invited", {
    kind: "visit",
    at: new Date(Date.UTC(day(7).getUTCFullYear(), day(7).getUTCMonth(), day(7).getUTCDate(), 9, 30)),
    message: "Come and see us: spend a morning in Year 3 and meet the team.",
  });
  await match(byName("Daniel Osei"), nb(2), "offered", {
    role: "Year 5 class teacher (ECT), from September 2027",
    message: "We were impressed by your observed lesson and would love you to join us.",
  });
  await match(byName("Kwame Mensah"), nb(0), "accepted", { role: "Year 2 class teacher (ECT)" });
  await match(byName("Lily Chen"), nb(1), "accepted", { role: "Reception class teacher (ECT)" });
  if (teacherMember)
    await match(teacherMember, nb(0), "offered", {
      role: "Year 4 class teacher (ECT), from September 2027",
      message: "Thank you for visiting. We would like to offer you a post in Year 4.",
    });

  // The anonymous outcome of every application sent, as recordOutcome writes it.
  const roundPhase = "primary";
  for (const id of memberIds) {
    const [m] = parseRows(
      await tx.execute(sql`SELECT round_id AS "roundId", status::text AS status, phases, subjects,
                                  to_char(submitted_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "submittedAt",
                                  to_char(pooled_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "pooledAt",
                                  to_char(appointed_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS "appointedAt",
                                  appointed_school_id AS "appointedSchoolId"
                             FROM pool_members WHERE id = ${id}`),
      z.object({
        roundId: z.string(),
        status: z.string(),
        phases: z.array(z.string()),
        subjects: z.array(z.string()),
        submittedAt: z.string().nullable(),
        pooledAt: z.string().nullable(),
        appointedAt: z.string().nullable(),
        appointedSchoolId: z.string().nullable(),
      }),
      "a pool member for its outcome",
    );
    if (!m || m.status === "draft") continue;
    const school = schools.find((s) => s.id === m.appointedSchoolId);
    const types = school ? schoolTypesOf(school) : [];
    const employerKind = m.appointedSchoolId
      ? types.includes("academy")
        ? "academy"
        : types.includes("la_maintained")
          ? "la_maintained"
          : "other"
      : null;
    await tx.execute(sql`
      INSERT INTO pool_outcomes (member_id, round_id, phase, subject, submitted_on, pooled_on, appointed_on,
                                 appointed_school_id, employer_kind)
      VALUES (${id}, ${m.roundId}, ${m.phases[0] ?? roundPhase}, ${m.subjects[0] ?? null}, ${m.submittedAt},
              ${m.pooledAt}, ${m.appointedAt}, ${m.appointedSchoolId}, ${employerKind})`);
  }
  return memberIds.length;
}
