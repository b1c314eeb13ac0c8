/**
 * Run after `remix build` (tests/run-all.sh does): fails when anything from db/ reached the browser bundle in
 * public/build, e.g. a component importing a constant from a Drizzle schema file drags every table with it.
 */
import { existsSync } from "node:fs";
import { findLeaks, javascriptFiles, serverOnlyMarkers } from "./browser-bundle";

const dir = process.argv[2] ?? "public/build";
if (!existsSync(dir)) {
  console.error(`${dir} does not exist: run remix build first`);
  process.exit(1);
}
const files = javascriptFiles(dir);
const markers = serverOnlyMarkers();
const leaks = findLeaks(files, markers);
if (leaks.length > 0) {
  for (const leak of leaks) console.error(`${leak.file}: contains ${JSON.stringify(leak.marker)}`);
  console.error("Server code (db/) reached the browser bundle: import vocabulary from app/vocabulary instead.");
  process.exit(1);
}
console.log(`browser bundle: ${files.length} files, none holds any of ${markers.length} server-only markers`);
