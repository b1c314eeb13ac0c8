import { sql, type SQL } from "drizzle-orm";
import {
  organisationIdsWhereUserHolds,
  partnershipIdsWhereUserHolds,
  schoolIdsWhereUserHolds,
} from "../access/scope.server";
import type { Role } from "../vocabulary/roles";

/**
 * Who sees which ECT programme records (ADR 0025). Every programme query puts one of these in its WHERE clause, so
 * another school's ECT or another programme's register is simply not found (a 404).
 *
 * - A programme is managed by its runner's programme leads, and by the admins of the partnership that runs it or
 *   that the running organisation belongs to.
 * - A register is taken by the programme's facilitators and its managers.
 * - An ECT is managed by the induction tutors of the school they are at now (a period not yet ended); an ECT reads
 *   their own record; a mentor reads the ECTs they mentor now.
 */

export const MANAGER_ROLES: readonly Role[] = ["programme_lead", "partnership_admin"];

/** Ids of the programmes a user manages. */
export function managedProgrammeIds(userId: string): SQL {
  return sql`SELECT p.id FROM ect_programmes p
              WHERE p.partnership_id IN (${partnershipIdsWhereUserHolds(userId, MANAGER_ROLES)})
                 OR p.organisation_id IN (${organisationIdsWhereUserHolds(userId, MANAGER_ROLES)})`;
}

/** Ids of the programmes whose registers a user may take: their facilitators' and their managers'. */
export function facilitatedProgrammeIds(userId: string): SQL {
  return sql`SELECT f.programme_id FROM programme_facilitators f WHERE f.user_id = ${userId}
             UNION ${managedProgrammeIds(userId)}`;
}

/** Ids of the schools where a user is an induction tutor (at the school, its trust or, if maintained, its LA). */
export function tutoredSchoolIds(userId: string): SQL {
  return schoolIdsWhereUserHolds(userId, ["induction_tutor"]);
}

/** A period that has not ended: the ECT is at that school now, or will be from a date already set. */
export const PERIOD_NOT_ENDED = sql`(sp.ends_on IS NULL OR sp.ends_on > current_date)`;

/** Ids of the ECTs an induction tutor manages: those whose school now is one of the tutor's. */
export function tutoredEctIds(userId: string): SQL {
  return sql`SELECT sp.ect_id FROM ect_school_periods sp
              WHERE ${PERIOD_NOT_ENDED} AND sp.school_id IN (${tutoredSchoolIds(userId)})`;
}

/** Ids of the ECTs a user mentors now. */
function menteeIds(userId: string): SQL {
  return sql`SELECT mp.ect_id FROM ect_mentor_periods mp
              WHERE mp.mentor_user_id = ${userId} AND (mp.ends_on IS NULL OR mp.ends_on > current_date)`;
}

/** Ids of the ECT records a user may read: their own, their school's as tutor, and their mentees'. */
export function readableEctIds(userId: string): SQL {
  return sql`SELECT e.id FROM ects e WHERE e.user_id = ${userId}
             UNION ${tutoredEctIds(userId)}
             UNION ${menteeIds(userId)}`;
}

export { isoTime } from "../../db/iso-time";
