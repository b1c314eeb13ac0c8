/**
 * The coarse kind of a school, for filters and for telling trusts' schools from the LA's. The finer
 * official wording, where a source has it, goes in schools.establishment_type.
 */
export const schoolTypeGroups = [
  "academy",
  "la_maintained",
  "special",
  "alternative_provision",
  "independent",
  "college",
  "university",
  "other",
] as const;
export type SchoolTypeGroup = (typeof schoolTypeGroups)[number];

// ESFA funding categories (schools-england.csv). Special and AP schools get their own group whoever
// funds them, because that is what a teacher choosing a school needs to know.
const byFundingCategory: Record<string, SchoolTypeGroup> = {
  "academy (mainstream)": "academy",
  "la-maintained mainstream": "la_maintained",
  "academy (special)": "special",
  "la-maintained special": "special",
  "non-maintained special school": "special",
  "pupil referral unit": "alternative_provision",
  "alternative provision academy": "alternative_provision",
};

// GIAS EstablishmentTypeGroup (name), also used by schools-trafford-full.csv.
const byGiasTypeGroup: Record<string, SchoolTypeGroup> = {
  academies: "academy",
  "free schools": "academy",
  "local authority maintained schools": "la_maintained",
  "special schools": "special",
  "independent schools": "independent",
  colleges: "college",
  universities: "university",
  "welsh schools": "other",
  "other types": "other",
  "online provider": "other",
};

/** null when blank: schools-england leaves independent schools and post-2021 URNs blank. */
export function typeGroupFromFundingCategory(category: string): SchoolTypeGroup | null {
  return byFundingCategory[category.trim().toLowerCase()] ?? null;
}

/** GIAS's group, refined by the establishment type so special academies and PRUs are not "academy"/"LA". */
export function typeGroupFromGias(group: string, establishmentType = ""): SchoolTypeGroup | null {
  const type = establishmentType.toLowerCase();
  if (/pupil referral|alternative provision/.test(type)) return "alternative_provision";
  if (/special/.test(type)) return "special";
  return byGiasTypeGroup[group.trim().toLowerCase()] ?? (group.trim() ? "other" : null);
}

// GIAS's phase vocabulary is the canonical one; Trafford Data Lab reworded two of its values.
const phaseSynonyms: Record<string, string> = {
  "all through": "All-through",
  "post 16": "16 plus",
  "": "Not applicable",
};

export function canonicalPhase(phase: string): string {
  return phaseSynonyms[phase.trim().toLowerCase()] ?? phase.trim();
}
