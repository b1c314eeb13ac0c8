import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { isoTime } from "../../db/iso-time";
import { parseRows } from "../../db/rows";
import { partnershipIdsWhereUserHolds, schoolIdsWhereUserHolds } from "../access/scope.server";
import { isUuid } from "../forms/fields";
import { z } from "../forms/zod";
import { fairModes } from "../vocabulary/pool";

/**
 * Who acts on which fair (ADR 0026). A fair is run by the admins of its partnership; a taking-part school's HR
 * manage that school's roles, slots and follow-ups; anyone reads the public page. Everything else is not found.
 */

/** Timestamps from raw SQL as ISO text, the same on postgres.js and PGlite (db/iso-time.ts). */
export { isoTime };

export const fairRow = z.object({
  id: z.string(),
  partnershipId: z.string(),
  partnershipName: z.string(),
  name: z.string(),
  description: z.string(),
  mode: z.enum(fairModes),
  hostSchoolId: z.string().nullable(),
  hostSchoolName: z.string().nullable(),
  place: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  poolRoundId: z.string().nullable(),
  poolRoundName: z.string().nullable(),
});
export type Fair = z.output<typeof fairRow>;

export const fairColumns = sql`
  f.id, f.partnership_id AS "partnershipId", p.name AS "partnershipName", f.name, f.description, f.mode,
  f.host_school_id AS "hostSchoolId", hs.name AS "hostSchoolName", f.place, f.online_url AS "onlineUrl",
  ${isoTime(sql`f.starts_at`)} AS "startsAt", ${isoTime(sql`f.ends_at`)} AS "endsAt",
  f.pool_round_id AS "poolRoundId", pr.name AS "poolRoundName"`;

export const fairFrom = sql`
  fairs f
  JOIN partnerships p ON p.id = f.partnership_id
  LEFT JOIN schools hs ON hs.id = f.host_school_id
  LEFT JOIN pool_rounds pr ON pr.id = f.pool_round_id`;

/** Ids of the partnerships whose fairs a user runs. */
export const adminPartnershipIds = (userId: string) => partnershipIdsWhereUserHolds(userId, ["partnership_admin"]);

/** Ids of the schools whose fair business a user does (HR of the school, its trust or its LA). */
const hrSchoolIds = (userId: string) => schoolIdsWhereUserHolds(userId, ["hr"]);

/** Any fair, for its public page. */
export async function fairById(db: Executor, fairId: string, lock = false): Promise<Fair | null> {
  if (!isUuid(fairId)) return null;
  const [row] = parseRows(
    await db.execute(
      sql`SELECT ${fairColumns} FROM ${fairFrom} WHERE f.id = ${fairId} ${lock ? sql`FOR UPDATE OF f` : sql``}`,
    ),
    fairRow,
    "a fair",
  );
  return row ?? null;
}

/** A fair the user runs as admin of its partnership, or null. */
export async function adminFair(db: Executor, userId: string, fairId: string): Promise<Fair | null> {
  if (!isUuid(fairId)) return null;
  const [row] = parseRows(
    await db.execute(sql`
      SELECT ${fairColumns} FROM ${fairFrom}
       WHERE f.id = ${fairId} AND f.partnership_id IN (${adminPartnershipIds(userId)})`),
    fairRow,
    "a fair the user runs",
  );
  return row ?? null;
}

const schoolAtFairRow = z.object({ schoolId: z.string(), schoolName: z.string(), stand: z.string() });
export type SchoolAtFair = z.output<typeof schoolAtFairRow>;

/** The fair and one of its taking-part schools, when the user is that school's HR; null otherwise. */
export async function hrFairSchool(
  db: Executor,
  userId: string,
  fairId: string,
  schoolId: string,
): Promise<{ fair: Fair; school: SchoolAtFair } | null> {
  if (!isUuid(fairId) || !isUuid(schoolId)) return null;
  const [school] = parseRows(
    await db.execute(sql`
      SELECT s.id AS "schoolId", s.name AS "schoolName", fs.stand
        FROM fair_schools fs JOIN schools s ON s.id = fs.school_id
       WHERE fs.fair_id = ${fairId} AND fs.school_id = ${schoolId} AND fs.school_id IN (${hrSchoolIds(userId)})`),
    schoolAtFairRow,
    "a school at a fair",
  );
  if (!school) return null;
  const fair = await fairById(db, fairId);
  return fair ? { fair, school } : null;
}

/** The taking-part schools of a fair whose HR the user is. */
export async function hrSchoolsAtFair(db: Executor, userId: string, fairId: string): Promise<SchoolAtFair[]> {
  if (!isUuid(fairId)) return [];
  return parseRows(
    await db.execute(sql`
      SELECT s.id AS "schoolId", s.name AS "schoolName", fs.stand
        FROM fair_schools fs JOIN schools s ON s.id = fs.school_id
       WHERE fs.fair_id = ${fairId} AND fs.school_id IN (${hrSchoolIds(userId)})
       ORDER BY s.name`),
    schoolAtFairRow,
    "the user's schools at a fair",
  );
}
