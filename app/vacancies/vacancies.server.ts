import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { schools, vacancies, vacancyEvents, vacancySchools } from "../../db/schema";
import { enqueue } from "../services.server";
import { hrSchoolIds, managedBy, type PostingContext } from "./access.server";
import { formatFte } from "./fte";
import { queueTransitionCheck } from "./transition-queue.server";
import { requestSearchSync } from "../../search/sync.server";
import { assessVacancy, recordAssessment } from "../pay/assessment.server";
import {
  archive,
  closeEarly,
  dueTransition,
  extend,
  isEditable,
  publish,
  type CloseReason,
  type LifecycleState,
  type Transition,
} from "./lifecycle";

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

/** Every field change: the audit log stores what each field was and became. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null))
      changes[key] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}

async function record(
  db: Executor,
  vacancyId: string,
  userId: string | null,
  action: string,
  changes: Record<string, { from: unknown; to: unknown }> = {},
  note?: string,
) {
  await db.insert(vacancyEvents).values({ vacancyId, userId, action, changes, note: note ?? null });
  // Every recorded change may alter what search shows; the sync job decides (drafts are left out).
  await requestSearchSync(db, enqueue());
}

async function schoolsOf(db: Executor, vacancyId: string): Promise<VacancySchool[]> {
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

async function withSchools(db: Executor, v: Vacancy): Promise<VacancyWithSchools> {
  return { ...v, fteThousandths: toThousandths(v.fte) ?? 1000, schools: await schoolsOf(db, v.id) };
}

/** A vacancy this user manages as HR, or null: another organisation's vacancy does not exist for them. */
export async function findManagedVacancy(
  db: Executor,
  userId: string,
  vacancyId: string,
): Promise<VacancyWithSchools | null> {
  const [v] = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), sql`${managedBy(userId, "vacancies")}`));
  return v ? withSchools(db, v) : null;
}

/** Reads and locks a vacancy this user manages, for a change; undefined when it is not theirs (or absent). */
async function lockManaged(tx: Executor, userId: string, vacancyId: string): Promise<Vacancy | undefined> {
  const [row] = await tx
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), sql`${managedBy(userId, "vacancies")}`))
    .for("update");
  return row;
}

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

export const PAY_FLAG_ON_EDIT =
  "This change would flag the pay (see the comparison on the vacancy's page). A live vacancy cannot take flagged pay without a justification: " +
  "close it and publish a copy with the new pay, giving your reason.";

/**
 * After an edit to a live vacancy, its pay is assessed again and the badge follows. A change that newly flags it
 * is refused (the whole edit rolls back): flagged pay is published only with a justification.
 */
async function reassessAfterEdit(tx: Executor, before: Vacancy, userId: string) {
  if (before.status !== "published") return;
  const result = await assessVacancy(tx, before.id);
  if (!result) return;
  const previous = before.payAssessmentId
    ? rowsOf<{ flagged: boolean; justification: string | null }>(
        await tx.execute(sql`SELECT flagged, justification FROM pay_assessments WHERE id = ${before.payAssessmentId}`),
      )[0]
    : undefined;
  if (result.assessment.flagged && !previous?.flagged) throw new PayFlagRefusal(PAY_FLAG_ON_EDIT);
  await recordAssessment(tx, before.id, result, {
    reason: "edit",
    userId,
    justification: result.assessment.flagged ? (previous?.justification ?? null) : null,
  });
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

function lifecycleOf(v: Vacancy): LifecycleState & { closedReason: CloseReason | null } {
  return { status: v.status, publishAt: v.publishAt, closesAt: v.closesAt, closedReason: v.closedReason };
}

async function applyTransition(
  tx: Executor,
  v: Vacancy,
  transition: Transition,
  now: Date,
  userId: string | null,
  note?: string,
  extra: Partial<Vacancy> = {},
) {
  const fields: Partial<Vacancy> = { status: transition.to, updatedAt: now, ...extra };
  if (transition.to === "published" && !v.publishedAt) fields.publishedAt = now;
  if (transition.to === "closed") {
    fields.closedAt = now;
    fields.closedReason = transition.reason;
  }
  if (transition.to === "published" && v.status === "closed") {
    fields.closedAt = null;
    fields.closedReason = null;
  }
  await tx.update(vacancies).set(fields).where(eq(vacancies.id, v.id));
  // Wake the scheduler at the next moment that matters for this vacancy.
  const next =
    fields.status === "scheduled"
      ? (v.publishAt ?? null)
      : fields.status === "published"
        ? (extra.closesAt ?? v.closesAt ?? null)
        : null;
  if (next && userId !== null) await queueTransitionCheck(tx, enqueue(), next);
  const changes = diff(v as unknown as Record<string, unknown>, {
    status: fields.status,
    ...(extra.closesAt ? { closesAt: extra.closesAt } : {}),
    ...(fields.closedReason !== undefined ? { closedReason: fields.closedReason } : {}),
  });
  await record(
    tx,
    v.id,
    userId,
    transition.to === "closed" ? "closed" : transition.to === v.status ? "extended" : transition.to,
    changes,
    note,
  );
}

export type LifecycleOutcome =
  | { ok: true; status: Vacancy["status"] }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "refused"; message: string };

async function lifecycleStep(
  db: Database,
  userId: string,
  vacancyId: string,
  decide: (
    v: VacancyWithSchools,
  ) => { ok: true; transition: Transition; extra?: Partial<Vacancy>; note?: string } | { ok: false; message: string },
): Promise<LifecycleOutcome> {
  return db.transaction(async (tx) => {
    const v = await lockManaged(tx, userId, vacancyId);
    if (!v) return { ok: false, reason: "not-found" } as const;
    const decision = decide(await withSchools(tx, v));
    if (!decision.ok) return { ok: false, reason: "refused", message: decision.message } as const;
    await applyTransition(tx, v, decision.transition, new Date(), userId, decision.note, decision.extra);
    return { ok: true, status: decision.transition.to } as const;
  });
}

/** What a draft still lacks before it can be published, as messages for HR. */
export function missingForPublication(v: VacancyWithSchools): string[] {
  const missing: string[] = [];
  if (v.schools.length === 0) missing.push("Choose the school or schools the role is at");
  if (v.phases.length === 0) missing.push("Choose the phase");
  if (v.payRange === "hourly" ? v.hourlyRatePence === null : v.salaryMinFte === null || v.salaryMaxFte === null)
    missing.push("Add the pay");
  if (v.aboutRole.trim().length < 20) missing.push("Describe the role");
  if (v.applyMethod === "external_link" && !v.applyUrl) missing.push("Add the link to apply");
  if (v.applyMethod === "email" && !v.applyEmail) missing.push("Add the e-mail address to apply to");
  if (!v.closesAt) missing.push("Set the closing date");
  return missing;
}

export type PublishOutcome =
  LifecycleOutcome | { ok: false; reason: "pay"; needs: "justification" | "blocked"; message: string };

export const MIN_JUSTIFICATION = 20;

/**
 * Publishes (or schedules) a complete draft. A teacher offer is first assessed against the statutory scales
 * and its neighbours (app/pay): an undercutting or below-minimum offer needs a written justification, or is
 * refused, as the partnership's policy says. The assessment, and any justification, are kept with the vacancy.
 */
export async function publishVacancy(
  db: Database,
  userId: string,
  vacancyId: string,
  options: { now?: Date; justification?: string } = {},
): Promise<PublishOutcome> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const v = await lockManaged(tx, userId, vacancyId);
    if (!v) return { ok: false, reason: "not-found" } as const;
    const missing = missingForPublication(await withSchools(tx, v));
    if (missing.length > 0) return { ok: false, reason: "refused", message: missing.join(". ") } as const;
    const decision = publish(lifecycleOf(v), now);
    if (!decision.ok) return { ok: false, reason: "refused", message: decision.message } as const;
    const pay = await assessVacancy(tx, v.id, now);
    const justification = options.justification?.trim() ?? "";
    if (pay?.assessment.flagged) {
      if (pay.policy.onFlag === "block") {
        return {
          ok: false,
          reason: "pay",
          needs: "blocked",
          message:
            "The partnership does not publish offers that undercut neighbouring schools or are below the national scale. Change the pay, or ask a partnership admin.",
        } as const;
      }
      if (justification.length < MIN_JUSTIFICATION) {
        return {
          ok: false,
          reason: "pay",
          needs: "justification",
          message: `Explain why this pay is right (at least ${MIN_JUSTIFICATION} characters): it will be kept with the vacancy.`,
        } as const;
      }
    }
    if (pay)
      await recordAssessment(tx, v.id, pay, {
        reason: "publish",
        justification: pay.assessment.flagged ? justification : null,
        userId,
        now,
      });
    await applyTransition(
      tx,
      v,
      decision.transition,
      now,
      userId,
      pay?.assessment.flagged ? `Pay justified: ${justification}` : undefined,
    );
    return { ok: true, status: decision.transition.to } as const;
  });
}

export function closeVacancy(db: Database, userId: string, vacancyId: string, reason: Exclude<CloseReason, "expired">) {
  return lifecycleStep(db, userId, vacancyId, (v) => closeEarly(lifecycleOf(v), reason));
}

export function extendVacancy(
  db: Database,
  userId: string,
  vacancyId: string,
  closesAt: Date,
  note: string,
  now = new Date(),
) {
  return lifecycleStep(db, userId, vacancyId, (v) => {
    const d = extend(lifecycleOf(v), closesAt, now);
    return d.ok ? { ...d, extra: { closesAt }, note } : d;
  });
}

export function archiveVacancy(db: Database, userId: string, vacancyId: string) {
  return lifecycleStep(db, userId, vacancyId, (v) => archive(lifecycleOf(v)));
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

/**
 * What the clock does: publish scheduled vacancies whose time has come and close live ones past their
 * closing moment. Run every minute by the scheduler; safe to run twice.
 */
export async function applyDueTransitions(
  db: Database,
  now = new Date(),
): Promise<{ published: number; closed: number }> {
  // Two ordered scans, each served by its partial index (vacancies_due_close_idx, vacancies_due_publish_idx):
  // one OR'd query led the planner to scan every vacancy.
  const at = now.toISOString();
  const [closing, publishing] = await Promise.all([
    db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} IN ('published', 'scheduled') AND ${vacancies.closesAt} <= ${at}`)
      .orderBy(vacancies.closesAt)
      .limit(1000),
    db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(sql`${vacancies.status} = 'scheduled' AND ${vacancies.publishAt} <= ${at}`)
      .orderBy(vacancies.publishAt)
      .limit(1000),
  ]);
  const due = [...new Map([...closing, ...publishing].map((v) => [v.id, v])).values()];
  let published = 0;
  let closed = 0;
  for (const v of due) {
    await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(vacancies).where(eq(vacancies.id, v.id)).for("update");
      const transition = locked ? dueTransition(lifecycleOf(locked), now) : null;
      if (!locked || !transition) return;
      await applyTransition(tx, locked, transition, now, null, "By the scheduler");
      if (transition.to === "published") published++;
      else closed++;
    });
  }
  return { published, closed };
}

export async function vacancyHistory(db: Executor, userId: string, vacancyId: string) {
  return rowsOf<{
    id: string;
    action: string;
    changes: Record<string, { from: unknown; to: unknown }>;
    note: string | null;
    at: string;
    who: string | null;
  }>(
    await db.execute(sql`
      SELECT e.id, e.action, e.changes, e.note, e.at, u.name AS who
        FROM vacancy_events e
        JOIN vacancies v ON v.id = e.vacancy_id
        LEFT JOIN users u ON u.id = e.user_id
       WHERE e.vacancy_id = ${vacancyId} AND ${managedBy(userId)}
       ORDER BY e.at DESC, e.id`),
  );
}
