import { importPostcodes } from "../importers/postcodes";
import { runImportCli } from "./import-report";

runImportCli({
  label: "postcodes",
  help: `Usage: npm run import:postcodes -- FILE [--force]

Upserts postcode, sector and outcode centroids into the places table from FILE, whose format is told
by its first line:
  - ../shared/data/postcode-outcodes-gb.csv, postcode-sectors-gb.csv, postcodes-greater-manchester.csv;
  - OS Code-Point Open's CSV (no header; one file per postcode area). Rows of positional quality 90
    have no coordinates and are skipped.

  --force      open PGlite even though something listens on the app's port`,
  run: (db, file, _flags, onProgress) => importPostcodes(db, file, { onProgress }),
});
