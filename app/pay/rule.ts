/**
 * The pay-transparency rule: a pure function of (offer, its schools, the neighbouring offers, the statutory
 * scales, the partnership's policy). It touches no database. Every finding carries its evidence, so HR, the
 * public page and the audit trail can all say why.
 *
 * 1. Below the statutory minimum: the offer's minimum is below the minimum of its range for the school's pay
 *    area and pay year (from the start date, 1 September boundary). Maintained schools must pay within the
 *    ranges ("below the statutory minimum"); academies may set their own pay ("below the national scale").
 * 2. Undercutting neighbours: with enough comparable offers (other schools, same role family, phase and pay
 *    range, published within the lookback, within the radius), the benchmark is the median of their maximum
 *    offers, full-time equivalent; an offer whose maximum is more than the tolerance below it undercuts.
 * 3. Outbidding: more than the premium above it, for information.
 */
import { median } from "d3-array";
import { subMonths } from "date-fns";
import { familyOf, TEACHER_PAY_RANGES } from "./families";
import { payAreaOf, type PayArea } from "../vocabulary/pay-areas";
import type { PayPolicy } from "./policy";
import { payYearOf, statutoryBound, type ScaleFigure } from "./scales";

export type Offer = {
  vacancyId: string;
  role: string;
  phases: string[];
  payRange: string;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
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
  /** YYYY-MM-DD */
  publishedOn: string;
  /** Metres from the nearest of the offer's schools. */
  distanceMetres: number;
};

type Evidence = { benchmark: number; offered: number; comparables: Comparable[] };

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
  | { kind: "pay_area_uncertain"; schoolName: string; note: string }
  | { kind: "not_assessed"; reason: string };

export type Badge =
  | { kind: "below_national_scale" }
  | { kind: "below_nearby"; basisPoints: number }
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

/** The comparables that really are comparable by the policy: the rule does not trust its caller's query. */
export function eligibleComparables(
  offer: Offer,
  schools: OfferSchool[],
  comparables: Comparable[],
  policy: PayPolicy,
): Comparable[] {
  const family = familyOf(offer.role);
  const own = new Set(schools.map((s) => s.schoolId));
  // YYYY-MM-DD strings order as the days they name.
  const since = subMonths(new Date(`${offer.assessedOn}T00:00:00Z`), policy.lookbackMonths)
    .toISOString()
    .slice(0, 10);
  return comparables.filter(
    (c) =>
      c.vacancyId !== offer.vacancyId &&
      !own.has(c.schoolId) &&
      familyOf(c.role) === family &&
      c.payRange === offer.payRange &&
      c.phases.some((p) => offer.phases.includes(p)) &&
      c.publishedOn >= since &&
      c.distanceMetres <= policy.radiusMiles * METRES_PER_MILE,
  );
}

function statutoryFindings(offer: Offer, schools: OfferSchool[], scales: ScaleFigure[], year: string): Finding[] {
  const findings: Finding[] = [];
  const missing = new Set<string>();
  for (const school of schools) {
    const area = payAreaOf(school.laCode, { code: school.districtCode ?? null, name: school.districtName ?? null });
    if (!area.certain && area.note)
      findings.push({ kind: "pay_area_uncertain", schoolName: school.name, note: area.note });
    if (offer.salaryMinFte !== null) {
      const minimum = statutoryBound(scales, year, area.area, offer.payRange, "min");
      if (!minimum) missing.add(`${offer.payRange}|${area.area}`);
      else if (offer.salaryMinFte < minimum.amount) {
        findings.push({
          kind: school.maintained ? "below_statutory_minimum" : "below_national_scale",
          schoolId: school.schoolId,
          schoolName: school.name,
          payArea: area.area,
          range: offer.payRange,
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
      if (!minimum) missing.add(`${allowance.kind}|${area.area}`);
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
  for (const key of missing) {
    const [range, payArea] = key.split("|");
    findings.push({ kind: "no_statutory_figure", range, payArea: payArea as PayArea, year });
  }
  return findings;
}

function neighbourFindings(offer: Offer, comparables: Comparable[], policy: PayPolicy): Finding[] {
  const schools = new Set(comparables.map((c) => c.schoolId)).size;
  if (comparables.length < policy.minComparables || schools < policy.minSchools || offer.salaryMaxFte === null) {
    return [
      {
        kind: "not_enough_local_offers",
        found: comparables.length,
        schools,
        needed: policy.minComparables,
        neededSchools: policy.minSchools,
        comparables,
      },
    ];
  }
  const benchmark = median(comparables, (c) => c.salaryMaxFte)!;
  const offered = offer.salaryMaxFte;
  const evidence = {
    benchmark,
    offered,
    comparables: [...comparables].sort(
      (a, b) => b.salaryMaxFte - a.salaryMaxFte || a.distanceMetres - b.distanceMetres,
    ),
  };
  // Exact comparisons in whole numbers: (benchmark − offered) / benchmark > tolerance ⇔ (benchmark − offered) × 10,000 > tolerance × benchmark.
  if ((benchmark - offered) * 10_000 > policy.toleranceBasisPoints * benchmark) {
    return [
      {
        kind: "undercuts_neighbours",
        gapBasisPoints: basisPoints(benchmark - offered, benchmark),
        gapPounds: Math.round(benchmark - offered),
        ...evidence,
      },
    ];
  }
  if ((offered - benchmark) * 10_000 > policy.premiumBasisPoints * benchmark) {
    return [
      {
        kind: "outbids_neighbours",
        premiumBasisPoints: basisPoints(offered - benchmark, benchmark),
        premiumPounds: Math.round(offered - benchmark),
        ...evidence,
      },
    ];
  }
  return [{ kind: "at_local_rate", differenceBasisPoints: basisPoints(offered - benchmark, benchmark), ...evidence }];
}

function badgeOf(findings: Finding[]): Badge {
  if (findings.some((f) => f.kind === "below_statutory_minimum" || f.kind === "below_national_scale"))
    return { kind: "below_national_scale" };
  const undercut = findings.find((f) => f.kind === "undercuts_neighbours");
  if (undercut && undercut.kind === "undercuts_neighbours")
    return { kind: "below_nearby", basisPoints: undercut.gapBasisPoints };
  if (findings.some((f) => f.kind === "at_local_rate" || f.kind === "outbids_neighbours"))
    return { kind: "at_or_above_local_rate" };
  return { kind: "none" };
}

export function assessOffer(
  offer: Offer,
  schools: OfferSchool[],
  comparables: Comparable[],
  scales: ScaleFigure[],
  policy: PayPolicy,
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
  const findings = [
    ...statutoryFindings(offer, schools, scales, year),
    ...neighbourFindings(offer, eligibleComparables(offer, schools, comparables, policy), policy),
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
