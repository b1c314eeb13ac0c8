import type { Database, Executor } from "../../db/client";
import { vacancies } from "../../db/schema";
import { eq } from "drizzle-orm";
import { diff } from "../audit/diff";
import { decidePublicationPay } from "../pay/gate.server";
import { enqueue, services } from "../services.server";
import { tellPendingOnClose } from "../applications/pipeline.server";
import { record } from "./audit.server";
import {
  archive,
  closeEarly,
  closeReasonLabels,
  extend,
  publish,
  type CloseReason,
  type LifecycleState,
  type Transition,
} from "./lifecycle";
import { lockManaged, withSchools, type Vacancy, type VacancyWithSchools } from "./records.server";
import { queueTransitionCheck } from "./transition-queue.server";
import { shareBlockers, tellPartnersOfClosing } from "./shares.server";

/** A vacancy's lifecycle as HR drives it: publish (through pay's gate), close, extend, archive. */

export function lifecycleOf(v: Vacancy): LifecycleState & { closedReason: CloseReason | null } {
  return { status: v.status, publishAt: v.publishAt, closesAt: v.closesAt, closedReason: v.closedReason };
}

export async function applyTransition(
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
  const changes = diff(v, {
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
  after?: (tx: Executor, transition: Transition) => Promise<void>,
): Promise<LifecycleOutcome> {
  return db.transaction(async (tx) => {
    const v = await lockManaged(tx, userId, vacancyId);
    if (!v) return { ok: false, reason: "not-found" } as const;
    const decision = decide(await withSchools(tx, v));
    if (!decision.ok) return { ok: false, reason: "refused", message: decision.message } as const;
    await applyTransition(tx, v, decision.transition, new Date(), userId, decision.note, decision.extra);
    await after?.(tx, decision.transition);
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
    // A role shared across employers goes live only once every other employer has confirmed its school's share.
    const waiting = await shareBlockers(tx, v.id);
    if (waiting.length > 0)
      return {
        ok: false,
        reason: "refused",
        message: `You cannot publish yet. ${waiting.join(". ")}.`,
      } as const;
    const decision = publish(lifecycleOf(v), now);
    if (!decision.ok) return { ok: false, reason: "refused", message: decision.message } as const;
    const pay = await decidePublicationPay(tx, v.id, options.justification, now);
    if (!pay.ok) return { ok: false, reason: "pay", needs: pay.needs, message: pay.message } as const;
    await pay.record(userId);
    await applyTransition(tx, v, decision.transition, now, userId, pay.note);
    return { ok: true, status: decision.transition.to } as const;
  });
}

export const DEFAULT_MESSAGE_TO_APPLICANTS =
  "The post has now been filled. Thank you for the time you gave to your application.";

/**
 * Closes early. Applicants still waiting for an answer are told, in HR's words (or the default), and marked
 * unsuccessful in the same transaction: nobody is left in silence.
 */
export function closeVacancy(
  db: Database,
  userId: string,
  vacancyId: string,
  reason: Exclude<CloseReason, "expired">,
  messageToApplicants = "",
) {
  return lifecycleStep(
    db,
    userId,
    vacancyId,
    (v) => closeEarly(lifecycleOf(v), reason),
    async (tx) => {
      // The schools that took a share planned on it: their HR hear at once that the role has closed.
      await tellPartnersOfClosing(tx, userId, vacancyId, closeReasonLabels[reason]);
      await tellPendingOnClose(tx, userId, vacancyId, messageToApplicants.trim() || DEFAULT_MESSAGE_TO_APPLICANTS, {
        appUrl: services().config.appUrl,
        enqueue: enqueue(),
      });
    },
  );
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
