/** A school's phase and type in the words parents and teachers use, not GIAS's codes. */

const TYPE_WORDS: Record<string, string> = {
  academy: "Academy",
  la_maintained: "Local-authority school",
  special: "Special school",
  alternative_provision: "Alternative provision",
  independent: "Independent school",
  college: "College",
  university: "University",
  other: "Other school",
};

/** GIAS records special and some other schools with phase "Not applicable": show no phase rather than that. */
export function phaseInWords(phase: string | null): string | null {
  if (!phase || /^not applicable$/i.test(phase.trim())) return null;
  return phase;
}

/** The school's type: the official wording where a source has it, else the group in words; null when unknown. */
export function typeInWords(school: { establishmentType?: string | null; typeGroup: string | null }): string | null {
  if (school.establishmentType) return school.establishmentType;
  if (!school.typeGroup) return null;
  return Object.hasOwn(TYPE_WORDS, school.typeGroup) ? (TYPE_WORDS[school.typeGroup] ?? null) : null;
}

/** "Secondary academy, Sale", "Special school, Northbrook": the lead line of a school's page. */
export function schoolLead(school: { phase: string | null; typeGroup: string | null; town: string | null }): string {
  const phase = phaseInWords(school.phase);
  const type = typeInWords({ typeGroup: school.typeGroup });
  const what =
    phase && type && school.typeGroup !== "special" && school.typeGroup !== "alternative_provision"
      ? `${phase} ${type.charAt(0).toLowerCase()}${type.slice(1)}`
      : (type ?? phase ?? "School");
  return school.town ? `${what}, ${school.town}` : what;
}
