/**
 * Job alerts: a teacher's saved searches, e-mailed daily or weekly with the vacancies first published since
 * the last run, each vacancy at most once per alert. Every query is scoped to the alert's owner; another
 * user's alert does not exist for them.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { firstRow, parseRows, textArrayLiteral } from "../../db/rows";
import { alertFrequency, jobAlertDeliveries, jobAlerts } from "../../db/schema";
import type { Enqueue } from "../../db/jobs";
import { queueEmail } from "../../emails/outbox.server";
import type { SearchEngine } from "../../search/engine";
import { z } from "../forms/zod";
import { resolvePlace } from "../places/lookup.server";
import { OPTION_RENAMES } from "../vacancy-search/option-history";
import { describeSearch, parseSearchQuery, searchQueryString, type SearchPageQuery } from "../vacancy-search/query";
import { resultView } from "../vacancy-search/result-view";
import { engineQueryFor, trustNamesFor } from "../vacancy-search/search.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

export type Frequency = "daily" | "weekly";
export type JobAlert = typeof jobAlerts.$inferSelect;
const MAX_ALERTS = 20;
/** An e-mail lists this many vacancies; the rest are a link to the search. */
const LISTED_PER_EMAIL = 20;
const LOOKED_AT_PER_RUN = 100;
// Sync reaches the index seconds after publication: a run looks back a day past the last one, and the
// deliveries table keeps a vacancy from being sent twice.
const LOOK_BACK_MS = 24 * 3600_000;

export type CreateOutcome =
  | { ok: true; alertId: string; existing: boolean }
  | { ok: false; field: "search" | "frequency" | "form"; message: string };

/** The query as an alert stores it: no page, view or order, which an alert does not use. */
function alertSearch(query: SearchPageQuery): string {
  return searchQueryString({ ...query, page: 1, view: "list", sort: null });
}

export async function createAlert(
  db: Database,
  user: { id: string; emailVerifiedAt: Date | null },
  search: string,
  frequency: Frequency,
): Promise<CreateOutcome> {
  if (!user.emailVerifiedAt)
    return {
      ok: false,
      field: "form",
      message: "Confirm your e-mail address first (see your account page): alerts are e-mailed.",
    };
  const parsed = parseSearchQuery(new URLSearchParams(search));
  if (Object.keys(parsed.errors).length > 0)
    return {
      ok: false,
      field: "search",
      message: "This search has a problem: fix it on the search page, then save it.",
    };
  if (parsed.query.location && !(await resolvePlace(db, parsed.query.location))) {
    return {
      ok: false,
      field: "search",
      message: `We could not find “${parsed.query.location}”: fix the place on the search page, then save it.`,
    };
  }
  const canonical = alertSearch(parsed.query);
  const summary = describeSearch(
    parsed.query,
    await trustNamesFor(db, parsed.query.filters.trust ? [parsed.query.filters.trust] : []),
  );
  return db.transaction(async (tx) => {
    // One writer per user at a time, so two quick saves cannot both pass the limit.
    await tx.execute(sql`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`);
    const mine = await tx
      .select()
      .from(jobAlerts)
      .where(and(eq(jobAlerts.userId, user.id), isNull(jobAlerts.unsubscribedAt)));
    const same = mine.find((a) => a.search === canonical);
    if (same) {
      if (same.frequency !== frequency || same.problem)
        await tx.update(jobAlerts).set({ frequency, problem: null }).where(eq(jobAlerts.id, same.id));
      return { ok: true, alertId: same.id, existing: true } as const;
    }
    if (mine.length >= MAX_ALERTS)
      return { ok: false, field: "form", message: `You have ${MAX_ALERTS} alerts already: delete one first.` } as const;
    const row = firstRow(
      await tx
        .insert(jobAlerts)
        .values({ userId: user.id, search: canonical, summary, frequency })
        .returning({ id: jobAlerts.id }),
      "the row inserted into jobAlerts",
    );
    return { ok: true, alertId: row.id, existing: false } as const;
  });
}

export async function listAlerts(db: Executor, userId: string) {
  return db.select().from(jobAlerts).where(eq(jobAlerts.userId, userId)).orderBy(asc(jobAlerts.createdAt));
}

export type AlertChange =
  { kind: "frequency"; frequency: Frequency } | { kind: "delete" } | { kind: "unsubscribe" } | { kind: "resubscribe" };

/** Changes one of the user's own alerts; false when it is not theirs (or gone). */
export async function changeAlert(
  db: Database,
  userId: string,
  alertId: string,
  change: AlertChange,
): Promise<boolean> {
  const mine = and(eq(jobAlerts.id, alertId), eq(jobAlerts.userId, userId));
  if (change.kind === "delete")
    return (await db.delete(jobAlerts).where(mine).returning({ id: jobAlerts.id })).length === 1;
  const set =
    change.kind === "frequency"
      ? { frequency: change.frequency }
      : change.kind === "unsubscribe"
        ? { unsubscribedAt: new Date() }
        : { unsubscribedAt: null };
  return (await db.update(jobAlerts).set(set).where(mine).returning({ id: jobAlerts.id })).length === 1;
}

/** The one-click unsubscribe, by the link's token: idempotent, so a second click (or a mail scanner) is harmless. */
export async function unsubscribeById(db: Database, alertId: string, subscribed: boolean) {
  const [row] = await db
    .update(jobAlerts)
    .set({ unsubscribedAt: subscribed ? null : sql`coalesce(${jobAlerts.unsubscribedAt}, now())` })
    .where(eq(jobAlerts.id, alertId))
    .returning({ summary: jobAlerts.summary, unsubscribedAt: jobAlerts.unsubscribedAt });
  return row ?? null;
}

export async function alertState(db: Executor, alertId: string) {
  const [row] = await db
    .select({ summary: jobAlerts.summary, unsubscribedAt: jobAlerts.unsubscribedAt })
    .from(jobAlerts)
    .where(eq(jobAlerts.id, alertId));
  return row ?? null;
}

type RunContext = {
  db: Database;
  enqueue: Enqueue;
  engine: SearchEngine;
  appUrl: string;
  secret: string;
  now: Date;
  renames?: typeof OPTION_RENAMES;
};

function links(ctx: RunContext, alert: JobAlert) {
  const unsubscribeUrl = `${ctx.appUrl}/alerts/unsubscribe/${unsubscribeToken(alert.id, ctx.secret)}`;
  return {
    unsubscribeUrl,
    manageUrl: `${ctx.appUrl}/alerts`,
    searchUrl: `${ctx.appUrl}/vacancies?${alert.search}`,
    // RFC 8058: mail programs offer their own one-click unsubscribe, which POSTs to the same link.
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** Pauses the alert with its problem and tells the teacher; says whether this run paused it. */
async function pause(ctx: RunContext, alert: JobAlert, to: string, problem: string): Promise<boolean> {
  const l = links(ctx, alert);
  return ctx.db.transaction(async (tx) => {
    const [paused] = await tx
      .update(jobAlerts)
      .set({ problem, lastRunAt: ctx.now })
      .where(and(eq(jobAlerts.id, alert.id), isNull(jobAlerts.problem)))
      .returning({ id: jobAlerts.id });
    if (paused)
      await queueEmail(
        tx,
        ctx.enqueue,
        to,
        "alert-needs-attention",
        { summary: alert.summary, problem, manageUrl: l.manageUrl, unsubscribeUrl: l.unsubscribeUrl },
        { headers: l.headers },
      );
    return Boolean(paused);
  });
}

export type AlertRun = { sent: number; paused: boolean };

/** Runs one alert: finds what is new for it and, if anything is, e-mails it. Says how many vacancies it sent. */
async function runAlert(ctx: RunContext, alert: JobAlert, to: string): Promise<AlertRun> {
  const parsed = parseSearchQuery(new URLSearchParams(alert.search), ctx.renames);
  const problems = Object.values(parsed.errors);
  if (problems.length > 0) {
    return {
      sent: 0,
      paused: await pause(
        ctx,
        alert,
        to,
        `${problems.join(" ")} (The list of choices has changed since you saved it.)`,
      ),
    };
  }
  const place = parsed.query.location ? await resolvePlace(ctx.db, parsed.query.location) : null;
  if (parsed.query.location && !place) {
    return {
      sent: 0,
      paused: await pause(ctx, alert, to, `we can no longer find the place “${parsed.query.location}”.`),
    };
  }
  const since = alert.lastRunAt ? new Date(alert.lastRunAt.getTime() - LOOK_BACK_MS) : alert.createdAt;
  const query = engineQueryFor({ ...parsed.query, page: 1, sort: "newest" }, place, ctx.now, LOOKED_AT_PER_RUN);
  const result = await ctx.engine.search({ ...query, facets: false, publishedSince: since });
  const renamed = parsed.mapped.map((m) => `“${m.from}” is now “${m.to}”`);
  const l = links(ctx, alert);
  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(jobAlerts)
      .where(and(eq(jobAlerts.id, alert.id), isNull(jobAlerts.unsubscribedAt)))
      .for("update");
    if (!locked) return { sent: 0, paused: false };
    const ids = result.hits.map((h) => h.vacancyId);
    // Only the vacancies this alert has never sent: the insert is the check, so a job run twice sends nothing twice.
    const fresh =
      ids.length === 0
        ? new Set<string>()
        : new Set(
            (
              await tx
                .insert(jobAlertDeliveries)
                .values(ids.map((vacancyId) => ({ alertId: alert.id, vacancyId, sentAt: ctx.now })))
                .onConflictDoNothing()
                .returning({ id: jobAlertDeliveries.vacancyId })
            ).map((r) => r.id),
          );
    const update: Partial<JobAlert> = { lastRunAt: ctx.now };
    if (parsed.mapped.length > 0) update.search = alertSearch(parsed.query);
    if (fresh.size > 0) {
      const hits = result.hits.filter((h) => fresh.has(h.vacancyId));
      const listed = hits.slice(0, LISTED_PER_EMAIL).map((h) => {
        const view = resultView(h.document, place);
        return {
          title: view.title,
          url: `${ctx.appUrl}/vacancies/${view.id}${place ? `?from=${encodeURIComponent(parsed.query.location)}` : ""}`,
          schools: view.schools.map((s) => `${s.name}${s.distance ? ` (${s.distance})` : ""}`).join(", "),
          pay: view.actualPay ? `${view.pay}; ${view.actualPay}` : view.pay,
          closes: view.closes,
        };
      });
      const emailId = await queueEmail(
        tx,
        ctx.enqueue,
        to,
        "job-alert",
        {
          summary: alert.summary,
          frequency: alert.frequency,
          vacancies: listed,
          more: hits.length - listed.length,
          searchUrl: l.searchUrl,
          manageUrl: l.manageUrl,
          unsubscribeUrl: l.unsubscribeUrl,
          renamed,
        },
        { headers: l.headers },
      );
      await tx
        .update(jobAlertDeliveries)
        .set({ emailId })
        .where(
          and(
            eq(jobAlertDeliveries.alertId, alert.id),
            sql`${jobAlertDeliveries.vacancyId} = ANY(${textArrayLiteral([...fresh])}::text[])`,
          ),
        );
      update.lastSentAt = ctx.now;
    }
    await tx.update(jobAlerts).set(update).where(eq(jobAlerts.id, alert.id));
    return { sent: fresh.size, paused: false };
  });
}

/** A timestamp selected as it is: text from both drivers (Drizzle turns their Date parsers off). */
const stampText = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/);

/** A live alert with its owner's address, as the batch query reads it: timestamps still text. */
const dueAlertRow = z.object({
  id: z.string(),
  userId: z.string(),
  search: z.string(),
  summary: z.string(),
  frequency: z.enum(alertFrequency.enumValues),
  createdAt: stampText,
  lastRunAt: stampText.nullable(),
  lastSentAt: stampText.nullable(),
  unsubscribedAt: stampText.nullable(),
  problem: z.string().nullable(),
  email: z.string(),
});

const asDate = (at: string | null) => (at === null ? null : new Date(at));

export type RunReport = { alerts: number; emailed: number; vacancies: number; paused: number };

/** Runs every live alert of one frequency (the schedules call this), a batch at a time. */
export async function runDueAlerts(
  db: Database,
  engine: SearchEngine,
  frequency: Frequency,
  options: { enqueue: Enqueue; appUrl: string; secret: string; now?: Date; renames?: typeof OPTION_RENAMES },
): Promise<RunReport> {
  const ctx: RunContext = {
    db,
    enqueue: options.enqueue,
    engine,
    appUrl: options.appUrl,
    secret: options.secret,
    now: options.now ?? new Date(),
    renames: options.renames,
  };
  const report: RunReport = { alerts: 0, emailed: 0, vacancies: 0, paused: 0 };
  let after = "";
  for (;;) {
    const batch = parseRows(
      await db.execute(sql`
        SELECT a.id, a.user_id AS "userId", a.search, a.summary, a.frequency, a.created_at AS "createdAt", a.last_run_at AS "lastRunAt",
               a.last_sent_at AS "lastSentAt", a.unsubscribed_at AS "unsubscribedAt", a.problem, u.email
          FROM job_alerts a JOIN users u ON u.id = a.user_id
         WHERE a.frequency = ${frequency} AND a.unsubscribed_at IS NULL AND a.problem IS NULL AND u.email_verified_at IS NOT NULL
           AND a.id > ${after}
         ORDER BY a.id LIMIT 200`),
      dueAlertRow,
      "a batch of due alerts",
    ).map((r): JobAlert & { email: string } => ({
      ...r,
      createdAt: new Date(r.createdAt),
      lastRunAt: asDate(r.lastRunAt),
      lastSentAt: asDate(r.lastSentAt),
      unsubscribedAt: asDate(r.unsubscribedAt),
    }));
    if (batch.length === 0) return report;
    for (const alert of batch) {
      report.alerts++;
      const { sent, paused } = await runAlert(ctx, alert, alert.email);
      if (paused) report.paused++;
      if (sent > 0) {
        report.emailed++;
        report.vacancies += sent;
      }
    }
    after = batch.at(-1)?.id ?? after;
  }
}
