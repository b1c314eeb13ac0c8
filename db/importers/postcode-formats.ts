import { normalisePostcode, parsePostcodeQuery, type PostcodeKind } from "../../app/vocabulary/postcodes";
import type { places } from "../schema";
import type { ReadResult, RecognisedFormat } from "./csv-import";
import { parseGridReference, parseLatLng } from "./grid";

export type ImportedPlace = Omit<typeof places.$inferInsert, "source">;
type ReadPlace = ReadResult<ImportedPlace>;

/** Header-less formats (Code-Point Open) have hasHeader false: their first record is data. */
export type PlaceFormat = RecognisedFormat<ImportedPlace> & {
  describe: string;
  matches: (firstRecord: string[]) => boolean;
};

/** The aggregated centroid files in ../shared/data: one row per outcode or sector, lat/lng precomputed. */
function centroidFile(kind: "outcode" | "sector", file: string): PlaceFormat {
  return {
    name: `${kind}s`,
    describe: file,
    hasHeader: true,
    matches: (first) => first.includes(kind) && first.includes("postcode_count"),
    read: (_row, cell) =>
      place(
        kind,
        cell(kind),
        parseLatLng(cell("lat"), cell("lng")) ?? parseGridReference(cell("easting"), cell("northing")),
        {
          laCode: cell("la_code") || null,
          laName: cell("la_name") || null,
          postcodeCount: Number(cell("postcode_count")) || null,
        },
      ),
  };
}

/** ../shared/data/postcodes-greater-manchester.csv: Code-Point units with a header, LA and lat/lng. */
const postcodeUnits: PlaceFormat = {
  name: "postcodes",
  describe: "postcodes-greater-manchester.csv",
  hasHeader: true,
  matches: (first) => first.includes("postcode") && first.includes("positional_quality"),
  read: (_row, cell) => {
    if (cell("positional_quality") === "90") return { ok: false, reason: "no coordinates (positional quality 90)" };
    const point = parseLatLng(cell("lat"), cell("lng")) ?? parseGridReference(cell("easting"), cell("northing"));
    return place("postcode", cell("postcode"), point, {
      laCode: cell("la_code") || null,
      laName: cell("la_name") || null,
      postcodeCount: 1,
    });
  },
};

/**
 * OS Code-Point Open's own CSV: no header; Postcode, Positional_quality_indicator, Eastings, Northings,
 * then ONS area codes. Its LA columns are ONS codes, not the DfE codes places.la_code holds, so they
 * are left out rather than stored in the wrong vocabulary.
 */
const codePointOpen: PlaceFormat = {
  name: "codepoint-open",
  describe: "OS Code-Point Open CSV (no header row)",
  hasHeader: false,
  matches: ([postcode, quality, ...rest]) =>
    rest.length >= 2 &&
    postcode !== undefined &&
    normalisePostcode(postcode) !== null &&
    /^\d+$/.test(quality?.trim() ?? ""),
  read: (row) => {
    // matches() saw at least four cells; a short row reads as empty cells, which the parsers refuse.
    const [postcode = "", quality, eastings = "", northings = ""] = row.map((c) => c.trim());
    if (quality === "90") return { ok: false, reason: "no coordinates (positional quality 90)" };
    return place("postcode", postcode, parseGridReference(eastings, northings), { postcodeCount: 1 });
  },
};

export const placeFormats: PlaceFormat[] = [
  centroidFile("outcode", "postcode-outcodes-gb.csv"),
  centroidFile("sector", "postcode-sectors-gb.csv"),
  postcodeUnits,
  codePointOpen,
];

export function detectPlaceFormat(firstRecord: string[]): PlaceFormat | undefined {
  const trimmed = firstRecord.map((c) => c.trim());
  return placeFormats.find((f) => f.matches(trimmed));
}

function place(
  kind: PostcodeKind,
  text: string,
  point: { lat: number; lng: number } | null,
  extra: Partial<ImportedPlace>,
): ReadPlace {
  const parsed = parsePostcodeQuery(text);
  if (!parsed || parsed.kind !== kind) return { ok: false, reason: `malformed ${kind}` };
  if (!point) return { ok: false, reason: "no coordinates" };
  return { ok: true, value: { key: parsed.key, kind, lat: point.lat, lng: point.lng, ...extra } };
}
