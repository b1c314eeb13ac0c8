/**
 * `npm run bench:programmes`: shared ECT programmes over Greater Manchester's real schools (about 1,300): 3,000 ECTs
 * in 40 cohorts of four partnership programmes, 20 sessions a cohort at real host schools (one in ten online), every
 * ECT booked on their cohort's sessions (60,000 bookings) and registers taken for the sessions already held. Times
 * the pages that read the most: the partnership's area view, an ECT's timetable and a facilitator's register.
 * Prints its figures; docs/performance.md records them with the machine, its load and the date.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { areaView } from "../../app/programmes/area.server";
import { registerSheet } from "../../app/programmes/register.server";
import { ectTimetable } from "../../app/programmes/timetable.server";
import { services } from "../../app/services.server";
import type { Database } from "../../db/client";
import { importSchools } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { cycle } from "../support/arrays";
import { withBenchRuntime } from "./runtime";
import { measure, ms } from "./stats";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-greater-manchester.csv");
const ECTS = Number(process.env.BENCH_ECTS ?? 3_000);
const PROGRAMMES = 4;
/** Ten cohorts a programme: autumn and spring starters of five academic years. */
const COHORT_YEARS = [2022, 2023, 2024, 2025, 2026];
const SESSIONS_PER_COHORT = 20;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

type Measured = readonly [string, Awaited<ReturnType<typeof measure>>];

async function main() {
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`skipped: ${SCHOOLS_FILE} is missing (the real data lives in ../shared/data)`);
    return;
  }
  await withBenchRuntime("bench_programmes", async (engine) => {
    const db = services().connection.db;
    const report = await importSchools(db, SCHOOLS_FILE);
    console.log(`engine: ${engine}; ${report.inserted} schools`);
    const fixture = await loadProgrammes(db);
    console.log(
      `programmes: ${fixture.counts.cohorts} cohorts, ${fixture.counts.ects} ECTs, ${fixture.counts.sessions} sessions, ` +
        `${fixture.counts.bookings} bookings, ${fixture.counts.marks} register marks`,
    );
    const timed = async (name: string, iterations: number, fn: (i: number) => Promise<unknown>): Promise<Measured> => {
      console.log(`measuring: ${name}`);
      return [name, await measure(iterations, fn)] as const;
    };
    const results: Measured[] = [
      await timed("area view (40 cohorts, 3,000 ECTs)", Math.min(ITERATIONS, 50), () =>
        areaView(db, fixture.adminId, "gm"),
      ),
    ];
    // One after the other: measurements running side by side would time each other.
    const now = new Date();
    results.push(
      await timed("an ECT's timetable (20 sessions with marks, hours per term)", ITERATIONS, (i) => {
        const ect = cycle(fixture.ects, i * 7919);
        return ectTimetable(db, ect.userId, ect.id, now);
      }),
      await timed("a session's register (75 booked ECTs with marks)", ITERATIONS, (i) =>
        registerSheet(db, fixture.facilitatorId, cycle(fixture.sessionIds, i * 31).id),
      ),
    );
    for (const [name, r] of results)
      console.log(`${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (n=${r.n})`);
    console.log(
      "Figures from a loaded machine are not official: re-record them on a quiet one for docs/performance.md.",
    );
  });
}

/** One partnership over every school; its admin, a facilitator of all its programmes; the ECTs with accounts. */
async function loadProgrammes(db: Database) {
  const one = async (q: ReturnType<typeof sql>) =>
    firstRow(rowsOf<{ id: string }>(await db.execute(q)), "a fixture row").id;
  const partnershipId = await one(
    sql`INSERT INTO partnerships (slug, name, region) VALUES ('gm', 'GM', 'North West') RETURNING id`,
  );
  await db.execute(sql`UPDATE schools SET partnership_id = ${partnershipId}`);
  const user = (email: string) =>
    one(sql`INSERT INTO users (email, name, password_hash) VALUES (${email}, ${email}, 'x') RETURNING id`);
  const adminId = await user("admin@gm.example");
  const facilitatorId = await user("facilitator@gm.example");
  await db.execute(sql`
    INSERT INTO memberships (user_id, role, scope_kind, partnership_id)
    VALUES (${adminId}, 'partnership_admin', 'partnership', ${partnershipId})`);
  await db.execute(sql`
    INSERT INTO ect_programmes (name, kind, partnership_id)
    SELECT 'Programme ' || g, 'school_led', ${partnershipId} FROM generate_series(1, ${PROGRAMMES}) g`);
  await db.execute(
    sql`INSERT INTO programme_facilitators (programme_id, user_id) SELECT id, ${facilitatorId} FROM ect_programmes`,
  );
  await db.execute(sql`
    INSERT INTO programme_cohorts (programme_id, academic_year, start_term, name)
    SELECT p.id, y, t::programme_term, initcap(t) || ' ' || y
      FROM ect_programmes p, unnest(${`{${COHORT_YEARS.join(",")}}`}::int[]) y, unnest('{autumn,spring}'::text[]) t`);
  // Twilight sessions every five weeks over the cohort's two years from the cohort's start, at host schools spread over the area; one in ten online.
  await db.execute(sql`
    WITH c AS (SELECT id, academic_year, start_term, row_number() OVER (ORDER BY id) AS n FROM programme_cohorts),
         hosts AS (SELECT id, row_number() OVER (ORDER BY urn) AS n, count(*) OVER () AS total
                     FROM schools WHERE phase IN ('Primary', 'Secondary'))
    INSERT INTO programme_sessions (cohort_id, title, induction_year, starts_at, ends_at, host_school_id, online, capacity)
    SELECT c.id, 'Session ' || k, CASE WHEN k <= ${SESSIONS_PER_COHORT / 2} THEN 1 ELSE 2 END,
           start_day + (k * 35) * interval '1 day' + time '15:30', start_day + (k * 35) * interval '1 day' + time '17:00',
           CASE WHEN k % 10 = 0 THEN NULL ELSE h.id END, k % 10 = 0, 120
      FROM c
      CROSS JOIN LATERAL (SELECT make_date(c.academic_year + CASE WHEN c.start_term = 'spring' THEN 1 ELSE 0 END,
                                           CASE WHEN c.start_term = 'spring' THEN 1 ELSE 9 END, 10)::timestamp
                                   AT TIME ZONE 'Europe/London' AS start_day) d
      CROSS JOIN generate_series(1, ${SESSIONS_PER_COHORT}) k
      JOIN hosts h ON h.n = 1 + (c.n * 97 + k * 31) % h.total`);
  // ECTs with accounts, each at a school and in one cohort (75 a cohort), booked on all its sessions.
  await db.execute(sql`
    INSERT INTO users (email, name, password_hash)
    SELECT 'ect' || g || '@gm.example', 'ECT ' || g, 'x' FROM generate_series(1, ${ECTS}) g`);
  await db.execute(sql`
    INSERT INTO ects (user_id, name, email, trn, induction_starts_on, appropriate_body)
    SELECT u.id, u.name, u.email, (1000000 + row_number() OVER (ORDER BY u.email))::text, '2022-09-01',
           'GM Appropriate Body'
      FROM users u WHERE u.email LIKE 'ect%@gm.example'`);
  await db.execute(sql`
    WITH e AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ects),
         s AS (SELECT id, row_number() OVER (ORDER BY urn) AS n, count(*) OVER () AS total
                 FROM schools WHERE phase IN ('Primary', 'Secondary'))
    INSERT INTO ect_school_periods (ect_id, school_id, starts_on)
    SELECT e.id, s.id, '2022-09-01' FROM e JOIN s ON s.n = 1 + (e.n * 13) % s.total`);
  await db.execute(sql`
    WITH e AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ects),
         c AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM programme_cohorts)
    INSERT INTO cohort_enrolments (cohort_id, ect_id) SELECT c.id, e.id FROM e JOIN c ON c.n = 1 + e.n % c.total`);
  await db.execute(sql`
    INSERT INTO session_bookings (session_id, ect_id, starts_at, ends_at)
    SELECT ps.id, ce.ect_id, ps.starts_at, ps.ends_at
      FROM cohort_enrolments ce JOIN programme_sessions ps ON ps.cohort_id = ce.cohort_id`);
  await db.execute(sql`
    INSERT INTO session_attendance (session_id, ect_id, mark, reason, recorded_by)
    SELECT b.session_id, b.ect_id,
           (CASE WHEN h % 17 = 0 THEN 'excused' WHEN h % 6 = 0 THEN 'absent' ELSE 'present' END)::attendance_mark,
           CASE WHEN h % 17 = 0 THEN 'Illness' END, ${facilitatorId}
      FROM (SELECT session_id, ect_id, abs(hashtext(session_id || ect_id)) AS h FROM session_bookings
             WHERE ends_at < now()) b`);
  await db.execute(sql`INSERT INTO school_ect_settings (school_id, weekly_contact_hours) SELECT id, 22.5 FROM schools`);
  // As autovacuum would after such a load: without statistics the planner misjudges every join.
  await db.execute(sql`ANALYZE`);
  const ects = rowsOf<{ id: string; userId: string }>(
    await db.execute(sql`SELECT id, user_id AS "userId" FROM ects ORDER BY id`),
  );
  const sessionIds = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM programme_sessions WHERE ends_at < now() ORDER BY id`),
  );
  const counts = firstRow(
    rowsOf<{ cohorts: number; ects: number; sessions: number; bookings: number; marks: number }>(
      await db.execute(sql`
        SELECT (SELECT count(*) FROM programme_cohorts)::int AS cohorts, (SELECT count(*) FROM ects)::int AS ects,
               (SELECT count(*) FROM programme_sessions)::int AS sessions,
               (SELECT count(*) FROM session_bookings)::int AS bookings,
               (SELECT count(*) FROM session_attendance)::int AS marks`),
    ),
    "the fixture's counts",
  );
  return { adminId, facilitatorId, ects, sessionIds, counts };
}

await main();
