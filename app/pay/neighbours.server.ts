import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { LAT_BANDS_PER_DEGREE } from "../../db/schema/pay";
import { EARTH_RADIUS_M, METRES_PER_MILE } from "../vocabulary/distance";
import { familyOf, rolesOf } from "./families";
import type { PayPolicy } from "./policy";
import { byDistance, EVIDENCE_COMPARABLES, lookbackStart, type Comparable, type NeighbourEvidence } from "./rule";

// About 11 m of slack on each side of the box, so float rounding never cuts a school on the circle's edge.
const BOX_MARGIN_DEGREES = 1e-4;

export type OfferShape = { vacancyId: string; role: string; phases: string[]; payRange: string; entryLevel: boolean };

/** Names are read for the nearest rows: twice the evidence's comparables, as one offer may be found at several schools. */
const NAMED_ROWS = EVIDENCE_COMPARABLES * 2;

/**
 * Other schools' offers near a vacancy's schools: published within the lookback (still live or not), within the
 * radius of any of its schools (school to school), same role family, a phase in common and the same pay range.
 * A comparable shared with one of the vacancy's own schools is not "another school's". Each of the vacancy's
 * schools reads pay_offers' B-tree (role, pay range, phase, latitude band, longitude: db/schema/pay.ts) once per
 * role of the family and phase of the offer: for each band the circle crosses, the exact range of longitude
 * the circle spans there, so only the box around the circle is read, from the index alone, and nothing scans
 * all vacancies. The haversine then keeps what is inside the circle.
 *
 * These are the common table expressions that find them (`found`: one row per school of the vacancy and school of
 * the offer, within the radius), and the family's roles (the rows name them by index); null when it has none.
 */
function foundOf(
  offer: OfferShape,
  policy: PayPolicy,
  now: Date,
): { ctes: SQL; roles: readonly string[]; radius: number } | null {
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
  const ctes = sql`
      WITH mine AS (
        SELECT s.id, s.lat, s.lng FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
         WHERE vs.vacancy_id = ${offer.vacancyId} AND s.lat IS NOT NULL AND s.lng IS NOT NULL),
      shared AS (SELECT DISTINCT vs.vacancy_id FROM vacancy_schools vs WHERE vs.school_id IN (SELECT id FROM mine)),
      near AS (${sql.join(scans, sql` UNION ALL `)}),
      found AS (SELECT near.* FROM near WHERE near.metres <= ${radius}::float8 AND near.vacancy_id NOT IN (SELECT vacancy_id FROM shared))`;
  return { ctes, roles, radius };
}

/**
 * The statement of every comparable of one vacancy (comparablesFor), and its family's roles; null when it has none.
 * The database only reads and filters; the rows of one vacancy (one per school and phase) are merged in mergeComparables.
 * Thousands of rows cross the wire in dense areas, so each is small: whole numbers for the role, the day and the metres.
 * The names of the nearest (published offers are public, so HR sees which schools they are) follow as rows of their own
 * (role -1), which saves a second round trip.
 */
export function neighbourStatement(
  offer: OfferShape,
  policy: PayPolicy,
  now: Date,
): { statement: SQL; roles: readonly string[] } | null {
  const built = foundOf(offer, policy, now);
  if (!built) return null;
  const { ctes, roles } = built;
  const statement = sql`${ctes},
      closest AS (SELECT vacancy_id, school_id FROM found ORDER BY metres, vacancy_id COLLATE "C" LIMIT ${NAMED_ROWS})
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

/**
 * Every comparable of one vacancy, each once: the whole list the rule (assessOffer) can be run on, which the tests
 * compare the database's evidence with. Every comparable is of the offer's own level: the query asks only for those.
 */
export async function comparablesFor(
  db: Executor,
  offer: OfferShape,
  policy: PayPolicy,
  now: Date,
): Promise<Comparable[]> {
  const built = neighbourStatement(offer, policy, now);
  if (!built) return [];
  const { statement, roles } = built;
  const rows = parseRows(await db.execute(statement), neighbourRow, "a vacancy's neighbouring offers");
  return mergeComparables(
    offer,
    // A name row is the one with a title (role -1); an offer row's role is its index in the family.
    rows.map((r) => (r.title === null ? { ...r, role: roles[r.role] ?? "" } : { ...r, role: null })),
  );
}

/**
 * The statement of one vacancy's evidence (neighbourEvidence): the comparables the rule finds eligible, summarised, and
 * the nearest of them named, as one row. Null when the vacancy has no family or phase.
 */
export function evidenceStatement(
  offer: OfferShape & { assessedOn: string },
  policy: PayPolicy,
  now: Date,
): { statement: SQL; roles: readonly string[] } | null {
  const built = foundOf(offer, policy, now);
  if (!built) return null;
  const { ctes, roles, radius } = built;
  // Every comparable is of the offer's level, so one column holds the pay compared (app/pay/rule.ts, payOn).
  const pay = sql.raw(offer.entryLevel ? "salary_min" : "salary_max");
  const since = lookbackStart(offer.assessedOn, policy.lookbackMonths);
  const statement = sql`${ctes},
      nearest AS (
        SELECT DISTINCT ON (f.vacancy_id) f.vacancy_id, f.school_id, f.role, round(f.metres)::int AS metres, f.salary_max,
               f.salary_min, (f.published_at AT TIME ZONE 'UTC')::date AS published_on
          FROM found f
         ORDER BY f.vacancy_id, round(f.metres)::int, f.school_id COLLATE "C"),
      eligible AS (
        SELECT n.* FROM nearest n
         WHERE n.metres <= ${radius}::float8 AND n.published_on >= ${since}::date AND n.${pay} > 0),
      closest AS (SELECT * FROM eligible ORDER BY metres, vacancy_id COLLATE "C" LIMIT ${EVIDENCE_COMPARABLES})
      SELECT (SELECT count(*)::int FROM eligible) AS found,
             (SELECT count(DISTINCT school_id)::int FROM eligible) AS schools,
             (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ${pay}) FROM eligible) AS benchmark,
             (SELECT coalesce(json_agg(json_build_object(
                       'vacancyId', c.vacancy_id, 'schoolId', c.school_id, 'role', c.role, 'salaryMaxFte', c.salary_max,
                       'salaryMinFte', c.salary_min, 'publishedOn', c.published_on, 'distanceMetres', c.metres,
                       'title', named.title, 'schoolName', named.school_name) ORDER BY c.metres, c.vacancy_id COLLATE "C"), '[]'::json)
                FROM closest c
                LEFT JOIN LATERAL (SELECT p.title, p.school_name FROM pay_offers p
                                    WHERE p.vacancy_id = c.vacancy_id AND p.school_id = c.school_id LIMIT 1) named ON true) AS nearest`;
  return { statement, roles };
}

/** One of the nearest eligible comparables as the evidence statements give it; the role as a name or an index. */
function nearestColumns<Role extends z.ZodType>(role: Role) {
  return z.object({
    vacancyId: z.string(),
    schoolId: z.string(),
    role,
    salaryMaxFte: z.number().int(),
    salaryMinFte: z.number().int().nullable(),
    publishedOn: z.string(),
    distanceMetres: z.number().int(),
    title: z.string().nullable(),
    schoolName: z.string().nullable(),
  });
}

/** A comparable of the offer's own shape (the statements ask only for those), named when its name was found. */
function comparableOf(
  offer: OfferShape,
  { title, schoolName, ...c }: Omit<z.infer<ReturnType<typeof nearestColumns>>, "role">,
  role: string,
): Comparable {
  return {
    ...c,
    role,
    phases: offer.phases,
    payRange: offer.payRange,
    entryLevel: offer.entryLevel,
    ...(title !== null && schoolName !== null ? { title, schoolName } : {}),
  };
}

/** A vacancy with no comparable offer (or no family or phase to have one). */
const noNeighbours = (): NeighbourEvidence => ({ found: 0, schools: 0, benchmark: undefined, nearest: [] });

const evidenceRow = z.object({
  found: z.number().int(),
  schools: z.number().int(),
  benchmark: z.number().nullable(),
  nearest: z.array(nearestColumns(z.number().int().nonnegative())),
});

/**
 * What the rule needs of one vacancy's neighbours, computed where the rows are (the publish hot path): how many eligible
 * comparables, at how many schools, their median pay, and the nearest of them named. One row crosses the wire instead
 * of thousands in central London. The same comparables as comparablesFor and the rule's own filter (a test compares).
 */
export async function neighbourEvidence(
  db: Executor,
  offer: OfferShape & { assessedOn: string },
  policy: PayPolicy,
  now: Date,
): Promise<NeighbourEvidence> {
  const built = evidenceStatement(offer, policy, now);
  if (!built) return noNeighbours();
  const [row] = parseRows(await db.execute(built.statement), evidenceRow, "a vacancy's neighbour evidence");
  if (!row) return noNeighbours();
  return {
    found: row.found,
    schools: row.schools,
    benchmark: row.benchmark === null ? undefined : Number(row.benchmark),
    nearest: row.nearest.map((c) => comparableOf(offer, c, built.roles[c.role] ?? "")),
  };
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

/** One row of the neighbour statement: an offer row (its role as its index in the family), or the name of a nearest one (role -1). */
const neighbourRow = z.union([
  z.object({ ...offerColumns, role: z.number().int().nonnegative() }),
  z.object({ ...nameColumns, role: z.literal(-1) }),
]);
type OfferRow = Extract<z.infer<typeof neighbourRow>, { title: null }>;
type NameRow = Extract<z.infer<typeof neighbourRow>, { role: -1 }>;
/** A row as the merge reads it: an offer row with its role named, or a name row (role null). */
type NeighbourRow = (Omit<OfferRow, "role"> & { role: string }) | (Omit<NameRow, "role"> & { role: null });

const days = new Map<number, string>();
const dayOf = (n: number) => days.get(n) ?? days.set(n, new Date(n * 86_400_000).toISOString().slice(0, 10)).get(n)!;

/** One comparable per offer (its nearest school), nearest first, those with names named. */
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
    // Of two schools at one distance, the first by id: the database's evidence (neighbourEvidence) chooses the same.
    if (seen && (seen.distanceMetres < metres || (seen.distanceMetres === metres && seen.schoolId <= r.schoolId)))
      continue;
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
  const comparables = [...byVacancy.values()].sort(byDistance);
  for (const c of comparables) {
    const name = names.get(`${c.vacancyId}|${c.schoolId}`);
    if (name) Object.assign(c, name);
  }
  return comparables;
}

/**
 * One vacancy of a batch (the nightly pass), with its own roles, phases, pay range, level, radius and lookback: one
 * statement for a batch saves the planning and round trip that one statement per vacancy costs.
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
 * For each vacancy of a batch, what the rule's verdict on neighbours depends on (NeighbourSummary), computed where the
 * rows are: the rows comparablesFor would return, one per offer (its nearest school, as the merge keeps), those the rule
 * finds eligible (within the radius by the rounded distance, published on or after the rule's first day, with pay on
 * the offer's basis), counted, their schools counted and their median pay. One row per vacancy crosses the wire
 * instead of hundreds or thousands: the nightly pass compares outcomes, and asks for the nearest named (`nearest`, as
 * neighbourEvidence gives them) only for the vacancies whose outcome changed, whose new assessment it keeps.
 */
export async function neighbourSummaries(
  db: Executor,
  requests: { offer: OfferShape & { assessedOn: string }; policy: PayPolicy }[],
  now: Date,
  options: { nearest?: boolean } = {},
): Promise<Map<string, NeighbourEvidence>> {
  const summaries = new Map<string, NeighbourEvidence>(requests.map(({ offer }) => [offer.vacancyId, noNeighbours()]));
  const asked = askedOf(requests, now);
  if (asked.length === 0) return summaries;
  // The nearest named, for the vacancies whose new assessment is kept with its evidence (as neighbourEvidence names them).
  const nearest = options.nearest
    ? sql`(SELECT json_agg(json_build_object(
                'vacancyId', r.vacancy_id, 'schoolId', r.school_id, 'role', r.role, 'salaryMaxFte', r.salary_max,
                'salaryMinFte', r.salary_min, 'publishedOn', r.published_on, 'distanceMetres', r.metres,
                'title', named.title, 'schoolName', named.school_name) ORDER BY r.metres, r.vacancy_id COLLATE "C")
              FROM ranked r
              LEFT JOIN LATERAL (SELECT p.title, p.school_name FROM pay_offers p
                                  WHERE p.vacancy_id = r.vacancy_id AND p.school_id = r.school_id LIMIT 1) named ON true
             WHERE r.for_id = e.for_id AND r.n <= ${EVIDENCE_COMPARABLES})`
    : sql`NULL::json`;
  const rows = await runBatch(
    db,
    sql`
      WITH ${foundSql(asked, now)}
      nearest AS (
        SELECT DISTINCT ON (f.for_id, f.vacancy_id) f.for_id, f.vacancy_id, f.school_id, f.role, round(f.metres)::int AS metres,
               f.salary_max, f.salary_min, (f.published_at AT TIME ZONE 'UTC')::date AS published_on
          FROM found f
         ORDER BY f.for_id, f.vacancy_id, round(f.metres)::int, f.school_id COLLATE "C"),
      eligible AS (
        SELECT n.*, CASE WHEN a.entry_level THEN n.salary_min ELSE n.salary_max END AS pay
          FROM nearest n JOIN asked a ON a.id = n.for_id
         WHERE n.metres <= a.radius AND n.published_on >= a.since_day
           AND (CASE WHEN a.entry_level THEN n.salary_min ELSE n.salary_max END) > 0),
      ranked AS (
        SELECT e.*, row_number() OVER (PARTITION BY e.for_id ORDER BY e.metres, e.vacancy_id COLLATE "C") AS n
          FROM eligible e)
      SELECT e.for_id AS id, count(*)::int AS found, count(DISTINCT e.school_id)::int AS schools,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY e.pay) AS benchmark, ${nearest} AS nearest
        FROM eligible e GROUP BY e.for_id`,
    z.object({
      id: z.string(),
      found: z.number().int(),
      schools: z.number().int(),
      benchmark: z.number().nullable(),
      nearest: z.array(nearestColumns(z.string())).nullable(),
    }),
    "a batch of vacancies' neighbour summaries",
  );
  const byId = new Map(requests.map(({ offer }) => [offer.vacancyId, offer]));
  for (const r of rows) {
    const offer = byId.get(r.id)!;
    summaries.set(r.id, {
      found: r.found,
      schools: r.schools,
      benchmark: r.benchmark === null ? undefined : Number(r.benchmark),
      nearest: (r.nearest ?? []).map((c) => comparableOf(offer, c, c.role)),
    });
  }
  return summaries;
}
