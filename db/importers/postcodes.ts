import type { Database } from "../client";
import { places } from "../schema";
import { runCsvImport, type CsvImportOptions, type ImportReport } from "./csv-import";
import type { CsvInput } from "./csv-source";
import { detectPlaceFormat, placeFormats, type ImportedPlace } from "./postcode-formats";
import { updateFromExcluded, wasInserted } from "./upsert-counts";

/** Upserts postcode, sector or outcode centroids into places, keyed by the canonical postcode text. */
export function importPostcodes(db: Database, input: CsvInput, options: CsvImportOptions = {}): Promise<ImportReport> {
  return runCsvImport<ImportedPlace>(
    input,
    {
      recognise: (first) => detectPlaceFormat(first),
      knownFormats: placeFormats.map((f) => f.describe).join("; "),
      identity: (place) => place.key,
      upsert: (batch, source) => upsertPlaces(db, batch, source),
    },
    options,
  );
}

const onConflict = updateFromExcluded(places, ["kind", "lat", "lng", "laCode", "laName", "postcodeCount", "source"]);

function upsertPlaces(db: Database, batch: ImportedPlace[], source: string) {
  return db
    .insert(places)
    .values(batch.map((place) => ({ ...place, source })))
    .onConflictDoUpdate({ target: places.key, set: onConflict.set, setWhere: onConflict.changed })
    .returning({ inserted: wasInserted });
}
