/**
 * `npm run bench:applications`: 200,000 applications over the 100,000-vacancy benchmark (England's schools), one
 * vacancy with 300 of them, and the timings of the pages that read them: HR's pipeline for that vacancy (list,
 * counts and figures), one application as HR open it, and a teacher's applications page. On the PostgreSQL server
 * named by BENCH_DATABASE_URL (a scratch database is created and dropped), else PGlite in memory. Prints its
 * figures; docs/performance.md records them with the machine and the date.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { myApplications } from "../../app/applications/applications.server";
import { vacancyFigures } from "../../app/applications/figures.server";
import { employerApplication, pipeline } from "../../app/applications/pipeline.server";
import { services } from "../../app/services.server";
import { importSchools } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { cycle } from "../support/arrays";
import { loadVacancies } from "./fixture";
import { withBenchRuntime } from "./runtime";
import { measure, ms } from "./stats";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-england.csv");
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 100_000);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 200_000);
const PER_TEACHER = 10;
const ON_BUSY_VACANCY = 300;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

/** A realistic profile copy (about 2 kB of jsonb), varied by the applicant's number. */
const profileSql = (n: string) =>
  sql.raw(`jsonb_build_object(
  'name', 'Applicant ' || ${n}, 'email', 'applicant' || ${n} || '@bench.example', 'phone', '01632 960 001',
  'qtsStatus', 'awarded', 'trn', lpad((1000000 + ${n})::text, 7, '0'),
  'qualifications', jsonb_build_array(jsonb_build_object('title', 'PGCE Secondary Mathematics', 'institution', 'University of Leeds', 'grade', 'Pass', 'year', 2015 + ${n} % 8)),
  'employment', jsonb_build_array(
     jsonb_build_object('employer', 'Hillside School', 'jobTitle', 'Teacher', 'startedOn', '2015-09', 'endedOn', '2019-07', 'reasonForLeaving', 'Promotion'),
     jsonb_build_object('employer', 'Brookfield Academy', 'jobTitle', 'Second in department', 'startedOn', '2019-09', 'endedOn', null, 'reasonForLeaving', '')),
  'gaps', '[]'::jsonb,
  'referees', jsonb_build_array(
     jsonb_build_object('name', 'Ada Head', 'jobTitle', 'Headteacher', 'organisation', 'Brookfield Academy', 'email', 'ada@brookfield.example', 'phone', '', 'relationship', 'Headteacher', 'currentEmployer', true, 'contactBeforeInterview', true),
     jsonb_build_object('name', 'Ben Tutor', 'jobTitle', 'Tutor', 'organisation', 'University of Leeds', 'email', 'ben@leeds.example', 'phone', '', 'relationship', 'PGCE tutor', 'currentEmployer', false, 'contactBeforeInterview', false)),
  'personalStatement', repeat('I teach mathematics with care, rigour and high expectations for every pupil. ', 12),
  'rightToWork', 'yes', 'interviewSupport', '')`);

async function loadApplications(db: ReturnType<typeof services>["connection"]["db"]) {
  const live = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM vacancies WHERE status IN ('published', 'closed') ORDER BY id`),
  );
  const busy = firstRow(live, "a live vacancy");
  await db.execute(sql`UPDATE vacancies SET apply_method = 'staffroom'`);
  await db.execute(sql`CREATE TEMP TABLE bench_live AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM vacancies
                        WHERE status IN ('published', 'closed') AND id <> ${busy.id}`);
  const teachers = Math.ceil(APPLICATIONS / PER_TEACHER);
  await db.execute(sql`INSERT INTO users (email, name, password_hash)
                        SELECT 'applicant' || t || '@bench.example', 'Applicant ' || t, 'x' FROM generate_series(1, ${teachers}) t`);
  await db.execute(sql`CREATE TEMP TABLE bench_teachers AS SELECT id, row_number() OVER (ORDER BY email) AS n FROM users
                        WHERE email LIKE 'applicant%@bench.example'`);
  const states = `{submitted,submitted,submitted,shortlisted,interviewing,unsuccessful,unsuccessful,withdrawn,offered,draft}`;
  // Application k: teacher ceil(k / 10); the first application of each of the first 300 teachers is to the busy
  // vacancy, every other to live vacancy 7919k mod N (distinct for one teacher).
  const batch = 20_000;
  for (let from = 1; from <= APPLICATIONS; from += batch) {
    const to = Math.min(APPLICATIONS, from + batch - 1);
    await db.execute(sql`
      INSERT INTO applications (vacancy_id, user_id, status, profile, submitted_at, status_changed_at)
      SELECT CASE WHEN k % ${PER_TEACHER} = 1 AND k <= ${PER_TEACHER * ON_BUSY_VACANCY} THEN ${busy.id} ELSE v.id END,
             t.id, st.status, ${profileSql("k")},
             CASE WHEN st.status = 'draft' THEN NULL ELSE now() - (k % 30) * interval '1 day' END, now()
        FROM generate_series(${from}::int, ${to}::int) k
        CROSS JOIN LATERAL (SELECT (${states}::application_status[])[1 + (k / ${PER_TEACHER} + k) % 10] AS status) st
        JOIN bench_teachers t ON t.n = (k - 1) / ${PER_TEACHER} + 1
        JOIN bench_live v ON v.n = 1 + (k * 7919) % (SELECT count(*) FROM bench_live)
      ON CONFLICT DO NOTHING`);
  }
  await db.execute(sql`INSERT INTO application_events (application_id, from_status, to_status, at)
                        SELECT id, 'draft', 'submitted', submitted_at FROM applications WHERE submitted_at IS NOT NULL`);
  await db.execute(sql`ANALYZE`);
  const [{ n = 0 } = {}] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM applications`));
  return { busyId: busy.id, applications: Number(n) };
}

async function main() {
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`skipped: ${SCHOOLS_FILE} is missing (the real data lives in ../shared/data)`);
    return;
  }
  await withBenchRuntime("bench_applications", async (engine) => {
    const db = services().connection.db;
    const report = await importSchools(db, SCHOOLS_FILE);
    await loadVacancies(db, VACANCIES);
    const started = performance.now();
    const { busyId, applications } = await loadApplications(db);
    console.log(
      `engine: ${engine}; ${report.inserted} schools, ${VACANCIES} vacancies, ${applications} applications (loaded in ${Math.round((performance.now() - started) / 1000)} s)`,
    );
    const hr = firstRow(
      rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM users WHERE email = 'hr@bench.example'`)),
      "the bench HR",
    );
    // The busy vacancy's HR: whoever manages it, made so by owning it.
    await db.execute(
      sql`UPDATE vacancies SET owner_organisation_id = (SELECT organisation_id FROM memberships WHERE user_id = ${hr.id}), owner_school_id = NULL WHERE id = ${busyId}`,
    );
    const onBusy = rowsOf<{ id: string }>(
      await db.execute(sql`SELECT id FROM applications WHERE vacancy_id = ${busyId} AND status <> 'draft' ORDER BY id`),
    );
    const teachers = rowsOf<{ id: string }>(
      await db.execute(sql`SELECT id FROM users WHERE email LIKE 'applicant%@bench.example' ORDER BY id LIMIT 1000`),
    );

    const list = await measure(ITERATIONS, () => pipeline(db, busyId, false));
    const filtered = await measure(ITERATIONS, () => pipeline(db, busyId, false, "shortlisted"));
    const figures = await measure(ITERATIONS, () => vacancyFigures(db, busyId));
    const opened = await measure(ITERATIONS, (i) => employerApplication(db, hr.id, cycle(onBusy, i).id));
    const mine = await measure(ITERATIONS, (i) => myApplications(db, cycle(teachers, i * 7).id));
    const line = (what: string, p: { p50: number; p95: number; n: number }) =>
      console.log(`${what}: p50 ${ms(p.p50)}, p95 ${ms(p.p95)} (n=${p.n})`);
    line(`HR pipeline, ${onBusy.length} applications, all states`, list);
    line("HR pipeline, one state", filtered);
    line("HR figures for that vacancy", figures);
    line("HR opens one application (with its view logged)", opened);
    line(`a teacher's applications page (${PER_TEACHER} each)`, mine);
  });
}

await main();
