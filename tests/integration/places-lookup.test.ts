import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { resolvePlace } from "../../app/places/lookup.server";
import { importPostcodes } from "../../db/importers/postcodes";
import { importSchools } from "../../db/importers/schools";
import { useTestDatabase } from "../support/database";

const dataDir = path.resolve(process.cwd(), "../shared/data");
const hasData = existsSync(dataDir);
// The reason shows in the test name only when the case is skipped.
const SKIP = hasData ? "" : "(skipped: ../shared/data not present)";

/** Rows of a shared file whose line starts with one of `prefixes`, with the header: a real slice. */
function linesStartingWith(file: string, prefixes: string[]): Readable {
  const [header, ...lines] = readFileSync(path.join(dataDir, file), "utf8").trim().split("\n");
  const kept = lines.filter((l) => prefixes.some((p) => l.startsWith(p)));
  return Readable.from([[header, ...kept].join("\n") + "\n"]);
}

describe("resolvePlace on real Greater Manchester data", () => {
  const t = useTestDatabase();

  beforeEach(async () => {
    if (!hasData) return;
    await importPostcodes(t.db, linesStartingWith("postcode-outcodes-gb.csv", ["M1,", "M33,"]));
    await importPostcodes(t.db, linesStartingWith("postcode-sectors-gb.csv", ["M33 6,", "M33 7,"]));
    await importPostcodes(t.db, linesStartingWith("postcodes-greater-manchester.csv", ["M33 6A", "M1 1A"]));
    await importSchools(t.db, path.join(dataDir, "schools-greater-manchester.csv"));
  });

  it.skipIf(!hasData)(`resolves a full postcode, typed any way, to the file's centroid ${SKIP}`, async () => {
    const expected = { lat: 53.421766, lng: -2.330132, label: "M33 6AG", kind: "postcode" };
    expect(await resolvePlace(t.db, "M33 6AG")).toEqual(expected);
    expect(await resolvePlace(t.db, "m336ag")).toEqual(expected);
    expect(await resolvePlace(t.db, "  m33   6ag ")).toEqual(expected);
  });

  it.skipIf(!hasData)(`resolves a sector and an outcode ${SKIP}`, async () => {
    expect(await resolvePlace(t.db, "M33 6")).toEqual({
      lat: 53.427293,
      lng: -2.330717,
      label: "M33 6",
      kind: "sector",
    });
    expect(await resolvePlace(t.db, "m1")).toEqual({ lat: 53.477475, lng: -2.236229, label: "M1", kind: "outcode" });
  });

  it.skipIf(!hasData)(`falls back from an unknown postcode to its sector, then its outcode ${SKIP}`, async () => {
    expect(await resolvePlace(t.db, "M33 6ZZ")).toMatchObject({ label: "M33 6", kind: "sector" });
    expect(await resolvePlace(t.db, "M33 9ZZ")).toMatchObject({ label: "M33", kind: "outcode" });
  });

  it.skipIf(!hasData)(`resolves a local authority and a town to the centre of their schools ${SKIP}`, async () => {
    const trafford = await resolvePlace(t.db, "trafford");
    expect(trafford).toMatchObject({ label: "Trafford", kind: "local_authority" });
    // Trafford's schools lie between Altrincham and Old Trafford.
    expect(trafford!.lat).toBeGreaterThan(53.38);
    expect(trafford!.lat).toBeLessThan(53.47);
    expect(trafford!.lng).toBeGreaterThan(-2.4);
    expect(trafford!.lng).toBeLessThan(-2.26);

    const altrincham = await resolvePlace(t.db, "ALTRINCHAM");
    expect(altrincham).toMatchObject({ label: "Altrincham", kind: "town" });
    expect(altrincham!.lat).toBeCloseTo(53.39, 1);
  });

  it("is null for garbage, unknown names and postcodes nobody imported", async () => {
    expect(await resolvePlace(t.db, "")).toBeNull();
    expect(await resolvePlace(t.db, "Atlantis")).toBeNull();
    expect(await resolvePlace(t.db, "ZZ9 9ZZ")).toBeNull();
    expect(await resolvePlace(t.db, "x".repeat(500))).toBeNull();
    expect(await resolvePlace(t.db, "'; DROP TABLE places; --")).toBeNull();
  });
});
