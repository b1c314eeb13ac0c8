import type { schools } from "../schema";
import type { TrustSlug } from "./demo-cast";

/**
 * Demoshire: an invented county around 52.95N 1.15W with invented towns and an invented outcode (DV).
 * Nothing here names a real school; URNs 990001–990040 and LA code 990 are outside GIAS's ranges.
 */
const CENTRE = { lat: 52.95, lng: -1.15 };
const KM_PER_DEGREE_LAT = 111.2;
const KM_PER_DEGREE_LNG = 111.32 * Math.cos((CENTRE.lat * Math.PI) / 180);

type Town = { name: string; outcode: string; eastKm: number; northKm: number };
// Town centres spread over about 20 km, in no line, so distance searches and GiST indexes behave as on real data.
const towns: Town[] = [
  { name: "Northbrook", outcode: "DV1", eastKm: 0, northKm: 7 },
  { name: "Riverside", outcode: "DV2", eastKm: -2, northKm: -3 },
  { name: "Oakham Vale", outcode: "DV3", eastKm: 6, northKm: -5 },
  { name: "Eastmere", outcode: "DV4", eastKm: 8.5, northKm: 3 },
  { name: "Westford", outcode: "DV5", eastKm: -8, northKm: 2 },
  { name: "Hollin Cross", outcode: "DV6", eastKm: 2, northKm: -10 },
  { name: "Kingsmead", outcode: "DV7", eastKm: -5, northKm: 9 },
  { name: "Ashby Fen", outcode: "DV8", eastKm: -9, northKm: -7 },
];

type Kind =
  | "primary"
  | "infant"
  | "junior"
  | "secondary"
  | "secondary-11-16"
  | "nursery"
  | "sixth-form"
  | "all-through"
  | "special";

const kinds: Record<Kind, { phase: string; ages: [number, number]; pupils: [number, number]; specialType?: string }> = {
  primary: { phase: "Primary", ages: [4, 11], pupils: [180, 630] },
  infant: { phase: "Primary", ages: [4, 7], pupils: [150, 270] },
  junior: { phase: "Primary", ages: [7, 11], pupils: [200, 360] },
  secondary: { phase: "Secondary", ages: [11, 18], pupils: [900, 1600] },
  "secondary-11-16": { phase: "Secondary", ages: [11, 16], pupils: [600, 1100] },
  nursery: { phase: "Nursery", ages: [2, 5], pupils: [60, 120] },
  "sixth-form": { phase: "16 plus", ages: [16, 19], pupils: [400, 1100] },
  "all-through": { phase: "All-through", ages: [4, 18], pupils: [1200, 1900] },
  // GIAS records special schools with phase "Not applicable"; the type group says "special".
  special: { phase: "Not applicable", ages: [3, 19], pupils: [60, 180], specialType: "special" },
};

type Owner = TrustSlug | "la";
type Entry = [name: string, kind: Kind, town: string, owner: Owner, religiousCharacter?: string];

// Northbrook's first two schools carry the demo school-level staff (hr.school@, mentor@).
const entries: Entry[] = [
  ["Northbrook Primary Academy", "primary", "Northbrook", "northbrook-learning-trust"],
  ["Northbrook Academy", "secondary", "Northbrook", "northbrook-learning-trust"],
  ["Kingsmead Primary Academy", "primary", "Kingsmead", "northbrook-learning-trust"],
  ["Kingsmead Secondary Academy", "secondary-11-16", "Kingsmead", "northbrook-learning-trust"],
  ["Westford Brook Primary Academy", "primary", "Westford", "northbrook-learning-trust"],
  ["Westford Academy", "secondary", "Westford", "northbrook-learning-trust"],
  ["Hollin Cross Primary Academy", "primary", "Hollin Cross", "northbrook-learning-trust"],
  ["Eastmere Infant Academy", "infant", "Eastmere", "northbrook-learning-trust"],
  ["Eastmere Junior Academy", "junior", "Eastmere", "northbrook-learning-trust"],
  ["Northbrook Sixth Form College", "sixth-form", "Northbrook", "northbrook-learning-trust"],
  ["Ashby Fen Primary Academy", "primary", "Ashby Fen", "northbrook-learning-trust"],
  ["Northbrook Meadows Primary Academy", "primary", "Northbrook", "northbrook-learning-trust"],
  ["Kingsmead Vale Special Academy", "special", "Kingsmead", "northbrook-learning-trust"],
  ["Millford Lane Primary Academy", "primary", "Riverside", "northbrook-learning-trust"],
  ["Oakham Vale All-through Academy", "all-through", "Oakham Vale", "northbrook-learning-trust"],
  ["Westford Green Primary Academy", "primary", "Westford", "northbrook-learning-trust"],
  ["Riverside Primary School", "primary", "Riverside", "riverside-schools-trust"],
  ["Riverside Academy", "secondary", "Riverside", "riverside-schools-trust"],
  ["Riverside Nursery School", "nursery", "Riverside", "riverside-schools-trust"],
  ["Willow Bank Primary School", "primary", "Riverside", "riverside-schools-trust"],
  ["Eastmere Academy", "secondary", "Eastmere", "riverside-schools-trust"],
  ["Ferry Lane Primary School", "primary", "Eastmere", "riverside-schools-trust"],
  ["Heron Wharf Primary School", "primary", "Riverside", "riverside-schools-trust"],
  ["Riverside Sixth Form Centre", "sixth-form", "Riverside", "riverside-schools-trust"],
  ["Kingfisher Special School", "special", "Eastmere", "riverside-schools-trust"],
  ["Small Oak Primary School", "primary", "Oakham Vale", "small-oak-trust"],
  ["Acorn Fields Primary School", "primary", "Oakham Vale", "small-oak-trust"],
  ["Oakham Vale Nursery School", "nursery", "Oakham Vale", "small-oak-trust"],
  ["Hollin Cross Infant School", "infant", "Hollin Cross", "la"],
  ["Hollin Cross Junior School", "junior", "Hollin Cross", "la"],
  ["Ashby Fen Church of England Primary School", "primary", "Ashby Fen", "la", "Church of England"],
  ["St Anne's Catholic Primary School", "primary", "Westford", "la", "Roman Catholic"],
  ["Ashby Fen High School", "secondary", "Ashby Fen", "la"],
  ["Oakham Vale Community School", "secondary-11-16", "Oakham Vale", "la"],
  ["Kingsmead Nursery School", "nursery", "Kingsmead", "la"],
  ["Brook Lane Primary School", "primary", "Northbrook", "la"],
  ["Westford Meadow Special School", "special", "Westford", "la"],
  ["Elm Tree Primary School", "primary", "Eastmere", "la"],
  ["Mill Race Primary School", "primary", "Westford", "la"],
  ["Demoshire Vale School", "all-through", "Northbrook", "la"],
];

export type FictionalSchool = typeof schools.$inferInsert & { owner: Owner };

/** The 40 schools, the same on every run: positions and sizes come from a seeded generator. */
export function fictionalSchools(): FictionalSchool[] {
  const random = seededRandom(990);
  return entries.map(([name, kindName, townName, owner, religiousCharacter], i) => {
    const kind = kinds[kindName];
    const town = towns.find((t) => t.name === townName)!;
    // Within about 2 km of the town centre: towns look like towns, not a grid.
    const eastKm = town.eastKm + (random() - 0.5) * 4;
    const northKm = town.northKm + (random() - 0.5) * 4;
    const pupils = Math.round(kind.pupils[0] + random() * (kind.pupils[1] - kind.pupils[0]));
    return {
      urn: 990001 + i,
      name,
      phase: kind.phase,
      establishmentType: null,
      typeGroup: kind.specialType ?? (owner === "la" ? "la_maintained" : "academy"),
      religiousCharacter: religiousCharacter ?? "Does not apply",
      statutoryLowAge: kind.ages[0],
      statutoryHighAge: kind.ages[1],
      laCode: "990",
      laName: "Demoshire",
      region: "Fictional region",
      postcode: fictionalPostcode(town.outcode, random),
      town: town.name,
      lat: round6(CENTRE.lat + northKm / KM_PER_DEGREE_LAT),
      lng: round6(CENTRE.lng + eastKm / KM_PER_DEGREE_LNG),
      pupils,
      website: null,
      source: "demo:fictional",
      sourceDate: null,
      owner,
    };
  });
}

// Royal Mail never uses C, I, K, M, O or V in the last two letters of a postcode.
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

function fictionalPostcode(outcode: string, random: () => number): string {
  const letter = () => INWARD_LETTERS[Math.floor(random() * INWARD_LETTERS.length)];
  return `${outcode} ${1 + Math.floor(random() * 9)}${letter()}${letter()}`;
}

/** mulberry32: a tiny deterministic generator, so the demo region is identical on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
