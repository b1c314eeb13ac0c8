import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { parseRows } from "../../../db/rows";
import { z } from "../../forms/zod";
import { isoTime } from "../../programmes/access.server";
import { londonToday } from "../../vocabulary/london-time";
import { recordOutcome } from "../outcome-record.server";

/**
 * The pool's part in a person's rights (issue 17): retention removes members not appointed once their retain_until
 * day has passed; the personal-data export includes everything the pool holds about them; account deletion removes
 * it. In each case the member's anonymous outcome row (pool_outcomes) is brought up to date first and stays.
 */

/** Removes members not appointed whose retain_until day is before `now`'s London day; returns how many. */
export async function removeExpiredMembers(db: Executor, now = new Date()): Promise<number> {
  const expired = parseRows(
    await db.execute(sql`SELECT m.id FROM pool_members m
                          WHERE m.status <> 'appointed' AND m.retain_until IS NOT NULL
                            AND m.retain_until < ${londonToday(now)}::date
                          ORDER BY m.id FOR UPDATE`),
    z.object({ id: z.string() }),
    "pool members past their retention day",
  );
  for (const m of expired) await recordOutcome(db, m.id);
  if (expired.length === 0) return 0;
  await db.execute(
    sql`DELETE FROM pool_members WHERE id IN (${sql.join(
      expired.map((m) => sql`${m.id}`),
      sql`, `,
    )})`,
  );
  return expired.length;
}

/** Before an account goes: outcome rows brought up to date, then the member rows (cascading to everything else). */
export async function removeMembersOfUser(db: Executor, userId: string): Promise<void> {
  const mine = parseRows(
    await db.execute(sql`SELECT id FROM pool_members WHERE user_id = ${userId} ORDER BY id FOR UPDATE`),
    z.object({ id: z.string() }),
    "a person's pool memberships",
  );
  for (const m of mine) await recordOutcome(db, m.id);
  await db.execute(sql`DELETE FROM pool_members WHERE user_id = ${userId}`);
}

const json = <T extends z.ZodType>(item: T) => z.array(item);

/** Everything the pool holds about a person, for their personal-data download. */
export async function poolPersonalData(db: Executor, userId: string) {
  return parseRows(
    await db.execute(sql`
      SELECT r.name AS "round", m.status::text AS status, m.step, m.profile, m.supporting_statement AS "supportingStatement",
             m.subjects, m.phases, m.year_groups AS "yearGroups", m.contracts, m.working_patterns AS "workingPatterns",
             m.postcode, m.travel_miles AS "travelMiles", m.available_from::text AS "availableFrom",
             m.shown_to_schools AS "shownToSchools", ${isoTime(sql`m.consent_given_at`)} AS "consentGivenAt",
             m.retain_until::text AS "retainUntil", m.feedback, ${isoTime(sql`m.submitted_at`)} AS "submittedAt",
             ${isoTime(sql`m.pooled_at`)} AS "pooledAt", ${isoTime(sql`m.appointed_at`)} AS "appointedAt",
             coalesce((SELECT json_agg(json_build_object('school', hs.name, 'organisation', ho.name))
                         FROM pool_hidden_from h LEFT JOIN schools hs ON hs.id = h.school_id
                         LEFT JOIN organisations ho ON ho.id = h.organisation_id
                        WHERE h.member_id = m.id), '[]'::json) AS "hiddenFrom",
             coalesce((SELECT json_agg(json_build_object('from', e.from_status, 'to', e.to_status, 'step', e.step,
                                                         'message', e.message, 'at', e.at) ORDER BY e.at)
                         FROM pool_events e WHERE e.member_id = m.id), '[]'::json) AS events,
             coalesce((SELECT json_agg(json_build_object('step', sc.step, 'criterion', sc.criterion, 'score', sc.score,
                                                         'note', sc.note, 'at', sc.at) ORDER BY sc.at)
                         FROM pool_scores sc WHERE sc.member_id = m.id), '[]'::json) AS scores,
             coalesce((SELECT json_agg(json_build_object('school', s.name, 'state', pm.state, 'invitation', pm.invitation_kind,
                                                         'invitationAt', pm.invitation_at, 'roleTitle', pm.role_title,
                                                         'message', pm.message, 'updatedAt', pm.updated_at) ORDER BY pm.created_at)
                         FROM pool_matches pm JOIN schools s ON s.id = pm.school_id WHERE pm.member_id = m.id), '[]'::json)
               AS conversations,
             coalesce((SELECT json_agg(json_build_object('school', s.name, 'at', v.at) ORDER BY v.at)
                         FROM pool_views v LEFT JOIN schools s ON s.id = v.school_id WHERE v.member_id = m.id), '[]'::json)
               AS "viewedBy"
        FROM pool_members m JOIN pool_rounds r ON r.id = m.round_id
       WHERE m.user_id = ${userId}
       ORDER BY m.created_at, m.id`),
    z.object({
      round: z.string(),
      status: z.string(),
      step: z.string().nullable(),
      profile: z.unknown(),
      supportingStatement: z.string(),
      subjects: z.array(z.string()),
      phases: z.array(z.string()),
      yearGroups: z.array(z.string()),
      contracts: z.array(z.string()),
      workingPatterns: z.array(z.string()),
      postcode: z.string().nullable(),
      travelMiles: z.number().nullable(),
      availableFrom: z.string().nullable(),
      shownToSchools: z.boolean(),
      consentGivenAt: z.string().nullable(),
      retainUntil: z.string().nullable(),
      feedback: z.string().nullable(),
      submittedAt: z.string().nullable(),
      pooledAt: z.string().nullable(),
      appointedAt: z.string().nullable(),
      hiddenFrom: json(z.unknown()),
      events: json(z.unknown()),
      scores: json(z.unknown()),
      conversations: json(z.unknown()),
      viewedBy: json(z.unknown()),
    }),
    "a person's pool data",
  );
}
