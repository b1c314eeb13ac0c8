import { sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { countOf, parseRows, textArrayLiteral } from "../db/rows";
import type { VacancyDocument } from "./document";
import { documentSourceRow, type DocumentSourceRow } from "./rows";
import { isFaithSchool, schoolTypesOf } from "../app/vocabulary/school-types";

// "sharedWith": the other employers sharing the role, as app/vacancies/shares.server.ts (sharedWithNames) reads them.
const columns = sql`
  v.id AS "vacancyId", v.title, v.role, v.phases, v.key_stages AS "keyStages", v.subjects,
  v.contract_type AS "contractType", v.working_pattern AS "workingPattern", v.pay_range AS "payRange",
  v.salary_min_fte AS "salaryMinFte", v.salary_max_fte AS "salaryMaxFte", v.hourly_rate_pence AS "hourlyRatePence",
  v.fte, v.ect_suitable AS "ectSuitable", v.allowances, v.visa_sponsorship AS "visaSponsorship",
  coalesce(v.published_at, v.updated_at) AS "publishedAt", v.closes_at AS "closesAt",
  v.about_role AS "aboutRole", v.skills_experience AS "skillsExperience",
  coalesce(o.name, os.name) AS "ownerName", o.kind AS "ownerKind", o.slug AS "ownerSlug",
  (SELECT array_agg(x.employer_name ORDER BY x.position, x.employer_name)
     FROM (SELECT c.employer_name, min(vs.position) AS position FROM vacancy_share_confirmations c
             JOIN vacancy_schools vs ON vs.vacancy_id = c.vacancy_id AND vs.school_id = c.school_id
            WHERE c.vacancy_id = v.id GROUP BY c.employer_name) x) AS "sharedWith",
  (SELECT json_build_object('kind', pa.badge, 'basisPoints', pa.badge_basis_points) FROM pay_assessments pa WHERE pa.id = v.pay_assessment_id) AS "payBadge",
  (SELECT coalesce(json_agg(json_build_object(
            'schoolId', s.id, 'urn', s.urn, 'name', s.name, 'town', s.town, 'postcode', s.postcode, 'laName', s.la_name,
            'lat', s.lat, 'lng', s.lng, 'fteShare', vs.fte_share, 'typeGroup', s.type_group,
            'establishmentType', s.establishment_type, 'religiousCharacter', s.religious_character,
            'trustSlug', t.slug, 'trustName', t.name) ORDER BY vs.position, s.name), '[]'::json)
     FROM vacancy_schools vs JOIN schools s ON s.id = vs.school_id LEFT JOIN organisations t ON t.id = s.trust_id
    WHERE vs.vacancy_id = v.id) AS schools`;

const from = sql`FROM vacancies v
  LEFT JOIN organisations o ON o.id = v.owner_organisation_id
  LEFT JOIN schools os ON os.id = v.owner_school_id`;

/** Only published vacancies with a closing moment and at least one school are searchable. */
const searchable = sql`v.status = 'published' AND v.closes_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM vacancy_schools vs0 WHERE vs0.vacancy_id = v.id)`;

function toDocument(row: DocumentSourceRow): VacancyDocument {
  const trusts = new Map<string, string>();
  if (row.ownerKind === "academy_trust" && row.ownerSlug) trusts.set(row.ownerSlug, row.ownerName);
  for (const s of row.schools) if (s.trustSlug && s.trustName) trusts.set(s.trustSlug, s.trustName);
  const iso = (d: string | Date) => new Date(d).toISOString();
  return {
    vacancyId: row.vacancyId,
    title: row.title,
    role: row.role,
    phases: row.phases,
    keyStages: row.keyStages,
    subjects: row.subjects,
    contractType: row.contractType,
    workingPattern: row.workingPattern,
    payRange: row.payRange,
    salaryMinFte: row.salaryMinFte,
    salaryMaxFte: row.salaryMaxFte,
    hourlyRatePence: row.hourlyRatePence,
    fteThousandths: Math.round(Number(row.fte) * 1000),
    ectSuitable: row.ectSuitable,
    allowances: [...new Set((row.allowances ?? []).map((a) => a.kind))],
    visaSponsorship: row.visaSponsorship,
    schoolTypes: [...new Set(row.schools.flatMap((s) => schoolTypesOf(s)))].sort(),
    trusts: [...trusts.keys()],
    trustNames: [...trusts.values()],
    ownerName: row.ownerName,
    // Only when there are some, so every other document stays exactly as it was.
    ...(row.sharedWith && row.sharedWith.length > 0 ? { sharedWith: row.sharedWith } : {}),
    publishedAt: iso(row.publishedAt),
    closesAt: iso(row.closesAt),
    aboutRole: row.aboutRole,
    skillsExperience: row.skillsExperience,
    payBadge: row.payBadge ?? { kind: "none", basisPoints: null },
    schools: row.schools.map((s) => ({
      schoolId: s.schoolId,
      urn: s.urn,
      name: s.name,
      town: s.town,
      postcode: s.postcode,
      laName: s.laName,
      lat: s.lat === null ? null : Number(s.lat),
      lng: s.lng === null ? null : Number(s.lng),
      religiousCharacter: isFaithSchool(s.religiousCharacter) ? s.religiousCharacter : null,
      fteShare: s.fteShare === null ? null : Math.round(Number(s.fteShare) * 1000),
    })),
  };
}

/** The documents of those of `vacancyIds` that are searchable now; the others belong out of the index. */
export async function documentsFor(db: Executor, vacancyIds: string[]): Promise<VacancyDocument[]> {
  if (vacancyIds.length === 0) return [];
  const rows = parseRows(
    await db.execute(
      sql`SELECT ${columns} ${from} WHERE v.id = ANY(${textArrayLiteral(vacancyIds)}::text[]) AND ${searchable}`,
    ),
    documentSourceRow,
    "vacancies to index",
  );
  return rows.map(toDocument);
}

/** Every searchable vacancy, in batches by id, for a reindex. */
export async function* allDocuments(db: Executor, batchSize = 1000): AsyncGenerator<VacancyDocument[]> {
  let after = "";
  for (;;) {
    const rows = parseRows(
      await db.execute(
        sql`SELECT ${columns} ${from} WHERE ${searchable} AND v.id > ${after} ORDER BY v.id LIMIT ${batchSize}`,
      ),
      documentSourceRow,
      "a batch of vacancies to index",
    );
    const last = rows.at(-1);
    if (!last) return;
    yield rows.map(toDocument);
    after = last.vacancyId;
  }
}

/** How many vacancies are searchable: what a full index should hold. */
export async function countSearchable(db: Executor): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(*)::int AS n FROM vacancies v WHERE ${searchable}`),
    "searchable vacancies",
  );
}
