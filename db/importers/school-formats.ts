import type { schools } from "../schema";
import { parseGridReference, parseLatLng, type LatLng } from "./grid";
import { canonicalPhase, typeGroupFromFundingCategory, typeGroupFromGias } from "./school-type-group";

/** The columns an import owns; trust and partnership links are ours and never overwritten by a file. */
export type ImportedSchool = Omit<
  typeof schools.$inferInsert,
  "id" | "trustId" | "partnershipId" | "createdAt" | "updatedAt" | "source"
>;

export type ReadSchool = { ok: true; school: ImportedSchool; warnings: string[] } | { ok: false; reason: string };

type Cell = (name: string) => string;

export type SchoolFormat = {
  /** Short name, recorded in schools.source as "<format>:<file name>". */
  name: string;
  describe: string;
  matches: (header: Set<string>) => boolean;
  sourceDate: (fileName: string) => string | null;
  read: (cell: Cell) => ReadSchool;
};

/** The official GIAS "all establishment data" download (edubasealldataYYYYMMDD.csv). */
const gias: SchoolFormat = {
  name: "gias",
  describe: "GIAS all establishment data",
  matches: (h) => h.has("URN") && h.has("EstablishmentName") && h.has("LA (code)"),
  // The download's name carries its date; a renamed file simply has none.
  sourceDate: (fileName) => {
    const m = /(\d{4})(\d{2})(\d{2})/.exec(fileName);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  },
  read: (cell) => {
    // "Open, but proposed to close" schools still operate and recruit; only closed ones are dropped.
    if (!cell("EstablishmentStatus (name)").startsWith("Open")) return { ok: false, reason: "closed" };
    const establishmentType = cell("TypeOfEstablishment (name)");
    return build(cell("URN"), {
      name: cell("EstablishmentName"),
      phase: canonicalPhase(cell("PhaseOfEducation (name)")),
      establishmentType: establishmentType || null,
      typeGroup: typeGroupFromGias(cell("EstablishmentTypeGroup (name)"), establishmentType),
      religiousCharacter: cell("ReligiousCharacter (name)") || null,
      statutoryLowAge: integerOrNull(cell("StatutoryLowAge")),
      statutoryHighAge: integerOrNull(cell("StatutoryHighAge")),
      laCode: cell("LA (code)"),
      laName: cell("LA (name)"),
      districtCode: cell("DistrictAdministrative (code)") || null,
      districtName: cell("DistrictAdministrative (name)") || null,
      region: cell("GOR (name)") || null,
      postcode: cell("Postcode") || null,
      town: cell("Town") || null,
      pupils: integerOrNull(cell("NumberOfPupils")),
      website: cell("SchoolWebsite") || null,
      point: parseGridReference(cell("Easting"), cell("Northing")),
    });
  },
};

/** ../shared/data/schools-england.csv and its Greater Manchester slice: GIAS 2026-01-30, with lat/lng. */
const schoolsEngland: SchoolFormat = {
  name: "schools-england",
  describe: "schools-england.csv (GIAS open schools 2026-01-30)",
  matches: (h) => h.has("urn") && h.has("funding_category_2021"),
  sourceDate: () => "2026-01-30",
  read: (cell) =>
    build(cell("urn"), {
      name: cell("name"),
      phase: canonicalPhase(cell("phase")),
      establishmentType: null,
      typeGroup: typeGroupFromFundingCategory(cell("funding_category_2021")),
      religiousCharacter: cell("religious_character_group") || null,
      statutoryLowAge: null,
      statutoryHighAge: null,
      laCode: cell("la_code"),
      laName: cell("la_name"),
      region: cell("region") || null,
      postcode: cell("postcode") || null,
      town: cell("town") || null,
      // A 2021 census figure: stale, but the only national one in this file.
      pupils: integerOrNull(cell("pupils_on_roll_jan2021")),
      website: null,
      point: parseLatLng(cell("lat"), cell("lng")) ?? parseGridReference(cell("easting"), cell("northing")),
    }),
};

/** ../shared/data/schools-trafford-full.csv: Trafford Data Lab's full GIAS extract, 2024-09-26. */
const traffordFull: SchoolFormat = {
  name: "trafford-full",
  describe: "schools-trafford-full.csv (Trafford Data Lab GIAS extract 2024-09-26)",
  matches: (h) => h.has("urn") && h.has("type_group") && h.has("statutory_low_age"),
  sourceDate: () => "2024-09-26",
  read: (cell) =>
    build(cell("urn"), {
      name: cell("name"),
      phase: canonicalPhase(cell("phase")),
      establishmentType: null,
      typeGroup: typeGroupFromGias(cell("type_group")),
      religiousCharacter: cell("religious_character") || null,
      statutoryLowAge: integerOrNull(cell("statutory_low_age")),
      statutoryHighAge: integerOrNull(cell("statutory_high_age")),
      laCode: cell("la_code"),
      laName: cell("la_name"),
      region: null,
      postcode: cell("postcode") || null,
      town: null,
      pupils: integerOrNull(cell("number_of_pupils")),
      website: cell("website") || null,
      point: parseLatLng(cell("lat"), cell("lng")),
    }),
};

export const schoolFormats: SchoolFormat[] = [gias, schoolsEngland, traffordFull];

export function detectSchoolFormat(header: string[]): SchoolFormat | undefined {
  const names = new Set(header.map((h) => h.trim()));
  return schoolFormats.find((f) => f.matches(names));
}

type Fields = Omit<ImportedSchool, "urn" | "lat" | "lng" | "sourceDate"> & { point: LatLng | null };

/** Shared checks: a row without URN, name or LA cannot be stored; one without a point can, with a warning. */
function build(urnText: string, fields: Fields): ReadSchool {
  const urn = integerOrNull(urnText);
  if (urn === null || urn <= 0) return { ok: false, reason: "missing URN" };
  if (!fields.name) return { ok: false, reason: "missing name" };
  if (!fields.laCode) return { ok: false, reason: "missing LA code" };
  const { point, ...rest } = fields;
  const warnings: string[] = [];
  if (!point) warnings.push("no coordinates (imported, but not findable by distance)");
  if (!rest.postcode) warnings.push("no postcode");
  return { ok: true, school: { urn, ...rest, lat: point?.lat ?? null, lng: point?.lng ?? null }, warnings };
}

function integerOrNull(text: string): number | null {
  if (!/^-?\d+$/.test(text)) return null;
  return Number(text);
}
