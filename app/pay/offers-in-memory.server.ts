/**
 * Every published offer kept in this process's memory, so that one assessment's neighbours (publishing's hot path) are
 * found without reading the circle's offers from PostgreSQL: in central London that is 2,600 comparables, 4,000 rows
 * and 9–12 ms of the database's time; here a few tenths of a millisecond (ADR 0034).
 *
 * The copy stays exact by asking, before each assessment, which vacancies' rows changed since it last looked
 * (pay_offer_changes, logged by triggers in the changing transaction, migration 0028), and reading those vacancies'
 * rows again. "Since it last looked" is a transaction id: the oldest transaction still running when it looked (or its
 * own, if older). A transaction that was not visible then has an id at least that one, so its changes are found;
 * some are found twice, and reading a vacancy's rows again is harmless. Each server process keeps its own copy and
 * shares nothing but the database.
 *
 * It answers exactly what neighbourEvidence (neighbours.server.ts) answers, with the same filters in the same order;
 * the tests compare the two. Where it cannot be sure, it does not answer and the caller asks the database: another
 * look already under way (two pages at once), a transaction that changed other vacancies' offers and has not
 * committed them, an isolation level other than read committed, or a time zone the process does not know.
 */
import { sql, type SQL } from "drizzle-orm";
import { subMonths } from "date-fns";
import { tz } from "@date-fns/tz";
import type { Executor } from "../../db/client";
import { parseRows, textArrayLiteral } from "../../db/rows";
import { z } from "../forms/zod";
import { EARTH_RADIUS_M, haversineMetres, METRES_PER_MILE, radians, RADIANS_PER_DEGREE } from "../vocabulary/distance";
import { familyOf, rolesOf } from "./families";
import type { PayPolicy } from "./policy";
import { EVIDENCE_COMPARABLES, lookbackStart, type NeighbourEvidence } from "./rule";
import type { OfferShape } from "./neighbours.server";

/** A pay_offers row: one offer at one of its schools for one of its phases. */
type KeptOffer = {
  vacancyId: string;
  schoolId: string;
  role: string;
  salaryMax: number;
  salaryMin: number | null;
  /** published_at in microseconds since 1970, as PostgreSQL keeps it, and the start of its day (UTC). */
  publishedUs: number;
  publishedDayUs: number;
  /** The pay compared: the minimum for entry-level offers, else the maximum (app/pay/rule.ts payOn); 0 when none. */
  pay: number;
  /** The offer's number in this copy, for the per-assessment arrays. */
  offer: number;
  lat: number;
  lng: number;
  /** cos(radians(lat)), which every distance to it takes. */
  cosLat: number;
  title: string;
  schoolName: string;
  /** Its shape's key and cell in `cells`. */
  key: string;
  cell: number;
};

/** A school of the vacancy being assessed, with its place (schools without one have no neighbours). */
export type LocatedSchool = { schoolId: string; lat: number; lng: number };

// Distances are the database's to the last bit wherever V8's and the C library's sine and arcsine agree (they
// differ by at most one unit in the last place, which matters only for an offer exactly on the circle's edge or
// half a metre from a rounding): the same sphere, constants and steps as search_haversine_m (haversineMetres).

/** PostgreSQL's round() of a float: to the nearest whole number, halves to the even one (C's rint). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const DAY_US = 86_400_000_000;

/** Cells a twentieth of a degree square: a ten-mile circle in England spans about 7 × 10 of them. */
const CELLS_PER_DEGREE = 20;
/** A cell's number: its row of latitude and column of longitude (England's columns are well within ±50,000). */
const cellNumber = (y: number, x: number) => y * 100_000 + x;
const cellOf = (lat: number, lng: number) =>
  cellNumber(Math.floor(lat * CELLS_PER_DEGREE), Math.floor(lng * CELLS_PER_DEGREE));
const keyOf = (role: string, payRange: string, entryLevel: boolean, phase: string) =>
  `${role}|${payRange}|${entryLevel ? 1 : 0}|${phase}`;

const offerColumns = sql`o.vacancy_id AS "vacancyId", o.school_id AS "schoolId", o.role, o.pay_range AS "payRange",
  o.entry_level AS "entryLevel", o.phase, o.salary_max AS "salaryMax", o.salary_min AS "salaryMin",
  (extract(epoch FROM o.published_at) * 1000000)::float8 AS "publishedUs", o.lat, o.lng, o.title, o.school_name AS "schoolName"`;

const offerRow = z.object({
  vacancyId: z.string(),
  schoolId: z.string(),
  role: z.string(),
  payRange: z.string(),
  entryLevel: z.boolean(),
  phase: z.string(),
  salaryMax: z.number().int(),
  salaryMin: z.number().int().nullable(),
  publishedUs: z.number(),
  lat: z.number(),
  lng: z.number(),
  title: z.string(),
  schoolName: z.string(),
});

/** More vacancies changed than this (a bulk import or update): reading every offer is quicker than reading them by id. */
const READ_ALL_ABOVE = 20_000;

const lookRow = z.object({
  identity: z.string(),
  horizon: z.string(),
  isolation: z.string(),
  timeZone: z.string(),
  pruned: z.string().nullable(),
  // The vacancies this transaction changed ("" for the table emptied), and those changed since the copy last looked.
  mine: z.array(z.string()),
  changed: z.array(z.string()),
});

class OffersInMemory {
  /** Off (PAY_OFFERS_IN_MEMORY=off): nothing is kept and every assessment asks the database. */
  enabled = true;
  /** The database the copy is of (its oid and the server's start): another one means reading everything. */
  private identity: string | null = null;
  /** Changes by transactions with this id or a later one may not be in the copy yet. */
  private horizon: bigint | null = null;
  private byVacancy = new Map<string, KeptOffer[]>();
  /** The offers of each shape (role, pay range, level, phase) by cell. */
  private cells = new Map<string, Map<number, KeptOffer[]>>();
  /** The vacancies with an offer at each school. */
  private bySchool = new Map<string, Set<string>>();
  private timeZones = new Map<string, boolean>();
  /** Each vacancy's number, kept for the copy's life: numbers index the arrays an assessment fills. */
  private numbers = new Map<string, number>();
  /** Vacancies changed by a transaction that had not committed when the copy looked: read again next time. */
  private pending = new Set<string>();
  private looking = false;

  /**
   * What the copy asks the database before an assessment, as one JSON value the caller's own statement reads (no
   * round trip of its own): which database this is, the horizon, the transaction's isolation and time zone, the
   * vacancies this transaction changed and those changed since the copy last looked.
   */
  lookSql(): SQL {
    const since = this.horizon === null ? null : this.horizon.toString();
    return sql`json_build_object(
      'identity', (SELECT oid FROM pg_database WHERE datname = current_database())::text || '|' || pg_postmaster_start_time()::text,
      'horizon', least(pg_snapshot_xmin(pg_current_snapshot()),
                       coalesce(pg_current_xact_id_if_assigned(), pg_snapshot_xmin(pg_current_snapshot())))::text,
      'isolation', current_setting('transaction_isolation'), 'timeZone', current_setting('TimeZone'),
      'pruned', (SELECT through::text FROM pay_offer_changes_pruned),
      'mine', coalesce((SELECT json_agg(DISTINCT coalesce(c.vacancy_id, '')) FROM pay_offer_changes c
                         WHERE c.xid = pg_current_xact_id_if_assigned()), '[]'::json),
      'changed', coalesce((SELECT json_agg(DISTINCT coalesce(c.vacancy_id, '')) FROM pay_offer_changes c
                            WHERE ${since}::xid8 IS NOT NULL AND c.xid >= ${since}::xid8), '[]'::json))`;
  }

  /**
   * Brings the copy up to date from what `look` (lookSql, read by `db` in its transaction) saw, and says what the
   * caller may ask of it: null when it cannot answer for this transaction (the caller asks the database).
   */
  async bringUpToDate(db: Executor, look: unknown, vacancyId: string): Promise<{ timeZone: string } | null> {
    // Another assessment bringing it up to date meanwhile (two pages at once) asks the database instead of waiting:
    // on the embedded database, waiting for another page's transaction would never end.
    if (this.looking) return null;
    this.looking = true;
    try {
      return await this.apply(db, lookRow.parse(look), vacancyId);
    } finally {
      this.looking = false;
    }
  }

  private async apply(db: Executor, seen: z.infer<typeof lookRow>, vacancyId: string) {
    if (seen.isolation !== "read committed" || !this.knownTimeZone(seen.timeZone)) return null;
    const mine = new Set(seen.mine);
    const whole =
      this.identity !== seen.identity ||
      this.horizon === null ||
      seen.changed.includes("") ||
      seen.changed.length > READ_ALL_ABOVE ||
      (seen.pruned !== null && BigInt(seen.pruned) >= this.horizon);
    if (whole) {
      // Read everything only from committed rows: a transaction of its own changes would be kept as if committed.
      if (mine.size > 0) return null;
      await this.readAll(db);
      this.identity = seen.identity;
    } else {
      const again = [...new Set([...seen.changed, ...this.pending])].filter((id) => id !== "" && !mine.has(id));
      if (again.length > 0) await this.readAgain(db, again);
      this.pending = new Set([...this.pending].filter((id) => !again.includes(id)));
    }
    for (const id of mine) if (id !== "") this.pending.add(id);
    this.horizon = BigInt(seen.horizon);
    // The offer being assessed is never its own neighbour, so its own uncommitted change does not matter.
    const othersOfMine = [...mine].some((id) => id !== vacancyId);
    return othersOfMine ? null : { timeZone: seen.timeZone };
  }

  private async readAll(db: Executor): Promise<void> {
    const rows = parseRows(
      await db.execute(sql`SELECT ${offerColumns} FROM pay_offers o`),
      offerRow,
      "every pay offer",
    );
    this.byVacancy = new Map();
    this.cells = new Map();
    this.bySchool = new Map();
    this.pending = new Set();
    this.add(rows);
  }

  private async readAgain(db: Executor, vacancyIds: string[]): Promise<void> {
    const rows = parseRows(
      await db.execute(
        sql`SELECT ${offerColumns} FROM pay_offers o WHERE o.vacancy_id = ANY(${textArrayLiteral(vacancyIds)}::text[])`,
      ),
      offerRow,
      "the changed pay offers",
    );
    for (const id of vacancyIds) this.remove(id);
    this.add(rows);
  }

  private add(rows: z.infer<typeof offerRow>[]): void {
    for (const r of rows) {
      const key = keyOf(r.role, r.payRange, r.entryLevel, r.phase);
      const cell = cellOf(r.lat, r.lng);
      const kept: KeptOffer = {
        vacancyId: r.vacancyId,
        schoolId: r.schoolId,
        role: r.role,
        salaryMax: r.salaryMax,
        salaryMin: r.salaryMin,
        publishedUs: r.publishedUs,
        publishedDayUs: r.publishedUs - (((r.publishedUs % DAY_US) + DAY_US) % DAY_US),
        pay: (r.entryLevel ? r.salaryMin : r.salaryMax) ?? 0,
        offer: this.numberOf(r.vacancyId),
        lat: r.lat,
        lng: r.lng,
        cosLat: Math.cos(radians(r.lat)),
        title: r.title,
        schoolName: r.schoolName,
        key,
        cell,
      };
      pushTo(this.byVacancy, r.vacancyId, kept);
      let shape = this.cells.get(key);
      if (!shape) this.cells.set(key, (shape = new Map()));
      pushTo(shape, cell, kept);
      let offers = this.bySchool.get(r.schoolId);
      if (!offers) this.bySchool.set(r.schoolId, (offers = new Set()));
      offers.add(r.vacancyId);
    }
  }

  private remove(vacancyId: string): void {
    const rows = this.byVacancy.get(vacancyId);
    if (!rows) return;
    this.byVacancy.delete(vacancyId);
    for (const r of rows) {
      this.bySchool.get(r.schoolId)?.delete(vacancyId);
      const shape = this.cells.get(r.key);
      const left = (shape?.get(r.cell) ?? []).filter((o) => o.vacancyId !== vacancyId);
      if (left.length > 0) shape?.set(r.cell, left);
      else shape?.delete(r.cell);
    }
  }

  /** The lists of offers of one shape in the cells a box covers. */
  near(key: string, south: number, north: number, west: number, east: number): KeptOffer[][] {
    const shape = this.cells.get(key);
    const found: KeptOffer[][] = [];
    if (!shape) return found;
    for (let y = Math.floor(south * CELLS_PER_DEGREE); y <= Math.floor(north * CELLS_PER_DEGREE); y++)
      for (let x = Math.floor(west * CELLS_PER_DEGREE); x <= Math.floor(east * CELLS_PER_DEGREE); x++) {
        const rows = shape.get(cellNumber(y, x));
        if (rows) found.push(rows);
      }
    return found;
  }

  /** The numbers of the vacancies with an offer at one of these schools (not the vacancy's neighbours: its own). */
  offersAt(schools: Iterable<string>): number[] {
    const found: number[] = [];
    for (const school of schools) for (const id of this.bySchool.get(school) ?? []) found.push(this.numberOf(id));
    return found;
  }

  numberOf(vacancyId: string): number {
    let n = this.numbers.get(vacancyId);
    if (n === undefined) this.numbers.set(vacancyId, (n = this.numbers.size));
    return n;
  }

  get numbered(): number {
    return this.numbers.size;
  }

  private knownTimeZone(zone: string): boolean {
    let known = this.timeZones.get(zone);
    if (known === undefined) this.timeZones.set(zone, (known = validTimeZone(zone)));
    return known;
  }

  get size(): number {
    return this.byVacancy.size;
  }
}

function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const KEY = Symbol.for("staffroom.pay-offers-in-memory");
type Holder = { [KEY]?: OffersInMemory };

/** The process's copy (on globalThis: the Remix bundle and the server entry load separate copies of this module). */
function offersInMemory(): OffersInMemory {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new OffersInMemory());
}

// About 11 m of slack on each side of the box, as in the database's query: the circle decides, the box only narrows.
const BOX_MARGIN_DEGREES = 1e-4;

/**
 * One vacancy's neighbour evidence from the copy in memory, as neighbourEvidence computes it in the database; null when
 * the copy cannot answer for `db`'s transaction (the caller asks the database).
 */
export async function evidenceInMemory(
  db: Executor,
  look: unknown,
  offer: OfferShape & { assessedOn: string },
  located: LocatedSchool[],
  policy: PayPolicy,
  now: Date,
): Promise<NeighbourEvidence | null> {
  const family = familyOf(offer.role);
  if (!family || offer.phases.length === 0) return { found: 0, schools: 0, benchmark: undefined, nearest: [] };
  const copy = offersInMemory();
  if (!copy.enabled || look === null) return null;
  const seen = await copy.bringUpToDate(db, look, offer.vacancyId);
  if (!seen) return null;
  const radius = policy.radiusMiles * METRES_PER_MILE;
  const angle = radius / EARTH_RADIUS_M;
  const latSpan = (angle * 180) / Math.PI + BOX_MARGIN_DEGREES;
  // The database's `now - N months`, in its session's time zone (month lengths clamp as PostgreSQL clamps them).
  const sinceUs = subMonths(now, policy.lookbackMonths, { in: tz(seen.timeZone) }).getTime() * 1000;
  const sinceDay = Date.parse(`${lookbackStart(offer.assessedOn, policy.lookbackMonths)}T00:00:00Z`) * 1000;
  const ownSchoolsOffers = copy.offersAt(located.map((s) => s.schoolId));
  const self = copy.numberOf(offer.vacancyId);
  const marks = scratchFor(copy.numbered);
  const stamp = marks.next();
  for (const n of ownSchoolsOffers) marks.shared[n] = stamp;
  // One row per offer: its nearest school by rounded metres, then by school id (the database's DISTINCT ON).
  const offers: number[] = [];
  const phases = [...new Set(offer.phases)];
  for (const school of located) {
    // The database's box, to the bit: degrees(asin(least(1, sin(angle) / cos(radians(lat))))) + the margin.
    const lngSpan =
      Math.asin(Math.min(1, Math.sin(angle) / Math.cos(radians(school.lat)))) / RADIANS_PER_DEGREE + BOX_MARGIN_DEGREES;
    const [west, east] = [school.lng - lngSpan, school.lng + lngSpan];
    const cosLat = Math.cos(radians(school.lat));
    for (const role of rolesOf(family))
      for (const phase of phases)
        for (const rows of copy.near(
          keyOf(role, offer.payRange, offer.entryLevel, phase),
          school.lat - latSpan,
          school.lat + latSpan,
          west,
          east,
        ))
          for (const row of rows) {
            // The offer's own eligibility (its pay, its day) is checked here; the database checks it after choosing
            // each offer's nearest row. It is the same for every row of an offer, so the same offers remain.
            if (
              row.lng < west ||
              row.lng > east ||
              row.publishedUs < sinceUs ||
              row.pay <= 0 ||
              row.publishedDayUs < sinceDay
            )
              continue;
            const n = row.offer;
            if (n === self || marks.shared[n] === stamp) continue;
            const exact = haversineMetres(school.lat, school.lng, cosLat, row.lat, row.lng, row.cosLat);
            if (!(exact <= radius)) continue;
            const metres = roundHalfEven(exact);
            if (marks.seen[n] !== stamp) {
              marks.seen[n] = stamp;
              offers.push(n);
            } else if (
              metres > marks.metres[n]! ||
              (metres === marks.metres[n] && row.schoolId >= marks.rows[n]!.schoolId)
            )
              continue;
            marks.metres[n] = metres;
            marks.rows[n] = row;
          }
  }
  // Plain loops into typed arrays: Float64Array.from with a mapping function took half a millisecond for 1,500 offers.
  const eligible: number[] = [];
  for (const n of offers) if (marks.metres[n]! <= radius) eligible.push(n);
  const pays = new Float64Array(eligible.length);
  const distances = new Float64Array(eligible.length);
  const schools = new Set<string>();
  for (let k = 0; k < eligible.length; k++) {
    const n = eligible[k]!;
    pays[k] = marks.rows[n]!.pay;
    distances[k] = marks.metres[n]!;
    schools.add(marks.rows[n]!.schoolId);
  }
  pays.sort();
  distances.sort();
  // The nearest named: only the offers as near as the 25th are sorted by distance and id.
  const furthest = distances[Math.min(EVIDENCE_COMPARABLES, distances.length) - 1] ?? 0;
  const named: { row: KeptOffer; metres: number }[] = [];
  for (const n of eligible)
    if (marks.metres[n]! <= furthest) named.push({ row: marks.rows[n]!, metres: marks.metres[n]! });
  named
    .sort(
      (a, b) =>
        a.metres - b.metres || (a.row.vacancyId < b.row.vacancyId ? -1 : a.row.vacancyId > b.row.vacancyId ? 1 : 0),
    )
    .splice(EVIDENCE_COMPARABLES);
  return {
    found: eligible.length,
    schools: schools.size,
    benchmark: medianOfSorted(pays),
    // In the order of the database's evidence (neighbourEvidence), so the JSON kept with an assessment is the same.
    nearest: named.map(({ row, metres }) => ({
      vacancyId: row.vacancyId,
      schoolId: row.schoolId,
      role: row.role,
      salaryMaxFte: row.salaryMax,
      salaryMinFte: row.salaryMin,
      publishedOn: new Date(Math.floor(row.publishedUs / 1000)).toISOString().slice(0, 10),
      distanceMetres: metres,
      phases: offer.phases,
      payRange: offer.payRange,
      entryLevel: offer.entryLevel,
      title: row.title,
      schoolName: row.schoolName,
    })),
  };
}

/**
 * Arrays indexed by offer number that one assessment fills, marked with a stamp instead of cleared: an entry counts
 * only when its mark is this assessment's. One set per process (assessments run one at a time between awaits).
 */
class Scratch {
  private stamp = 0;
  seen: Int32Array;
  shared: Int32Array;
  metres: Float64Array;
  rows: (KeptOffer | undefined)[];
  constructor(size: number) {
    // Filled, not sized: an array written at scattered indexes would fall back to a slow dictionary.
    this.rows = new Array<KeptOffer | undefined>(size).fill(undefined);
    this.seen = new Int32Array(size);
    this.shared = new Int32Array(size);
    this.metres = new Float64Array(size);
  }
  next(): number {
    return ++this.stamp;
  }
  get size(): number {
    return this.seen.length;
  }
}

let scratch = new Scratch(0);
function scratchFor(offers: number): Scratch {
  if (scratch.size < offers) scratch = new Scratch(Math.max(offers * 2, 1024));
  return scratch;
}

/** percentile_cont(0.5): the middle value, or the two middle ones' mean, as PostgreSQL interpolates it. */
function medianOfSorted(values: Float64Array): number | undefined {
  if (values.length === 0) return undefined;
  const middle = (values.length - 1) / 2;
  const low = values[Math.floor(middle)]!;
  const high = values[Math.ceil(middle)]!;
  return low + (high - low) * (middle - Math.floor(middle));
}

/**
 * What the copy needs to know before an assessment, as a column of the statement that reads the vacancy's inputs; null
 * when no copy is kept (the evidence then comes from the database).
 */
export function offersLookSql(): SQL {
  const copy = offersInMemory();
  return copy.enabled ? copy.lookSql() : sql`NULL::json`;
}

/** Whether this process keeps the offers in memory (the runtime's PAY_OFFERS_IN_MEMORY); off forgets them. */
export function keepPayOffersInMemory(on: boolean): void {
  const holder = globalThis as Holder;
  holder[KEY] = new OffersInMemory();
  holder[KEY].enabled = on;
}

/** How many vacancies' offers this process keeps (for the benchmark's report). */
export const offersKeptInMemory = () => offersInMemory().size;
