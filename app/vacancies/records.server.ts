import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { schools, vacancies, vacancySchools } from "../../db/schema";
import { involves, managedBy } from "./access.server";

/** A vacancy as HR's code reads it: the row, its FTE in thousandths and its schools, scoped to the HR user. */

export type Vacancy = typeof vacancies.$inferSelect;

export type VacancySchool = {
  schoolId: string;
  urn: number;
  name: string;
  fteShare: number | null;
  lat: number | null;
  lng: number | null;
  town: string | null;
  postcode: string | null;
};

export type VacancyWithSchools = Vacancy & { fteThousandths: number; schools: VacancySchool[] };

export const toThousandths = (numeric: string | null): number | null =>
  numeric === null ? null : Math.round(Number(numeric) * 1000);

export const toNumeric = (thousandths: number): string => (thousandths / 1000).toFixed(3);

export async function schoolsOf(db: Executor, vacancyId: string): Promise<VacancySchool[]> {
  const rows = await db
    .select({
      schoolId: vacancySchools.schoolId,
      urn: schools.urn,
      name: schools.name,
      fteShare: vacancySchools.fteShare,
      lat: schools.lat,
      lng: schools.lng,
      town: schools.town,
      postcode: schools.postcode,
    })
    .from(vacancySchools)
    .innerJoin(schools, eq(schools.id, vacancySchools.schoolId))
    .where(eq(vacancySchools.vacancyId, vacancyId))
    .orderBy(asc(vacancySchools.position), asc(schools.name));
  return rows.map((r) => ({ ...r, fteShare: toThousandths(r.fteShare) }));
}

export async function withSchools(db: Executor, v: Vacancy): Promise<VacancyWithSchools> {
  return { ...v, fteThousandths: toThousandths(v.fte) ?? 1000, schools: await schoolsOf(db, v.id) };
}

async function findScoped(db: Executor, vacancyId: string, scope: SQL): Promise<VacancyWithSchools | null> {
  const [v] = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), scope));
  return v ? withSchools(db, v) : null;
}

/** A vacancy this user manages as HR, or null: another organisation's vacancy does not exist for them. */
export function findManagedVacancy(db: Executor, userId: string, vacancyId: string) {
  return findScoped(db, vacancyId, managedBy(userId, "vacancies"));
}

/**
 * A vacancy this user may read as HR: one they manage, or one whose share at a school of theirs they answer for
 * (docs/decisions/0022); null otherwise.
 */
export function findInvolvedVacancy(db: Executor, userId: string, vacancyId: string) {
  return findScoped(db, vacancyId, involves(userId, "vacancies"));
}

/** Reads and locks a vacancy this user manages, for a change; undefined when it is not theirs (or absent). */
export async function lockManaged(tx: Executor, userId: string, vacancyId: string): Promise<Vacancy | undefined> {
  const [row] = await tx
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), sql`${managedBy(userId, "vacancies")}`))
    .for("update");
  return row;
}
