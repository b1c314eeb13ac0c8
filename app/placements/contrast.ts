/** What the contrast check needs to know of a school: the GIAS fields the schools table holds. */
export type ContrastSchool = {
  id: string;
  name: string;
  trustId: string | null;
  trustName?: string | null;
  phase: string;
  establishmentType: string | null;
  laCode: string;
  laName: string;
};

export type ContrastWarning = { schools: [string, string]; reasons: string[] };

export type ContrastCheck = {
  distinctSchools: number;
  /** At least two different schools: the ITT criteria's minimum, and what completing a rotation needs. */
  enoughSchools: boolean;
  warnings: ContrastWarning[];
};

/**
 * Warns when two schools of a rotation do not contrast, and says why: the same trust, the same phase and type of
 * school, or the same local authority. A warning, not a refusal: a coordinator may have good reason.
 */
export function checkContrast(schools: ContrastSchool[]): ContrastCheck {
  const unique = [...new Map(schools.map((s) => [s.id, s])).values()];
  const warnings: ContrastWarning[] = [];
  for (const [i, a] of unique.entries()) {
    for (const b of unique.slice(i + 1)) {
      const reasons: string[] = [];
      if (a.trustId && a.trustId === b.trustId)
        reasons.push(`both are in the same trust${a.trustName ? ` (${a.trustName})` : ""}`);
      if (a.phase === b.phase && a.establishmentType && a.establishmentType === b.establishmentType)
        reasons.push(`both are ${a.phase.toLowerCase()} schools of the same type (${a.establishmentType})`);
      if (a.laCode === b.laCode) reasons.push(`both are in ${a.laName}`);
      if (reasons.length > 0) warnings.push({ schools: [a.name, b.name], reasons });
    }
  }
  return { distinctSchools: unique.length, enoughSchools: unique.length >= 2, warnings };
}
