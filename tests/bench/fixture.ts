import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { firstRow, rowsOf } from "../../db/rows";

/** Subjects of the generated secondary roles, with the words their titles use. */
const SUBJECTS = [
  ["mathematics", "Mathematics"],
  ["english", "English"],
  ["science", "Science"],
  ["physics", "Physics"],
  ["chemistry", "Chemistry"],
  ["biology", "Biology"],
  ["history", "History"],
  ["geography", "Geography"],
  ["computing", "Computing"],
  ["mfl", "Modern Foreign Languages"],
  ["art_design", "Art and Design"],
  ["music", "Music"],
  ["pe", "PE"],
  ["religious_education", "Religious Education"],
  ["design_technology", "Design and Technology"],
  ["drama", "Drama"],
] as const;

/**
 * 100,000 vacancies over every school, in SQL. One trust owns 500 schools (its HR manages about 2,000
 * vacancies); 200 more trusts own the other academies, 20 or so each; the rest are owned by their school.
 * 70% live, 10% drafts, 20% closed. Roles, subjects, phases (from the school's), key stages, contracts,
 * part-time posts, pay ranges and ECT/visa flags vary deterministically with the vacancy's number, and one
 * vacancy in ten is shared with the school's nearest neighbour (0.5 FTE each).
 */
export async function loadVacancies(db: Database, count: number) {
  await db.execute(sql`INSERT INTO partnerships (slug, name, region) VALUES ('bench', 'Bench', 'England')`);
  const trust = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(
        sql`INSERT INTO organisations (kind, slug, name) VALUES ('academy_trust', 'bench-trust', 'Bench Trust') RETURNING id`,
      ),
    ),
    "the row inserted into organisations",
  );
  await db.execute(
    sql`UPDATE schools SET trust_id = ${trust.id} WHERE id IN (SELECT id FROM schools ORDER BY urn LIMIT 500)`,
  );
  await db.execute(sql`
    INSERT INTO organisations (kind, slug, name)
    SELECT 'academy_trust', 'bench-trust-' || t, 'Bench Academy Trust ' || t FROM generate_series(1, 200) t`);
  await db.execute(sql`
    UPDATE schools s SET trust_id = o.id
      FROM (SELECT id, row_number() OVER (ORDER BY urn) AS n FROM schools WHERE trust_id IS NULL AND type_group = 'academy') a
      JOIN organisations o ON o.slug = 'bench-trust-' || (1 + a.n % 200)
     WHERE s.id = a.id`);
  const user = firstRow(
    rowsOf<{ id: string }>(
      await db.execute(
        sql`INSERT INTO users (email, name, password_hash) VALUES ('hr@bench.example', 'Bench HR', 'x') RETURNING id`,
      ),
    ),
    "the row inserted into users",
  );
  await db.execute(
    sql`INSERT INTO memberships (user_id, role, scope_kind, organisation_id) VALUES (${user.id}, 'hr', 'organisation', ${trust.id})`,
  );
  await db.execute(sql`
    CREATE TEMP TABLE bench_schools AS
    SELECT s.id, s.trust_id, s.phase, row_number() OVER (ORDER BY s.urn) AS n,
           (SELECT s2.id FROM schools s2
             WHERE s2.id <> s.id AND s2.lat IS NOT NULL AND s2.lng IS NOT NULL AND s.lat IS NOT NULL
             ORDER BY ll_to_earth(s2.lat, s2.lng) <-> ll_to_earth(s.lat, s.lng) LIMIT 1) AS neighbour_id
      FROM schools s`);
  const { c } = firstRow(
    rowsOf<{ c: number }>(await db.execute(sql`SELECT count(*)::int AS c FROM bench_schools`)),
    "a count",
  );
  const subjectValues = `{${SUBJECTS.map(([v]) => v).join(",")}}`;
  const subjectTitles = `{${SUBJECTS.map(([, t]) => `"${t}"`).join(",")}}`;
  // Vacancy g sits at school ((g * 7919) mod c) + 1: spread evenly, deterministically.
  const batch = 20_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      WITH g AS (
        SELECT g, s.id AS school_id, s.trust_id,
               CASE WHEN s.phase = 'Primary' THEN 'primary' WHEN s.phase = 'Secondary' THEN 'secondary'
                    ELSE (ARRAY['primary', 'secondary'])[1 + g % 2] END AS phase,
               (ARRAY['classroom_teacher','classroom_teacher','classroom_teacher','classroom_teacher','classroom_teacher',
                      'classroom_teacher','head_of_department','senco','teaching_assistant','assistant_head'])[1 + g % 10] AS role,
               1 + (g / 10) % 16 AS subject
          FROM generate_series(${from}::int, ${to}::int) g
          JOIN bench_schools s ON s.n = ((g::bigint * 7919) % ${c}) + 1)
      INSERT INTO vacancies (id, owner_organisation_id, owner_school_id, status, title, role, phases, key_stages, subjects,
                             contract_type, working_pattern, pay_range, salary_min_fte, salary_max_fte, fte, ect_suitable,
                             visa_sponsorship, about_role, apply_method, apply_url, published_at, closes_at, closed_at, closed_reason, updated_at)
      SELECT md5('bench' || g)::uuid::text, trust_id, CASE WHEN trust_id IS NULL THEN school_id END,
             (CASE WHEN g % 10 < 7 THEN 'published' WHEN g % 10 < 8 THEN 'draft' ELSE 'closed' END)::vacancy_status,
             CASE role
               WHEN 'classroom_teacher' THEN CASE WHEN phase = 'primary' THEN 'Class Teacher (Year ' || (1 + g % 6) || ')'
                                                  ELSE 'Teacher of ' || (${subjectTitles}::text[])[subject] END
               WHEN 'head_of_department' THEN 'Head of ' || (${subjectTitles}::text[])[subject]
               WHEN 'senco' THEN 'SENCO'
               WHEN 'teaching_assistant' THEN 'Teaching Assistant'
               ELSE 'Assistant Headteacher' END,
             role, ARRAY[phase],
             CASE WHEN phase = 'primary' THEN ARRAY['ks1', 'ks2'] ELSE ARRAY['ks3', 'ks4'] END,
             CASE WHEN role IN ('classroom_teacher', 'head_of_department') THEN
                    CASE WHEN phase = 'primary' AND role = 'classroom_teacher' THEN ARRAY['primary'] ELSE ARRAY[(${subjectValues}::text[])[subject]] END
                  WHEN role = 'senco' THEN ARRAY['send'] ELSE ARRAY[]::text[] END,
             (CASE g % 7 WHEN 0 THEN 'fixed_term' WHEN 1 THEN 'maternity_cover' ELSE 'permanent' END)::contract_type,
             (CASE WHEN g % 5 = 0 THEN 'part_time' ELSE 'full_time' END)::working_pattern,
             (CASE WHEN role = 'teaching_assistant' THEN 'support' WHEN role = 'assistant_head' THEN 'leadership'
                   WHEN role IN ('head_of_department', 'senco') OR g % 3 = 0 THEN 'upper' ELSE 'main' END)::pay_range,
             CASE WHEN role = 'teaching_assistant' THEN 21500 WHEN role = 'assistant_head' THEN 58000
                  WHEN role IN ('head_of_department', 'senco') OR g % 3 = 0 THEN 47472 ELSE 32916 END,
             CASE WHEN role = 'teaching_assistant' THEN 24000 + g % 7 * 100 WHEN role = 'assistant_head' THEN 65000 + g % 9 * 1000
                  WHEN role IN ('head_of_department', 'senco') OR g % 3 = 0 THEN (ARRAY[49232, 51048])[1 + g % 2]
                  ELSE (ARRAY[37101, 39556, 42057, 45352])[1 + g % 4] END,
             (CASE WHEN g % 5 = 0 THEN 0.6 ELSE 1 END)::numeric,
             role = 'classroom_teacher' AND g % 3 <> 0, g % 11 = 0,
             'Join our ' || phase || ' school: a benchmark vacancy with a supportive team, good behaviour and a strong curriculum in '
               || lower((${subjectTitles}::text[])[subject]) || '.',
             'external_link', 'https://example.org',
             now() - ((g % 30) || ' days')::interval - ((g % 1440) || ' minutes')::interval,
             CASE WHEN g % 10 < 8 THEN now() + ((1 + g % 60) || ' days')::interval + ((g % 1440) || ' minutes')::interval
                  ELSE now() - ((1 + g % 30) || ' days')::interval END,
             CASE WHEN g % 10 >= 8 THEN now() - ((1 + g % 30) || ' days')::interval END,
             (CASE WHEN g % 10 >= 8 THEN 'expired' END)::vacancy_close_reason,
             now() - ((g % 1000) || ' minutes')::interval
        FROM g`);
    await db.execute(sql`
      INSERT INTO vacancy_schools (vacancy_id, school_id, fte_share, position)
      SELECT md5('bench' || g)::uuid::text, s.id, CASE WHEN g % 10 = 3 AND s.neighbour_id IS NOT NULL THEN 0.5 END, 0
        FROM generate_series(${from}::int, ${to}::int) g
        JOIN bench_schools s ON s.n = ((g::bigint * 7919) % ${c}) + 1
      UNION ALL
      SELECT md5('bench' || g)::uuid::text, s.neighbour_id, 0.5, 1
        FROM generate_series(${from}::int, ${to}::int) g
        JOIN bench_schools s ON s.n = ((g::bigint * 7919) % ${c}) + 1
       WHERE g % 10 = 3 AND s.neighbour_id IS NOT NULL`);
  }
  // The bulk load is not a change anyone made: the search index is built by a reindex, not by sync.
  await db.execute(sql`TRUNCATE search_sync_pending`);
  // A bulk load leaves the visibility map unset: VACUUM lets pay_offers' index-only scans skip the table, as
  // autovacuum would in a running deployment.
  await db.execute(sql`VACUUM ANALYZE pay_offers`);
  await db.execute(sql`ANALYZE`);
  const publishedIds = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM vacancies WHERE status = 'published' ORDER BY id LIMIT 5000`),
  ).map((r) => r.id);
  const schoolIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM schools ORDER BY urn`)).map((r) => r.id);
  const { n: trustVacancies } = firstRow(
    rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM vacancies WHERE owner_organisation_id = ${trust.id}`),
    ),
    "a count",
  );
  const trustSchoolIds = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT id FROM schools WHERE trust_id = ${trust.id} ORDER BY urn`),
  ).map((r) => r.id);
  return { hrUserId: user.id, publishedIds, schoolIds, trustSchoolIds, trustVacancies };
}
