import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client";
import type { Enqueue } from "../../../db/jobs";
import { firstRow, pairInserted, parseRows } from "../../../db/rows";
import { vacancies, vacancyEvents, vacancyImports, vacancySchools, type ImportRowError } from "../../../db/schema";
import { hrSchoolIds, postingContexts, type PostingContext } from "../access.server";
import { publish } from "../lifecycle";
import { toNumeric } from "../records.server";
import { requestSearchSync } from "../../../search/sync.server";
import { assessVacancy, recordAssessment } from "../../pay/assessment.server";
import { findingText } from "../../pay/explain";
import { parseCsvText, readCsvFile } from "./parse";
import { mapRow, type ImportedVacancy, type ImportSchool } from "./rows";
import { partnerSchoolsOf } from "../shares.server";
import { stripControlCharacters } from "../../text/control-characters";
import { z } from "../../forms/zod";

export const VACANCY_IMPORT_QUEUE = "vacancies.import";
export type VacancyImportJob = { importId: string };

/** How many row errors an import keeps to show; the count of the rest is said in a last line. */
const MAX_ERRORS_SHOWN = 500;
const PROGRESS_EVERY = 25;
const INSERT_BATCH = 250;

export type ImportView = Pick<
  typeof vacancyImports.$inferSelect,
  | "id"
  | "fileName"
  | "status"
  | "totalRows"
  | "processedRows"
  | "importedCount"
  | "errors"
  | "publish"
  | "createdAt"
  | "finishedAt"
>;

/** "C:\\fakepath\\jobs.csv" → "jobs.csv", without control characters, at most 200 characters. */
function cleanFileName(name: string): string {
  const base = stripControlCharacters(name.split(/[\\/]/).pop()!).trim();
  return (base || "vacancies.csv").slice(0, 200);
}

/**
 * Stores an uploaded file as a queued import and queues the job that validates and imports it, in one
 * transaction. What is wrong with the file as a whole (not CSV, no header, too many rows) is said at once.
 */
export async function startImport(
  db: Database,
  enqueue: Enqueue,
  userId: string,
  owner: PostingContext,
  upload: { fileName: string; bytes: Uint8Array },
  options: { publish: boolean },
): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const file = readCsvFile(upload.bytes);
  if (!file.ok) return file;
  const id = await db.transaction(async (tx) => {
    const row = firstRow(
      await tx
        .insert(vacancyImports)
        .values({
          userId,
          ownerOrganisationId: owner.kind === "organisation" ? owner.id : null,
          ownerSchoolId: owner.kind === "school" ? owner.id : null,
          fileName: cleanFileName(upload.fileName),
          csv: file.text!,
          totalRows: file.rows.length,
          publish: options.publish,
        })
        .returning({ id: vacancyImports.id }),
      "the row inserted into vacancyImports",
    );
    await enqueue(tx, VACANCY_IMPORT_QUEUE, { importId: row.id } satisfies VacancyImportJob, {
      singletonKey: row.id,
      retryLimit: 2,
    });
    return row.id;
  });
  return { ok: true, id };
}

const viewColumns = {
  id: vacancyImports.id,
  fileName: vacancyImports.fileName,
  status: vacancyImports.status,
  totalRows: vacancyImports.totalRows,
  processedRows: vacancyImports.processedRows,
  importedCount: vacancyImports.importedCount,
  errors: vacancyImports.errors,
  publish: vacancyImports.publish,
  createdAt: vacancyImports.createdAt,
  finishedAt: vacancyImports.finishedAt,
};

/** One of this user's imports; anyone else's does not exist for them. */
export async function findImport(db: Executor, userId: string, importId: string): Promise<ImportView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) return null;
  const [row] = await db
    .select(viewColumns)
    .from(vacancyImports)
    .where(and(eq(vacancyImports.id, importId), eq(vacancyImports.userId, userId)));
  return row ?? null;
}

export async function recentImports(db: Executor, userId: string, limit = 5) {
  return db
    .select({
      id: vacancyImports.id,
      fileName: vacancyImports.fileName,
      status: vacancyImports.status,
      importedCount: vacancyImports.importedCount,
      createdAt: vacancyImports.createdAt,
    })
    .from(vacancyImports)
    .where(eq(vacancyImports.userId, userId))
    .orderBy(desc(vacancyImports.createdAt))
    .limit(limit);
}

async function finish(db: Executor, importId: string, fields: Partial<typeof vacancyImports.$inferInsert>) {
  await db
    .update(vacancyImports)
    .set({ ...fields, finishedAt: new Date() })
    .where(eq(vacancyImports.id, importId));
}

const importSchoolRow = z.object({ id: z.string(), urn: z.number().int() }) satisfies z.ZodType<ImportSchool>;

async function schoolsByUrn(db: Executor, userId: string): Promise<Map<number, ImportSchool>> {
  const rows = parseRows(
    await db.execute(sql`SELECT id, urn FROM schools WHERE id IN (${hrSchoolIds(userId)})`),
    importSchoolRow,
    "the schools an import may name",
  );
  return new Map(rows.map((s) => [Number(s.urn), { id: s.id, urn: Number(s.urn) }]));
}

/**
 * The job: validates every row (saying how far it has got), then imports all of them in one transaction,
 * or nothing when any row is wrong. A job redelivered after a crash picks up an import left validating or
 * importing (its insert transaction either committed together with "done" or not at all); one that is done
 * or failed is left alone, and the insert re-checks under a row lock so two deliveries cannot both import.
 */
export async function processImport(db: Database, enqueue: Enqueue, importId: string, now = new Date()): Promise<void> {
  const [job] = await db
    .update(vacancyImports)
    .set({ status: "validating" })
    .where(and(eq(vacancyImports.id, importId), inArray(vacancyImports.status, ["queued", "validating", "importing"])))
    .returning();
  if (!job) return;
  try {
    const owner = (await postingContexts(db, job.userId)).find(
      (c) => c.id === (job.ownerOrganisationId ?? job.ownerSchoolId),
    );
    const parsed = parseCsvText(job.csv);
    if (!owner || !parsed.ok) {
      const message = !owner
        ? "You no longer post vacancies for this organisation: nothing was imported"
        : parsed.ok
          ? ""
          : parsed.message;
      await finish(db, importId, { status: "failed", errors: [{ row: 0, field: "", message }] });
      return;
    }
    const ctx = {
      schoolsByUrn: await schoolsByUrn(db, job.userId),
      partnerSchoolsByUrn: new Map(
        (
          await partnerSchoolsOf(db, job.userId, {
            organisationId: job.ownerOrganisationId,
            schoolId: job.ownerSchoolId,
          })
        ).map((s) => [Number(s.urn), { name: s.name, employerName: s.employerName }]),
      ),
      now,
    };
    const errors: ImportRowError[] = [];
    const valid: ImportedVacancy[] = [];
    for (const [i, row] of parsed.rows.entries()) {
      const result = mapRow(row, ctx);
      if (result.ok) valid.push(result.value);
      else errors.push(...result.errors);
      if ((i + 1) % PROGRESS_EVERY === 0 || i === parsed.rows.length - 1) {
        await db
          .update(vacancyImports)
          .set({ processedRows: i + 1 })
          .where(eq(vacancyImports.id, importId));
      }
    }
    if (errors.length > 0) {
      const shown = errors.slice(0, MAX_ERRORS_SHOWN);
      if (errors.length > shown.length)
        shown.push({ row: 0, field: "", message: `and ${errors.length - shown.length} more problems` });
      await finish(db, importId, { status: "failed", errors: shown });
      return;
    }
    const [importing] = await db
      .update(vacancyImports)
      .set({ status: "importing" })
      .where(and(eq(vacancyImports.id, importId), inArray(vacancyImports.status, ["validating", "importing"])))
      .returning({ id: vacancyImports.id });
    if (!importing) return;
    await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ status: vacancyImports.status })
        .from(vacancyImports)
        .where(eq(vacancyImports.id, importId))
        .for("update");
      if (current?.status !== "importing") return;
      const { count, notes } = await insertVacancies(tx, job, valid, now);
      if (job.publish) await requestSearchSync(tx, enqueue);
      await finish(tx, importId, { status: "done", importedCount: count, errors: notes });
    });
  } catch (error) {
    console.error("[vacancy import]", error);
    await finish(db, importId, {
      status: "failed",
      errors: [
        {
          row: 0,
          field: "",
          message: "The import stopped with an error: nothing was imported. Try again, or ask for help.",
        },
      ],
    });
  }
}

/**
 * Inserts the validated rows as the import's owner, publishing complete ones when asked. A teacher offer whose
 * pay is flagged (app/pay) is left as a draft, with a note: publishing it needs a justification on its page.
 */
async function insertVacancies(
  tx: Executor,
  job: typeof vacancyImports.$inferSelect,
  rows: ImportedVacancy[],
  now: Date,
): Promise<{ count: number; notes: ImportRowError[] }> {
  const notes: ImportRowError[] = [];
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const planned = batch.map((v) => {
      if (!job.publish || !v.complete) return { v, status: "draft" as const };
      const decision = publish({ status: "draft", publishAt: v.publishAt, closesAt: v.closesAt }, now);
      return { v, status: decision.ok ? (decision.transition.to as "published" | "scheduled") : ("draft" as const) };
    });
    const returned = await tx
      .insert(vacancies)
      .values(
        planned.map(({ v, status }) => ({
          ...(v.fields as Partial<typeof vacancies.$inferInsert>),
          title: v.fields.title,
          role: v.fields.role,
          fte: toNumeric(v.fte),
          ownerOrganisationId: job.ownerOrganisationId,
          ownerSchoolId: job.ownerSchoolId,
          status,
          publishedAt: status === "published" ? now : null,
          createdBy: job.userId,
        })),
      )
      .returning({ id: vacancies.id });
    const inserted = pairInserted(planned, returned).map(([{ v: item, status }, { id }]) => ({ id, item, status }));
    await tx.insert(vacancySchools).values(
      inserted.flatMap((v) =>
        v.item.schools.map((s, position) => ({
          vacancyId: v.id,
          schoolId: s.schoolId,
          fteShare: s.share === null ? null : toNumeric(s.share),
          position,
        })),
      ),
    );
    const note = `Imported from ${job.fileName}`;
    await tx.insert(vacancyEvents).values([
      ...inserted.map((v) => ({ vacancyId: v.id, userId: job.userId, action: "created", note, at: now })),
      ...inserted.flatMap((v) =>
        v.status === "draft"
          ? []
          : [
              {
                vacancyId: v.id,
                userId: job.userId,
                action: v.status,
                changes: { status: { from: "draft", to: v.status } },
                note,
                at: new Date(now.getTime() + 1),
              },
            ],
      ),
    ]);
    for (const v of inserted) {
      if (v.status === "draft") continue;
      const pay = await assessVacancy(tx, v.id, now);
      if (!pay) continue;
      if (pay.assessment.flagged) {
        await tx.update(vacancies).set({ status: "draft", publishedAt: null }).where(eq(vacancies.id, v.id));
        await tx.insert(vacancyEvents).values({
          vacancyId: v.id,
          userId: job.userId,
          action: "draft",
          changes: { status: { from: v.status, to: "draft" } },
          note: "Left as a draft: its pay is flagged, and publishing it needs a justification",
          at: new Date(now.getTime() + 2),
        });
        const first = pay.assessment.findings.find((f) => findingText(f).severity === "flag");
        notes.push({
          row: v.item.row,
          field: "pay",
          message: `Imported as a draft, not published: ${first ? findingText(first).title.toLowerCase() : "its pay is flagged"}. Publish it from its page, giving a justification.`,
        });
      } else {
        await recordAssessment(tx, v.id, pay, { reason: "publish", userId: job.userId, now });
      }
    }
  }
  return { count: rows.length, notes };
}
