import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { vacancyEvents } from "../../db/schema";
import { requestSearchSync } from "../../search/sync.server";
import type { FieldChanges } from "../audit/diff";
import { z } from "../forms/zod";
import { enqueue } from "../services.server";
import { involves } from "./access.server";
import { stampText } from "./rows";

/** A vacancy's audit log: who changed what, and when. Its own HR and the HR of schools sharing it read it. */

export async function record(
  db: Executor,
  vacancyId: string,
  userId: string | null,
  action: string,
  changes: FieldChanges = {},
  note?: string,
) {
  await db.insert(vacancyEvents).values({ vacancyId, userId, action, changes, note: note ?? null });
  // Every recorded change may alter what search shows; the sync job decides (drafts are left out).
  await requestSearchSync(db, enqueue());
}

const historyRow = z.object({
  id: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })) satisfies z.ZodType<FieldChanges>,
  note: z.string().nullable(),
  at: stampText,
  who: z.string().nullable(),
});

export async function vacancyHistory(db: Executor, userId: string, vacancyId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT e.id, e.action, e.changes, e.note, e.at, u.name AS who
        FROM vacancy_events e
        JOIN vacancies v ON v.id = e.vacancy_id
        LEFT JOIN users u ON u.id = e.user_id
       WHERE e.vacancy_id = ${vacancyId} AND ${involves(userId)}
       ORDER BY e.at DESC, e.id`),
    historyRow,
    "a vacancy's history",
  );
}
