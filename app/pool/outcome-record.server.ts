import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { poolMembers, poolOutcomes, poolRounds, schools } from "../../db/schema";
import { londonToday } from "../vocabulary/london-time";
import { schoolTypesOf } from "../vocabulary/school-types";

/** The kinds of employer the public outcome figures count appointments by. */
export const employerKinds = ["academy", "la_maintained", "other"] as const;
export type EmployerKind = (typeof employerKinds)[number];

function employerKindOf(school: {
  typeGroup: string | null;
  religiousCharacter: string | null;
  establishmentType: string | null;
}): EmployerKind {
  const types = schoolTypesOf(school);
  if (types.includes("academy")) return "academy";
  if (types.includes("la_maintained")) return "la_maintained";
  return "other";
}

const day = (moment: Date | string | null) => (moment === null ? null : londonToday(new Date(moment)));

/**
 * Writes the member's outcome row from their current state, without anything that identifies them: the public figures
 * are counted from these rows, which outlive the member (retention, deletion). Call it in the transaction of every
 * change of a member's status.
 */
export async function recordOutcome(db: Executor, memberId: string): Promise<void> {
  const [m] = await db
    .select({
      roundId: poolMembers.roundId,
      status: poolMembers.status,
      phases: poolMembers.phases,
      subjects: poolMembers.subjects,
      roundPhase: poolRounds.phase,
      submittedAt: poolMembers.submittedAt,
      pooledAt: poolMembers.pooledAt,
      appointedAt: poolMembers.appointedAt,
      appointedSchoolId: poolMembers.appointedSchoolId,
    })
    .from(poolMembers)
    .innerJoin(poolRounds, eq(poolRounds.id, poolMembers.roundId))
    .where(eq(poolMembers.id, memberId));
  if (!m || m.status === "draft") return;
  let employerKind: EmployerKind | null = null;
  if (m.appointedSchoolId) {
    const [school] = await db
      .select({
        typeGroup: schools.typeGroup,
        religiousCharacter: schools.religiousCharacter,
        establishmentType: schools.establishmentType,
      })
      .from(schools)
      .where(eq(schools.id, m.appointedSchoolId));
    employerKind = school ? employerKindOf(school) : "other";
  }
  const row = {
    roundId: m.roundId,
    phase: m.phases[0] ?? m.roundPhase,
    subject: m.subjects[0] ?? null,
    submittedOn: day(m.submittedAt),
    pooledOn: day(m.pooledAt),
    appointedOn: day(m.appointedAt),
    appointedSchoolId: m.appointedSchoolId,
    employerKind,
  };
  await db
    .insert(poolOutcomes)
    .values({ memberId, ...row })
    .onConflictDoUpdate({ target: poolOutcomes.memberId, set: { ...row, roundId: sql`excluded.round_id` } });
}
