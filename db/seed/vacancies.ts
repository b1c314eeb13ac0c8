import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { pairInserted, parseRows } from "../rows";
import { vacancies, vacancyEvents, vacancySchools } from "../schema";
import { seededRandom } from "./fictional-region";
import { advertFor, FLEXIBLE_ROLES, withConditions } from "./adverts";

/**
 * Teacher pay, England outside London, 2025/26, from ../shared/data/pay-scales-england.csv (sources there:
 * Schools Week 2025-07, DfE get-into-teaching-app salaries.yml 2025-08-29, teacherpaycalculator.com 2025-26).
 * Embedded so the seed works on a machine without ../shared. Only figures the file confirms are used.
 */
export const PAY_2025_26 = {
  main: [32916, 34823, 37101, 39556, 42057, 45352], // M1–M6
  upper: [47472, 49232, 51048], // U1–U3
  unqualified: [22601, 25193, 27785, 30071, 32667, 35259], // Q1–Q6
  leadingPractitioner: { min: 52026, max: 79092 },
  leadership: { min: 51773, max: 143796 }, // L1 and L43
};
/** TLR and SEN ranges are confirmed for 2024/25 only (same file); seeded allowances stay inside them. */
const ALLOWANCES_2024_25 = { tlr2: [3391, 8279], tlr3: [675, 3344], sen: [2679, 5285] } as const;

const schoolRow = z.object({
  id: z.string(),
  name: z.string(),
  phase: z.string(),
  typeGroup: z.string().nullable(),
  ownerId: z.string().nullable(),
});
type Insert = typeof vacancies.$inferInsert;

const PHASES: Record<string, string> = {
  Primary: "primary",
  Secondary: "secondary",
  Nursery: "nursery",
  "16 plus": "sixteen_plus",
  "All-through": "all_through",
};
export type VacancySeedSummary = { vacancies: number; byStatus: Record<string, number> };

/**
 * A few hundred realistic vacancies over the partnership's schools, the same on every run: roles, phases,
 * subjects, pay ranges, contracts, part-time and shared roles, and every lifecycle state. What each advert says
 * (title, subjects, key stages, words) fits its role and its school's phase (db/seed/adverts.ts).
 */
export async function seedVacancies(
  tx: Executor,
  partnershipId: string,
  options: { count?: number; now?: Date } = {},
): Promise<VacancySeedSummary> {
  const count = options.count ?? 300;
  const now = options.now ?? new Date();
  const random = seededRandom(20261122);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("Cannot pick from an empty list");
    return item;
  };
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
  const days = (n: number) => new Date(now.getTime() + n * 86400_000);
  const noon = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12, 0, 0));

  const schoolRows = parseRows(
    await tx.execute(sql`
      SELECT s.id, s.name, s.phase, s.type_group AS "typeGroup", coalesce(s.trust_id, la.id) AS "ownerId"
        FROM schools s
        LEFT JOIN organisations la ON la.kind = 'local_authority' AND la.la_code = s.la_code AND la.partnership_id = ${partnershipId}
       WHERE s.partnership_id = ${partnershipId}
       ORDER BY s.urn`),
    schoolRow,
    "the demo schools",
  ).filter((s) => s.ownerId);
  if (schoolRows.length === 0) return { vacancies: 0, byStatus: {} };

  const planned: { row: Insert; schools: { id: string; share: string | null }[] }[] = [];
  for (let i = 0; i < count; i++) {
    const school = pick(schoolRows);
    const special = school.typeGroup === "special";
    const phase = special ? "special" : (PHASES[school.phase] ?? "primary");
    const roll = random();
    const role =
      roll < 0.55
        ? "classroom_teacher"
        : roll < 0.63
          ? "head_of_department"
          : roll < 0.68
            ? "head_of_year"
            : roll < 0.72
              ? "senco"
              : roll < 0.75
                ? "assistant_head"
                : roll < 0.77
                  ? "deputy_head"
                  : roll < 0.78
                    ? "headteacher"
                    : roll < 0.88
                      ? "teaching_assistant"
                      : roll < 0.92
                        ? "hlta"
                        : roll < 0.96
                          ? "cover_supervisor"
                          : "support";
    const advert = advertFor({
      // Cover supervisors work in secondary schools; elsewhere the same hours are a teaching assistant's.
      role:
        role === "cover_supervisor" && phase !== "secondary" && phase !== "all_through" ? "teaching_assistant" : role,
      phase,
      schoolName: school.name,
      academy: school.typeGroup === "academy",
      random,
    });

    const row: Insert = {
      ownerOrganisationId: school.ownerId,
      title: advert.title,
      role:
        role === "cover_supervisor" && phase !== "secondary" && phase !== "all_through" ? "teaching_assistant" : role,
      phases: [phase],
      subjects: advert.subjects,
      keyStages: advert.keyStages,
      sendSpecialism: phase === "special" || role === "senco",
      aboutRole: "",
      aboutSchool: `${school.name} is part of the Demo Vale Schools Partnership, a fictional group of schools recruiting together.`,
      skillsExperience: advert.skillsExperience,
      whatWeOffer:
        "A supportive team, a planned induction, time for professional development and shared training across the partnership.",
      applyMethod: "external_link",
      applyUrl: "https://example.org/demo-vale/apply",
      contactEmail: "recruitment@demo-vale.example",
    };

    if (role === "classroom_teacher") {
      const kind = random();
      if (kind < 0.8) {
        const from = between(0, 3);
        const to = Math.min(5, from + between(2, 5));
        Object.assign(row, {
          payRange: "main",
          payPointFrom: `M${from + 1}`,
          payPointTo: `M${to + 1}`,
          salaryMinFte: PAY_2025_26.main[from],
          salaryMaxFte: PAY_2025_26.main[to],
          ectSuitable: from === 0 && random() < 0.8,
        });
      } else if (kind < 0.9) {
        Object.assign(row, {
          payRange: "upper",
          payPointFrom: "U1",
          payPointTo: "U3",
          salaryMinFte: PAY_2025_26.upper[0],
          salaryMaxFte: PAY_2025_26.upper[2],
        });
      } else {
        Object.assign(row, {
          payRange: "unqualified",
          payPointFrom: "Q1",
          payPointTo: "Q6",
          salaryMinFte: PAY_2025_26.unqualified[0],
          salaryMaxFte: PAY_2025_26.unqualified[5],
        });
      }
    } else if (role === "head_of_department" || role === "head_of_year" || role === "senco") {
      const allowance =
        role === "senco"
          ? { kind: "sen" as const, amount: between(...ALLOWANCES_2024_25.sen) }
          : { kind: "tlr2" as const, amount: between(...ALLOWANCES_2024_25.tlr2) };
      Object.assign(row, { payRange: random() < 0.5 ? "main" : "upper", allowances: [allowance] });
      if (row.payRange === "main")
        Object.assign(row, {
          payPointFrom: "M4",
          payPointTo: "M6",
          salaryMinFte: PAY_2025_26.main[3],
          salaryMaxFte: PAY_2025_26.main[5],
        });
      else
        Object.assign(row, {
          payPointFrom: "U1",
          payPointTo: "U3",
          salaryMinFte: PAY_2025_26.upper[0],
          salaryMaxFte: PAY_2025_26.upper[2],
        });
    } else if (role === "assistant_head" || role === "deputy_head" || role === "headteacher") {
      const base = PAY_2025_26.leadership.min;
      const [lo, hi] = role === "assistant_head" ? [0, 0.12] : role === "deputy_head" ? [0.12, 0.3] : [0.3, 0.75];
      const span = PAY_2025_26.leadership.max - base;
      const min = Math.round((base + lo * span) / 100) * 100;
      Object.assign(row, {
        payRange: "leadership",
        salaryMinFte: Math.max(base, min),
        salaryMaxFte: Math.round((base + hi * span) / 100) * 100,
      });
    } else if (role === "hlta" || role === "support") {
      Object.assign(row, {
        payRange: "support",
        supportGrade: role === "hlta" ? "Grade 6" : "Grade 3",
        salaryMinFte: role === "hlta" ? between(26000, 27000) : between(24000, 25000),
      });
      row.salaryMaxFte = (row.salaryMinFte as number) + between(500, 1500);
    } else {
      // Casual and sessional roles are paid by the hour (pence); rates are illustrative of local NJC pay.
      Object.assign(row, {
        payRange: "hourly",
        contractType: "casual",
        workingPattern: "flexible",
        hourlyRatePence: between(1265, 1480),
      });
    }

    // Contracts and hours.
    if (row.contractType !== "casual") {
      const c = random();
      const w = random();
      if (FLEXIBLE_ROLES.includes(row.role)) {
        if (c < 0.12) Object.assign(row, { contractType: "fixed_term", fixedTermMonths: pick([6, 12]) });
        else if (c < 0.22) Object.assign(row, { contractType: "maternity_cover", fixedTermMonths: 12 });
        if (w < 0.2)
          Object.assign(row, { workingPattern: "part_time", fte: pick(["0.400", "0.500", "0.600", "0.800"]) });
        else if (w < 0.25) Object.assign(row, { workingPattern: "job_share", fte: "0.500" });
      }
    }
    row.startKind = pick(["date", "asap", "to_be_agreed"] as const);
    if (row.startKind === "date") row.startDate = pick(["2027-01-05", "2027-04-19", "2027-09-01"]);
    row.title = withConditions(row.title, row);
    row.aboutRole = `${advert.aboutRole} ${school.name} is a fictional school: the post and the people are invented for the demonstration.`;

    // Where: mostly one school; some shared between two of the same owner's schools; a few central roles.
    const siblings = schoolRows.filter((s) => s.ownerId === school.ownerId && s.id !== school.id);
    const shape = random();
    let located: { id: string; share: string | null }[] = [{ id: school.id, share: null }];
    if (shape < 0.06 && siblings.length > 0 && row.contractType !== "casual") {
      const other = pick(siblings);
      const fte = Math.round(Number(row.fte ?? "1") * 1000);
      const first = pick([0.5, 0.6]) * fte;
      located = [
        { id: school.id, share: (first / 1000).toFixed(3) },
        { id: other.id, share: ((fte - first) / 1000).toFixed(3) },
      ];
      row.title = `${row.title} (shared between two schools)`;
    } else if (shape < 0.08 && siblings.length > 1) {
      located = [school, ...siblings.slice(0, 2)].map((s) => ({ id: s.id, share: null }));
      row.title = `${row.title} (trust-wide)`;
    }

    // Lifecycle: mostly live, some drafts, scheduled and closed.
    const state = random();
    if (state < 0.7) {
      const published = noon(days(-between(1, 30)));
      Object.assign(row, { status: "published", publishedAt: published, closesAt: noon(days(between(1, 60))) });
    } else if (state < 0.8) {
      Object.assign(row, { status: "draft", closesAt: noon(days(between(20, 60))) });
    } else if (state < 0.85) {
      const publishAt = noon(days(between(1, 7)));
      Object.assign(row, { status: "scheduled", publishAt, closesAt: noon(days(between(30, 60))) });
    } else {
      const closed = noon(days(-between(1, 40)));
      const reason = pick(["expired", "expired", "filled_staffroom", "filled_elsewhere", "withdrawn"] as const);
      Object.assign(row, {
        status: "closed",
        publishedAt: noon(days(-between(45, 90))),
        closesAt: reason === "expired" ? closed : noon(days(between(1, 20))),
        closedAt: closed,
        closedReason: reason,
      });
    }
    planned.push({ row, schools: located });
  }

  const inserted = await tx
    .insert(vacancies)
    .values(planned.map((p) => p.row))
    .returning({ id: vacancies.id, status: vacancies.status });
  await tx
    .insert(vacancySchools)
    .values(
      pairInserted(planned, inserted).flatMap(([p, v]) =>
        p.schools.map((s, position) => ({ vacancyId: v.id, schoolId: s.id, fteShare: s.share, position })),
      ),
    );
  await tx
    .insert(vacancyEvents)
    .values(inserted.map((v) => ({ vacancyId: v.id, action: "created", note: "Demo vacancy from the seed" })));
  const byStatus: Record<string, number> = {};
  for (const v of inserted) byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
  return { vacancies: inserted.length, byStatus };
}
