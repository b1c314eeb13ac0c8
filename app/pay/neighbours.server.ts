import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { LAT_BANDS_PER_DEGREE } from "../../db/schema/pay";
import { METRES_PER_MILE } from "../vocabulary/distance";
import { familyOf, rolesOf } from "./families";
import type { PayPolicy } from "./policy";
import type { Comparable } from "./rule";

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

/** Every comparable is of the offer's own level (entry-level or not): the query asks only for those. */
export async function comparablesFor(
  db: Executor,
  offer: OfferShape,
  policy: PayPolicy,
  now: Date,
): Promise<Comparable[]> {
  const family = familyOf(offer.role);
  if (!family || offer.phases.length === 0) return [];
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
  const rows = rowsOf<{
    vacancyId: string;
    schoolId: string;
    role: number;
    salaryMaxFte: number;
    salaryMinFte: number | null;
    publishedDay: number;
    distanceMetres: number;
    title: string | null;
    schoolName: string | null;
  }>(
    await db.execute(sql`
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
        CROSS JOIN LATERAL (SELECT p.title, p.school_name FROM pay_offers p WHERE p.vacancy_id = c.vacancy_id AND p.school_id = c.school_id LIMIT 1) named`),
  );
  const days = new Map<number, string>();
  const dayOf = (n: number) => days.get(n) ?? days.set(n, new Date(n * 86_400_000).toISOString().slice(0, 10)).get(n)!;
  const byVacancy = new Map<string, Comparable>();
  const names = new Map<string, { title: string; schoolName: string }>();
  for (const r of rows) {
    if (r.role < 0) {
      names.set(`${r.vacancyId}|${r.schoolId}`, { title: r.title!, schoolName: r.schoolName! });
      continue;
    }
    const metres = r.distanceMetres;
    const seen = byVacancy.get(r.vacancyId);
    if (seen && seen.distanceMetres <= metres) continue;
    byVacancy.set(r.vacancyId, {
      vacancyId: r.vacancyId,
      schoolId: r.schoolId,
      role: roles[r.role] ?? "",
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
