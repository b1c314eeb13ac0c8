import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import {
  applicationEvents,
  applicationMessages,
  applicationNotes,
  applicationReferences,
  applications,
} from "../../db/schema";
import { z } from "../forms/zod";
import { anonymisedProfile, anonymisedReferee } from "./anonymise";
import { retiredStatuses } from "./states";

/** How long an unsuccessful or withdrawn application is kept after its vacancy closed (DESIGN.md, personal data). */
const RETENTION_MONTHS = 6;

/**
 * Anonymises applications, inside the caller's transaction: the profile copy is redacted, the supporting statement
 * and withdrawal reason cleared, the link to the teacher cut (user_id null), messages and HR's notes deleted, each
 * event's words dropped, and each reference's referee and answers cleared (its link dies with its hash). The status
 * and dates stay, so HR's figures still count them. Already anonymised applications are left as they are.
 */
export async function anonymiseApplications(tx: Executor, applicationIds: string[], now: Date): Promise<number> {
  if (applicationIds.length === 0) return 0;
  const rows = await tx
    .select({ id: applications.id, profile: applications.profile })
    .from(applications)
    .where(and(inArray(applications.id, applicationIds), isNull(applications.anonymisedAt)))
    .for("update");
  for (const row of rows)
    await tx
      .update(applications)
      .set({
        profile: anonymisedProfile(row.profile),
        supportingStatement: "",
        withdrawReason: null,
        userId: null,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(eq(applications.id, row.id));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  await tx.delete(applicationMessages).where(inArray(applicationMessages.applicationId, ids));
  await tx.delete(applicationNotes).where(inArray(applicationNotes.applicationId, ids));
  // An event's message is what HR wrote to the person, or their reason for withdrawing.
  await tx.update(applicationEvents).set({ message: null }).where(inArray(applicationEvents.applicationId, ids));
  const references = await tx
    .select({
      id: applicationReferences.id,
      referee: applicationReferences.referee,
      state: applicationReferences.state,
    })
    .from(applicationReferences)
    .where(inArray(applicationReferences.applicationId, ids));
  for (const r of references)
    await tx
      .update(applicationReferences)
      .set({
        referee: anonymisedReferee(r.referee),
        answers: null,
        tokenHash: null,
        state: r.state === "requested" ? "cancelled" : r.state,
      })
      .where(eq(applicationReferences.id, r.id));
  return ids.length;
}

const BATCH = 200;

/**
 * The daily retention run: unsuccessful and withdrawn applications whose vacancy closed six months ago or more are
 * anonymised; drafts never sent to such a vacancy are deleted (nobody but the teacher ever saw them, and the
 * vacancy is long gone). A vacancy closed early counts from its closed_at; one that ran out, from its closing time.
 */
export async function applyRetention(db: Database, now = new Date()) {
  const cutoff = sql`${now.toISOString()}::timestamptz - make_interval(months => ${RETENTION_MONTHS})`;
  const longClosed = sql`EXISTS (SELECT 1 FROM vacancies v WHERE v.id = ${applications.vacancyId}
                           AND coalesce(v.closed_at, v.closes_at) <= ${cutoff}
                           AND (v.status IN ('closed', 'archived') OR v.closes_at <= ${now.toISOString()}::timestamptz))`;
  let anonymised = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(inArray(applications.status, [...retiredStatuses]), isNull(applications.anonymisedAt), longClosed))
        .limit(BATCH);
      return anonymiseApplications(
        tx,
        due.map((d) => d.id),
        now,
      );
    });
    anonymised += batch;
    if (batch < BATCH) break;
  }
  const deleted = parseRows(
    await db.execute(sql`DELETE FROM applications WHERE status = 'draft' AND ${longClosed} RETURNING id`),
    z.object({ id: z.string() }),
    "the long-closed drafts deleted",
  ).length;
  return { anonymised, draftsDeleted: deleted };
}
