/**
 * The four pay areas of the School Teachers' Pay and Conditions Document (STPCD), by DfE local-authority code.
 * The STPCD's London lists differ from the DfE's statistical Inner/Outer London: Barking and Dagenham, Brent,
 * Ealing, Haringey, Merton and Newham are Inner London for pay. Source of the borough lists: the STPCD's
 * definitions ("the Inner London Area" / "the Outer London Area"), as quoted in full at
 * community.tes.com/threads/which-areas-are-inner-london-weighting.500248 (checked 2026-12-01).
 *
 * The Fringe is defined by district. Where a whole local authority is one district (Bracknell Forest, Slough,
 * Windsor and Maidenhead) the school's LA settles it. In West Sussex only Crawley is in the Fringe, so a school
 * whose district is known (the GIAS download carries it; ../shared/data does not) is settled by it. In the
 * other partly-fringe counties the Fringe's district lists could not be checked here: their schools are
 * treated as the rest of England and marked uncertain, with the district named when it is known.
 */
export const PAY_AREAS = ["rest_of_england", "fringe", "outer_london", "inner_london"] as const;
export type PayArea = (typeof PAY_AREAS)[number];

export const payAreaLabels: Record<PayArea, string> = {
  rest_of_england: "England outside London and the fringe",
  fringe: "London fringe",
  outer_london: "Outer London",
  inner_london: "Inner London",
};

const INNER_LONDON: Record<string, string> = {
  "201": "City of London",
  "202": "Camden",
  "203": "Greenwich",
  "204": "Hackney",
  "205": "Hammersmith and Fulham",
  "206": "Islington",
  "207": "Kensington and Chelsea",
  "208": "Lambeth",
  "209": "Lewisham",
  "210": "Southwark",
  "211": "Tower Hamlets",
  "212": "Wandsworth",
  "213": "Westminster",
  "301": "Barking and Dagenham",
  "304": "Brent",
  "307": "Ealing",
  "309": "Haringey",
  "315": "Merton",
  "316": "Newham",
};

const OUTER_LONDON: Record<string, string> = {
  "302": "Barnet",
  "303": "Bexley",
  "305": "Bromley",
  "306": "Croydon",
  "308": "Enfield",
  "310": "Harrow",
  "311": "Havering",
  "312": "Hillingdon",
  "313": "Hounslow",
  "314": "Kingston upon Thames",
  "317": "Redbridge",
  "318": "Richmond upon Thames",
  "319": "Sutton",
  "320": "Waltham Forest",
};

/** Whole authorities in the Fringe, confirmed against the STPCD text (Berkshire's three districts). */
const FRINGE: Record<string, string> = { "867": "Bracknell Forest", "871": "Slough", "868": "Windsor and Maidenhead" };

/** Counties of which only these districts (ONS codes) are in the Fringe, with every district known. */
const FRINGE_DISTRICTS: Record<string, { county: string; districts: Record<string, string> }> = {
  "938": { county: "West Sussex", districts: { E07000226: "Crawley" } },
};

/**
 * Authorities where the Fringe depends on the district, or whose inclusion could not be confirmed here. Each is
 * treated as the rest of England, with this note shown wherever the pay area is.
 */
const UNCERTAIN: Record<string, { name: string; note: string }> = {
  "825": {
    name: "Buckinghamshire",
    note: "Only some former districts of Buckinghamshire are in the London fringe, and their list could not be checked here.",
  },
  "881": {
    name: "Essex",
    note: "Only some districts of Essex are in the London fringe, and their list could not be checked here.",
  },
  "883": {
    name: "Thurrock",
    note: "Thurrock is named with the Essex fringe districts, which could not be confirmed here.",
  },
  "886": {
    name: "Kent",
    note: "Only some districts of Kent are in the London fringe, and their list could not be checked here.",
  },
  "919": {
    name: "Hertfordshire",
    note: "Only some districts of Hertfordshire are in the London fringe, and their list could not be checked here.",
  },
  "936": { name: "Surrey", note: "Surrey's fringe status could not be confirmed here." },
  "938": {
    name: "West Sussex",
    note: "Only Crawley, in West Sussex, is in the London fringe, and this school's district is not known.",
  },
};

export type PayAreaOfSchool = { area: PayArea; certain: boolean; note: string | null };

export type District = { code: string | null; name: string | null };

/** A school's pay area from its local authority's DfE code and, in a partly-fringe county, its district. */
export function payAreaOf(laCode: string, district: District = { code: null, name: null }): PayAreaOfSchool {
  if (INNER_LONDON[laCode]) return { area: "inner_london", certain: true, note: null };
  if (OUTER_LONDON[laCode]) return { area: "outer_london", certain: true, note: null };
  if (FRINGE[laCode]) return { area: "fringe", certain: true, note: null };
  const byDistrict = FRINGE_DISTRICTS[laCode];
  if (byDistrict && district.code) {
    return { area: byDistrict.districts[district.code] ? "fringe" : "rest_of_england", certain: true, note: null };
  }
  const uncertain = UNCERTAIN[laCode];
  if (uncertain) {
    const which = district.name && !byDistrict ? ` The school is in ${district.name}.` : "";
    return {
      area: "rest_of_england",
      certain: false,
      note: `${uncertain.note}${which} Treated as the rest of England.`,
    };
  }
  return { area: "rest_of_england", certain: true, note: null };
}
