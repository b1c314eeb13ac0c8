/**
 * An area's pay in the open: every teacher offer the partnership's schools published in the lookback, grouped by
 * role family, phase and pay range, with the statutory range, the median, how many were flagged, and the split
 * by kind of employer, so the pattern the partnership wants to avoid (big trusts outbidding, schools undercutting)
 * can be seen.
 */
import { group, median } from "d3-array";
import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows, textArrayLiteral } from "../../db/rows";
import { areaOfferRow } from "./rows";
import { payYearOf, statutoryBound, type ScaleFigure } from "./scales";
import { familyOf, ROLE_FAMILIES, roleFamilies, TEACHER_PAY_RANGES, type RoleFamily } from "./families";
import { payAreaOf, type PayArea } from "../vocabulary/pay-areas";
import { employerKindOf, employerKinds, type EmployerKind } from "./employers";
import type { PayPolicy } from "./policy";

export type AreaOffer = {
  vacancyId: string;
  title: string;
  role: string;
  family: RoleFamily;
  phase: string;
  payRange: string;
  salaryMinFte: number;
  salaryMaxFte: number;
  fte: number;
  status: string;
  publishedOn: string;
  schoolName: string;
  urn: number;
  employer: string;
  employerKind: EmployerKind;
  payArea: PayArea;
  badge: string | null;
  flagged: boolean;
  benchmark: number | null;
};

export type OfferGroup = {
  family: RoleFamily;
  familyLabel: string;
  phase: string;
  payRange: string;
  offers: AreaOffer[];
  median: number;
  flagged: number;
  statutory: { min: number | null; max: number | null; year: string; area: PayArea; exactYear: boolean };
  byEmployer: { kind: EmployerKind; count: number; median: number | null }[];
};

export async function areaOffers(
  db: Executor,
  partnershipId: string,
  policy: PayPolicy,
  now: Date,
): Promise<AreaOffer[]> {
  const roles = ROLE_FAMILIES.flatMap((f) => [...roleFamilies[f].roles]);
  // The employer is the vacancy's owner (its employer of record, who pays, also when a role is shared across
  // employers: docs/decisions/0022), else the first school's trust.
  const rows = parseRows(
    await db.execute(sql`
      SELECT v.id AS "vacancyId", v.title, v.role, v.phases, v.pay_range AS "payRange", v.salary_min_fte AS "salaryMinFte",
             v.salary_max_fte AS "salaryMaxFte", v.fte, v.status, v.published_at AS "publishedOn",
             s.name AS "schoolName", s.urn, s.la_code AS "laCode", s.district_code AS "districtCode", s.district_name AS "districtName",
             CASE WHEN o.kind = 'local_authority' THEN NULL ELSE s.type_group END AS "typeGroup",
             coalesce(o.name, t.name, s.name) AS employer,
             CASE WHEN o.kind = 'local_authority' THEN NULL
                  ELSE (SELECT count(*)::int FROM schools x
                         WHERE x.trust_id = coalesce(CASE WHEN o.kind = 'academy_trust' THEN o.id END, s.trust_id)) END AS "trustSchools",
             pa.badge, coalesce(pa.flagged, false) AS flagged, pa.benchmark
        FROM vacancies v
        JOIN LATERAL (SELECT sc.* FROM vacancy_schools vs JOIN schools sc ON sc.id = vs.school_id
                       WHERE vs.vacancy_id = v.id ORDER BY vs.position LIMIT 1) s ON true
        LEFT JOIN organisations t ON t.id = s.trust_id
        LEFT JOIN organisations o ON o.id = v.owner_organisation_id
        LEFT JOIN pay_assessments pa ON pa.id = v.pay_assessment_id
       WHERE v.status IN ('published', 'closed', 'archived')
         AND v.published_at >= ${now.toISOString()}::timestamptz - make_interval(months => ${policy.lookbackMonths})
         AND v.role = ANY(${textArrayLiteral(roles)}::text[])
         AND v.pay_range::text = ANY(${textArrayLiteral([...TEACHER_PAY_RANGES])}::text[])
         AND v.salary_min_fte IS NOT NULL AND v.salary_max_fte IS NOT NULL
         AND EXISTS (SELECT 1 FROM vacancy_schools vs JOIN schools ps ON ps.id = vs.school_id
                      WHERE vs.vacancy_id = v.id AND ps.partnership_id = ${partnershipId})
       ORDER BY v.published_at DESC, v.id`),
    areaOfferRow,
    "the published offers of a partnership area",
  );
  return rows.flatMap((r) =>
    r.phases.map((phase) => ({
      vacancyId: r.vacancyId,
      title: r.title,
      role: r.role,
      family: familyOf(r.role)!,
      phase,
      payRange: r.payRange,
      salaryMinFte: r.salaryMinFte,
      salaryMaxFte: r.salaryMaxFte,
      fte: Number(r.fte),
      status: r.status,
      publishedOn: new Date(r.publishedOn).toISOString().slice(0, 10),
      schoolName: r.schoolName,
      urn: r.urn,
      employer: r.employer,
      employerKind: employerKindOf(r.trustSchools, r.typeGroup),
      payArea: payAreaOf(r.laCode, { code: r.districtCode, name: r.districtName }).area,
      badge: r.badge,
      flagged: r.flagged,
      benchmark: r.benchmark,
    })),
  );
}

/** The groups of like-for-like offers, each with its statutory range (for the pay area most of its schools are in). */
export function groupOffers(offers: AreaOffer[], scales: ScaleFigure[], now: Date): OfferGroup[] {
  const groups = group(offers, (o) => `${o.family}|${o.phase}|${o.payRange}`);
  const year = payYearOf(now.toISOString());
  return [...groups.values()]
    .map((list) => {
      // Groups come from offers, so none is empty; every offer in one shares its family, phase and range.
      const { family, phase, payRange, payArea: firstArea } = list[0]!;
      const areaCounts = new Map<PayArea, number>();
      for (const o of list) areaCounts.set(o.payArea, (areaCounts.get(o.payArea) ?? 0) + 1);
      const [area] = [...areaCounts].sort((a, b) => b[1] - a[1])[0] ?? [firstArea];
      const min = statutoryBound(scales, year, area, payRange, "min");
      const max = statutoryBound(scales, year, area, payRange, "max");
      return {
        family,
        familyLabel: roleFamilies[family].label,
        phase,
        payRange,
        offers: [...list].sort((a, b) => b.salaryMaxFte - a.salaryMaxFte),
        median: median(list, (o) => o.salaryMaxFte)!,
        flagged: list.filter((o) => o.flagged).length,
        statutory: {
          min: min?.amount ?? null,
          max: max?.amount ?? null,
          year: min?.year ?? max?.year ?? year,
          area,
          exactYear: Boolean(min?.exactYear ?? max?.exactYear),
        },
        byEmployer: (Object.keys(employerKinds) as EmployerKind[]).map((kind) => {
          const mine = list.filter((o) => o.employerKind === kind);
          return { kind, count: mine.length, median: mine.length > 0 ? median(mine, (o) => o.salaryMaxFte)! : null };
        }),
      };
    })
    .sort(
      (a, b) =>
        ROLE_FAMILIES.indexOf(a.family) - ROLE_FAMILIES.indexOf(b.family) ||
        a.phase.localeCompare(b.phase) ||
        a.payRange.localeCompare(b.payRange),
    );
}
