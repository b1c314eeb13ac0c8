/** The kinds of school a searcher can filter on, from the school register's type group and religious character. */
export const schoolTypeLabels = {
  academy: "Academy or free school",
  la_maintained: "Local-authority maintained",
  special: "Special school",
  faith: "Faith school",
} as const;
export type SchoolType = keyof typeof schoolTypeLabels;

/** GIAS says "Does not apply" (or, grouped, "None / inter-denominational") for schools without a religious character. */
export function isFaithSchool(religiousCharacter: string | null): boolean {
  if (!religiousCharacter) return false;
  return !/^(does not apply|none|not applicable|$)/i.test(religiousCharacter.trim());
}

/** Which filterable kinds a school counts as: a special academy is both "special" and "academy". */
export function schoolTypesOf(school: {
  typeGroup: string | null;
  religiousCharacter: string | null;
  establishmentType?: string | null;
}): SchoolType[] {
  const types: SchoolType[] = [];
  const group = school.typeGroup;
  const establishment = (school.establishmentType ?? "").toLowerCase();
  if (group === "academy" || /academy|free school/.test(establishment)) types.push("academy");
  if (
    group === "la_maintained" ||
    (group === "special" && /maintained|community special|foundation special/.test(establishment))
  )
    types.push("la_maintained");
  if (group === "special") types.push("special");
  if (isFaithSchool(school.religiousCharacter)) types.push("faith");
  return [...new Set(types)];
}
