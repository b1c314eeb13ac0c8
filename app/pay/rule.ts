/**
 * The pay-transparency rule: a pure function of (offer, its schools, the neighbouring offers, the statutory
 * scales, the partnership's policy). It touches no database. Every finding carries its evidence, so HR, the
 * public page and the audit trail can all say why.
 *
 * 1. Below the statutory minimum: the offer's minimum is below the minimum of its range for the school's pay
 *    area and pay year (from the start date, 1 September boundary). Maintained schools must pay within the
 *    ranges ("below the statutory minimum"); academies may set their own pay ("below the national scale").
 *    A headteacher post is checked against the headteacher range's own minimum, not leadership point L1.
 * 2. Undercutting neighbours, like with like (docs/decisions/0016-pay-like-with-like.md): with enough comparable
 *    offers (other schools, same role family, phase and pay range, published within the lookback, within the
 *    radius, and the same level: entry-level posts only with entry-level posts), the benchmark is the median of
 *    their full-time-equivalent pay on one basis: an entry-level (ECT-suitable) offer's starting salary against
 *    theirs, any other offer's top of range against theirs. An offer more than the tolerance below undercuts.
 * 3. Outbidding: more than the premium above it, for information. Between the two, an offer at or above the
 *    benchmark is "at or above the local rate", and one below it but within the tolerance "about the local rate".
 */
import { median } from "d3-array";
import { subMonths } from "date-fns";
import { familyOf, TEACHER_PAY_RANGES } from "./families";
import { payAreaOf, type PayArea } from "../vocabulary/pay-areas";
import type { PayPolicy } from "./policy";
import { payYearOf, statutoryBound, yearsCovered, type ScaleFigure } from "./scales";

export type Offer = {
  vacancyId: string;
  role: string;
  phases: string[];
  payRange: string;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
  /** An entry-level post (suitable for early career teachers): compared on its starting salary with other entry-level posts. */
  entryLevel: boolean;
  allowances: { kind: string; amount: number }[];
  /** YYYY-MM-DD, or null for "as soon as possible" / "to be agreed". */
  startDate: string | null;
  /** YYYY-MM-DD: the day of the assessment; the pay year when there is no start date. */
  assessedOn: string;
};

export type OfferSchool = {
  schoolId: string;
  name: string;
  laCode: string;
  /** ONS district code and name when known: in a partly-fringe county it settles the pay area. */
  districtCode?: string | null;
  districtName?: string | null;
  maintained: boolean;
};

export type Comparable = {
  vacancyId: string;
  /** Named for the nearest comparables only (what HR is shown); the rule needs none of the names. */
  title?: string;
  schoolId: string;
  schoolName?: string;
  role: string;
  phases: string[];
  payRange: string;
  salaryMaxFte: number;
  /** Null when the advert gives no minimum; such an offer has no starting salary to compare. */
  salaryMinFte: number | null;
  entryLevel: boolean;
  /** YYYY-MM-DD */
  publishedOn: string;
  /** Metres from the nearest of the offer's schools. */
  distanceMetres: number;
};

/** What was compared: entry-level offers' starting salaries, or other offers' tops of range. */
export type PayBasis = "starting_salary" | "top_of_range";

/**
 * What a finding on neighbours rests on: the median of `found` comparables at `schools` schools, and the nearest of them
 * by name (at most EVIDENCE_COMPARABLES: what HR is shown). Assessments kept before 2026-12 hold every comparable and
 * no `found`: readers count `found ?? comparables.length` (comparedCount).
 */
type Evidence = {
  basis: PayBasis;
  benchmark: number;
  offered: number;
  found?: number;
  schools?: number;
  comparables: Comparable[];
};

/** How many of the nearest comparables an assessment keeps and names (docs/decisions/0032); the rest are counted. */
export const EVIDENCE_COMPARABLES = 25;

/** How many comparables a finding rests on, in assessments kept before 0032 (every comparable, no count) and after. */
export const comparedCount = (f: { found?: number; comparables: Comparable[] }) => f.found ?? f.comparables.length;

export type Finding =
  | {
      kind: "below_statutory_minimum" | "below_national_scale";
      schoolId: string;
      schoolName: string;
      payArea: PayArea;
      range: string;
      year: string;
      exactYear: boolean;
      minimum: number;
      offered: number;
      shortfall: number;
      source: string;
    }
  | {
      kind: "allowance_below_minimum";
      maintained: boolean;
      schoolName: string;
      allowance: string;
      year: string;
      exactYear: boolean;
      minimum: number;
      offered: number;
      source: string;
    }
  | ({ kind: "undercuts_neighbours"; gapBasisPoints: number; gapPounds: number } & Evidence)
  | ({ kind: "outbids_neighbours"; premiumBasisPoints: number; premiumPounds: number } & Evidence)
  | ({ kind: "at_local_rate"; differenceBasisPoints: number } & Evidence)
  | {
      kind: "not_enough_local_offers";
      found: number;
      schools: number;
      needed: number;
      neededSchools: number;
      comparables: Comparable[];
    }
  | { kind: "no_statutory_figure"; range: string; payArea: PayArea; year: string }
  /** The offer's pay year has no published figures yet: the latest earlier year's were used. */
  | { kind: "figures_from_earlier_year"; year: string; figuresYear: string }
  | { kind: "pay_area_uncertain"; schoolName: string; note: string }
  | { kind: "not_assessed"; reason: string };

export type Badge =
  | { kind: "below_statutory_minimum" }
  | { kind: "below_national_scale" }
  | { kind: "below_nearby"; basisPoints: number }
  | { kind: "about_local_rate" }
  | { kind: "at_or_above_local_rate" }
  | { kind: "none" };

export type Assessment = {
  year: string;
  findings: Finding[];
  badge: Badge;
  benchmark: number | null;
  /** An undercutting or below-minimum offer: publishing it needs a justification, or is refused. */
  flagged: boolean;
};

const METRES_PER_MILE = 1609.344;

/** Basis points of `part` against `whole`, rounded to the nearest (for display; comparisons are exact). */
const basisPoints = (part: number, whole: number) => Math.round((part * 10_000) / whole);

/**
 * Gaps and premiums round up: an offer over the tolerance is never reported as exactly the tolerance (3.003%
 * below a 3% tolerance reads "3.1%", not "3%", which would read as within it).
 */
const basisPointsUp = (part: number, whole: number) => Math.ceil((part * 10_000) / whole);

/** The pay an offer is compared on: entry-level posts on where they start, others on how far they go. */
const basisOf = (entryLevel: boolean): PayBasis => (entryLevel ? "starting_salary" : "top_of_range");

const payOn = (basis: PayBasis, o: { salaryMinFte: number | null; salaryMaxFte: number | null }) =>
  basis === "starting_salary" ? o.salaryMinFte : o.salaryMaxFte;

/** The statutory range whose minimum an offer must reach: a headteacher's own range, not leadership point L1. */
function minimumRangeOf(offer: Pick<Offer, "role" | "payRange">): string {
  return offer.payRange === "leadership" && familyOf(offer.role) === "headteacher" ? "headteacher" : offer.payRange;
}

const usable = (pounds: number | null | undefined): pounds is number =>
  typeof pounds === "number" && Number.isFinite(pounds) && pounds > 0;

/** The first day (YYYY-MM-DD) an offer may have been published on to count on `assessedOn`. */
export function lookbackStart(assessedOn: string, lookbackMonths: number): string {
  return subMonths(new Date(`${assessedOn}T00:00:00Z`), lookbackMonths)
    .toISOString()
    .slice(0, 10);
}

/** The comparables that really are comparable by the policy: the rule does not trust its caller's query. */
function eligibleComparables(
  offer: Offer,
  schools: OfferSchool[],
  comparables: Comparable[],
  policy: PayPolicy,
): Comparable[] {
  const family = familyOf(offer.role);
  const own = new Set(schools.map((s) => s.schoolId));
  // YYYY-MM-DD strings order as the days they name.
  const since = lookbackStart(offer.assessedOn, policy.lookbackMonths);
  return comparables.filter(
    (c) =>
      c.vacancyId !== offer.vacancyId &&
      !own.has(c.schoolId) &&
      familyOf(c.role) === family &&
      c.payRange === offer.payRange &&
      c.entryLevel === offer.entryLevel &&
      usable(payOn(basisOf(c.entryLevel), c)) &&
      c.phases.some((p) => offer.phases.includes(p)) &&
      c.publishedOn >= since &&
      c.distanceMetres <= policy.radiusMiles * METRES_PER_MILE,
  );
}

function statutoryFindings(offer: Offer, schools: OfferSchool[], scales: ScaleFigure[], year: string): Finding[] {
  const findings: Finding[] = [];
  const missing = new Map<string, { range: string; payArea: PayArea }>();
  for (const school of schools) {
    const area = payAreaOf(school.laCode, { code: school.districtCode ?? null, name: school.districtName ?? null });
    if (!area.certain && area.note)
      findings.push({ kind: "pay_area_uncertain", schoolName: school.name, note: area.note });
    if (offer.salaryMinFte !== null) {
      const range = minimumRangeOf(offer);
      const minimum = statutoryBound(scales, year, area.area, range, "min");
      if (!minimum) missing.set(`${range}|${area.area}`, { range, payArea: area.area });
      else if (offer.salaryMinFte < minimum.amount) {
        findings.push({
          kind: school.maintained ? "below_statutory_minimum" : "below_national_scale",
          schoolId: school.schoolId,
          schoolName: school.name,
          payArea: area.area,
          range,
          year: minimum.year,
          exactYear: minimum.exactYear,
          minimum: minimum.amount,
          offered: offer.salaryMinFte,
          shortfall: minimum.amount - offer.salaryMinFte,
          source: minimum.source,
        });
      }
    }
    for (const allowance of offer.allowances) {
      if (!/^(tlr[123]|sen)$/.test(allowance.kind)) continue;
      const minimum = statutoryBound(scales, year, area.area, allowance.kind, "min");
      if (!minimum) missing.set(`${allowance.kind}|${area.area}`, { range: allowance.kind, payArea: area.area });
      else if (allowance.amount < minimum.amount) {
        findings.push({
          kind: "allowance_below_minimum",
          maintained: school.maintained,
          schoolName: school.name,
          allowance: allowance.kind,
          year: minimum.year,
          exactYear: minimum.exactYear,
          minimum: minimum.amount,
          offered: allowance.amount,
          source: minimum.source,
        });
      }
    }
  }
  for (const { range, payArea } of missing.values()) {
    findings.push({ kind: "no_statutory_figure", range, payArea, year });
  }
  return findings;
}

/**
 * What the verdict on neighbours depends on: how many eligible comparables, at how many schools, and their median pay
 * on the offer's basis (undefined when there is none). The nightly pass reads it from the database as one row.
 */
export type NeighbourSummary = { found: number; schools: number; benchmark: number | undefined };

/** A summary of the eligible comparables and the nearest of them: all an assessment needs and keeps of its neighbours. */
export type NeighbourEvidence = NeighbourSummary & { nearest: Comparable[] };

/** Nearest first; at one distance, by vacancy id in code-unit order (as the database's COLLATE "C" orders them). */
export const byDistance = (a: Comparable, b: Comparable) =>
  a.distanceMetres - b.distanceMetres || (a.vacancyId < b.vacancyId ? -1 : a.vacancyId > b.vacancyId ? 1 : 0);

function evidenceOf(offer: Offer, comparables: Comparable[]): NeighbourEvidence {
  const basis = basisOf(offer.entryLevel);
  return {
    found: comparables.length,
    schools: new Set(comparables.map((c) => c.schoolId)).size,
    benchmark: median(comparables, (c) => payOn(basis, c) ?? undefined),
    nearest: [...comparables].sort(byDistance).slice(0, EVIDENCE_COMPARABLES),
  };
}

/** The finding on neighbours from their summary, with the nearest as its evidence (none for an outcome alone). */
function neighbourFindings(offer: Offer, policy: PayPolicy, neighbours: NeighbourEvidence): Finding[] {
  const { found, schools, benchmark, nearest: comparables } = neighbours;
  const basis = basisOf(offer.entryLevel);
  const offered = payOn(basis, offer);
  if (
    found < policy.minComparables ||
    schools < policy.minSchools ||
    !usable(offered) ||
    // Never a finding from nothing: no comparison against a missing, zero or non-finite benchmark.
    !usable(benchmark)
  ) {
    return [
      {
        kind: "not_enough_local_offers",
        found,
        schools,
        needed: policy.minComparables,
        neededSchools: policy.minSchools,
        comparables,
      },
    ];
  }
  const evidence = {
    basis,
    benchmark,
    offered,
    found,
    schools,
    comparables: [...comparables].sort(
      (a, b) => (payOn(basis, b) ?? 0) - (payOn(basis, a) ?? 0) || a.distanceMetres - b.distanceMetres,
    ),
  };
  // Exact comparisons in whole numbers: (benchmark − offered) / benchmark > tolerance ⇔ (benchmark − offered) × 10,000 > tolerance × benchmark.
  if ((benchmark - offered) * 10_000 > policy.toleranceBasisPoints * benchmark) {
    return [
      {
        kind: "undercuts_neighbours",
        gapBasisPoints: basisPointsUp(benchmark - offered, benchmark),
        gapPounds: Math.round(benchmark - offered),
        ...evidence,
      },
    ];
  }
  if ((offered - benchmark) * 10_000 > policy.premiumBasisPoints * benchmark) {
    return [
      {
        kind: "outbids_neighbours",
        premiumBasisPoints: basisPointsUp(offered - benchmark, benchmark),
        premiumPounds: Math.round(offered - benchmark),
        ...evidence,
      },
    ];
  }
  return [{ kind: "at_local_rate", differenceBasisPoints: basisPoints(offered - benchmark, benchmark), ...evidence }];
}

/** The badge says no less than the strongest finding, and nothing the findings do not show. */
function badgeOf(findings: Finding[]): Badge {
  // A maintained school breaking the statutory minimum is the stronger statement, whatever its academies do.
  if (findings.some((f) => f.kind === "below_statutory_minimum")) return { kind: "below_statutory_minimum" };
  if (findings.some((f) => f.kind === "below_national_scale")) return { kind: "below_national_scale" };
  for (const f of findings) {
    if (f.kind === "undercuts_neighbours") return { kind: "below_nearby", basisPoints: f.gapBasisPoints };
  }
  for (const f of findings) {
    if (f.kind === "outbids_neighbours") return { kind: "at_or_above_local_rate" };
    if (f.kind === "at_local_rate")
      return f.offered >= f.benchmark ? { kind: "at_or_above_local_rate" } : { kind: "about_local_rate" };
  }
  return { kind: "none" };
}

export function assessOffer(
  offer: Offer,
  schools: OfferSchool[],
  comparables: Comparable[],
  scales: ScaleFigure[],
  policy: PayPolicy,
): Assessment {
  return assessWith(offer, schools, scales, policy, () => {
    const eligible = eligibleComparables(offer, schools, comparables, policy);
    return neighbourFindings(offer, policy, evidenceOf(offer, eligible));
  });
}

/**
 * The assessment from a summary of the eligible comparables and the nearest of them, instead of every comparable: the
 * same assessment as assessOffer, computed where the rows are (app/pay/neighbours.server.ts). The summary must be of
 * exactly the comparables eligibleComparables keeps, and `nearest` the first EVIDENCE_COMPARABLES of them byDistance.
 * With no `nearest`, the same badge, benchmark and flag (the nightly pass compares only those), without evidence.
 */
export function assessOfferSummarised(
  offer: Offer,
  schools: OfferSchool[],
  neighbours: NeighbourSummary & { nearest?: Comparable[] },
  scales: ScaleFigure[],
  policy: PayPolicy,
): Assessment {
  return assessWith(offer, schools, scales, policy, () =>
    neighbourFindings(offer, policy, { ...neighbours, nearest: neighbours.nearest ?? [] }),
  );
}

function assessWith(
  offer: Offer,
  schools: OfferSchool[],
  scales: ScaleFigure[],
  policy: PayPolicy,
  neighbours: () => Finding[],
): Assessment {
  const year = payYearOf(offer.startDate ?? offer.assessedOn);
  if (familyOf(offer.role) === null)
    return {
      year,
      findings: [{ kind: "not_assessed", reason: "Support roles are not on the teachers' pay ranges." }],
      badge: { kind: "none" },
      benchmark: null,
      flagged: false,
    };
  if (!(TEACHER_PAY_RANGES as readonly string[]).includes(offer.payRange)) {
    return {
      year,
      findings: [{ kind: "not_assessed", reason: "Only offers on a teachers' pay range are compared." }],
      badge: { kind: "none" },
      benchmark: null,
      flagged: false,
    };
  }
  const figuresYear = yearsCovered(scales).find((y) => y <= year);
  const findings = [
    ...(figuresYear && figuresYear !== year ? [{ kind: "figures_from_earlier_year" as const, year, figuresYear }] : []),
    ...statutoryFindings(offer, schools, scales, year),
    ...neighbours(),
  ];
  const withBenchmark = findings.find(
    (f) => f.kind === "undercuts_neighbours" || f.kind === "outbids_neighbours" || f.kind === "at_local_rate",
  );
  return {
    year,
    findings,
    badge: badgeOf(findings),
    benchmark: withBenchmark && "benchmark" in withBenchmark ? withBenchmark.benchmark : null,
    flagged: findings.some((f) =>
      ["below_statutory_minimum", "below_national_scale", "allowance_below_minimum", "undercuts_neighbours"].includes(
        f.kind,
      ),
    ),
  };
}
