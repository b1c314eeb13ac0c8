/**
 * Assessing a vacancy's pay: gather the inputs of the pure rule (app/pay/rule.ts) from the database, run it,
 * and keep the result with its evidence. The vacancy points at its current assessment; earlier ones stay.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { executePlannedOnce, type Database, type Executor } from "../../db/client";
import { firstRow, parseRows, textArrayLiteral } from "../../db/rows";
import { writtenOnce } from "../../db/written-once";
import { z } from "../forms/zod";
import { policyRow, vacancyInputsRow } from "./rows";
import { payAssessments, payScaleFigures, vacancies } from "../../db/schema";
import { schoolTypesOf } from "../vocabulary/school-types";
import { leadEmployerKey, schoolEmployerKey } from "../organisations/employers.server";
import { familyOf } from "./families";
import { neighbourEvidence } from "./neighbours.server";
import { evidenceInMemory, offersLookSql, type LocatedSchool } from "./offers-in-memory.server";
import type { PayArea } from "../vocabulary/pay-areas";
import { DEFAULT_POLICY, type PayPolicy } from "./policy";
import { assessOfferSummarised, type Assessment, type Offer, type OfferSchool } from "./rule";
import type { ScaleFigure } from "./scales";

export async function loadScales(db: Executor): Promise<ScaleFigure[]> {
  const rows = await db.select().from(payScaleFigures);
  return rows.map((r) => ({
    year: r.year,
    area: r.area as PayArea,
    range: r.range,
    point: r.point,
    annual: r.annualPounds,
    source: r.source,
  }));
}

let cachedScales: { stamp: string; figures: ScaleFigure[] } | null = null;

/**
 * The scales for one assessment on the hot path: read again only when the table changed (its row count and
 * last import time), which one small query tells.
 */
const stampSql = sql`(SELECT count(*) || '|' || coalesce(max(imported_at)::text, '') FROM pay_scale_figures)`;

export async function scalesStamp(db: Executor): Promise<string> {
  return firstRow(
    parseRows(
      await db.execute(sql`SELECT ${stampSql} AS stamp`),
      z.object({ stamp: z.string() }),
      "the pay scale figures' stamp",
    ),
    "the pay scale figures' stamp",
  ).stamp;
}

/** The scales as of `stamp`, which the vacancy's own query read (no round trip of its own). */
async function currentScales(db: Executor, stamp: string): Promise<ScaleFigure[]> {
  if (cachedScales?.stamp !== stamp) cachedScales = { stamp, figures: await loadScales(db) };
  return cachedScales.figures;
}

/** A partnership's policy as JSON, null when it has none: one expression, so the hot path reads it with the vacancy. */
const policyJson = (partnershipId: SQL) => sql`
  (SELECT json_build_object('radiusMiles', pp.radius_miles, 'lookbackMonths', pp.lookback_months, 'minComparables', pp.min_comparables,
                            'minSchools', pp.min_schools, 'toleranceBasisPoints', pp.tolerance_basis_points,
                            'premiumBasisPoints', pp.premium_basis_points, 'onFlag', pp.on_flag)
     FROM pay_policies pp WHERE pp.partnership_id = ${partnershipId})`;

export async function policyOf(db: Executor, partnershipId: string | null): Promise<PayPolicy> {
  if (!partnershipId) return DEFAULT_POLICY;
  const [row] = parseRows(
    await db.execute(sql`SELECT ${policyJson(sql`${partnershipId}`)} AS policy`),
    z.object({ policy: policyRow.nullable() }),
    "a partnership's pay policy",
  );
  return row?.policy ?? DEFAULT_POLICY;
}

export type VacancyInputs = {
  offer: Offer;
  schools: OfferSchool[];
  partnershipId: string | null;
  policy: PayPolicy;
  /** The pay scale figures' stamp (row count and last import) when the inputs were read. */
  scalesStamp: string;
  /** The offer's schools that have a place: its neighbours are measured from them. */
  located: LocatedSchool[];
  /** What the offers kept in memory asked the database with these inputs (offersLookSql); null when not asked. */
  offersLook: unknown;
};

/**
 * The offer, its schools and its partnership's policy as the rule sees them, and what the offers kept in memory need
 * to know, in one query (the publish hot path).
 */
export async function inputsOf(db: Executor, vacancyId: string, now: Date): Promise<VacancyInputs | null> {
  const [inputs] = await inputsWhere(db, sql`v.id = ${vacancyId}`, now, offersLookSql());
  return inputs ?? null;
}

/** The same for several vacancies at once (the nightly pass): one query for a batch. */
export async function inputsOfMany(db: Executor, vacancyIds: string[], now: Date): Promise<VacancyInputs[]> {
  if (vacancyIds.length === 0) return [];
  return inputsWhere(db, sql`v.id = ANY(${textArrayLiteral(vacancyIds)}::text[])`, now);
}

async function inputsWhere(db: Executor, where: SQL, now: Date, offersLook?: SQL): Promise<VacancyInputs[]> {
  const rows = parseRows(
    // Planned once per connection (a lookup by id, whatever the id): planning it cost 1.1 ms, running it 0.25 ms.
    await executePlannedOnce(
      db,
      sql`
      SELECT v.id, v.role, v.phases, v.pay_range AS "payRange", v.salary_min_fte AS "salaryMinFte", v.salary_max_fte AS "salaryMaxFte",
             v.ect_suitable AS "entryLevel", v.allowances, v.start_kind AS "startKind", v.start_date AS "startDate", part.id AS "partnershipId",
             ${policyJson(sql`part.id`)} AS policy,
             coalesce((SELECT json_agg(json_build_object('schoolId', s.id, 'name', s.name, 'laCode', s.la_code, 'districtCode', s.district_code,
                                'districtName', s.district_name, 'typeGroup', s.type_group,
                                'establishmentType', s.establishment_type, 'religiousCharacter', s.religious_character,
                                'byLead', ${schoolEmployerKey("s")} = lead.key, 'lat', s.lat, 'lng', s.lng) ORDER BY vs.position)
                         FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id WHERE vs.vacancy_id = v.id), '[]'::json) AS schools,
             coalesce((SELECT lo.kind = 'local_authority' FROM organisations lo WHERE lo.id = lead.key), false) AS "leadIsLocalAuthority",
             ${stampSql} AS "scalesStamp", ${offersLook ?? sql`NULL::json`} AS "offersLook"
        FROM vacancies v
        LEFT JOIN organisations o ON o.id = v.owner_organisation_id
        LEFT JOIN schools os ON os.id = v.owner_school_id
        CROSS JOIN LATERAL (
          SELECT coalesce(o.partnership_id, os.partnership_id,
                          (SELECT s.partnership_id FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
                            WHERE vs.vacancy_id = v.id AND s.partnership_id IS NOT NULL ORDER BY vs.position LIMIT 1)) AS id) part
        CROSS JOIN LATERAL (SELECT ${leadEmployerKey("v")} AS key) lead
       WHERE ${where}`,
    ),
    vacancyInputsRow,
    "the pay inputs of vacancies",
  );
  const day = (d: string | Date) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));
  return rows.map((v) => ({
    scalesStamp: v.scalesStamp,
    offersLook: v.offersLook,
    partnershipId: v.partnershipId,
    policy: v.policy ?? DEFAULT_POLICY,
    offer: {
      vacancyId: v.id,
      role: v.role,
      phases: v.phases,
      payRange: v.payRange,
      salaryMinFte: v.salaryMinFte,
      salaryMaxFte: v.salaryMaxFte,
      entryLevel: v.entryLevel,
      allowances: v.allowances,
      startDate: (v.startKind === "date" || v.startKind === "range") && v.startDate ? day(v.startDate) : null,
      assessedOn: now.toISOString().slice(0, 10),
    },
    located: v.schools.flatMap((s) =>
      s.lat === null || s.lng === null ? [] : [{ schoolId: s.schoolId, lat: s.lat, lng: s.lng }],
    ),
    schools: v.schools.map((s) => ({
      schoolId: s.schoolId,
      name: s.name,
      laCode: s.laCode,
      districtCode: s.districtCode,
      districtName: s.districtName,
      // The employer of record pays: a share at another employer's school follows the lead employer's rules
      // (docs/decisions/0022), so it is "maintained" exactly when a local authority employs.
      maintained: s.byLead ? schoolTypesOf(s).includes("la_maintained") : v.leadIsLocalAuthority,
    })),
  }));
}

/** From the offers this process keeps in memory when they can answer for `db`'s transaction, else from the database. */
async function neighboursOf(db: Executor, inputs: VacancyInputs, now: Date) {
  return (
    (inputs.offersLook !== null &&
      (await evidenceInMemory(db, inputs.offersLook, inputs.offer, inputs.located, inputs.policy, now))) ||
    (await neighbourEvidence(db, inputs.offer, inputs.policy, now))
  );
}

export type PayResult = { assessment: Assessment; policy: PayPolicy };

/** The assessment of a vacancy as it stands now; null for roles and pay the rule does not cover. */
export async function assessVacancy(
  db: Executor,
  vacancyId: string,
  now = new Date(),
  scales?: ScaleFigure[],
): Promise<PayResult | null> {
  const inputs = await inputsOf(db, vacancyId, now);
  if (!inputs || familyOf(inputs.offer.role) === null) return null;
  const { policy } = inputs;
  const [neighbours, figures] = await Promise.all([
    neighboursOf(db, inputs, now),
    scales ? Promise.resolve(scales) : currentScales(db, inputs.scalesStamp),
  ]);
  return { assessment: assessOfferSummarised(inputs.offer, inputs.schools, neighbours, figures, policy), policy };
}

/** Keeps an assessment and makes it the vacancy's current one (which also re-indexes the vacancy for search). */
export async function recordAssessment(
  tx: Executor,
  vacancyId: string,
  result: PayResult,
  options: {
    reason: "publish" | "edit" | "nightly";
    justification?: string | null;
    userId?: string | null;
    now?: Date;
  },
): Promise<string> {
  const a = result.assessment;
  const row = firstRow(
    await tx
      .insert(payAssessments)
      .values({
        vacancyId,
        reason: options.reason,
        payYear: a.year,
        badge: a.badge.kind,
        badgeBasisPoints: a.badge.kind === "below_nearby" ? a.badge.basisPoints : null,
        benchmark: a.benchmark === null ? null : Math.round(a.benchmark),
        flagged: a.flagged,
        findings: a.findings,
        policy: result.policy,
        justification: options.justification ?? null,
        decidedBy: options.userId ?? null,
        assessedAt: options.now ?? new Date(),
      })
      .returning({ id: payAssessments.id }),
    "the row inserted into payAssessments",
  );
  await tx.update(vacancies).set({ payAssessmentId: row.id }).where(eq(vacancies.id, vacancyId));
  return row.id;
}

export type StoredAssessment = typeof payAssessments.$inferSelect;

const currentAssessmentRow = writtenOnce((db) =>
  db
    .select({ a: payAssessments })
    .from(vacancies)
    .innerJoin(payAssessments, eq(payAssessments.id, vacancies.payAssessmentId))
    .where(eq(vacancies.id, sql.placeholder("vacancyId")))
    .prepare("current_pay_assessment"),
);

export async function currentAssessment(db: Executor, vacancyId: string): Promise<StoredAssessment | null> {
  const [row] = await currentAssessmentRow(db).execute({ vacancyId });
  return row?.a ?? null;
}

/** A vacancy's assessments, newest first: the history HR and the audit see. */
export async function assessmentHistory(db: Executor, vacancyId: string) {
  return db
    .select()
    .from(payAssessments)
    .where(eq(payAssessments.vacancyId, vacancyId))
    .orderBy(sql`${payAssessments.assessedAt} DESC`);
}

const outcome = (a: { badge: string; badgeBasisPoints: number | null; benchmark: number | null; flagged: boolean }) =>
  `${a.badge}|${a.badgeBasisPoints}|${a.benchmark}|${a.flagged}`;

/**
 * The nightly pass: every open teacher vacancy is assessed again against today's local picture, and a new
 * assessment is kept only when its outcome (badge, gap, benchmark, flag) changed, so the history reads as events.
 */
export async function reassessOpenVacancies(db: Database, now = new Date()) {
  const scales = await loadScales(db);
  const open = parseRows(
    await db.execute(sql`
      SELECT v.id, pa.badge || '|' || coalesce(pa.badge_basis_points::text, 'null') || '|' || coalesce(pa.benchmark::text, 'null') || '|' || pa.flagged AS current
        FROM vacancies v LEFT JOIN pay_assessments pa ON pa.id = v.pay_assessment_id
       WHERE v.status = 'published' AND v.closes_at > ${now.toISOString()}::timestamptz
       ORDER BY v.id`),
    z.object({ id: z.string(), current: z.string().nullable() }),
    "the open vacancies and their outcomes",
  );
  let assessed = 0;
  let changed = 0;
  for (const v of open) {
    const result = await assessVacancy(db, v.id, now, scales);
    if (!result) continue;
    assessed++;
    const a = result.assessment;
    const next = outcome({
      badge: a.badge.kind,
      badgeBasisPoints: a.badge.kind === "below_nearby" ? a.badge.basisPoints : null,
      benchmark: a.benchmark === null ? null : Math.round(a.benchmark),
      flagged: a.flagged,
    });
    if (next === v.current) continue;
    await db.transaction(async (tx) => {
      await recordAssessment(tx, v.id, result, { reason: "nightly", now });
    });
    changed++;
  }
  return { open: open.length, assessed, changed };
}
