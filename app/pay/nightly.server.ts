/**
 * The nightly pay pass, set-based (docs/decisions/0027-pay-pass-batched.md). The pure rule (app/pay/rule.ts) still
 * decides every assessment, from the same inputs as one vacancy's assessment (assessment.server.ts); what changes
 * is which vacancies are assessed and how the rows are read and written:
 *
 * - A vacancy is assessed again only when one of its inputs may have changed since the pass last checked it
 *   (pay_checks): the digest of its offer, schools, policy, pay year and the scales differs; or an offer that
 *   could be one of its comparables came, went or changed since (pay_offer_events, logged by triggers on
 *   pay_offers), or left its lookback window; or it was assessed since (on publishing or an edit). Otherwise its
 *   assessment would be the one it had when checked, whose outcome the pass already compared: it is skipped.
 * - The inputs of every open vacancy are read a thousand at a time; the vacancies to assess are summarised a hundred
 *   to a statement (neighbourSummaries: one row each), and those whose outcome changed summarised again with the nearest
 *   comparables named, fifty to a statement, for the assessment kept with its evidence; two statements at once on the
 *   pool; new assessments and checks are written a batch per transaction.
 */
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { LAT_BANDS_PER_DEGREE } from "../../db/schema/pay";
import { EARTH_RADIUS_M, METRES_PER_MILE } from "../vocabulary/distance";
import {
  inputsOfMany,
  loadScales,
  recordAssessment,
  scalesStamp,
  type PayResult,
  type VacancyInputs,
} from "./assessment.server";
import { familyOf, ROLE_FAMILIES, roleFamilies } from "./families";
import { neighbourSummaries } from "./neighbours.server";
import type { PayPolicy } from "./policy";
import { openVacancyRow } from "./rows";
import { assessOfferSummarised, type Assessment } from "./rule";
import { payYearOf } from "./scales";

/**
 * A pay_offers change is logged with its transaction's start time, and may commit after a pass read the offers:
 * the next pass looks at changes from an hour before the last check, so a transaction shorter than that is seen.
 */
const EVENT_GRACE_SECONDS = 3600;
const INPUT_BATCH = 1000;
const WRITE_BATCH = 500;
/** Vacancies whose outcome one statement summarises (neighbourSummaries): one row each comes back. */
const SUMMARY_BATCH = 100;
/** Vacancies whose evidence (a summary and the nearest named) one statement reads: planning and the round trip no longer count. */
const NEIGHBOUR_BATCH = 50;
/** Neighbour statements in flight at once: the pool serves them on several connections (PGlite runs them in turn). */
const CONCURRENCY = 2;

/** The outcome the nightly pass compares: a new assessment is kept only when it differs. */
export function outcomeOf(a: Assessment): string {
  const basisPoints = a.badge.kind === "below_nearby" ? a.badge.basisPoints : null;
  return `${a.badge.kind}|${basisPoints}|${a.benchmark === null ? null : Math.round(a.benchmark)}|${a.flagged}`;
}

/** Every input of the rule other than the comparables, as one digest: the offer (not the day), schools, policy, pay year, scales. */
function digestOf(inputs: VacancyInputs, scales: string): string {
  const { assessedOn, ...offer } = inputs.offer;
  const payYear = payYearOf(offer.startDate ?? assessedOn);
  return createHash("sha256")
    .update(JSON.stringify({ offer, schools: inputs.schools, policy: inputs.policy, payYear, scales }))
    .digest("base64url");
}

const familySql = (column: SQL) =>
  sql`(CASE ${column} ${sql.join(
    ROLE_FAMILIES.flatMap((f) => roleFamilies[f].roles.map((role) => sql`WHEN ${role} THEN ${f}`)),
    sql` `,
  )} END)`;

/**
 * Open vacancies with a check near which a possible comparable changed since the check (pay_offer_events) or
 * left the lookback window between the check and now. Each change is spread over the latitude bands its widest
 * circle reaches, and joined to the vacancies' located schools in the same band and with the same keys as the
 * neighbour query (role family, pay range, level, a phase): then the exact distance, with a little slack.
 */
async function vacanciesNearChanges(
  db: Executor,
  now: Date,
  checks: { earliest: string; maxRadiusMiles: number; minLookback: number; maxLookback: number },
  graceSeconds: number,
) {
  const { earliest: checksFrom, maxRadiusMiles } = checks;
  const nowText = now.toISOString();
  const angle = (maxRadiusMiles * METRES_PER_MILE) / EARTH_RADIUS_M;
  const latSpan = sql`${(angle * 180) / Math.PI + 1e-3}::float8`;
  const bands = sql.raw(String(LAT_BANDS_PER_DEGREE));
  const rows = parseRows(
    await db.execute(sql`
      WITH ev AS (
        SELECT e.at, NULL::timestamptz AS published_at, ${familySql(sql`e.role`)} AS family, e.pay_range, e.entry_level, e.phase, e.lat, e.lng
          FROM pay_offer_events e WHERE e.at > ${checksFrom}::timestamptz - make_interval(secs => ${graceSeconds}::float8)
        UNION ALL
        SELECT NULL::timestamptz, o.published_at, ${familySql(sql`o.role`)}, o.pay_range, o.entry_level, o.phase, o.lat, o.lng
          FROM pay_offers o
         WHERE o.published_at >= ${checksFrom}::timestamptz - make_interval(months => ${checks.maxLookback}) - interval '1 day'
           AND o.published_at < ${nowText}::timestamptz - make_interval(months => ${checks.minLookback}) + interval '1 day'),
      banded AS (
        SELECT ev.*, band.n FROM ev
         CROSS JOIN LATERAL generate_series(floor((ev.lat - ${latSpan}) * ${bands})::int, floor((ev.lat + ${latSpan}) * ${bands})::int) AS band(n)
         WHERE ev.family IS NOT NULL),
      mine AS (
        SELECT c.vacancy_id, c.checked_at, c.radius_miles, c.lookback_months, ${familySql(sql`v.role`)} AS family,
               v.pay_range::text AS pay_range, v.ect_suitable, v.phases, s.lat, s.lng, floor(s.lat * ${bands})::int AS band
          FROM pay_checks c
          JOIN vacancies v ON v.id = c.vacancy_id
          JOIN vacancy_schools vs ON vs.vacancy_id = v.id
          JOIN schools s ON s.id = vs.school_id
         WHERE v.status = 'published' AND v.closes_at > ${nowText}::timestamptz AND s.lat IS NOT NULL AND s.lng IS NOT NULL)
      SELECT DISTINCT m.vacancy_id AS id
        FROM mine m
        JOIN banded e ON e.n = m.band AND e.family = m.family AND e.pay_range = m.pay_range AND e.entry_level = m.ect_suitable
       WHERE e.phase = ANY(m.phases)
         AND search_haversine_m(m.lat, m.lng, e.lat, e.lng) <= m.radius_miles * ${METRES_PER_MILE}::float8 + 100
         AND ((e.at IS NOT NULL AND e.at > m.checked_at - make_interval(secs => ${graceSeconds}::float8))
              OR (e.published_at >= m.checked_at - make_interval(months => m.lookback_months) - interval '1 day'
                  AND e.published_at < ${nowText}::timestamptz - make_interval(months => m.lookback_months) + interval '1 day'))`),
    z.object({ id: z.string() }),
    "the vacancies near changed offers",
  );
  return new Set(rows.map((r) => r.id));
}

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

export type NightlyReport = { open: number; assessed: number; skipped: number; changed: number };

/**
 * The nightly pass: the same outcomes as assessing every open vacancy one after another (reassessOpenVacancies),
 * which a test compares. `onAssessed` sees each assessment the pass made (for that comparison).
 */
export async function reassessOpenVacanciesBatched(
  db: Database,
  now = new Date(),
  options: {
    /** Each assessment made in full (the vacancies whose outcome changed). */
    onAssessed?: (vacancyId: string, result: PayResult) => void;
    /** The outcome of every vacancy assessed, from its summary. */
    onOutcome?: (vacancyId: string, outcome: string) => void;
    graceSeconds?: number;
  } = {},
): Promise<NightlyReport> {
  const nowText = now.toISOString();
  const graceSeconds = options.graceSeconds ?? EVENT_GRACE_SECONDS;
  // Changes are logged at the time they happen: a check is as of the earlier of the pass's day and the clock, which
  // only widens what the next pass looks at (a pass run "as of" a later day, as tests do, misses nothing).
  const checkedAt = new Date(Math.min(now.getTime(), Date.now())).toISOString();
  const [scales, stamp] = await Promise.all([loadScales(db), scalesStamp(db)]);
  const open = parseRows(
    await db.execute(sql`
      SELECT v.id,
             pa.badge || '|' || coalesce(pa.badge_basis_points::text, 'null') || '|' || coalesce(pa.benchmark::text, 'null') || '|' || pa.flagged AS current,
             c.digest, to_char(c.checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "checkedAt",
             c.radius_miles AS "radiusMiles", c.lookback_months AS "lookbackMonths", coalesce(pa.reason <> 'nightly' AND pa.assessed_at > c.checked_at, false) AS "assessedSince"
        FROM vacancies v
        LEFT JOIN pay_assessments pa ON pa.id = v.pay_assessment_id
        LEFT JOIN pay_checks c ON c.vacancy_id = v.id
       WHERE v.status = 'published' AND v.closes_at > ${nowText}::timestamptz
       ORDER BY v.id`),
    openVacancyRow,
    "the open vacancies and their last checks",
  );
  const checked = open.filter((v) => v.checkedAt !== null);
  const earliest = checked.reduce<string | null>(
    (min, v) => (min === null || v.checkedAt! < min ? v.checkedAt : min),
    null,
  );
  const near =
    earliest === null
      ? new Set<string>()
      : await vacanciesNearChanges(
          db,
          now,
          {
            earliest,
            maxRadiusMiles: Math.max(...checked.map((v) => v.radiusMiles ?? 0)),
            minLookback: Math.min(...checked.map((v) => v.lookbackMonths ?? 0)),
            maxLookback: Math.max(...checked.map((v) => v.lookbackMonths ?? 0)),
          },
          graceSeconds,
        );

  let teacher = 0;
  let assessed = 0;
  let changed = 0;
  // A new assessment to keep (`result`), or only the check of a vacancy whose outcome did not change.
  const pending: { id: string; result: PayResult | null; policy: PayPolicy; digest: string }[] = [];
  const flush = async () => {
    const batch = pending.splice(0);
    if (batch.length === 0) return;
    await db.transaction(async (tx) => {
      for (const p of batch) if (p.result) await recordAssessment(tx, p.id, p.result, { reason: "nightly", now });
      const checks = batch.map((p) => ({
        vacancyId: p.id,
        digest: p.digest,
        radiusMiles: p.policy.radiusMiles,
        lookbackMonths: p.policy.lookbackMonths,
      }));
      await tx.execute(sql`
        INSERT INTO pay_checks (vacancy_id, checked_at, digest, radius_miles, lookback_months)
        SELECT c."vacancyId", ${checkedAt}::timestamptz, c.digest, c."radiusMiles", c."lookbackMonths"
          FROM json_to_recordset(${JSON.stringify(checks)}::json) AS c("vacancyId" text, digest text, "radiusMiles" int, "lookbackMonths" int)
        ON CONFLICT (vacancy_id) DO UPDATE SET checked_at = excluded.checked_at, digest = excluded.digest,
               radius_miles = excluded.radius_miles, lookback_months = excluded.lookback_months`);
    });
  };

  for (let i = 0; i < open.length; i += INPUT_BATCH) {
    const slice = open.slice(i, i + INPUT_BATCH);
    const byId = new Map(slice.map((v) => [v.id, v]));
    const inputs = await inputsOfMany(
      db,
      slice.map((v) => v.id),
      now,
    );
    const teachers = inputs.filter((inp) => familyOf(inp.offer.role) !== null);
    teacher += teachers.length;
    const due = teachers.filter((inp) => {
      const v = byId.get(inp.offer.vacancyId)!;
      return v.digest !== digestOf(inp, stamp) || v.assessedSince || near.has(v.id);
    });
    // First the outcome of each, from a summary of its comparables (one row per vacancy); then, for those whose outcome
    // changed, the comparables themselves, for the assessment kept with its evidence.
    const chunks = Array.from({ length: Math.ceil(due.length / SUMMARY_BATCH) }, (_, k) =>
      due.slice(k * SUMMARY_BATCH, (k + 1) * SUMMARY_BATCH),
    );
    const changedInputs: VacancyInputs[] = [];
    await inParallel(chunks, CONCURRENCY, async (chunk) => {
      const summaries = await neighbourSummaries(db, chunk, now);
      for (const inp of chunk) {
        const summary = summaries.get(inp.offer.vacancyId)!;
        const outcome = outcomeOf(assessOfferSummarised(inp.offer, inp.schools, summary, scales, inp.policy));
        options.onOutcome?.(inp.offer.vacancyId, outcome);
        if (outcome !== byId.get(inp.offer.vacancyId)!.current) changedInputs.push(inp);
        else pending.push({ id: inp.offer.vacancyId, result: null, policy: inp.policy, digest: digestOf(inp, stamp) });
      }
    });
    const changedChunks = Array.from({ length: Math.ceil(changedInputs.length / NEIGHBOUR_BATCH) }, (_, k) =>
      changedInputs.slice(k * NEIGHBOUR_BATCH, (k + 1) * NEIGHBOUR_BATCH),
    );
    await inParallel(changedChunks, CONCURRENCY, async (chunk) => {
      const evidence = await neighbourSummaries(db, chunk, now, { nearest: true });
      for (const inp of chunk) {
        const result: PayResult = {
          assessment: assessOfferSummarised(
            inp.offer,
            inp.schools,
            evidence.get(inp.offer.vacancyId)!,
            scales,
            inp.policy,
          ),
          policy: inp.policy,
        };
        options.onAssessed?.(inp.offer.vacancyId, result);
        const keep = outcomeOf(result.assessment) !== byId.get(inp.offer.vacancyId)!.current;
        if (keep) changed++;
        pending.push({
          id: inp.offer.vacancyId,
          result: keep ? result : null,
          policy: inp.policy,
          digest: digestOf(inp, stamp),
        });
      }
    });
    assessed += due.length;
    if (pending.length >= WRITE_BATCH || i + INPUT_BATCH >= open.length) await flush();
  }
  await flush();
  // Checks of vacancies no longer open go (one reopened is assessed afresh), and so do changes no check needs.
  await db.execute(sql`
    DELETE FROM pay_checks c USING vacancies v
     WHERE v.id = c.vacancy_id AND NOT (v.status = 'published' AND v.closes_at > ${nowText}::timestamptz)`);
  await db.execute(sql`
    DELETE FROM pay_offer_events
     WHERE at < coalesce((SELECT min(checked_at) FROM pay_checks), ${checkedAt}::timestamptz) - make_interval(secs => ${EVENT_GRACE_SECONDS}::float8)`);
  await pruneOfferChanges(db);
  // Support roles have nothing to assess; "skipped" are teacher vacancies whose inputs had not changed.
  return { open: open.length, assessed, skipped: teacher - assessed, changed };
}

/** How long the log of changed offers is kept for the copies in memory: one that looked less recently reads all again. */
const OFFER_CHANGES_KEPT_DAYS = 7;

/** Forgets the changed offers a week old, and records the newest transaction forgotten (pay_offer_changes_pruned). */
async function pruneOfferChanges(db: Database): Promise<void> {
  await db.execute(sql`
    WITH gone AS (
      DELETE FROM pay_offer_changes WHERE at < now() - make_interval(days => ${OFFER_CHANGES_KEPT_DAYS}) RETURNING xid)
    INSERT INTO pay_offer_changes_pruned (id, through)
    SELECT 1, max(xid) FROM gone HAVING count(*) > 0
    ON CONFLICT (id) DO UPDATE SET through = greatest(pay_offer_changes_pruned.through, excluded.through)`);
}
