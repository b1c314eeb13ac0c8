import { importSchools } from "../importers/schools";
import { runImportCli } from "./import-report";

runImportCli({
  label: "schools",
  help: `Usage: npm run import:schools -- FILE [--la 350,351,...] [--force]

Upserts schools by URN from FILE, whose format is told by its header:
  - the official GIAS "all establishment data" download (edubasealldataYYYYMMDD.csv, Windows-1252 or UTF-8);
    only Open establishments ("Open" and "Open, but proposed to close") are kept;
  - ../shared/data/schools-england.csv or schools-greater-manchester.csv;
  - ../shared/data/schools-trafford-full.csv.
Running it again updates changed rows only; trust and partnership links are never overwritten.
Rows without coordinates are imported and counted as a warning (they cannot be found by distance).

  --la CODES   keep only these DfE LA codes, comma-separated (358 = Trafford)
  --force      open PGlite even though something listens on the app's port`,
  run: (db, file, flags, onProgress) => {
    const laCodes = flags.la
      ?.split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    return importSchools(db, file, { laCodes, onProgress });
  },
});
