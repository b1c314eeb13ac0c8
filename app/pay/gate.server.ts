import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { z } from "../forms/zod";
import { assessVacancy, recordAssessment } from "./assessment.server";

/**
 * Pay's gate on a vacancy's publication, the one place that decides whether pay lets a vacancy go live (or take
 * an edit while live) and what is kept with that decision. app/vacancies calls it; nothing else about pay leaks
 * into the vacancy lifecycle.
 */

// Shared with the HR page's hint, so it lives where the browser can import it (app/pay/policy.ts).
import { MIN_JUSTIFICATION } from "./policy";

const PAY_BLOCKED =
  "The partnership does not publish offers that undercut neighbouring schools or are below the national scale. Change the pay, or ask a partnership admin.";
const PAY_NEEDS_JUSTIFICATION = `Explain why this pay is right (at least ${MIN_JUSTIFICATION} characters): it will be kept with the vacancy.`;
export const PAY_FLAG_ON_EDIT =
  "This change would flag the pay (see the comparison on the vacancy's page). A live vacancy cannot take flagged pay without a justification: " +
  "close it and publish a copy with the new pay, giving your reason.";

export type PublicationPay =
  | {
      ok: true;
      /** The note the vacancy's audit log keeps with the publication, if pay needed one. */
      note: string | undefined;
      /** Keeps the assessment (and any justification) with the vacancy; call it in the publishing transaction. */
      record: (userId: string) => Promise<void>;
    }
  | { ok: false; needs: "justification" | "blocked"; message: string };

/**
 * May this vacancy be published, as far as its pay goes? A teacher offer is assessed against the statutory scales
 * and its neighbours: an undercutting or below-minimum offer needs a written justification, or is refused, as the
 * partnership's policy says. Support roles have no assessment and always pass.
 */
export async function decidePublicationPay(
  tx: Executor,
  vacancyId: string,
  justificationTyped: string | undefined,
  now: Date,
): Promise<PublicationPay> {
  const pay = await assessVacancy(tx, vacancyId, now);
  const justification = justificationTyped?.trim() ?? "";
  if (pay?.assessment.flagged) {
    if (pay.policy.onFlag === "block") return { ok: false, needs: "blocked", message: PAY_BLOCKED };
    if (justification.length < MIN_JUSTIFICATION) {
      return { ok: false, needs: "justification", message: PAY_NEEDS_JUSTIFICATION };
    }
  }
  const flagged = pay?.assessment.flagged ?? false;
  return {
    ok: true,
    note: flagged ? `Pay justified: ${justification}` : undefined,
    record: async (userId) => {
      if (!pay) return;
      await recordAssessment(tx, vacancyId, pay, {
        reason: "publish",
        justification: flagged ? justification : null,
        userId,
        now,
      });
    },
  };
}

/**
 * After an edit to a live vacancy, its pay is assessed again and the badge follows. An edit that newly flags it is
 * refused ("flagged": the caller rolls the edit back): flagged pay is published only with a justification.
 */
export async function checkEditedPay(
  tx: Executor,
  vacancy: { id: string; status: string; payAssessmentId: string | null },
  userId: string,
): Promise<"ok" | "flagged"> {
  if (vacancy.status !== "published") return "ok";
  const result = await assessVacancy(tx, vacancy.id);
  if (!result) return "ok";
  const previous = vacancy.payAssessmentId
    ? parseRows(
        await tx.execute(sql`SELECT flagged, justification FROM pay_assessments WHERE id = ${vacancy.payAssessmentId}`),
        z.object({ flagged: z.boolean(), justification: z.string().nullable() }),
        "the previous pay assessment",
      )[0]
    : undefined;
  if (result.assessment.flagged && !previous?.flagged) return "flagged";
  await recordAssessment(tx, vacancy.id, result, {
    reason: "edit",
    userId,
    justification: result.assessment.flagged ? (previous?.justification ?? null) : null,
  });
  return "ok";
}
