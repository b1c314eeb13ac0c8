/** Kinds of employer, for the area's pay page: the split that shows whether big trusts outbid the rest. */

/** A trust with this many schools or more counts as a large trust. */
const LARGE_TRUST_SCHOOLS = 10;

export const employerKinds = {
  large_trust: `Large trusts (${LARGE_TRUST_SCHOOLS} or more schools)`,
  small_trust: "Smaller trusts and single academies",
  la_school: "Local-authority schools",
} as const;
export type EmployerKind = keyof typeof employerKinds;

/** From the employing school's trust size and type. */
export function employerKindOf(trustSchools: number | null, typeGroup: string | null): EmployerKind {
  if ((trustSchools ?? 0) >= LARGE_TRUST_SCHOOLS) return "large_trust";
  if (trustSchools || typeGroup === "academy") return "small_trust";
  return "la_school";
}
