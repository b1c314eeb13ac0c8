import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { schools, vacancies, vacancySchools } from "../../db/schema";
import { diff } from "../audit/diff";
import { checkEditedPay, PAY_FLAG_ON_EDIT } from "../pay/gate.server";
import { hrSchoolIds, type PostingContext } from "./access.server";
import { record } from "./audit.server";
import { formatFte } from "./fte";
import { isEditable } from "./lifecycle";
import { findManagedVacancy, lockManaged, schoolsOf, toNumeric, type Vacancy } from "./records.server";

/** Creating, editing and copying vacancies, each change logged. */

export async function createDraft(
  db: Database,
  userId: string,
  owner: PostingContext,
  fields: Partial<typeof vacancies.$inferInsert> & { title: string; role: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(vacancies)
      .values({
        ...fields,
        ownerOrganisationId: owner.kind === "organisation" ? owner.id : null,
        ownerSchoolId: owner.kind === "school" ? owner.id : null,
        status: "draft",
        createdBy: userId,
      })
      .returning({ id: vacancies.id });
    await record(tx, row.id, userId, "created", diff({}, fields));
    return row.id;
  });
}

/** A change to a live vacancy that would make its pay undercut or fall below the scale, which needs a justification. */
class PayFlagRefusal extends Error {}

/** After an edit to a live vacancy, pay's gate assesses it again; an edit that newly flags it is rolled back. */
async function reassessAfterEdit(tx: Executor, before: Vacancy, userId: string) {
  if ((await checkEditedPay(tx, before, userId)) === "flagged") throw new PayFlagRefusal(PAY_FLAG_ON_EDIT);
}

async function refusingFlaggedPay<T extends string>(work: () => Promise<T>): Promise<T | "pay-flagged"> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PayFlagRefusal) return "pay-flagged";
    throw error;
  }
}

/** Saves fields of a draft or live vacancy, logging each change. Returns false if the vacancy cannot be edited. */
export async function updateVacancy(
  db: Database,
  userId: string,
  vacancyId: string,
  fields: Partial<typeof vacancies.$inferInsert>,
): Promise<"saved" | "not-found" | "not-editable" | "pay-flagged"> {
  return refusingFlaggedPay(() =>
    db.transaction(async (tx) => {
      const current = await lockManaged(tx, userId, vacancyId);
      if (!current) return "not-found";
      if (!isEditable(current.status)) return "not-editable";
      const changes = diff(current as unknown as Record<string, unknown>, fields as Record<string, unknown>);
      if (Object.keys(changes).length === 0) return "saved";
      await tx
        .update(vacancies)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(vacancies.id, vacancyId));
      await record(tx, vacancyId, userId, current.status === "draft" ? "draft saved" : "edited", changes);
      await reassessAfterEdit(tx, current, userId);
      return "saved";
    }),
  );
}

export type LocationInput = {
  fte: number;
  schools: { schoolId: string; share: number | null }[];
  workingPattern: Vacancy["workingPattern"];
  hoursPerWeek?: number;
};

/**
 * Sets where a vacancy is located. Every school must be one the user holds hr for: a vacancy cannot be
 * placed at another trust's school.
 */
export async function setLocation(
  db: Database,
  userId: string,
  vacancyId: string,
  input: LocationInput,
): Promise<"saved" | "not-found" | "not-editable" | "school-not-allowed" | "pay-flagged"> {
  return refusingFlaggedPay(() =>
    db.transaction(async (tx) => {
      const current = await lockManaged(tx, userId, vacancyId);
      if (!current) return "not-found";
      if (!isEditable(current.status)) return "not-editable";
      const allowed = rowsOf<{ id: string }>(
        await tx.execute(sql`SELECT id FROM schools WHERE id IN (${hrSchoolIds(userId)})`),
      );
      const allowedIds = new Set(allowed.map((r) => r.id));
      if (input.schools.some((s) => !allowedIds.has(s.schoolId))) return "school-not-allowed";

      const before = await schoolsOf(tx, vacancyId);
      await tx.delete(vacancySchools).where(eq(vacancySchools.vacancyId, vacancyId));
      await tx.insert(vacancySchools).values(
        input.schools.map((s, position) => ({
          vacancyId,
          schoolId: s.schoolId,
          fteShare: s.share === null ? null : toNumeric(s.share),
          position,
        })),
      );
      const fields = {
        fte: toNumeric(input.fte),
        workingPattern: input.workingPattern,
        hoursPerWeek: input.hoursPerWeek === undefined ? null : input.hoursPerWeek.toFixed(2),
      };
      const changes = {
        ...diff(current as unknown as Record<string, unknown>, fields),
        ...diff(
          { schools: before.map((s) => `${s.name}${s.fteShare ? ` (${formatFte(s.fteShare)})` : ""}`) },
          {
            schools: await Promise.all(
              input.schools.map(async (s) => {
                const [row] = await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, s.schoolId));
                return `${row.name}${s.share ? ` (${formatFte(s.share)})` : ""}`;
              }),
            ),
          },
        ),
      };
      await tx
        .update(vacancies)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(vacancies.id, vacancyId));
      if (Object.keys(changes).length > 0) {
        await record(tx, vacancyId, userId, current.status === "draft" ? "draft saved" : "edited", changes);
        await reassessAfterEdit(tx, current, userId);
      }
      return "saved" as const;
    }),
  );
}

/** A new draft with the same content and schools; dates and lifecycle start afresh. */
export async function copyVacancy(db: Database, userId: string, vacancyId: string): Promise<string | null> {
  const source = await findManagedVacancy(db, userId, vacancyId);
  if (!source) return null;
  return db.transaction(async (tx) => {
    const {
      id: _id,
      status: _s,
      publishAt: _p,
      closesAt: _c,
      publishedAt: _pa,
      closedAt: _ca,
      closedReason: _cr,
      createdAt: _cat,
      updatedAt: _u,
      createdBy: _cb,
      fteThousandths: _f,
      payAssessmentId: _pay,
      schools: list,
      ...content
    } = source;
    const [row] = await tx
      .insert(vacancies)
      .values({ ...content, title: `${source.title} (copy)`, status: "draft", createdBy: userId })
      .returning({ id: vacancies.id });
    if (list.length > 0) {
      await tx.insert(vacancySchools).values(
        list.map((s, position) => ({
          vacancyId: row.id,
          schoolId: s.schoolId,
          fteShare: s.fteShare === null ? null : toNumeric(s.fteShare),
          position,
        })),
      );
    }
    await record(tx, row.id, userId, "created", {}, `Copied from "${source.title}"`);
    return row.id;
  });
}
