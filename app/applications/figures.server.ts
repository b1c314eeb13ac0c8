import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { applications } from "../../db/schema";
import { z } from "../forms/zod";
import { EQUALITY_MIN_APPLICATIONS, equalityQuestions, type EqualityQuestion } from "../vocabulary/applications";

/** The teacher's application to a vacancy, if any, for the vacancy page. */
export async function applicationFor(db: Executor, userId: string, vacancyId: string) {
  const [row] = await db
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.vacancyId, vacancyId), eq(applications.userId, userId)));
  return row ?? null;
}

// Counts and sums arrive as strings from postgres.js and as numbers from PGlite: described as either, read by num().
const numeric = z.union([z.number(), z.string()]);
const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const timings = z.object({
  views: numeric,
  sent: numeric,
  firstHours: numeric.nullable(),
  offerHours: numeric.nullable(),
});

const equalityRow = z.object({ question: z.string(), answer: z.string(), n: numeric });

export type EqualityTotals = { question: string; answers: { answer: string; count: number }[] }[];

/**
 * HR's figures for one vacancy: views, applications sent, hours from publishing to the first application and to the
 * first offer. Equality monitoring only as totals across the vacancy, and only from five applications up: below
 * that, a total could point at a person.
 */
export async function vacancyFigures(db: Executor, vacancyId: string) {
  const [t] = parseRows(
    await db.execute(sql`
      SELECT
        (SELECT coalesce(sum(views), 0) FROM vacancy_view_days WHERE vacancy_id = ${vacancyId}) AS views,
        (SELECT count(*) FROM applications WHERE vacancy_id = ${vacancyId} AND status <> 'draft') AS sent,
        (SELECT extract(epoch FROM min(a.submitted_at) - v.published_at) / 3600
           FROM applications a WHERE a.vacancy_id = v.id AND a.submitted_at IS NOT NULL) AS "firstHours",
        (SELECT extract(epoch FROM min(e.at) - v.published_at) / 3600
           FROM application_events e JOIN applications a ON a.id = e.application_id
          WHERE a.vacancy_id = v.id AND e.to_status = 'offered') AS "offerHours"
      FROM vacancies v WHERE v.id = ${vacancyId}`),
    timings,
    "a vacancy's figures",
  );
  const sent = num(t?.sent) ?? 0;
  let equality: EqualityTotals | null = null;
  if (sent >= EQUALITY_MIN_APPLICATIONS) {
    const rows = parseRows(
      await db.execute(sql`
        SELECT q.key AS question, q.value AS answer, count(*) AS n
          FROM application_equality ae JOIN applications a ON a.id = ae.application_id,
               jsonb_each_text(ae.answers) q
         WHERE a.vacancy_id = ${vacancyId} AND a.status <> 'draft'
         GROUP BY q.key, q.value`),
      equalityRow,
      "a vacancy's equality totals",
    );
    equality = (Object.keys(equalityQuestions) as EqualityQuestion[]).map((key) => ({
      question: equalityQuestions[key].label,
      answers: equalityQuestions[key].options.map((answer) => ({
        answer,
        count: num(rows.find((r) => r.question === key && r.answer === answer)?.n) ?? 0,
      })),
    }));
  }
  return {
    views: num(t?.views) ?? 0,
    sent,
    hoursToFirstApplication: num(t?.firstHours),
    hoursToOffer: num(t?.offerHours),
    equality,
    equalityFloor: EQUALITY_MIN_APPLICATIONS,
  };
}
