import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { parseRows } from "../../db/rows";
import { queueEmail } from "../../emails/outbox.server";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { followUpKinds } from "../vocabulary/pool";
import { hrFairSchool, isoTime } from "./access.server";
import { isPublishedVacancyOf, type NotifyContext } from "./fairs.server";
import { fairHasStarted } from "./rules";
import type { FollowUpInput } from "./schemas";

/**
 * After the fair, a school's HR follow up the conversations they had: an invitation to join the fair's pool round,
 * or to apply for one of the school's vacancies, e-mailed to the teacher in the same transaction. One of each kind
 * per teacher per school (the unique index decides a double submission).
 */

export async function followUp(
  db: Database,
  context: NotifyContext,
  userId: string,
  fairId: string,
  schoolId: string,
  input: FollowUpInput,
  now = new Date(),
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const found = await hrFairSchool(tx, userId, fairId, schoolId);
    if (!found) return refuse(404, "Fair not found");
    const { fair, school } = found;
    if (!fairHasStarted(fair, now)) return refuse(409, "Follow up conversations once the fair has taken place");
    const [teacher] = parseRows(
      await tx.execute(sql`
        SELECT u.name, u.email FROM fair_registrations r JOIN users u ON u.id = r.user_id
         WHERE r.id = ${input.registrationId} AND r.fair_id = ${fair.id}
           AND EXISTS (SELECT 1 FROM fair_bookings b JOIN fair_slots s ON s.id = b.slot_id
                        WHERE b.registration_id = r.id AND b.live AND s.school_id = ${school.schoolId})`),
      z.object({ name: z.string(), email: z.string() }),
      "a teacher the school met",
    );
    if (!teacher) return refuse(400, "Check the follow-up", { registrationId: ["Choose a teacher your school met"] });
    let url: string;
    let vacancyTitle: string | null = null;
    if (input.kind === "pool_invitation") {
      if (!fair.poolRoundId)
        return refuse(400, "Check the follow-up", { kind: ["This fair has no pool round to invite them to"] });
      url = `${context.appUrl}/pool/rounds/${fair.poolRoundId}/apply`;
    } else {
      const vacancyId = input.vacancyId ?? "";
      if (!(await isPublishedVacancyOf(tx, school.schoolId, vacancyId)))
        return refuse(400, "Check the follow-up", { vacancyId: ["Choose one of your school's published vacancies"] });
      const [v] = parseRows(
        await tx.execute(sql`SELECT title FROM vacancies WHERE id = ${vacancyId}`),
        z.object({ title: z.string() }),
        "the vacancy",
      );
      vacancyTitle = v?.title ?? null;
      url = `${context.appUrl}/vacancies/${vacancyId}`;
    }
    const inserted = parseRows(
      await tx.execute(sql`
        INSERT INTO fair_follow_ups (fair_id, school_id, registration_id, kind, vacancy_id, message, created_by)
        VALUES (${fair.id}, ${school.schoolId}, ${input.registrationId}, ${input.kind},
                ${input.kind === "application_invitation" ? (input.vacancyId ?? null) : null}, ${input.message}, ${userId})
        ON CONFLICT (fair_id, school_id, registration_id, kind) DO NOTHING
        RETURNING id`),
      z.object({ id: z.string() }),
      "the follow-up",
    );
    if (inserted.length === 0)
      return refuse(409, "Check the follow-up", {
        kind: [`${school.schoolName} has already sent ${teacher.name} this invitation`],
      });
    await queueEmail(tx, context.enqueue, teacher.email, "fair-follow-up", {
      name: teacher.name,
      fairName: fair.name,
      schoolName: school.schoolName,
      kind: input.kind,
      poolRoundName: fair.poolRoundName,
      vacancyTitle,
      message: input.message || null,
      url,
    });
    return { ok: true as const };
  });
}

const followUpRow = z.object({
  registrationId: z.string(),
  kind: z.enum(followUpKinds),
  vacancyTitle: z.string().nullable(),
  createdAt: z.string(),
});
export type SentFollowUp = z.output<typeof followUpRow>;

/** The follow-ups a school has sent from a fair. */
export async function followUpsOf(db: Executor, fairId: string, schoolId: string): Promise<SentFollowUp[]> {
  return parseRows(
    await db.execute(sql`
      SELECT fu.registration_id AS "registrationId", fu.kind, v.title AS "vacancyTitle",
             ${isoTime(sql`fu.created_at`)} AS "createdAt"
        FROM fair_follow_ups fu LEFT JOIN vacancies v ON v.id = fu.vacancy_id
       WHERE fu.fair_id = ${fairId} AND fu.school_id = ${schoolId}
       ORDER BY fu.created_at`),
    followUpRow,
    "a school's follow-ups",
  );
}
