import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { writtenOnce } from "../../db/written-once";
import { organisations, schools, vacancies } from "../../db/schema";
import { z } from "../forms/zod";
import { toThousandths, type VacancySchool } from "./records.server";
import { numericText, stampText } from "./rows";
import { sharedWithNames } from "./shares.server";
import { countdownChangesAt } from "./view";

const employerNames = z.array(z.string());

/** Closed vacancies stay readable this long, so links in old e-mails and alerts still work. */
const CLOSED_READABLE_DAYS = 180;

const publicSchoolRow = z.object({
  schoolId: z.string(),
  urn: z.number().int(),
  name: z.string(),
  fteShare: numericText.nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
}) satisfies z.ZodType<Omit<VacancySchool, "fteShare"> & { fteShare: string | null }>;

async function publicSchools(db: Executor, vacancyId: string): Promise<VacancySchool[]> {
  const rows = parseRows(
    await db.execute(sql`
      SELECT vs.school_id AS "schoolId", s.urn, s.name, vs.fte_share AS "fteShare", s.lat, s.lng, s.town, s.postcode
        FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
       WHERE vs.vacancy_id = ${vacancyId}
       ORDER BY vs.position, s.name`),
    publicSchoolRow,
    "a public vacancy's schools",
  );
  return rows.map((r) => ({ ...r, fteShare: toThousandths(r.fteShare) }));
}

const publicVacancyRow = writtenOnce((db) =>
  db
    .select({
      v: vacancies,
      ownerName: sql<string>`coalesce(${organisations.name}, ${schools.name})`,
      sharedWith: sharedWithNames("vacancies"),
    })
    .from(vacancies)
    .leftJoin(organisations, eq(organisations.id, vacancies.ownerOrganisationId))
    .leftJoin(schools, eq(schools.id, vacancies.ownerSchoolId))
    .where(
      and(
        eq(vacancies.id, sql.placeholder("id")),
        sql`(${vacancies.status} = 'published' OR (${vacancies.status} = 'closed'
              AND ${vacancies.closedAt} > ${sql.placeholder("closedSince")}))`,
      ),
    )
    .prepare("public_vacancy"),
);

/** A vacancy as the public may read it: live, or closed within the last months. Drafts and archived ones are not found. */
export async function findPublicVacancy(db: Executor, id: string, now = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const closedSince = new Date(now.getTime() - CLOSED_READABLE_DAYS * 86400_000).toISOString();
  const [row] = await publicVacancyRow(db).execute({ id, closedSince });
  if (!row) return null;
  return {
    ...row.v,
    ownerName: row.ownerName,
    fteThousandths: toThousandths(row.v.fte) ?? 1000,
    schools: await publicSchools(db, id),
    /** Who employs, and the other employers whose schools share the role (all confirmed: it was published). */
    employer: { name: row.ownerName, sharedWith: employerNames.parse(row.sharedWith) },
    // The clock may be ahead of the scheduler by up to a minute: a live vacancy past its moment reads as closed.
    isOpen: row.v.status === "published" && (!row.v.closesAt || row.v.closesAt.getTime() > now.getTime()),
  };
}

/**
 * Until when a vacancy's public page stays as it is by time alone (ADR 0041): its countdown's next step while open;
 * while closed, the day it stops being readable. Writes (an edit, the scheduler closing it) are seen otherwise.
 */
export function publicPageUntil(
  vacancy: { status: string; isOpen: boolean; closesAt: Date | string | null; closedAt: Date | string | null },
  now: Date,
): number {
  if (vacancy.isOpen) return countdownChangesAt(vacancy.closesAt, now);
  if (vacancy.status === "closed" && vacancy.closedAt)
    return new Date(vacancy.closedAt).getTime() + CLOSED_READABLE_DAYS * 86400_000;
  return Infinity;
}

export type LiveVacancySummary = {
  id: string;
  title: string;
  closesAt: string;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
  hourlyRatePence: number | null;
  payRange: string;
  fte: string;
  contractType: string;
  workingPattern: string;
  fteShare: string | null;
  schoolNames: string[];
};

const liveVacancyRow = z.object({
  id: z.string(),
  title: z.string(),
  closesAt: stampText,
  salaryMinFte: z.number().int().nullable(),
  salaryMaxFte: z.number().int().nullable(),
  hourlyRatePence: z.number().int().nullable(),
  payRange: z.string(),
  fte: numericText,
  contractType: z.string(),
  workingPattern: z.string(),
  fteShare: numericText.nullable(),
  schoolNames: z.array(z.string()),
}) satisfies z.ZodType<LiveVacancySummary>;

const liveColumns = sql`v.id, v.title, v.closes_at AS "closesAt", v.salary_min_fte AS "salaryMinFte", v.salary_max_fte AS "salaryMaxFte",
  v.hourly_rate_pence AS "hourlyRatePence", v.pay_range AS "payRange", v.fte, v.contract_type AS "contractType",
  v.working_pattern AS "workingPattern",
  (SELECT array_agg(s2.name ORDER BY vs2.position, s2.name) FROM vacancy_schools vs2 JOIN schools s2 ON s2.id = vs2.school_id WHERE vs2.vacancy_id = v.id) AS "schoolNames"`;

/** Live vacancies located at a school, including shared roles, soonest closing first. */
export async function liveVacanciesAtSchool(
  db: Executor,
  schoolId: string,
  now = new Date(),
): Promise<LiveVacancySummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ${liveColumns}, vs.fte_share AS "fteShare"
        FROM vacancy_schools vs JOIN vacancies v ON v.id = vs.vacancy_id
       WHERE vs.school_id = ${schoolId} AND v.status = 'published' AND v.closes_at > ${now.toISOString()}
       ORDER BY v.closes_at, v.id`),
    liveVacancyRow,
    "the live vacancies at a school",
  );
}

/** Live vacancies an organisation posted or that are at its schools. */
export async function liveVacanciesForOrganisation(
  db: Executor,
  organisationId: string,
  now = new Date(),
): Promise<LiveVacancySummary[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ${liveColumns}, NULL AS "fteShare"
        FROM vacancies v
       WHERE v.status = 'published' AND v.closes_at > ${now.toISOString()}
         AND (v.owner_organisation_id = ${organisationId}
              OR EXISTS (SELECT 1 FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id
                          WHERE vs.vacancy_id = v.id AND s.trust_id = ${organisationId}))
       ORDER BY v.closes_at, v.id`),
    liveVacancyRow,
    "the live vacancies of an organisation",
  );
}

/** Ids and last changes of every live vacancy, for the sitemap. */
export async function liveVacancyIds(db: Executor, now = new Date()) {
  return parseRows(
    await db.execute(sql`SELECT id, updated_at AS "updatedAt" FROM vacancies
                          WHERE status = 'published' AND closes_at > ${now.toISOString()} ORDER BY id`),
    z.object({ id: z.string(), updatedAt: stampText }),
    "the live vacancies for the sitemap",
  );
}

export type FeedVacancy = {
  id: string;
  title: string;
  role: string;
  phases: string[];
  subjects: string[];
  contractType: string;
  workingPattern: string;
  fte: number;
  payRange: string;
  salaryMinFte: number | null;
  salaryMaxFte: number | null;
  hourlyRatePence: number | null;
  allowances: { kind: string; amount: number }[];
  ectSuitable: boolean;
  visaSponsorship: boolean;
  publishedAt: string | null;
  closesAt: string;
  owner: string;
  /** The other employers whose schools take a share of the role (docs/decisions/0022); empty for most roles. */
  sharedWith: string[];
  schools: {
    urn: number;
    name: string;
    fteShare: number | null;
    lat: number | null;
    lng: number | null;
    postcode: string | null;
  }[];
  payFinding: FeedPayFinding | null;
};

/**
 * A vacancy's pay finding in the open feed, so the openness is in the data too: the public badge, and the neighbour
 * comparison behind it (what was compared, the benchmark, how many offers, the gap). Null before any assessment.
 */
export type FeedPayFinding = {
  badge: string;
  payYear: string;
  assessedAt: string;
  comparison: {
    kind: "undercuts_neighbours" | "outbids_neighbours" | "at_local_rate" | "not_enough_local_offers";
    /** "starting_salary" for entry-level offers, "top_of_range" for others (docs/decisions/0016). */
    basis: string | null;
    benchmark: number | null;
    offered: number | null;
    comparables: number;
    /** Below (negative) or above the benchmark, in basis points (100 = 1%). */
    differenceBasisPoints: number | null;
  } | null;
};

const feedPayFinding = z.object({
  badge: z.string(),
  payYear: z.string(),
  assessedAt: z.string(),
  comparison: z
    .object({
      kind: z.enum(["undercuts_neighbours", "outbids_neighbours", "at_local_rate", "not_enough_local_offers"]),
      basis: z.string().nullable(),
      benchmark: z.number().nullable(),
      offered: z.number().nullable(),
      comparables: z.number().int(),
      differenceBasisPoints: z.number().int().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<FeedPayFinding>;

/** A row of the feed as the drivers give it: fte is numeric, so text. */
const feedVacancyRow = z.object({
  id: z.string(),
  title: z.string(),
  role: z.string(),
  phases: z.array(z.string()),
  subjects: z.array(z.string()),
  contractType: z.string(),
  workingPattern: z.string(),
  fte: numericText,
  payRange: z.string(),
  salaryMinFte: z.number().int().nullable(),
  salaryMaxFte: z.number().int().nullable(),
  hourlyRatePence: z.number().int().nullable(),
  allowances: z.array(z.object({ kind: z.string(), amount: z.number() })),
  ectSuitable: z.boolean(),
  visaSponsorship: z.boolean(),
  publishedAt: stampText.nullable(),
  closesAt: stampText,
  owner: z.string(),
  sharedWith: z.array(z.string()),
  schools: z.array(
    z.object({
      urn: z.number().int(),
      name: z.string(),
      fteShare: z.number().nullable(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      postcode: z.string().nullable(),
    }),
  ),
  payFinding: feedPayFinding.nullable(),
}) satisfies z.ZodType<Omit<FeedVacancy, "fte"> & { fte: string }>;

/**
 * The open-data feed: live vacancies, pay as numbers, in a stable order for paging. The page's rows are
 * chosen first and only they get their schools aggregated; the total is read from a counter (countLive).
 */
export async function vacancyFeed(db: Executor, page: number, pageSize: number, now = new Date()) {
  const [rows, live] = await Promise.all([
    db.execute(sql`
      WITH page AS (
        SELECT * FROM vacancies
         WHERE status = 'published' AND closes_at > ${now.toISOString()}
         ORDER BY published_at DESC NULLS LAST, id
         LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
      SELECT v.id, v.title, v.role, v.phases, v.subjects, v.contract_type AS "contractType", v.working_pattern AS "workingPattern",
             v.fte, v.pay_range AS "payRange", v.salary_min_fte AS "salaryMinFte", v.salary_max_fte AS "salaryMaxFte",
             v.hourly_rate_pence AS "hourlyRatePence", v.allowances, v.ect_suitable AS "ectSuitable",
             v.visa_sponsorship AS "visaSponsorship", v.published_at AS "publishedAt", v.closes_at AS "closesAt",
             coalesce(o.name, os.name) AS owner,
             ${sharedWithNames("v")} AS "sharedWith",
             coalesce((SELECT json_agg(json_build_object('urn', s.urn, 'name', s.name, 'fteShare', vs.fte_share::float8,
                         'lat', s.lat, 'lng', s.lng, 'postcode', s.postcode) ORDER BY vs.position, s.name)
                         FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id WHERE vs.vacancy_id = v.id), '[]'::json) AS schools,
             (SELECT json_build_object('badge', pa.badge, 'payYear', pa.pay_year, 'assessedAt', pa.assessed_at,
                       'comparison', (SELECT json_build_object(
                           'kind', f->>'kind', 'basis', f->>'basis', 'benchmark', (f->>'benchmark')::float8, 'offered', (f->>'offered')::float8,
                           'comparables', coalesce((f->>'found')::int, jsonb_array_length(f->'comparables')),
                           'differenceBasisPoints', coalesce(-(f->>'gapBasisPoints')::int, (f->>'premiumBasisPoints')::int, (f->>'differenceBasisPoints')::int))
                         FROM jsonb_array_elements(pa.findings) f
                        WHERE f->>'kind' IN ('undercuts_neighbours', 'outbids_neighbours', 'at_local_rate', 'not_enough_local_offers')
                        LIMIT 1))
                FROM pay_assessments pa WHERE pa.id = v.pay_assessment_id) AS "payFinding"
        FROM page v
        LEFT JOIN organisations o ON o.id = v.owner_organisation_id
        LEFT JOIN schools os ON os.id = v.owner_school_id
       ORDER BY v.published_at DESC NULLS LAST, v.id`),
    countLive(db, now),
  ]);
  return {
    total: live.n,
    /** Until when this page is true by time alone: the next closing time of a live vacancy. */
    holdsUntil: live.nextClose ?? Infinity,
    vacancies: parseRows(rows, feedVacancyRow, "the open-data feed").map(({ fte, ...r }) => ({
      ...r,
      fte: Number(fte),
    })) as FeedVacancy[],
  };
}

const liveRow = z.object({ n: z.number().int(), nextClose: z.number().nullable() });

/**
 * Live vacancies, exactly: the published ones (vacancy_status_counts, kept by triggers in the same transaction as
 * every status change, migration 0024) less those published but already past their closing time and not yet closed
 * by the scheduler (a few at most, read from the partial index vacancies_due_close_idx). Counting ~70,000 live rows
 * was most of the feed's time. With it, the next closing time (in milliseconds): until then, only a write changes
 * which vacancies are live.
 */
async function countLive(db: Executor, now: Date): Promise<{ n: number; nextClose: number | null }> {
  return firstRow(
    parseRows(
      await db.execute(
        sql`SELECT (coalesce((SELECT n FROM vacancy_status_counts WHERE status = 'published'), 0)
                    - (SELECT count(*) FROM vacancies WHERE status = 'published' AND (closes_at <= ${now.toISOString()} OR closes_at IS NULL)))::int AS n,
                   (SELECT extract(epoch FROM min(closes_at)) * 1000 FROM vacancies
                     WHERE status = 'published' AND closes_at > ${now.toISOString()})::float8 AS "nextClose"`,
      ),
      liveRow,
      "the live vacancies counted",
    ),
    "a count",
  );
}
