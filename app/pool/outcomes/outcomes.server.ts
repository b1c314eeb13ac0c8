import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { parseRows } from "../../../db/rows";
import { hasRole } from "../../access/scope.server";
import { isUuid } from "../../forms/fields";
import { z } from "../../forms/zod";
import type { OutcomeRow } from "./figures";

/** The round's outcome rows (pool_outcomes only: nothing about the person) and its heading; null when no such round. */
export async function roundOutcomes(db: Executor, roundId: string) {
  if (!isUuid(roundId)) return null;
  const [round] = parseRows(
    await db.execute(sql`SELECT r.id, r.name, r.partnership_id AS "partnershipId", p.name AS "partnershipName"
                           FROM pool_rounds r JOIN partnerships p ON p.id = r.partnership_id WHERE r.id = ${roundId}`),
    z.object({ id: z.string(), name: z.string(), partnershipId: z.string(), partnershipName: z.string() }),
    "a pool round",
  );
  if (!round) return null;
  const rows: OutcomeRow[] = parseRows(
    await db.execute(sql`
      SELECT o.phase, o.subject, o.submitted_on::text AS "submittedOn", o.pooled_on::text AS "pooledOn",
             o.appointed_on::text AS "appointedOn", o.appointed_school_id AS "appointedSchoolId",
             o.employer_kind AS "employerKind"
        FROM pool_outcomes o WHERE o.round_id = ${roundId}`),
    z.object({
      phase: z.string().nullable(),
      subject: z.string().nullable(),
      submittedOn: z.string().nullable(),
      pooledOn: z.string().nullable(),
      appointedOn: z.string().nullable(),
      appointedSchoolId: z.string().nullable(),
      employerKind: z.string().nullable(),
    }),
    "a pool round's outcomes",
  );
  return { round, rows };
}

/** For a partnership admin of the round's partnership: the names of the schools that appointed, by id. */
export async function appointingSchoolNames(
  db: Executor,
  userId: string | null,
  partnershipId: string,
  schoolIds: string[],
): Promise<Record<string, string> | null> {
  if (!userId || !(await hasRole(db, userId, "partnership_admin", { kind: "partnership", partnershipId }))) return null;
  if (schoolIds.length === 0) return {};
  const rows = parseRows(
    await db.execute(
      sql`SELECT s.id, s.name FROM schools s WHERE s.id IN (${sql.join(
        schoolIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    ),
    z.object({ id: z.string(), name: z.string() }),
    "the schools that appointed from a pool",
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
