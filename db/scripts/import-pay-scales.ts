import { importPayScales } from "../importers/pay-scales";
import { runImportCli } from "./import-report";

runImportCli({
  label: "pay scales",
  help: `Usage: npm run import:pay-scales -- FILE [--force]

Upserts statutory teacher pay figures from FILE, a CSV with the header
  year,area,range,point,annual_gbp,source
as in ../shared/data/pay-scales-england.csv: year like 2025/26; area one of rest_of_england, fringe,
outer_london, inner_london; range (main, upper, unqualified, leading_practitioner, leadership, tlr1-3, sen);
point (min, max, M1...); whole pounds; and the source every figure must have. A new pay year is just more
rows: no code changes. At start-up Staffroom adds what it lacks of db/reference/pay-scales-england.csv (every
row of the shared file, and the headteacher minimum); this imports a newer file, overwriting changed figures.

  --force   open PGlite even though something listens on the app's port`,
  run: (db, file, _flags, onProgress) => importPayScales(db, file, { onProgress }),
});
