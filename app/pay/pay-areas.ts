/**
 * The four pay areas of the School Teachers' Pay and Conditions Document (STPCD), by DfE local-authority code.
 * The STPCD's London lists differ from the DfE's statistical Inner/Outer London: Barking and Dagenham, Brent,
 * Ealing, Haringey, Merton and Newham are Inner London for pay. Source of the borough lists: the STPCD's
 * definitions ("the Inner London Area" / "the Outer London Area"), as quoted in full at
 * community.tes.com/threads/which-areas-are-inner-london-weighting.500248 (checked 2026-12-01).
 *
 * The Fringe is defined by district. Where a whole local authority is one district (Bracknell Forest, Slough,
 * Windsor and Maidenhead) the school's LA settles it. Elsewhere the Fringe covers some districts of a county,
 * and the school register data Staffroom holds has no district, so those schools are treated as the rest of
 * England and marked uncertain, as are areas whose inclusion could not be checked here.
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
  "201": "City of London", "202": "Camden", "203": "Greenwich", "204": "Hackney", "205": "Hammersmith and Fulham",
  "206": "Islington", "207": "Kensington and Chelsea", "208": "Lambeth", "209": "Lewisham", "210": "Southwark",
  "211": "Tower Hamlets", "212": "Wandsworth", "213": "Westminster", "301": "Barking and Dagenham", "304": "Brent",
  "307": "Ealing", "309": "Haringey", "315": "Merton", "316": "Newham",
};

const OUTER_LONDON: Record<string, string> = {
  "302": "Barnet", "303": "Bexley", "305": "Bromley", "306": "Croydon", "308": "Enfield", "310": "Harrow",
  "311": "Havering", "312": "Hillingdon", "313": "Hounslow", "314": "Kingston upon Thames", "317": "Redbridge",
  "318": "Richmond upon Thames", "319": "Sutton", "320": "Waltham Forest",
};

/** Whole authorities in the Fringe, confirmed against the STPCD text (Berkshire's three districts). */
const FRINGE: Record<string, string> = { "867": "Bracknell Forest", "871": "Slough", "868": "Windsor and Maidenhead" };

/**
 * Authorities where the Fringe depends on the district, or whose inclusion could not be confirmed here. Each is
 * treated as the rest of England, with this note shown wherever the pay area is.
 */
const UNCERTAIN: Record<string, { name: string; note: string }> = {
  "825": { name: "Buckinghamshire", note: "Only some former districts of Buckinghamshire are in the London fringe; Staffroom cannot tell a school's district." },
  "881": { name: "Essex", note: "Only some districts of Essex are in the London fringe; Staffroom cannot tell a school's district." },
  "883": { name: "Thurrock", note: "Thurrock is named with the Essex fringe districts, which could not be confirmed here." },
  "886": { name: "Kent", note: "Only some districts of Kent are in the London fringe; Staffroom cannot tell a school's district." },
  "919": { name: "Hertfordshire", note: "Only some districts of Hertfordshire are in the London fringe; Staffroom cannot tell a school's district." },
  "936": { name: "Surrey", note: "Surrey's fringe status could not be confirmed here." },
  "938": { name: "West Sussex", note: "Only Crawley, in West Sussex, is in the London fringe; Staffroom cannot tell a school's district." },
};

export type PayAreaOfSchool = { area: PayArea; certain: boolean; note: string | null };

/** A school's pay area from its local authority's DfE code. */
export function payAreaOf(laCode: string): PayAreaOfSchool {
  if (INNER_LONDON[laCode]) return { area: "inner_london", certain: true, note: null };
  if (OUTER_LONDON[laCode]) return { area: "outer_london", certain: true, note: null };
  if (FRINGE[laCode]) return { area: "fringe", certain: true, note: null };
  const uncertain = UNCERTAIN[laCode];
  if (uncertain) return { area: "rest_of_england", certain: false, note: `${uncertain.note} Treated as the rest of England.` };
  return { area: "rest_of_england", certain: true, note: null };
}

/** For tests and documentation: every LA code with a pay area other than the default. */
export const PAY_AREA_TABLE = { inner_london: INNER_LONDON, outer_london: OUTER_LONDON, fringe: FRINGE, uncertain: UNCERTAIN };
