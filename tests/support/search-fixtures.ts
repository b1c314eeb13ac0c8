import type { Database } from "../../db/client";

import { vacancies, vacancySchools } from "../../db/schema";
import { createOrganisation, createPartnership, createSchool } from "./factories";
import { firstRow } from "../../db/rows";

const DAY = 86_400_000;

/** Sale town centre, Trafford: the point the distance cases measure from. */
export const SALE = { lat: 53.4246, lng: -2.322 };
export const MILE = 1609.344;

/**
 * Eight real Greater Manchester schools (URN, name, GIAS coordinates from ../shared/data, 2026-01-30) at
 * distinct distances from SALE; ownership is fictional. S6 sits just outside five miles.
 */
const SCHOOLS = {
  s1: {
    urn: 106345,
    name: "Holy Family Catholic Primary School",
    lat: 53.421048,
    lng: -2.299144,
    laName: "Trafford",
    typeGroup: "la_maintained",
    religiousCharacter: "Roman Catholic",
    town: "Sale",
  },
  s2: {
    urn: 148965,
    name: "Dixons Brooklands Academy",
    lat: 53.402116,
    lng: -2.296304,
    laName: "Manchester",
    typeGroup: "academy",
    religiousCharacter: "Does not apply",
    town: "Manchester",
  },
  s3: {
    urn: 105543,
    name: "Our Lady's RC Primary School Manchester",
    lat: 53.454045,
    lng: -2.264861,
    laName: "Manchester",
    typeGroup: "la_maintained",
    religiousCharacter: "Roman Catholic",
    town: "Manchester",
  },
  s4: {
    urn: 140758,
    name: "St Elizabeth's Catholic Primary School",
    lat: 53.378591,
    lng: -2.249932,
    laName: "Manchester",
    typeGroup: "academy",
    religiousCharacter: "Roman Catholic",
    town: "Manchester",
  },
  s5: {
    urn: 105884,
    name: "Light Oaks Junior School",
    lat: 53.495669,
    lng: -2.320652,
    laName: "Salford",
    typeGroup: "la_maintained",
    religiousCharacter: "Does not apply",
    town: "Salford",
  },
  s6: {
    urn: 106071,
    name: "Prospect Vale Primary School",
    lat: 53.374449,
    lng: -2.231254,
    laName: "Stockport",
    typeGroup: "la_maintained",
    religiousCharacter: "Does not apply",
    town: "Cheadle",
  },
  s7: {
    urn: 138785,
    name: "Stanley Grove Primary Academy",
    lat: 53.457025,
    lng: -2.197532,
    laName: "Manchester",
    typeGroup: "academy",
    religiousCharacter: "Does not apply",
    town: "Manchester",
  },
  s8: {
    urn: 139294,
    name: "Copley Academy",
    lat: 53.486611,
    lng: -2.03833,
    laName: "Tameside",
    typeGroup: "academy",
    religiousCharacter: "Does not apply",
    town: "Stalybridge",
  },
} as const;
type SchoolKey = keyof typeof SCHOOLS;

type Planned = {
  title: string;
  role?: string;
  phases: string[];
  subjects: string[];
  /** The schools of the vacancy, the owning school first (so never empty). */
  at: [[SchoolKey, number | null], ...[SchoolKey, number | null][]];
  payRange: string;
  salary: [number, number];
  closesInDays: number;
  publishedDaysAgo: number;
  status?: "published" | "closed" | "draft";
  ect?: boolean;
  visa?: boolean;
  contract?: "permanent" | "fixed_term";
  pattern?: "full_time" | "part_time";
  fte?: string;
  aboutRole?: string;
};

/** Distinct closing moments, publication moments, salaries and nearest schools: no ties in any ordering. */
const PLAN = {
  v1: {
    title: "Teacher of Mathematics",
    phases: ["secondary"],
    subjects: ["mathematics"],
    at: [["s2", null]],
    payRange: "main",
    salary: [32916, 45352],
    closesInDays: 10,
    publishedDaysAgo: 5,
    ect: true,
  },
  v2: {
    title: "Teacher of Maths",
    phases: ["secondary"],
    subjects: ["mathematics"],
    at: [["s8", null]],
    payRange: "upper",
    salary: [47472, 51048],
    closesInDays: 3,
    publishedDaysAgo: 8,
    visa: true,
    contract: "fixed_term",
  },
  v3: {
    title: "Year 4 class teacher",
    phases: ["primary"],
    subjects: ["primary"],
    at: [["s1", null]],
    payRange: "main",
    salary: [32916, 42057],
    closesInDays: 20,
    publishedDaysAgo: 1,
    ect: true,
    pattern: "part_time",
    fte: "0.600",
  },
  v4: {
    title: "Head of Science",
    role: "head_of_department",
    phases: ["secondary"],
    subjects: ["science", "physics"],
    at: [["s5", null]],
    payRange: "upper",
    salary: [47472, 50500],
    closesInDays: 14,
    publishedDaysAgo: 4,
  },
  v5: {
    title: "Teacher of Physics",
    phases: ["secondary"],
    subjects: ["physics"],
    at: [["s7", null]],
    payRange: "upper",
    salary: [47472, 49232],
    closesInDays: 7,
    publishedDaysAgo: 7,
  },
  v6: {
    title: "Teacher of Chemistry",
    phases: ["secondary"],
    subjects: ["chemistry"],
    at: [
      ["s6", 500],
      ["s8", 500],
    ],
    payRange: "main",
    salary: [34823, 44000],
    closesInDays: 16,
    publishedDaysAgo: 3,
  },
  v7: {
    title: "Science technician",
    role: "support",
    phases: ["secondary"],
    subjects: [],
    at: [["s4", null]],
    payRange: "support",
    salary: [22000, 24500],
    closesInDays: 12,
    publishedDaysAgo: 6,
    aboutRole:
      "Prepare practicals for the science department, including physics demonstrations, and look after the labs.",
  },
  v11: {
    title: "Teacher of Music",
    phases: ["primary"],
    subjects: ["music"],
    at: [
      ["s3", 500],
      ["s5", 500],
    ],
    payRange: "main",
    salary: [32916, 39556],
    closesInDays: 18,
    publishedDaysAgo: 2,
  },
  // Never found: closed, past its closing moment (the scheduler has not run yet), and a draft.
  closed: {
    title: "Teacher of Mathematics",
    phases: ["secondary"],
    subjects: ["mathematics"],
    at: [["s1", null]],
    payRange: "main",
    salary: [32916, 45352],
    closesInDays: 5,
    publishedDaysAgo: 9,
    status: "closed",
  },
  pastClosing: {
    title: "Teacher of Mathematics",
    phases: ["secondary"],
    subjects: ["mathematics"],
    at: [["s2", null]],
    payRange: "main",
    salary: [32916, 45352],
    closesInDays: -0.01,
    publishedDaysAgo: 9,
  },
  draft: {
    title: "Teacher of Mathematics",
    phases: ["secondary"],
    subjects: ["mathematics"],
    at: [["s2", null]],
    payRange: "main",
    salary: [32916, 45352],
    closesInDays: 30,
    publishedDaysAgo: 0,
    status: "draft",
  },
} satisfies Record<string, Planned>;
export type VacancyKey = keyof typeof PLAN;

export type SearchFixture = Awaited<ReturnType<typeof searchRegion>>;

/** The eight schools (two fictional trusts own four of them) and eleven vacancies of the contract suite. */
export async function searchRegion(db: Database, now = new Date()) {
  const partnership = await createPartnership(db, { slug: "gm-search", name: "GM Search" });
  const t1 = await createOrganisation(db, {
    slug: "mersey-trust",
    name: "Mersey Learning Trust",
    partnershipId: partnership.id,
  });
  const t2 = await createOrganisation(db, {
    slug: "irwell-trust",
    name: "Irwell Schools Trust",
    partnershipId: partnership.id,
  });
  const trustOf: Partial<Record<SchoolKey, string>> = { s2: t1.id, s8: t1.id, s4: t2.id, s7: t2.id };
  const schoolIds = {} as Record<SchoolKey, string>;
  for (const [key, s] of Object.entries(SCHOOLS) as [SchoolKey, (typeof SCHOOLS)[SchoolKey]][]) {
    const row = await createSchool(db, {
      ...s,
      phase: "Primary",
      laCode: "358",
      trustId: trustOf[key] ?? null,
      partnershipId: partnership.id,
    });
    schoolIds[key] = row.id;
  }
  const ids = {} as Record<VacancyKey, string>;
  for (const [key, p] of Object.entries(PLAN) as [VacancyKey, Planned][]) {
    const status = p.status ?? "published";
    const row = firstRow(
      await db
        .insert(vacancies)
        .values({
          ownerSchoolId: schoolIds[p.at[0][0]],
          status,
          title: p.title,
          role: p.role ?? "classroom_teacher",
          phases: p.phases,
          subjects: p.subjects,
          contractType: p.contract ?? "permanent",
          workingPattern: p.pattern ?? "full_time",
          fte: p.fte ?? "1.000",
          payRange: p.payRange as "main",
          salaryMinFte: p.salary[0],
          salaryMaxFte: p.salary[1],
          ectSuitable: p.ect ?? false,
          visaSponsorship: p.visa ?? false,
          aboutRole: p.aboutRole ?? `${p.title}: a role in a friendly team, with support from experienced colleagues.`,
          applyMethod: "external_link",
          applyUrl: "https://example.org/apply",
          publishedAt: status === "draft" ? null : new Date(now.getTime() - p.publishedDaysAgo * DAY),
          closesAt: new Date(now.getTime() + p.closesInDays * DAY),
          closedAt: status === "closed" ? now : null,
          closedReason: status === "closed" ? "withdrawn" : null,
        })
        .returning({ id: vacancies.id }),
      "the row inserted into vacancies",
    );
    ids[key] = row.id;
    await db.insert(vacancySchools).values(
      p.at.map(([school, share], position) => ({
        vacancyId: row.id,
        schoolId: schoolIds[school],
        fteShare: share === null ? null : (share / 1000).toFixed(3),
        position,
      })),
    );
  }
  const keyOf = new Map(Object.entries(ids).map(([k, v]) => [v, k as VacancyKey]));
  return {
    partnership,
    trusts: { t1, t2 },
    schools: Object.fromEntries(
      Object.entries(SCHOOLS).map(([k, s]) => [k, { ...s, id: schoolIds[k as SchoolKey] }]),
    ) as Record<SchoolKey, (typeof SCHOOLS)[SchoolKey] & { id: string }>,
    ids,
    /** Fixture names of result ids, to compare with readable expectations. */
    names: (vacancyIds: string[]) => vacancyIds.map((id) => keyOf.get(id) ?? id),
  };
}

/** Number of live vacancies in the fixture, for totals. */
export const LIVE_COUNT = 8;
