import { eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { firstRow, parseRows } from "../../db/rows";
import { vacancies, vacancySchools } from "../../db/schema";
import { diff } from "../audit/diff";
import { checkEditedPay, PAY_FLAG_ON_EDIT } from "../pay/gate.server";
import { hrSchoolIds, type PostingContext } from "./access.server";
import { record } from "./audit.server";
import { formatFte } from "./fte";
import { isEditable } from "./lifecycle";
import { countRow } from "./rows";
import { findManagedVacancy, lockManaged, schoolsOf, toNumeric, toThousandths, type Vacancy } from "./records.server";
import { checkShareChange, leadSchoolsFirst, sharesChanged } from "./shares";
import { askForConfirmation, locateSchools } from "./shares.server";

/** Creating, editing and copying vacancies, each change logged. */

export async function createDraft(
  db: Database,
  userId: string,
  owner: PostingContext,
  fields: Partial<typeof vacancies.$inferInsert> & { title: string; role: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const row = firstRow(
      await tx
        .insert(vacancies)
        .values({
          ...fields,
          ownerOrganisationId: owner.kind === "organisation" ? owner.id : null,
          ownerSchoolId: owner.kind === "school" ? owner.id : null,
          status: "draft",
          createdBy: userId,
        })
        .returning({ id: vacancies.id }),
      "the row inserted into vacancies",
    );
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

async function refusingFlaggedPay<T>(work: () => Promise<T>): Promise<T | "pay-flagged"> {
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
      const changes = diff(current, fields);
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
  /** How the form described it; read from the schools when absent. */
  locationKind?: "one" | "split" | "central";
};

export type LocationOutcome =
  "saved" | "not-found" | "not-editable" | "school-not-allowed" | "pay-flagged" | { refused: string };

/**
 * Sets where a vacancy is located. Each school is one the user holds hr for or, for a role shared across employers,
 * a school of another employer in the owner's partnership (docs/decisions/0022): a change to the shares asks those
 * schools' HR to confirm afresh. Another partnership's school is never allowed.
 */
export async function setLocation(
  db: Database,
  userId: string,
  vacancyId: string,
  input: LocationInput,
): Promise<LocationOutcome> {
  return refusingFlaggedPay(() =>
    db.transaction(async (tx): Promise<LocationOutcome> => {
      const current = await lockManaged(tx, userId, vacancyId);
      if (!current) return "not-found";
      if (!isEditable(current.status)) return "not-editable";
      const located = await locateSchools(
        tx,
        userId,
        vacancyId,
        input.schools.map((s) => s.schoolId),
      );
      if (input.schools.some((s) => !(located.get(s.schoolId)?.held || located.get(s.schoolId)?.partner)))
        return "school-not-allowed";

      const before = await schoolsOf(tx, vacancyId);
      const changed = sharesChanged(
        {
          fte: toThousandths(current.fte) ?? 1000,
          schools: before.map((s) => ({ schoolId: s.schoolId, share: s.fteShare })),
        },
        { fte: input.fte, schools: input.schools },
      );
      // Only shares someone else answers for limit a change: a school the user holds hr for too is theirs to agree.
      const { n: othersBefore } = firstRow(
        parseRows(
          await tx.execute(sql`SELECT count(*)::int AS n FROM vacancy_share_confirmations
                              WHERE vacancy_id = ${vacancyId} AND school_id NOT IN (${hrSchoolIds(userId)})`),
          countRow,
          "the shares others answer for",
        ),
        "a count",
      );
      const allowed = checkShareChange({
        status: current.status,
        locationKind:
          input.locationKind ??
          (input.schools.length === 1 ? "one" : input.schools.some((s) => s.share !== null) ? "split" : "central"),
        otherEmployersBefore: othersBefore,
        otherEmployersAfter: input.schools.filter((s) => {
          const school = located.get(s.schoolId);
          return school && !school.byLead && !school.held;
        }).length,
        changed,
      });
      if (!allowed.ok) return { refused: allowed.message };

      const ordered = leadSchoolsFirst(input.schools, (s) => located.get(s.schoolId)?.byLead === true);
      await tx.delete(vacancySchools).where(eq(vacancySchools.vacancyId, vacancyId));
      await tx.insert(vacancySchools).values(
        ordered.map((s, position) => ({
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
      const named = (s: { name: string; share: number | null }) =>
        `${s.name}${s.share ? ` (${formatFte(s.share)})` : ""}`;
      const changes = {
        ...diff(current, fields),
        ...diff(
          { schools: before.map((s) => named({ name: s.name, share: s.fteShare })) },
          { schools: ordered.map((s) => named({ name: located.get(s.schoolId)!.name, share: s.share })) },
        ),
      };
      await tx
        .update(vacancies)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(vacancies.id, vacancyId));
      if (Object.keys(changes).length > 0) {
        await record(tx, vacancyId, userId, current.status === "draft" ? "draft saved" : "edited", changes);
        if (changed) await askForConfirmation(tx, userId, vacancyId);
        await reassessAfterEdit(tx, current, userId);
      }
      return "saved";
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
    const row = firstRow(
      await tx
        .insert(vacancies)
        .values({ ...content, title: `${source.title} (copy)`, status: "draft", createdBy: userId })
        .returning({ id: vacancies.id }),
      "the row inserted into vacancies",
    );
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
    // A copy is a new role: other employers' schools are asked again, whatever they answered for the original.
    await askForConfirmation(tx, userId, row.id);
    return row.id;
  });
}
