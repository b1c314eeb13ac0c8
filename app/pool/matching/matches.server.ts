import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../../db/client";
import type { Enqueue } from "../../../db/jobs";
import { parseRows } from "../../../db/rows";
import { sqlState } from "../../../db/sql-state";
import { queueEmail } from "../../../emails/outbox.server";
import type { ApplicationProfile } from "../../vocabulary/applications";
import { schoolIdsWhereUserHolds, userIdsWhoHold } from "../../access/scope.server";
import { isUuid } from "../../forms/fields";
import { refuse, type Outcome } from "../../forms/outcome";
import { z } from "../../forms/zod";
import { formatLondon, fromLondonLocal } from "../../vocabulary/london-time";
import type { MatchState } from "../../vocabulary/pool";
import { isoTime } from "../../programmes/access.server";
import { recordOutcome } from "../outcome-record.server";
import { actingSchool, hrSchoolsInRound } from "./access.server";
import { visibleToSchool } from "./hide-rules";
import type { MatchActionInput } from "./schemas";

/**
 * Conversations between a round's schools and its pool members (issue 17): HR shortlists, invites and offers, each
 * making or advancing the school's one pool_matches row for the member and e-mailing them; the member accepts one
 * offer (the partial unique index decides a race) or declines. Only members the school may see are ever touched.
 */

export type MatchContext = { appUrl: string; enqueue: Enqueue };

const memberDetailRow = z.object({
  id: z.string(),
  roundId: z.string(),
  profile: z.custom<ApplicationProfile>((v) => typeof v === "object" && v !== null),
  supportingStatement: z.string(),
  subjects: z.array(z.string()),
  phases: z.array(z.string()),
  yearGroups: z.array(z.string()),
  contracts: z.array(z.string()),
  workingPatterns: z.array(z.string()),
  postcode: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  travelMiles: z.number().nullable(),
  availableFrom: z.string().nullable(),
  matchState: z.string().nullable(),
  invitationKind: z.string().nullable(),
  invitationAt: z.string().nullable(),
  roleTitle: z.string().nullable(),
});
export type PoolMemberDetail = z.infer<typeof memberDetailRow>;

/** The member as the school may see them; null when not findable by that school (a 404). */
export async function memberForSchool(
  db: Executor,
  roundId: string,
  memberId: string,
  schoolId: string,
): Promise<PoolMemberDetail | null> {
  if (!isUuid(memberId) || !isUuid(roundId)) return null;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT m.id, m.round_id AS "roundId", m.profile, m.supporting_statement AS "supportingStatement",
             m.subjects, m.phases, m.year_groups AS "yearGroups", m.contracts, m.working_patterns AS "workingPatterns",
             m.postcode, m.lat, m.lng, m.travel_miles AS "travelMiles", m.available_from::text AS "availableFrom",
             pm.state::text AS "matchState", pm.invitation_kind::text AS "invitationKind",
             ${isoTime(sql`pm.invitation_at`)} AS "invitationAt", pm.role_title AS "roleTitle"
        FROM pool_members m
        LEFT JOIN pool_matches pm ON pm.member_id = m.id AND pm.school_id = ${schoolId}
       WHERE m.id = ${memberId} AND m.round_id = ${roundId} AND ${visibleToSchool("m", schoolId)}`),
    memberDetailRow,
    "a pool member seen by a school",
  );
  return row ?? null;
}

/** Every opening of a member's profile is logged: who, for which school, when. */
export async function logView(db: Executor, memberId: string, viewerUserId: string, schoolId: string) {
  await db.execute(sql`INSERT INTO pool_views (member_id, viewer_user_id, school_id)
                       VALUES (${memberId}, ${viewerUserId}, ${schoolId})`);
}

/** Which states each action may start from (none: no conversation yet). */
const FROM: Record<MatchActionInput["intent"], MatchState[]> = {
  shortlist: [],
  invite: ["shortlisted", "invited"],
  offer: ["shortlisted", "invited"],
};
const TO = { shortlist: "shortlisted", invite: "invited", offer: "offered" } as const;

const already: Record<string, string> = {
  shortlisted: "You have shortlisted them already",
  invited: "You have invited them already: offer them a post next",
  offered: "You have offered them a post already: wait for their answer",
  accepted: "They have accepted your offer",
  declined: "They have declined your offer",
  closed: "This conversation is closed",
};

/**
 * HR's shortlist, invitation or offer for one member, on behalf of one of their schools in the round. Refusals: 404
 * when the round, school or member is not theirs to see; 400 with the field for a bad time or vacancy; 409 when the
 * conversation is already past that point. Nothing is written on a refusal.
 */
export async function actOnMember(
  db: Database,
  userId: string,
  roundId: string,
  memberId: string,
  input: MatchActionInput,
  context: MatchContext,
  now = new Date(),
): Promise<Outcome<{ state: MatchState; schoolName: string }>> {
  const schools = await hrSchoolsInRound(db, userId, roundId);
  const school = actingSchool(schools, input.school);
  if (!school || !isUuid(memberId)) return refuse(404, "No such pool member");
  let invitationAt: Date | null = null;
  if (input.intent === "invite") {
    invitationAt = fromLondonLocal(input.at);
    if (!invitationAt) return refuse(400, "Check the form", { at: ["Enter a real date and time"] });
    if (invitationAt.getTime() <= now.getTime())
      return refuse(400, "Check the form", { at: ["Choose a date and time in the future"] });
  }
  if (input.intent === "offer" && input.vacancyId) {
    const [v] = parseRows(
      await db.execute(sql`SELECT v.id FROM vacancies v
                            WHERE v.id = ${input.vacancyId} AND v.owner_school_id = ${school.id}
                              AND v.status IN ('draft', 'scheduled', 'published')`),
      z.object({ id: z.string() }),
      "a school's vacancy",
    );
    if (!v) return refuse(400, "Check the form", { vacancyId: ["Choose one of your school's open vacancies"] });
  }
  return db.transaction(async (tx) => {
    const [member] = parseRows(
      await tx.execute(sql`
        SELECT m.id, m.profile->>'name' AS name, u.email, r.name AS "roundName"
          FROM pool_members m JOIN users u ON u.id = m.user_id JOIN pool_rounds r ON r.id = m.round_id
         WHERE m.id = ${memberId} AND m.round_id = ${roundId} AND ${visibleToSchool("m", school.id)}
           FOR SHARE OF m`),
      z.object({ id: z.string(), name: z.string(), email: z.string(), roundName: z.string() }),
      "a pool member to act on",
    );
    if (!member) return refuse(404, "No such pool member");
    const to = TO[input.intent];
    const from = FROM[input.intent];
    const fields =
      input.intent === "invite"
        ? sql`invitation_kind = ${input.kind}, invitation_at = ${invitationAt!.toISOString()}, message = ${input.message}`
        : input.intent === "offer"
          ? sql`role_title = ${input.roleTitle}, message = ${input.message}, vacancy_id = ${input.vacancyId ?? null}`
          : sql`created_by = pool_matches.created_by`;
    const canAdvance =
      from.length === 0
        ? sql`false`
        : sql`pool_matches.state IN (${sql.join(
            from.map((s) => sql`${s}`),
            sql`, `,
          )})`;
    const written = parseRows(
      await tx.execute(sql`
        INSERT INTO pool_matches (member_id, school_id, state, invitation_kind, invitation_at, role_title, message,
                                  vacancy_id, created_by)
        VALUES (${memberId}, ${school.id}, ${to},
                ${input.intent === "invite" ? input.kind : null}, ${invitationAt?.toISOString() ?? null},
                ${input.intent === "offer" ? input.roleTitle : ""},
                ${input.intent === "shortlist" ? "" : input.message},
                ${input.intent === "offer" ? (input.vacancyId ?? null) : null}, ${userId})
        ON CONFLICT (member_id, school_id) DO UPDATE SET state = ${to}, updated_at = now(), ${fields}
         WHERE ${canAdvance}
        RETURNING id`),
      z.object({ id: z.string() }),
      "the pool match written",
    );
    if (written.length === 0) {
      const [current] = parseRows(
        await tx.execute(sql`SELECT state::text AS state FROM pool_matches
                              WHERE member_id = ${memberId} AND school_id = ${school.id}`),
        z.object({ state: z.string() }),
        "a pool match's state",
      );
      return refuse(409, already[current?.state ?? ""] ?? "This conversation cannot move on from here");
    }
    await queueEmail(tx, context.enqueue, member.email, "pool-match", {
      name: member.name,
      event: to,
      schoolName: school.name,
      roundName: member.roundName,
      invitation:
        input.intent === "invite"
          ? `${input.kind === "interview" ? "an interview" : "a visit"} on ${formatLondon(invitationAt!)}`
          : null,
      roleTitle: input.intent === "offer" ? input.roleTitle : null,
      message: input.intent === "shortlist" ? null : input.message || null,
      url: `${context.appUrl}/pool/offers`,
    });
    return { ok: true, state: to, schoolName: school.name };
  });
}

class Conflict extends Error {}

async function mailSchoolHr(
  tx: Executor,
  context: MatchContext,
  schoolId: string,
  props: { event: "accepted" | "declined" | "closed"; memberName: string; roundName: string; roleTitle: string },
) {
  const people = parseRows(
    await tx.execute(sql`
      SELECT u.email, u.name, s.name AS "schoolName" FROM users u JOIN schools s ON s.id = ${schoolId}
       WHERE u.id IN (${userIdsWhoHold(["hr"], { kind: "school", schoolId })}) ORDER BY u.email`),
    z.object({ email: z.string(), name: z.string(), schoolName: z.string() }),
    "a school's HR",
  );
  for (const p of people)
    await queueEmail(tx, context.enqueue, p.email, "pool-match", {
      name: p.name,
      event: props.event,
      schoolName: p.schoolName,
      roundName: props.roundName,
      memberName: props.memberName,
      roleTitle: props.roleTitle || null,
      url: `${context.appUrl}/pool/matches`,
    });
}

export const ALREADY_ACCEPTED =
  "You have already accepted an offer, so this one cannot be accepted. Nothing was changed.";

/**
 * The member's answer to an offer. Accepting, in one transaction: the match is accepted (the partial unique index
 * allows one per member: a second, even at the same moment, is a 409 and changes nothing), the member is appointed
 * by that school, the event and outcome are recorded, every other open conversation is closed and those schools' HR
 * told. Declining tells the school.
 */
export async function answerOffer(
  db: Database,
  userId: string,
  matchId: string,
  answer: "accept" | "decline",
  context: MatchContext,
  now = new Date(),
): Promise<Outcome<{ state: "accepted" | "declined"; schoolName: string }>> {
  if (!isUuid(matchId)) return refuse(404, "No such offer");
  try {
    return await db.transaction(async (tx) => {
      // The member's row first: answers of one member wait for each other here, before any match row is locked (two
      // accepts locking their own offers first would deadlock on closing each other's).
      await tx.execute(sql`SELECT m.id FROM pool_members m JOIN pool_matches pm ON pm.member_id = m.id
                            WHERE pm.id = ${matchId} AND m.user_id = ${userId} FOR UPDATE OF m`);
      const [match] = parseRows(
        await tx.execute(sql`
          SELECT pm.id, pm.state::text AS state, pm.school_id AS "schoolId", pm.role_title AS "roleTitle",
                 m.id AS "memberId", m.status::text AS status, m.profile->>'name' AS "memberName",
                 r.name AS "roundName", s.name AS "schoolName"
            FROM pool_matches pm JOIN pool_members m ON m.id = pm.member_id JOIN pool_rounds r ON r.id = m.round_id
            JOIN schools s ON s.id = pm.school_id
           WHERE pm.id = ${matchId} AND m.user_id = ${userId}
             FOR UPDATE OF pm`),
        z.object({
          id: z.string(),
          state: z.string(),
          schoolId: z.string(),
          roleTitle: z.string(),
          memberId: z.string(),
          status: z.string(),
          memberName: z.string(),
          roundName: z.string(),
          schoolName: z.string(),
        }),
        "an offer to answer",
      );
      if (!match) return refuse(404, "No such offer");
      if (match.state !== "offered")
        return refuse(
          409,
          match.status === "appointed" && answer === "accept"
            ? ALREADY_ACCEPTED
            : "This offer is not open for an answer. Nothing was changed.",
        );
      if (answer === "decline") {
        await tx.execute(sql`UPDATE pool_matches SET state = 'declined', updated_at = now() WHERE id = ${matchId}`);
        await mailSchoolHr(tx, context, match.schoolId, { event: "declined", ...match });
        return { ok: true as const, state: "declined" as const, schoolName: match.schoolName };
      }
      if (match.status !== "pooled") throw new Conflict();
      // The partial unique index is the last word: one accepted offer per member, whatever the code above missed.
      await tx.execute(sql`UPDATE pool_matches SET state = 'accepted', updated_at = now() WHERE id = ${matchId}`);
      const nowIso = now.toISOString();
      const appointed = await tx.execute(sql`
        UPDATE pool_members SET status = 'appointed', appointed_at = ${nowIso}, appointed_school_id = ${match.schoolId},
                                status_changed_at = ${nowIso}, updated_at = now()
         WHERE id = ${match.memberId} AND status = 'pooled' RETURNING id`);
      if (parseRows(appointed, z.object({ id: z.string() }), "the member appointed").length === 0) throw new Conflict();
      await tx.execute(sql`
        INSERT INTO pool_events (member_id, actor_user_id, from_status, to_status, message, at)
        VALUES (${match.memberId}, ${userId}, 'pooled', 'appointed',
                ${`Accepted the offer of ${match.roleTitle || "a post"} at ${match.schoolName}`}, ${nowIso})`);
      await recordOutcome(tx, match.memberId);
      const closed = parseRows(
        await tx.execute(sql`
          UPDATE pool_matches SET state = 'closed', updated_at = now()
           WHERE member_id = ${match.memberId} AND id <> ${matchId} AND state IN ('shortlisted', 'invited', 'offered')
          RETURNING school_id AS "schoolId", role_title AS "roleTitle"`),
        z.object({ schoolId: z.string(), roleTitle: z.string() }),
        "the conversations closed",
      );
      await mailSchoolHr(tx, context, match.schoolId, { event: "accepted", ...match });
      for (const c of closed)
        await mailSchoolHr(tx, context, c.schoolId, {
          event: "closed",
          memberName: match.memberName,
          roundName: match.roundName,
          roleTitle: c.roleTitle,
        });
      return { ok: true as const, state: "accepted" as const, schoolName: match.schoolName };
    });
  } catch (error) {
    if (error instanceof Conflict || sqlState(error) === "23505") return refuse(409, ALREADY_ACCEPTED);
    throw error;
  }
}

const offerRow = z.object({
  id: z.string(),
  state: z.string(),
  schoolName: z.string(),
  schoolUrn: z.number(),
  roundName: z.string(),
  invitationKind: z.string().nullable(),
  invitationAt: z.string().nullable(),
  roleTitle: z.string(),
  message: z.string(),
  vacancyId: z.string().nullable(),
  vacancyTitle: z.string().nullable(),
  updatedAt: z.string(),
});
export type MemberMatch = z.infer<typeof offerRow>;

const sharedRow = z.object({
  vacancyId: z.string(),
  title: z.string(),
  schoolName: z.string().nullable(),
  roundName: z.string(),
  publicFrom: z.string(),
});

/**
 * The member's side ("Schools interested in you"): every conversation across their rounds, and the vacancies shared
 * with a round's pool before the public sees them, where the member is findable and their preferences match.
 */
export async function offersForMember(db: Executor, userId: string, now = new Date()) {
  const matches = parseRows(
    await db.execute(sql`
      SELECT pm.id, pm.state::text AS state, s.name AS "schoolName", s.urn AS "schoolUrn", r.name AS "roundName",
             pm.invitation_kind::text AS "invitationKind", ${isoTime(sql`pm.invitation_at`)} AS "invitationAt",
             pm.role_title AS "roleTitle", pm.message, pm.vacancy_id AS "vacancyId", v.title AS "vacancyTitle",
             ${isoTime(sql`pm.updated_at`)} AS "updatedAt"
        FROM pool_matches pm JOIN pool_members m ON m.id = pm.member_id JOIN pool_rounds r ON r.id = m.round_id
        JOIN schools s ON s.id = pm.school_id LEFT JOIN vacancies v ON v.id = pm.vacancy_id
       WHERE m.user_id = ${userId}
       ORDER BY CASE pm.state WHEN 'offered' THEN 0 WHEN 'invited' THEN 1 WHEN 'shortlisted' THEN 2 ELSE 3 END,
                pm.updated_at DESC, pm.id`),
    offerRow,
    "a member's pool conversations",
  );
  const shared = parseRows(
    await db.execute(sql`
      SELECT DISTINCT v.id AS "vacancyId", v.title, s.name AS "schoolName", r.name AS "roundName",
             ${isoTime(sql`vs.public_from`)} AS "publicFrom"
        FROM pool_members m JOIN pool_vacancy_shares vs ON vs.round_id = m.round_id
        JOIN pool_rounds r ON r.id = m.round_id
        JOIN vacancies v ON v.id = vs.vacancy_id LEFT JOIN schools s ON s.id = v.owner_school_id
       WHERE m.user_id = ${userId} AND m.status = 'pooled' AND m.shown_to_schools
         AND vs.public_from > ${now.toISOString()}::timestamptz AND v.status = 'scheduled'
         AND (cardinality(v.subjects) = 0 OR cardinality(m.subjects) = 0 OR v.subjects && m.subjects)
         AND (cardinality(v.phases) = 0 OR cardinality(m.phases) = 0 OR v.phases && m.phases)
         AND (v.owner_school_id IS NULL OR ${visibleToSchool("m", sql`v.owner_school_id`)})
       ORDER BY "publicFrom", v.title`),
    sharedRow,
    "vacancies shared with a member's pool",
  );
  return { matches, shared };
}

const hrMatchRow = z.object({
  id: z.string(),
  state: z.string(),
  memberId: z.string(),
  roundId: z.string(),
  memberName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  roundName: z.string(),
  roleTitle: z.string(),
  invitationAt: z.string().nullable(),
  updatedAt: z.string(),
  findable: z.boolean(),
});
export type HrMatch = z.infer<typeof hrMatchRow>;

/**
 * HR's conversations across their schools and rounds. A member the school may no longer see (consent withdrawn,
 * left the pool, hidden) drops out at once; an accepted offer stays, as that school appointed them.
 */
export async function matchesForHr(db: Executor, userId: string): Promise<HrMatch[]> {
  return parseRows(
    await db.execute(sql`
      SELECT pm.id, pm.state::text AS state, m.id AS "memberId", m.round_id AS "roundId",
             m.profile->>'name' AS "memberName", s.id AS "schoolId", s.name AS "schoolName", r.name AS "roundName",
             pm.role_title AS "roleTitle", ${isoTime(sql`pm.invitation_at`)} AS "invitationAt",
             ${isoTime(sql`pm.updated_at`)} AS "updatedAt", ${visibleToSchool("m", sql`pm.school_id`)} AS findable
        FROM pool_matches pm JOIN pool_members m ON m.id = pm.member_id JOIN pool_rounds r ON r.id = m.round_id
        JOIN schools s ON s.id = pm.school_id
       WHERE pm.school_id IN (SELECT rs.school_id FROM pool_round_schools rs WHERE rs.round_id = m.round_id)
         AND pm.school_id IN (${hrSchoolIds(userId)})
         AND (${visibleToSchool("m", sql`pm.school_id`)} OR (pm.state = 'accepted' AND m.shown_to_schools))
       ORDER BY CASE pm.state WHEN 'offered' THEN 0 WHEN 'invited' THEN 1 WHEN 'shortlisted' THEN 2
                              WHEN 'accepted' THEN 3 ELSE 4 END, pm.updated_at DESC, pm.id`),
    hrMatchRow,
    "HR's pool conversations",
  );
}

const hrSchoolIds = (userId: string) => schoolIdsWhereUserHolds(userId, ["hr"]);

/** The school's vacancies an offer may name. */
export async function offerableVacancies(db: Executor, schoolId: string) {
  return parseRows(
    await db.execute(sql`SELECT v.id, v.title FROM vacancies v
                          WHERE v.owner_school_id = ${schoolId} AND v.status IN ('draft', 'scheduled', 'published')
                          ORDER BY v.title, v.id`),
    z.object({ id: z.string(), title: z.string() }),
    "a school's open vacancies",
  );
}
