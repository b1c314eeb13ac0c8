import { sql, type SQL } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import type { Enqueue } from "../../db/jobs";
import { firstRow, parseRows } from "../../db/rows";
import { sqlState } from "../../db/sql-state";
import { queueEmail } from "../../emails/outbox.server";
import type { EarlyCareerAssignmentProps } from "../../emails/templates/early-career-assignment";
import { holdsRoleAnywhere, schoolIdsWhereUserHolds, userIdsWhoHold } from "../access/scope.server";
import { refuse, type Outcome } from "../forms/outcome";
import { z } from "../forms/zod";
import { formatLondonDate, londonToday } from "../vocabulary/london-time";
import { assignmentStatuses, type AssignmentStatus } from "../vocabulary/programmes";
import type { Role } from "../vocabulary/roles";
import type { AssignmentBase, AssignmentRow, ProposeAssignmentInput } from "./assignment-schemas";
import { dayText, idRow, nameRow } from "./rows";

/**
 * Early-career assignments (issue 16, point 8): planned time for an ECT at another school of the area. A partnership
 * admin or the ECT's induction tutor proposes one; the employing school's induction tutor and the host school's
 * induction tutor or HR each accept (it is accepted once both have) or decline with a reason; the proposer withdraws
 * it with a reason. The ECT stays employed where they are: nothing here touches their school periods. Migration
 * 0022's exclusion constraint keeps an ECT's proposed and accepted assignments from overlapping; its refusal is a
 * field error. Every party but the one acting is e-mailed inside the change's transaction.
 */

export type AssignmentContext = { appUrl: string; enqueue: Enqueue };

/** Who may propose: the ECT's induction tutor, or an admin of the partnership the ECT's school belongs to. */
const PROPOSER_ROLES: readonly Role[] = ["induction_tutor", "partnership_admin"];
/** Who answers for the employing school. */
const EMPLOYER_ROLES: readonly Role[] = ["induction_tutor"];
/** Who answers for the host school. */
const HOST_ROLES: readonly Role[] = ["induction_tutor", "hr"];

/** The school period that covers today: the school that employs the ECT now. */
const CURRENT_PERIOD = sql`sp.starts_on <= current_date AND (sp.ends_on IS NULL OR sp.ends_on > current_date)`;

/** Ids of the ECTs a user may propose an assignment for: those now at a school where they tutor or administer. */
function proposableEctIds(userId: string): SQL {
  return sql`SELECT sp.ect_id FROM ect_school_periods sp
              WHERE ${CURRENT_PERIOD} AND sp.school_id IN (${schoolIdsWhereUserHolds(userId, PROPOSER_ROLES)})`;
}

/**
 * An assignment a user may see: as a party (either school's tutors or admins, the host's HR, its proposer) or as the
 * ECT it is for. Anything else is not found.
 */
function visibleAssignment(userId: string): SQL {
  return sql`(a.employing_school_id IN (${schoolIdsWhereUserHolds(userId, PROPOSER_ROLES)})
              OR a.host_school_id IN (${schoolIdsWhereUserHolds(userId, [...HOST_ROLES, "partnership_admin"])})
              OR a.proposed_by = ${userId}
              OR e.user_id = ${userId})`;
}

export type { AssignmentRow };

const assignmentBase = z.object({
  id: z.string(),
  ectName: z.string(),
  employingSchoolId: z.string(),
  employingSchoolName: z.string(),
  hostSchoolId: z.string(),
  hostSchoolName: z.string(),
  purpose: z.string(),
  startsOn: dayText,
  endsOn: dayText,
  status: z.enum(assignmentStatuses),
}) satisfies z.ZodType<AssignmentBase>;

const assignmentRow = assignmentBase.extend({
  ectId: z.string(),
  reason: z.string().nullable(),
  proposedByName: z.string().nullable(),
  employerAcceptedByName: z.string().nullable(),
  hostAcceptedByName: z.string().nullable(),
  canAcceptAsEmployer: z.boolean(),
  canAcceptAsHost: z.boolean(),
  canWithdraw: z.boolean(),
}) satisfies z.ZodType<AssignmentRow>;

function rowColumns(userId: string): SQL {
  const open = sql`a.status = 'proposed'`;
  return sql`
    a.id, a.ect_id AS "ectId", e.name AS "ectName", a.employing_school_id AS "employingSchoolId",
    es.name AS "employingSchoolName", a.host_school_id AS "hostSchoolId", hs.name AS "hostSchoolName", a.purpose,
    a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn", a.status::text AS status, a.reason,
    pu.name AS "proposedByName", eu.name AS "employerAcceptedByName", hu.name AS "hostAcceptedByName",
    (${open} AND a.employer_accepted_at IS NULL
      AND a.employing_school_id IN (${schoolIdsWhereUserHolds(userId, EMPLOYER_ROLES)})) AS "canAcceptAsEmployer",
    (${open} AND a.host_accepted_at IS NULL
      AND a.host_school_id IN (${schoolIdsWhereUserHolds(userId, HOST_ROLES)})) AS "canAcceptAsHost",
    (a.status IN ('proposed', 'accepted') AND a.proposed_by IS NOT DISTINCT FROM ${userId}) AS "canWithdraw"`;
}

const rowJoins = sql`
  early_career_assignments a
  JOIN ects e ON e.id = a.ect_id
  JOIN schools es ON es.id = a.employing_school_id
  JOIN schools hs ON hs.id = a.host_school_id
  LEFT JOIN users pu ON pu.id = a.proposed_by
  LEFT JOIN users eu ON eu.id = a.employer_accepted_by
  LEFT JOIN users hu ON hu.id = a.host_accepted_by`;

async function assignmentRows(db: Executor, userId: string, where: SQL): Promise<AssignmentRow[]> {
  return parseRows(
    await db.execute(sql`
      SELECT ${rowColumns(userId)} FROM ${rowJoins}
       WHERE ${visibleAssignment(userId)} AND ${where}
       ORDER BY a.status = 'proposed' DESC, a.status = 'accepted' DESC, a.starts_on, e.name`),
    assignmentRow,
    "the assignments a user may see",
  );
}

/** The assignments a user takes part in, open ones first. */
export async function assignmentsFor(db: Executor, userId: string): Promise<AssignmentRow[]> {
  return assignmentRows(db, userId, sql`TRUE`);
}

/** One ECT's assignments, as far as the user may see them (for the ECT's record and their own page). */
export async function assignmentsOfEct(db: Executor, userId: string, ectId: string): Promise<AssignmentRow[]> {
  return assignmentRows(db, userId, sql`a.ect_id = ${ectId}`);
}

export type ProposalChoices = {
  ects: { id: string; name: string; schoolName: string }[];
  hosts: { id: string; name: string }[];
};

/** What the proposal form offers: the ECTs the user may propose for, and the schools of their partnerships. */
export async function proposalChoices(db: Executor, userId: string): Promise<ProposalChoices> {
  const ects = parseRows(
    await db.execute(sql`
      SELECT e.id, e.name, s.name AS "schoolName"
        FROM ects e JOIN ect_school_periods sp ON sp.ect_id = e.id JOIN schools s ON s.id = sp.school_id
       WHERE ${CURRENT_PERIOD} AND e.id IN (${proposableEctIds(userId)})
       ORDER BY e.name`),
    z.object({ id: z.string(), name: z.string(), schoolName: z.string() }),
    "the ECTs a user may propose an assignment for",
  );
  if (ects.length === 0) return { ects, hosts: [] };
  const hosts = parseRows(
    await db.execute(sql`
      SELECT h.id, h.name || coalesce(', ' || h.town, '') AS name FROM schools h
       WHERE h.partnership_id IN (
               SELECT s.partnership_id FROM ect_school_periods sp JOIN schools s ON s.id = sp.school_id
                WHERE ${CURRENT_PERIOD} AND sp.ect_id IN (${proposableEctIds(userId)}))
       ORDER BY h.name`),
    z.object({ id: z.string(), name: z.string() }),
    "the schools that may host an assignment",
  );
  return { ects, hosts };
}

/** Whether the assignments page is for this user at all: a tutor, HR or partnership admin anywhere. */
export async function mayUseAssignments(db: Executor, userId: string): Promise<boolean> {
  const [row] = parseRows(
    await db.execute(sql`SELECT ${holdsRoleAnywhere(userId, [...PROPOSER_ROLES, ...HOST_ROLES])} AS may`),
    z.object({ may: z.boolean() }),
    "whether a user may use assignments",
  );
  return row?.may === true;
}

type Party = { email: string; name: string };

const partyRow = z.object({ email: z.string(), name: z.string() }) satisfies z.ZodType<Party>;

/** Everyone an assignment concerns: the proposer and both schools' answerers (and, when told, the ECT). */
async function partiesOf(
  tx: Executor,
  a: { employingSchoolId: string; hostSchoolId: string; proposedBy: string | null },
  exceptUserId: string,
): Promise<Party[]> {
  return parseRows(
    await tx.execute(sql`
      SELECT u.email, u.name FROM users u
       WHERE u.id <> ${exceptUserId}
         AND (u.id IN (${userIdsWhoHold(EMPLOYER_ROLES, { kind: "school", schoolId: a.employingSchoolId })})
              OR u.id IN (${userIdsWhoHold(HOST_ROLES, { kind: "school", schoolId: a.hostSchoolId })})
              OR u.id = ${a.proposedBy})
       ORDER BY u.email`),
    partyRow,
    "the parties to an assignment",
  );
}

/** An assignment locked for a change, with what its e-mails need. */
type Locked = AssignmentBase & {
  ectEmail: string;
  ectUserId: string | null;
  proposedBy: string | null;
  employerAccepted: boolean;
  hostAccepted: boolean;
};

const lockedRow = assignmentBase.extend({
  ectEmail: z.string(),
  ectUserId: z.string().nullable(),
  proposedBy: z.string().nullable(),
  employerAccepted: z.boolean(),
  hostAccepted: z.boolean(),
}) satisfies z.ZodType<Locked>;

async function tell(
  tx: Executor,
  a: Locked,
  event: EarlyCareerAssignmentProps["event"],
  actor: { userId: string; name: string },
  reason: string | null,
  context: AssignmentContext,
  alsoEct: boolean,
) {
  const recipients = await partiesOf(tx, a, actor.userId);
  if (alsoEct && a.ectUserId !== actor.userId && !recipients.some((p) => p.email === a.ectEmail))
    recipients.push({ email: a.ectEmail, name: a.ectName });
  const waitingFor =
    event === "proposed" || event === "accepted"
      ? [a.employerAccepted ? null : a.employingSchoolName, a.hostAccepted ? null : a.hostSchoolName].filter(
          (s): s is string => s !== null,
        )
      : [];
  for (const person of recipients)
    await queueEmail(tx, context.enqueue, person.email, "early-career-assignment", {
      name: person.name,
      event,
      ectName: a.ectName,
      employingSchoolName: a.employingSchoolName,
      hostSchoolName: a.hostSchoolName,
      dates: `${formatLondonDate(a.startsOn)} to ${formatLondonDate(a.endsOn)}`,
      purpose: a.purpose,
      by: actor.name,
      waitingFor,
      reason,
      url: `${context.appUrl}/programmes/assignments`,
    });
}

const lockedColumns = sql`
  a.id, e.name AS "ectName", e.email AS "ectEmail", e.user_id AS "ectUserId",
  a.employing_school_id AS "employingSchoolId", es.name AS "employingSchoolName",
  a.host_school_id AS "hostSchoolId", hs.name AS "hostSchoolName", a.purpose,
  a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn", a.status::text AS status, a.proposed_by AS "proposedBy",
  a.employer_accepted_at IS NOT NULL AS "employerAccepted", a.host_accepted_at IS NOT NULL AS "hostAccepted"`;

async function lockAssignment(tx: Executor, userId: string, assignmentId: string): Promise<Locked | undefined> {
  const [row] = parseRows(
    await tx.execute(sql`
      SELECT ${lockedColumns}
        FROM early_career_assignments a JOIN ects e ON e.id = a.ect_id
        JOIN schools es ON es.id = a.employing_school_id JOIN schools hs ON hs.id = a.host_school_id
       WHERE a.id = ${assignmentId} AND ${visibleAssignment(userId)}
         FOR UPDATE OF a`),
    lockedRow,
    "the assignment to change",
  );
  return row;
}

async function actorName(tx: Executor, userId: string): Promise<{ userId: string; name: string }> {
  const row = firstRow(
    parseRows(await tx.execute(sql`SELECT name FROM users WHERE id = ${userId}`), nameRow, "the acting user"),
    "the acting user",
  );
  return { userId, name: row.name };
}

const isId = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

/** The assignments of one ECT that a proposed period would overlap (inclusive dates), to name them in the refusal. */
async function overlapping(db: Executor, ectId: string, startsOn: string, endsOn: string) {
  return parseRows(
    await db.execute(sql`
      SELECT hs.name AS "hostSchoolName", a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
             a.status::text AS status
        FROM early_career_assignments a JOIN schools hs ON hs.id = a.host_school_id
       WHERE a.ect_id = ${ectId} AND a.status IN ('proposed', 'accepted')
         AND daterange(a.starts_on, a.ends_on, '[]') && daterange(${startsOn}::date, ${endsOn}::date, '[]')
       ORDER BY a.starts_on`),
    z.object({ hostSchoolName: z.string(), startsOn: dayText, endsOn: dayText, status: z.string() }),
    "the assignments a proposal overlaps",
  );
}

class Overlap extends Error {}

/**
 * Proposes an assignment of an ECT the user tutors (or whose partnership they administer) to a host school of the
 * same partnership. A tutor of the employing school proposing it has said yes for that school already.
 */
export async function proposeAssignment(
  db: Database,
  userId: string,
  input: ProposeAssignmentInput,
  context: AssignmentContext,
  now = new Date(),
): Promise<Outcome<{ assignmentId: string; status: AssignmentStatus }>> {
  if (!isId(input.ectId)) return refuse(404, "ECT not found");
  const today = londonToday(now);
  try {
    return await db.transaction(async (tx) => {
      const [ect] = parseRows(
        await tx.execute(sql`
          SELECT e.id, e.name, sp.school_id AS "schoolId", s.partnership_id AS "partnershipId",
                 sp.ends_on::text AS "periodEndsOn",
                 sp.school_id IN (${schoolIdsWhereUserHolds(userId, EMPLOYER_ROLES)}) AS "proposerTutors"
            FROM ects e JOIN ect_school_periods sp ON sp.ect_id = e.id JOIN schools s ON s.id = sp.school_id
           WHERE e.id = ${input.ectId} AND ${CURRENT_PERIOD}
             AND sp.school_id IN (${schoolIdsWhereUserHolds(userId, PROPOSER_ROLES)})
             FOR UPDATE OF e`),
        z.object({
          id: z.string(),
          name: z.string(),
          schoolId: z.string(),
          partnershipId: z.string().nullable(),
          periodEndsOn: dayText.nullable(),
          proposerTutors: z.boolean(),
        }),
        "the ECT to propose an assignment for",
      );
      if (!ect) return refuse(404, "ECT not found");
      const [host] = isId(input.hostSchoolId)
        ? parseRows(
            await tx.execute(
              sql`SELECT id, partnership_id AS "partnershipId" FROM schools WHERE id = ${input.hostSchoolId}`,
            ),
            z.object({ id: z.string(), partnershipId: z.string().nullable() }),
            "the host school proposed",
          )
        : [];
      if (!host || host.partnershipId === null || host.partnershipId !== ect.partnershipId)
        return refuse(400, "Check the assignment", {
          hostSchoolId: ["Choose a host school of the partnership"],
        });
      if (host.id === ect.schoolId)
        return refuse(400, "Check the assignment", {
          hostSchoolId: [`${ect.name} already works at this school: choose another school to host them`],
        });
      if (input.startsOn < today)
        return refuse(400, "Check the assignment", {
          startsOn: [`The first day must be today (${formatLondonDate(today)}) or later`],
        });
      if (ect.periodEndsOn !== null && input.endsOn >= ect.periodEndsOn)
        return refuse(400, "Check the assignment", {
          endsOn: [
            `${ect.name} leaves their school on ${formatLondonDate(ect.periodEndsOn)}: the assignment must end before then`,
          ],
        });
      const employerAccepted = ect.proposerTutors;
      let row: { id: string };
      try {
        row = firstRow(
          parseRows(
            await tx.execute(sql`
              INSERT INTO early_career_assignments
                (ect_id, employing_school_id, host_school_id, purpose, starts_on, ends_on, proposed_by,
                 employer_accepted_by, employer_accepted_at)
              VALUES (${ect.id}, ${ect.schoolId}, ${host.id}, ${input.purpose}, ${input.startsOn}, ${input.endsOn},
                      ${userId}, ${employerAccepted ? userId : null}, ${employerAccepted ? now.toISOString() : null})
              RETURNING id`),
            idRow,
            "the assignment inserted",
          ),
          "the assignment inserted",
        );
      } catch (error) {
        if (sqlState(error) === "23P01") throw new Overlap();
        throw error;
      }
      const locked = await lockAssignment(tx, userId, row.id);
      if (!locked) throw new Error("proposeAssignment: the new assignment is not visible to its proposer");
      await tell(tx, locked, "proposed", await actorName(tx, userId), null, context, false);
      return { ok: true as const, assignmentId: row.id, status: "proposed" as const };
    });
  } catch (error) {
    if (!(error instanceof Overlap)) throw error;
    const clash = await overlapping(db, input.ectId, input.startsOn, input.endsOn);
    const named = clash
      .map(
        (c) =>
          `${c.hostSchoolName} from ${formatLondonDate(c.startsOn)} to ${formatLondonDate(c.endsOn)} (${c.status})`,
      )
      .join("; ");
    return refuse(400, "Check the assignment", {
      startsOn: [`These dates overlap another assignment of this ECT${named ? `: ${named}` : ""}. Choose other dates`],
    });
  }
}

/**
 * The employing school's tutor or the host's tutor or HR accepts for their school, or declines with a reason. A
 * user who answers for both schools (a trust's tutor) accepts for both at once. Accepted once both have.
 */
export async function decideAssignment(
  db: Database,
  userId: string,
  assignmentId: string,
  decision: { action: "accept" } | { action: "decline"; reason: string },
  context: AssignmentContext,
  now = new Date(),
): Promise<Outcome<{ status: AssignmentStatus }>> {
  if (!isId(assignmentId)) return refuse(404, "Assignment not found");
  return db.transaction(async (tx) => {
    const a = await lockAssignment(tx, userId, assignmentId);
    if (!a) return refuse(404, "Assignment not found");
    const [sides] = parseRows(
      await tx.execute(sql`
        SELECT ${a.employingSchoolId}::text IN (${schoolIdsWhereUserHolds(userId, EMPLOYER_ROLES)}) AS employer,
               ${a.hostSchoolId}::text IN (${schoolIdsWhereUserHolds(userId, HOST_ROLES)}) AS host`),
      z.object({ employer: z.boolean(), host: z.boolean() }),
      "the sides a user answers an assignment for",
    );
    const asEmployer = sides?.employer === true && !a.employerAccepted;
    const asHost = sides?.host === true && !a.hostAccepted;
    if (!sides?.employer && !sides?.host)
      return refuse(
        409,
        `${a.employingSchoolName}'s induction tutor and ${a.hostSchoolName}'s induction tutor or HR answer this assignment`,
      );
    if (a.status !== "proposed") return refuse(409, `This assignment is ${a.status}: there is nothing to answer`);
    if (!asEmployer && !asHost) return refuse(409, "Your school has accepted this assignment already");
    const actor = await actorName(tx, userId);
    if (decision.action === "decline") {
      await tx.execute(sql`
        UPDATE early_career_assignments SET status = 'declined', reason = ${decision.reason} WHERE id = ${a.id}`);
      await tell(tx, { ...a, status: "declined" }, "declined", actor, decision.reason, context, false);
      return { ok: true as const, status: "declined" as const };
    }
    const employerAccepted = a.employerAccepted || asEmployer;
    const hostAccepted = a.hostAccepted || asHost;
    const status: AssignmentStatus = employerAccepted && hostAccepted ? "accepted" : "proposed";
    await tx.execute(sql`
      UPDATE early_career_assignments
         SET status = ${status},
             employer_accepted_by = CASE WHEN ${asEmployer} THEN ${userId} ELSE employer_accepted_by END,
             employer_accepted_at = CASE WHEN ${asEmployer} THEN ${now.toISOString()}::timestamptz ELSE employer_accepted_at END,
             host_accepted_by = CASE WHEN ${asHost} THEN ${userId} ELSE host_accepted_by END,
             host_accepted_at = CASE WHEN ${asHost} THEN ${now.toISOString()}::timestamptz ELSE host_accepted_at END
       WHERE id = ${a.id}`);
    const after = { ...a, status, employerAccepted, hostAccepted };
    await tell(tx, after, status === "accepted" ? "agreed" : "accepted", actor, null, context, status === "accepted");
    return { ok: true as const, status };
  });
}

/** Whoever proposed an assignment withdraws it, proposed or accepted, with a reason. */
export async function withdrawAssignment(
  db: Database,
  userId: string,
  assignmentId: string,
  reason: string,
  context: AssignmentContext,
): Promise<Outcome<{ status: AssignmentStatus }>> {
  if (!isId(assignmentId)) return refuse(404, "Assignment not found");
  return db.transaction(async (tx) => {
    const a = await lockAssignment(tx, userId, assignmentId);
    if (!a) return refuse(404, "Assignment not found");
    if (a.proposedBy !== userId) return refuse(409, "Only whoever proposed this assignment can withdraw it");
    if (a.status !== "proposed" && a.status !== "accepted")
      return refuse(409, `This assignment is ${a.status} already`);
    await tx.execute(sql`
      UPDATE early_career_assignments SET status = 'withdrawn', reason = ${reason} WHERE id = ${a.id}`);
    await tell(
      tx,
      { ...a, status: "withdrawn" },
      "withdrawn",
      await actorName(tx, userId),
      reason,
      context,
      a.status === "accepted",
    );
    return { ok: true as const, status: "withdrawn" as const };
  });
}
