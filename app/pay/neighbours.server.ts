import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { LAT_BANDS_PER_DEGREE } from "../../db/schema/pay";
import { METRES_PER_MILE } from "../vocabulary/distance";
import { familyOf, rolesOf } from "./families";
import type { PayPolicy } from "./policy";
import { lookbackStart, type Comparable, type NeighbourSummary } from "./rule";

// The sphere of search_haversine_m (db/migrations/0006), which measures every distance here.
const EARTH_RADIUS_M = 6_371_000;
// About 11 m of slack on each side of the box, so float rounding never cuts a school on the circle's edge.
const BOX_MARGIN_DEGREES = 1e-4;

export type OfferShape = { vacancyId: string; role: string; phases: string[]; payRange: string; entryLevel: boolean };

/**
 * Other schools' offers near a vacancy's schools: published within the lookback (still live or not), within the
 * radius of any of its schools (school to school), same role family, a phase in common and the same pay range.
 * A comparable shared with one of the vacancy's own schools is not "another school's". Each of the vacancy's
 * schools reads pay_offers' B-tree (role, pay range, phase, latitude band, longitude: db/schema/pay.ts) once per
 * role of the family and phase of the offer: for each band the circle crosses, the exact range of longitude
 * the circle spans there, so only the box around the circle is read, from the index alone, and nothing scans
 * all vacancies. The haversine then keeps what is inside the circle.
 */
/** How many of the nearest comparables are named in the evidence HR sees; the rest are counted, with their pay. */
const NAMED_COMPARABLES = 25;

/** The neighbour statement of one vacancy, and its family's roles (the rows name them by index); null when it has none. */
export function neighbourStatement(
  offer: OfferShape,
  policy: PayPolicy,
  now: Date,
): { statement: SQL; roles: readonly string[] } | null {
  const family = familyOf(offer.role);
  if (!family || offer.phases.length === 0) return null;
  const radius = policy.radiusMiles * METRES_PER_MILE;
  const angle = radius / EARTH_RADIUS_M;
  // The box around a circle of angular radius `angle`: latitude ± angle, and longitude ± asin(sin(angle) / cos(lat)),
  // the widest the circle reaches at that latitude.
  const latSpan = sql`${(angle * 180) / Math.PI + BOX_MARGIN_DEGREES}::float8`;
  const lngSpan = sql`(degrees(asin(least(1, ${Math.sin(angle)}::float8 / cos(radians(m.lat))))) + ${BOX_MARGIN_DEGREES}::float8)`;
  const bands = sql.raw(String(LAT_BANDS_PER_DEGREE));
  const since = sql`${now.toISOString()}::timestamptz - make_interval(months => ${policy.lookbackMonths})`;
  // One index range scan per school, band, role of the family and phase of the offer: four equal keys and a range,
  // which every plan serves from the index. OFFSET 0 keeps each scan a subquery run for one school and band at a
  // time, so the planner cannot turn it into a join that reads every offer of the role (which it would prefer on
  // a small table or stale statistics).
  const roles = rolesOf(family);
  const scans = roles.flatMap((role, roleIndex) =>
    [...new Set(offer.phases)].map(
      (phase) => sql`
        SELECT o.vacancy_id, o.school_id, ${roleIndex}::int AS role, o.salary_max, o.salary_min, o.published_at,
               search_haversine_m(m.lat, m.lng, o.lat, o.lng) AS metres
          FROM mine m
          CROSS JOIN LATERAL generate_series(floor((m.lat - ${latSpan}) * ${bands})::int, floor((m.lat + ${latSpan}) * ${bands})::int) AS band(n)
          CROSS JOIN LATERAL (
            SELECT o.vacancy_id, o.school_id, o.salary_max, o.salary_min, o.published_at, o.lat, o.lng FROM pay_offers o
             WHERE o.role = ${role} AND o.pay_range = ${offer.payRange} AND o.entry_level = ${offer.entryLevel} AND o.phase = ${phase}
               AND o.lat_band = band.n AND o.lng BETWEEN m.lng - ${lngSpan} AND m.lng + ${lngSpan}
               AND o.published_at >= ${since} AND o.vacancy_id <> ${offer.vacancyId}
            OFFSET 0) o`,
    ),
  );
  // The database only reads and filters; the few rows of one vacancy (one per school and phase) are merged here,
  // which costs less than the sort a DISTINCT ON needs over thousands of London rows. Thousands of rows cross
  // the wire in dense areas, so each is small: whole numbers for the role, the day and the metres. The names of
  // the nearest (published offers are public, so HR sees which schools they are) follow as rows of their own
  // (role -1), which saves a second round trip.
  const statement = sql`
      WITH mine AS (
        SELECT s.id, s.lat, s.lng FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
         WHERE vs.vacancy_id = ${offer.vacancyId} AND s.lat IS NOT NULL AND s.lng IS NOT NULL),
      shared AS (SELECT DISTINCT vs.vacancy_id FROM vacancy_schools vs WHERE vs.school_id IN (SELECT id FROM mine)),
      near AS (${sql.join(scans, sql` UNION ALL `)}),
      found AS (SELECT near.* FROM near WHERE near.metres <= ${radius}::float8 AND near.vacancy_id NOT IN (SELECT vacancy_id FROM shared)),
      closest AS (SELECT vacancy_id, school_id FROM found ORDER BY metres, vacancy_id COLLATE "C" LIMIT ${NAMED_COMPARABLES * 2})
      SELECT f.vacancy_id AS "vacancyId", f.school_id AS "schoolId", f.role, f.salary_max AS "salaryMaxFte", f.salary_min AS "salaryMinFte",
             (f.published_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01' AS "publishedDay", round(f.metres)::int AS "distanceMetres",
             NULL::text AS title, NULL::text AS "schoolName"
        FROM found f
      UNION ALL
      SELECT c.vacancy_id, c.school_id, -1, NULL, NULL, NULL, NULL, named.title, named.school_name
        FROM closest c
        CROSS JOIN LATERAL (SELECT p.title, p.school_name FROM pay_offers p WHERE p.vacancy_id = c.vacancy_id AND p.school_id = c.school_id LIMIT 1) named`;
  return { statement, roles };
}

/** Every comparable is of the offer's own level (entry-level or not): the query asks only for those. */
export async function comparablesFor(
  db: Executor,
  offer: OfferShape,
  policy: PayPolicy,
  now: Date,
): Promise<Comparable[]> {
  const built = neighbourStatement(offer, policy, now);
  if (!built) return [];
  const { statement, roles } = built;
  const rows = parseRows(
    await db.execute(statement),
    neighbourRowOf(z.number().int().nonnegative(), z.literal(-1)),
    "a vacancy's neighbouring offers",
  );
  return mergeComparables(
    offer,
    // A name row is the one with a title (role -1); an offer row's role is its index in the family.
    rows.map((r) => (r.title === null ? { ...r, role: roles[r.role] ?? "" } : { ...r, role: null })),
  );
}

/** An offer found near one of the vacancy's schools, at its nearest distance from one of them. */
const offerColumns = {
  vacancyId: z.string(),
  schoolId: z.string(),
  salaryMaxFte: z.number().int(),
  salaryMinFte: z.number().int().nullable(),
  publishedDay: z.number().int(),
  distanceMetres: z.number().int(),
  title: z.null(),
  schoolName: z.null(),
};

/** The name of one of the nearest offers (published offers are public). */
const nameColumns = {
  vacancyId: z.string(),
  schoolId: z.string(),
  salaryMaxFte: z.null(),
  salaryMinFte: z.null(),
  publishedDay: z.null(),
  distanceMetres: z.null(),
  title: z.string(),
  schoolName: z.string(),
};

/**
 * One row of a neighbour query: an offer row found near one of the vacancy's schools, or the name of a nearest one.
 * The queries say the role differently: the one-vacancy query as its index in the family (-1 on a name row), the
 * batch as the role itself (null on a name row).
 */
function neighbourRowOf<Role extends z.ZodType, NameRole extends z.ZodType>(role: Role, nameRole: NameRole) {
  return z.union([z.object({ ...offerColumns, role }), z.object({ ...nameColumns, role: nameRole })]);
}

const neighbourRow = neighbourRowOf(z.string(), z.null());
type NeighbourRow = z.infer<typeof neighbourRow>;

const days = new Map<number, string>();
const dayOf = (n: number) => days.get(n) ?? days.set(n, new Date(n * 86_400_000).toISOString().slice(0, 10)).get(n)!;

/** One comparable per offer (its nearest school), nearest first, the nearest named: the same for one vacancy or a batch. */
function mergeComparables(offer: OfferShape, rows: NeighbourRow[]): Comparable[] {
  const byVacancy = new Map<string, Comparable>();
  const names = new Map<string, { title: string; schoolName: string }>();
  for (const r of rows) {
    if (r.role === null) {
      names.set(`${r.vacancyId}|${r.schoolId}`, { title: r.title, schoolName: r.schoolName });
      continue;
    }
    const metres = r.distanceMetres;
    const seen = byVacancy.get(r.vacancyId);
    if (seen && seen.distanceMetres <= metres) continue;
    byVacancy.set(r.vacancyId, {
      vacancyId: r.vacancyId,
      schoolId: r.schoolId,
      role: r.role,
      phases: offer.phases,
      payRange: offer.payRange,
      salaryMaxFte: r.salaryMaxFte,
      salaryMinFte: r.salaryMinFte,
      entryLevel: offer.entryLevel,
      publishedOn: dayOf(r.publishedDay),
      distanceMetres: metres,
    });
  }
  const comparables = [...byVacancy.values()].sort(
    (a, b) => a.distanceMetres - b.distanceMetres || (a.vacancyId < b.vacancyId ? -1 : 1),
  );
  for (const c of comparables.slice(0, NAMED_COMPARABLES)) {
    const name = names.get(`${c.vacancyId}|${c.schoolId}`);
    if (name) Object.assign(c, name);
  }
  return comparables;
}

/**
 * The comparables of many vacancies in one statement (the nightly pass): the same index range scans as comparablesFor,
 * driven by a batch of vacancies (each with its own roles, phases, pay range, level, radius and lookback) instead of
 * one, the exclusions and the nearest named per vacancy, then the same merge. One statement for a batch saves the
 * planning and round trip that one statement per vacancy costs, which bounded the pass after a policy change.
 */
type Asked = {
  id: string;
  roles: readonly string[];
  phases: string[];
  payRange: string;
  entryLevel: boolean;
  radius: number;
  latSpan: number;
  sinAngle: number;
  lookback: number;
  /** The rule's own lookback, by day (lookbackStart): the summaries filter on it as the rule does. */
  sinceDay: string;
};

/** What the batch statements need of each vacancy; vacancies with no family or phase have no comparables. */
function askedOf(requests: { offer: OfferShape & { assessedOn?: string }; policy: PayPolicy }[], now: Date): Asked[] {
  return requests.flatMap(({ offer, policy }) => {
    const family = familyOf(offer.role);
    if (!family || offer.phases.length === 0) return [];
    const angle = (policy.radiusMiles * METRES_PER_MILE) / EARTH_RADIUS_M;
    return [
      {
        id: offer.vacancyId,
        roles: rolesOf(family),
        phases: [...new Set(offer.phases)],
        payRange: offer.payRange,
        entryLevel: offer.entryLevel,
        radius: policy.radiusMiles * METRES_PER_MILE,
        latSpan: (angle * 180) / Math.PI + BOX_MARGIN_DEGREES,
        sinAngle: Math.sin(angle),
        lookback: policy.lookbackMonths,
        sinceDay: lookbackStart(offer.assessedOn ?? now.toISOString().slice(0, 10), policy.lookbackMonths),
      },
    ];
  });
}

/**
 * The rows comparablesFor finds, for a batch of vacancies (for_id): `asked` (one row per vacancy), `mine` (its located
 * schools), `shared` (vacancies at one of them, excluded), `near` (the same index range scans, driven by each vacancy's
 * own roles, phases, pay range, level, radius and lookback) and `found` (inside the circle, not shared).
 */
function foundSql(asked: Asked[], now: Date) {
  const bands = sql.raw(String(LAT_BANDS_PER_DEGREE));
  return sql`
      asked AS (
        SELECT a.id, a.roles, a.phases, a."payRange" AS pay_range, a."entryLevel" AS entry_level, a.radius, a."latSpan" AS lat_span,
               a."sinAngle" AS sin_angle, ${now.toISOString()}::timestamptz - make_interval(months => a.lookback) AS since,
               a."sinceDay"::date AS since_day
          FROM json_to_recordset(${JSON.stringify(asked)}::json)
            AS a(id text, roles text[], phases text[], "payRange" text, "entryLevel" boolean, radius float8, "latSpan" float8,
                 "sinAngle" float8, lookback int, "sinceDay" text)),
      mine AS (
        SELECT asked.*, s.id AS school, s.lat, s.lng FROM asked JOIN vacancy_schools vs ON vs.vacancy_id = asked.id
          JOIN schools s ON s.id = vs.school_id
         WHERE s.lat IS NOT NULL AND s.lng IS NOT NULL),
      shared AS (SELECT DISTINCT m.id, vs.vacancy_id FROM mine m JOIN vacancy_schools vs ON vs.school_id = m.school),
      near AS (
        SELECT m.id AS for_id, m.radius, o.vacancy_id, o.school_id, o.role, o.salary_max, o.salary_min, o.published_at,
               search_haversine_m(m.lat, m.lng, o.lat, o.lng) AS metres
          FROM mine m
          CROSS JOIN LATERAL unnest(m.roles) AS r(role)
          CROSS JOIN LATERAL unnest(m.phases) AS p(phase)
          CROSS JOIN LATERAL generate_series(floor((m.lat - m.lat_span) * ${bands})::int, floor((m.lat + m.lat_span) * ${bands})::int) AS band(n)
          CROSS JOIN LATERAL (
            SELECT o.vacancy_id, o.school_id, o.role, o.salary_max, o.salary_min, o.published_at, o.lat, o.lng FROM pay_offers o
             WHERE o.role = r.role AND o.pay_range = m.pay_range AND o.entry_level = m.entry_level AND o.phase = p.phase
               AND o.lat_band = band.n
               AND o.lng BETWEEN m.lng - (degrees(asin(least(1, m.sin_angle / cos(radians(m.lat))))) + ${BOX_MARGIN_DEGREES}::float8)
                             AND m.lng + (degrees(asin(least(1, m.sin_angle / cos(radians(m.lat))))) + ${BOX_MARGIN_DEGREES}::float8)
               AND o.published_at >= m.since AND o.vacancy_id <> m.id
            OFFSET 0) o),
      found AS (
        SELECT near.* FROM near
         WHERE near.metres <= near.radius
           AND NOT EXISTS (SELECT 1 FROM shared WHERE shared.id = near.for_id AND shared.vacancy_id = near.vacancy_id)),`;
}

/**
 * The planner cannot see how few rows the lateral series and arrays give, so it prices a batch in the millions of
 * rows and compiles it with JIT: two seconds of compiling for a fraction of a second of work. Sorting every row found
 * (the nearest per vacancy, one comparable per offer) spills to disk at the default work_mem. Both are set for the
 * batch's own transaction only.
 */
async function runBatch<S extends z.ZodType>(db: Executor, statement: SQL, schema: S, what: string) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    return parseRows(await tx.execute(statement), schema, what);
  });
}

/**
 * The comparables of many vacancies in one statement (the nightly pass): the same index range scans as comparablesFor,
 * driven by a batch of vacancies instead of one, the exclusions and the nearest named per vacancy, then the same
 * merge. One statement for a batch saves the planning and round trip that one statement per vacancy costs.
 */
export async function comparablesForMany(
  db: Executor,
  requests: { offer: OfferShape; policy: PayPolicy }[],
  now: Date,
): Promise<Map<string, Comparable[]>> {
  const found = new Map<string, Comparable[]>(requests.map(({ offer }) => [offer.vacancyId, []]));
  const asked = askedOf(requests, now);
  if (asked.length === 0) return found;
  const statement = sql`
      WITH ${foundSql(asked, now)}
      closest AS (
        SELECT ranked.for_id, ranked.vacancy_id, ranked.school_id FROM (
          SELECT found.for_id, found.vacancy_id, found.school_id,
                 row_number() OVER (PARTITION BY found.for_id ORDER BY found.metres, found.vacancy_id COLLATE "C") AS n
            FROM found) ranked
         WHERE ranked.n <= ${NAMED_COMPARABLES * 2})
      SELECT f.for_id AS "forId", f.vacancy_id AS "vacancyId", f.school_id AS "schoolId", f.role, f.salary_max AS "salaryMaxFte",
             f.salary_min AS "salaryMinFte", (f.published_at AT TIME ZONE 'UTC')::date - DATE '1970-01-01' AS "publishedDay",
             round(f.metres)::int AS "distanceMetres", NULL::text AS title, NULL::text AS "schoolName"
        FROM found f
      UNION ALL
      SELECT c.for_id, c.vacancy_id, c.school_id, NULL, NULL, NULL, NULL, NULL, named.title, named.school_name
        FROM closest c
        CROSS JOIN LATERAL (SELECT p.title, p.school_name FROM pay_offers p WHERE p.vacancy_id = c.vacancy_id AND p.school_id = c.school_id LIMIT 1) named`;
  const rows = await runBatch(
    db,
    statement,
    z.intersection(neighbourRow, z.object({ forId: z.string() })),
    "a batch of vacancies' neighbouring offers",
  );
  const byRequest = new Map<string, NeighbourRow[]>();
  for (const r of rows) {
    const list = byRequest.get(r.forId);
    if (list) list.push(r);
    else byRequest.set(r.forId, [r]);
  }
  for (const { offer } of requests) {
    const own = byRequest.get(offer.vacancyId);
    if (own) found.set(offer.vacancyId, mergeComparables(offer, own));
  }
  return found;
}

/**
 * For each vacancy of a batch, what the rule's verdict on neighbours depends on (NeighbourSummary), computed where the
 * rows are: the rows comparablesFor would return, one per offer (its nearest school, as the merge keeps), those the rule
 * finds eligible (within the radius by the rounded distance, published on or after the rule's first day, with pay on
 * the offer's basis), counted, their schools counted and their median pay. One row per vacancy crosses the wire
 * instead of hundreds or thousands: the nightly pass compares outcomes, and reads the comparables themselves only for
 * the vacancies whose outcome changed (whose new assessment it keeps, with its evidence).
 */
export async function neighbourSummaries(
  db: Executor,
  requests: { offer: OfferShape & { assessedOn: string }; policy: PayPolicy }[],
  now: Date,
): Promise<Map<string, NeighbourSummary>> {
  const summaries = new Map<string, NeighbourSummary>(
    requests.map(({ offer }) => [offer.vacancyId, { found: 0, schools: 0, benchmark: undefined }]),
  );
  const asked = askedOf(requests, now);
  if (asked.length === 0) return summaries;
  const rows = await runBatch(
    db,
    sql`
      WITH ${foundSql(asked, now)}
      nearest AS (
        SELECT DISTINCT ON (f.for_id, f.vacancy_id) f.for_id, f.vacancy_id, f.school_id, round(f.metres)::int AS metres,
               f.salary_max, f.salary_min, (f.published_at AT TIME ZONE 'UTC')::date AS published_on
          FROM found f
         ORDER BY f.for_id, f.vacancy_id, round(f.metres)::int),
      eligible AS (
        SELECT n.for_id, n.school_id, CASE WHEN a.entry_level THEN n.salary_min ELSE n.salary_max END AS pay
          FROM nearest n JOIN asked a ON a.id = n.for_id
         WHERE n.metres <= a.radius AND n.published_on >= a.since_day
           AND (CASE WHEN a.entry_level THEN n.salary_min ELSE n.salary_max END) > 0)
      SELECT e.for_id AS id, count(*)::int AS found, count(DISTINCT e.school_id)::int AS schools,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY e.pay) AS benchmark
        FROM eligible e GROUP BY e.for_id`,
    z.object({
      id: z.string(),
      found: z.number().int(),
      schools: z.number().int(),
      benchmark: z.number().nullable(),
    }),
    "a batch of vacancies' neighbour summaries",
  );
  for (const r of rows) {
    summaries.set(r.id, {
      found: r.found,
      schools: r.schools,
      benchmark: r.benchmark === null ? undefined : Number(r.benchmark),
    });
  }
  return summaries;
}
