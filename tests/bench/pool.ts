/**
 * `npm run bench:pool`: the regional teacher pool over England's real schools (../shared/data/schools-england.csv,
 * about 25,000): one round with 20,000 members living near real schools (subjects, phases, contracts, travel
 * distances varied; one in twenty hiding from their nearest school's trust; one in ten without consent; one in eight
 * still being screened), ten taking-part schools. Times HR's pool search from a Manchester school (distance through
 * the members' gist index, filters in SQL, the nearest candidates ranked by fit) and opening a member's profile.
 * Prints its figures; docs/performance.md records them with the machine, its load and the date.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { hrSchoolsInRound } from "../../app/pool/matching/access.server";
import { memberForSchool } from "../../app/pool/matching/matches.server";
import { searchPool, type PoolFilters } from "../../app/pool/matching/search.server";
import { services } from "../../app/services.server";
import { importSchools } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { cycle } from "../support/arrays";
import { withBenchRuntime } from "./runtime";
import { measure, ms } from "./stats";

const SCHOOLS_FILE = path.resolve("../shared/data/schools-england.csv");
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const SUBJECTS = ["primary", "mathematics", "english", "science", "history", "geography", "computing", "music", "pe"];

async function main() {
  if (!existsSync(SCHOOLS_FILE)) {
    console.log(`skipped: ${SCHOOLS_FILE} is missing (the real data lives in ../shared/data)`);
    return;
  }
  await withBenchRuntime("bench_pool", async (engine) => {
    const db = services().connection.db;
    const report = await importSchools(db, SCHOOLS_FILE);
    console.log(`engine: ${engine}; ${report.inserted} schools`);
    const one = async (q: ReturnType<typeof sql>) =>
      firstRow(rowsOf<{ id: string }>(await db.execute(q)), "a fixture row").id;
    const partnershipId = await one(
      sql`INSERT INTO partnerships (slug, name, region) VALUES ('england', 'England', 'England') RETURNING id`,
    );
    const roundId = await one(sql`
      INSERT INTO pool_rounds (partnership_id, name, phase, roles, opens_on, steps, criteria)
      VALUES (${partnershipId}, 'England pool', 'primary', '{ect}', '2026-09-01', '{application_review}', '{Knowledge}')
      RETURNING id`);
    // Every school in some trust (groups of 20 by URN), so hiding from a trust means something.
    await db.execute(sql`
      CREATE TEMP TABLE bench_trusts AS
      WITH made AS (
        INSERT INTO organisations (kind, slug, name, partnership_id)
        SELECT 'academy_trust', 'trust-' || g, 'Trust ' || g, ${partnershipId} FROM generate_series(0, 1300) g
        RETURNING id, substring(slug FROM 7)::int AS g)
      SELECT * FROM made`);
    await db.execute(sql`
      UPDATE schools s SET trust_id = t.id, partnership_id = ${partnershipId}
        FROM (SELECT id, (row_number() OVER (ORDER BY urn))::int / 20 AS g FROM schools) r
        JOIN bench_trusts t USING (g)
       WHERE s.id = r.id`);
    // Ten taking-part schools: Manchester's first, and nine elsewhere in England.
    const manchester = await one(sql`SELECT id FROM schools WHERE la_name = 'Manchester' AND lat IS NOT NULL
                                      ORDER BY urn LIMIT 1`);
    await db.execute(sql`INSERT INTO pool_round_schools (round_id, school_id)
      SELECT ${roundId}, id FROM schools WHERE id = ${manchester}
      UNION SELECT ${roundId}, id FROM (SELECT id FROM schools WHERE lat IS NOT NULL ORDER BY urn LIMIT 9 OFFSET 5000) x`);
    const hrId = await one(
      sql`INSERT INTO users (email, name, password_hash) VALUES ('hr@bench.example', 'HR', 'x') RETURNING id`,
    );
    await db.execute(
      sql`INSERT INTO memberships (user_id, role, scope_kind, school_id) VALUES (${hrId}, 'hr', 'school', ${manchester})`,
    );

    const started = Date.now();
    const located = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM schools WHERE lat IS NOT NULL`),
    )[0]!.n;
    await db.execute(sql`
      INSERT INTO users (email, name, password_hash)
      SELECT 'member' || g || '@bench.example', 'Member ' || g, 'x' FROM generate_series(1, ${MEMBERS}) g`);
    const subjects = sql.raw(`ARRAY[${SUBJECTS.map((x) => `'${x}'`).join(",")}]`);
    await db.execute(sql`
      WITH s AS (SELECT id, lat, lng, postcode, (row_number() OVER (ORDER BY urn))::int AS rn
                   FROM schools WHERE lat IS NOT NULL),
           u AS (SELECT id, g, 1 + (g::bigint * 7919 % ${located})::int AS rn
                   FROM (SELECT id, substring(email FROM 'member([0-9]+)@')::int AS g FROM users
                          WHERE email LIKE 'member%@bench.example') x)
      INSERT INTO pool_members (round_id, user_id, status, step, profile, subjects, phases, contracts, working_patterns,
                                postcode, lat, lng, travel_miles, available_from, shown_to_schools, submitted_at,
                                pooled_at, retain_until)
      SELECT ${roundId}, u.id,
             (CASE WHEN u.g % 8 = 0 THEN 'screening' ELSE 'pooled' END)::pool_status,
             CASE WHEN u.g % 8 = 0 THEN 'application_review' END,
             jsonb_build_object('name', 'Member ' || u.g, 'email', 'member' || u.g || '@bench.example', 'phone', '',
                                'qtsStatus', 'awarded', 'trn', null, 'qualifications', '[]'::jsonb,
                                'employment', '[]'::jsonb, 'gaps', '[]'::jsonb, 'referees', '[]'::jsonb,
                                'personalStatement', 'I teach.', 'rightToWork', 'yes', 'interviewSupport', ''),
             ARRAY['primary', (${subjects})[1 + u.g % ${SUBJECTS.length}]],
             CASE WHEN u.g % 3 = 0 THEN '{secondary}'::text[] ELSE '{primary}'::text[] END,
             CASE WHEN u.g % 4 = 0 THEN '{permanent,fixed_term}'::text[] ELSE '{permanent}'::text[] END,
             CASE WHEN u.g % 5 = 0 THEN '{part_time}'::text[] ELSE '{full_time}'::text[] END,
             s.postcode, s.lat + ((u.g % 17) - 8) * 0.002, s.lng + ((u.g % 13) - 6) * 0.003, 5 + u.g % 26,
             (CASE WHEN u.g % 6 = 0 THEN '2027-04-19' ELSE '2027-09-01' END)::date,
             u.g % 10 <> 0, '2026-09-20T09:00:00Z',
             CASE WHEN u.g % 8 = 0 THEN NULL ELSE '2026-10-01T09:00:00Z'::timestamptz END, '2027-06-30'
        FROM u JOIN s USING (rn)`);
    await db.execute(sql`
      INSERT INTO pool_hidden_from (member_id, organisation_id)
      SELECT DISTINCT ON (m.id) m.id, sc.trust_id FROM pool_members m JOIN schools sc ON sc.postcode = m.postcode
       WHERE substring(m.profile->>'name' FROM '([0-9]+)')::int % 20 = 0 AND sc.trust_id IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await db.execute(sql`ANALYZE`);
    const counts = rowsOf<{ members: number; findable: number; hides: number }>(
      await db.execute(sql`SELECT (SELECT count(*)::int FROM pool_members) AS members,
                     (SELECT count(*)::int FROM pool_members WHERE status = 'pooled' AND shown_to_schools) AS findable,
                     (SELECT count(*)::int FROM pool_hidden_from) AS hides`),
    )[0]!;
    const loaded = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`pool: ${counts.members} members (${counts.findable} findable), ${counts.hides} hides; ${loaded} s`);

    const [school] = await hrSchoolsInRound(db, hrId, roundId);
    if (!school) throw new Error("the HR school is not taking part");
    type Measured = readonly [string, Awaited<ReturnType<typeof measure>>];
    const timed = async (name: string, filters: PoolFilters): Promise<Measured> => {
      const first = await searchPool(db, roundId, school, filters);
      console.log(`measuring: ${name} (${first.total} results, ${first.pages} pages)`);
      return [
        name,
        await measure(ITERATIONS, (i) =>
          searchPool(db, roundId, school, { ...filters, page: 1 + (i % Math.max(1, first.pages)) }),
        ),
      ] as const;
    };
    // One after the other: measurements running side by side would time each other.
    const results: Measured[] = [
      await timed("search: 10 miles, subject and phase", { miles: 10, subject: "mathematics", phase: "primary" }),
      await timed("search: 10 miles, every filter", {
        miles: 10,
        subject: "primary",
        phase: "primary",
        startBy: "2027-09-01",
        contract: "permanent",
        workingPattern: "full_time",
      }),
      await timed("search: 25 miles, no other filter", { miles: 25 }),
      await timed("search: no filter at all (the nearest 2,000 ranked)", {}),
    ];
    const ids = rowsOf<{ id: string }>(
      await db.execute(
        sql`SELECT id FROM pool_members WHERE status = 'pooled' AND shown_to_schools ORDER BY id LIMIT 500`,
      ),
    );
    console.log("measuring: a member's profile");
    results.push([
      "a member's profile (visibility checked)",
      await measure(ITERATIONS, (i) => memberForSchool(db, roundId, cycle(ids, i * 31).id, school.id)),
    ]);
    for (const [name, r] of results)
      console.log(`${name}: p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)} (n=${r.n})`);
    console.log(
      "Figures from a loaded machine are not official: re-record them on a quiet one for docs/performance.md.",
    );
  });
}

await main();
