import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importPostcodes } from "../../db/importers/postcodes";
import { importSchools, UnknownFormatError } from "../../db/importers/schools";
import { firstRow, rowsOf } from "../../db/rows";
import { places, schools } from "../../db/schema";
import { useTestDatabase } from "../support/database";

const dataDir = path.resolve(process.cwd(), "../shared/data");
const hasData = existsSync(dataDir);
// The reason shows in the test name only when the case is skipped.
const SKIP = hasData ? "" : "(skipped: ../shared/data not present)";

/** The header and first `n` data lines of a shared file, as a stream: a real slice, no copy committed. */
function firstLines(file: string, n: number): Readable {
  const lines = readFileSync(path.join(dataDir, file), "utf8")
    .split("\n")
    .slice(0, n + 1);
  return Readable.from([Buffer.from(lines.join("\n") + "\n")]);
}

function csvRecords(file: string): Map<string, Record<string, string>> {
  const [header = "", ...lines] = readFileSync(path.join(dataDir, file), "utf8").trim().split("\n");
  const names = header.split(",");
  const byFirst = new Map<string, Record<string, string>>();
  for (const line of lines) {
    // Good enough for the plain rows picked below; quoted commas only occur in names we do not split on.
    const cells = line.split(",");
    byFirst.set(cells[0] ?? "", Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""])));
  }
  return byFirst;
}

const giasHeader = [
  "URN",
  "LA (code)",
  "LA (name)",
  "EstablishmentName",
  "TypeOfEstablishment (name)",
  "EstablishmentTypeGroup (name)",
  "EstablishmentStatus (name)",
  "PhaseOfEducation (name)",
  "StatutoryLowAge",
  "StatutoryHighAge",
  "ReligiousCharacter (name)",
  "Town",
  "Postcode",
  "SchoolWebsite",
  "NumberOfPupils",
  "GOR (name)",
  "Easting",
  "Northing",
  "DistrictAdministrative (code)",
  "DistrictAdministrative (name)",
];

/**
 * A GIAS-shaped file built from real schools-england rows, encoded as GIAS encodes its download:
 * Windows-1252, so "Française", "Prévert" and "180°" arrive as single bytes.
 */
function giasFixture(): Readable {
  const england = csvRecords("schools-england.csv");
  const row = (urn: string, status: string, type: string, group: string) => {
    const record = england.get(urn);
    if (!record) throw new Error(`schools-england.csv has no school ${urn}`);
    const r = (column: string) => {
      const value = record[column];
      if (value === undefined) throw new Error(`schools-england.csv has no ${column} column`);
      return value;
    };
    const name = urn === "100371" ? "Ecole Française de Londres Jacques Prévert" : r("name");
    return [
      urn,
      r("la_code"),
      r("la_name"),
      name,
      type,
      group,
      status,
      r("phase"),
      "3",
      "11",
      "None",
      r("town"),
      r("postcode"),
      "www.example.org",
      "250",
      r("region"),
      r("easting"),
      r("northing"),
      r("ons_la_code"),
      r("la_name"),
    ];
  };
  const quote = (cells: string[]) => cells.map((c) => `"${c}"`).join(",");
  const text = [
    quote(giasHeader),
    quote(row("100371", "Open", "Other independent school", "Independent schools")),
    quote(row("140677", "Open", "Academy special converter", "Academies")),
    quote(row("100000", "Open, but proposed to close", "Voluntary aided school", "Local authority maintained schools")),
    quote(row("100001", "Closed", "Other independent school", "Independent schools")),
    quote([
      "",
      "201",
      "City of London",
      "No URN School",
      "",
      "",
      "Open",
      "Primary",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]),
  ].join("\r\n");
  return Readable.from([Buffer.from(text, "latin1")]);
}

describe("importSchools", () => {
  const t = useTestDatabase();

  it.skipIf(!hasData)(
    `imports the first 300 rows of schools-england.csv, and a second run inserts nothing ${SKIP}`,
    async () => {
      const first = await importSchools(t.db, firstLines("schools-england.csv", 300), {
        fileName: "schools-england.csv",
      });
      expect(first).toMatchObject({ format: "schools-england", read: 300, inserted: 300, updated: 0 });

      const again = await importSchools(t.db, firstLines("schools-england.csv", 300), {
        fileName: "schools-england.csv",
      });
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 300 });

      const [aldgate] = await t.db.select().from(schools).where(eq(schools.urn, 100000));
      expect(aldgate).toMatchObject({
        name: "The Aldgate School",
        phase: "Primary",
        typeGroup: "la_maintained",
        laCode: "201",
        postcode: "EC3A 5DE",
        lat: 51.513969,
        lng: -0.077531,
        pupils: 227,
        source: "schools-england:schools-england.csv",
        sourceDate: "2026-01-30",
      });
    },
  );

  it.skipIf(!hasData)(
    `imports all of schools-trafford-full.csv with ages, pupils and GIAS phases ${SKIP}`,
    async () => {
      const report = await importSchools(t.db, path.join(dataDir, "schools-trafford-full.csv"));
      expect(report).toMatchObject({ format: "trafford-full", read: 103, inserted: 103, skipped: {} });
      const [vianney] = await t.db.select().from(schools).where(eq(schools.urn, 106167));
      expect(vianney).toMatchObject({
        phase: "All-through",
        typeGroup: "special",
        statutoryLowAge: 5,
        statutoryHighAge: 19,
        pupils: 119,
        laCode: "358",
        sourceDate: "2024-09-26",
      });
      const phases = rowsOf<{ phase: string }>(
        await t.db.execute(sql`SELECT DISTINCT phase FROM schools ORDER BY phase`),
      );
      expect(phases.map((p) => p.phase)).toEqual(["16 plus", "All-through", "Primary", "Secondary"]);
    },
  );

  it.skipIf(!hasData)(`keeps only the LAs asked for, and says why the rest were skipped ${SKIP}`, async () => {
    const report = await importSchools(t.db, path.join(dataDir, "schools-greater-manchester.csv"), {
      laCodes: ["358", "351"],
    });
    // 104 Trafford + 93 Bury schools in the file.
    expect(report.inserted).toBe(197);
    expect(report.skipped).toEqual({ "not in the LA filter": 1319 - 197 });
    const las = rowsOf<{ la_code: string }>(await t.db.execute(sql`SELECT DISTINCT la_code FROM schools ORDER BY 1`));
    expect(las.map((r) => r.la_code)).toEqual(["351", "358"]);
  });

  it.skipIf(!hasData)(
    `reads a Windows-1252 GIAS file, converts grid references and skips closed or URN-less rows ${SKIP}`,
    async () => {
      const report = await importSchools(t.db, giasFixture(), { fileName: "edubasealldata20260130.csv" });
      expect(report).toMatchObject({
        format: "gias",
        encoding: "windows-1252",
        read: 5,
        inserted: 3,
        skipped: { closed: 1, "missing URN": 1 },
      });
      const ecole = firstRow(await t.db.select().from(schools).where(eq(schools.urn, 100371)), "a row from schools");
      expect(ecole.name).toBe("Ecole Française de Londres Jacques Prévert");
      expect(ecole.sourceDate).toBe("2026-01-30");
      expect(ecole.typeGroup).toBe("independent");
      // proj4 from the GIAS grid reference agrees with the lat/lng published in schools-england.csv.
      expect(ecole.lat).toBeCloseTo(51.495871, 5);
      expect(ecole.lng).toBeCloseTo(-0.217848, 5);
      const [northStar] = await t.db.select().from(schools).where(eq(schools.urn, 140677));
      expect(northStar).toMatchObject({
        name: "North Star 180°",
        typeGroup: "special",
        establishmentType: "Academy special converter",
      });
      // The district (which settles the London fringe pay area in two-tier counties) comes only from GIAS...
      expect(ecole).toMatchObject({ districtCode: "E09000013", districtName: "Hammersmith and Fulham" });
      // ...and a later import of a file without districts keeps it.
      await importSchools(t.db, firstLines("schools-england.csv", 300), { fileName: "schools-england.csv" });
      const [aldgate] = await t.db.select().from(schools).where(eq(schools.urn, 100000));
      expect(aldgate).toMatchObject({
        source: "schools-england:schools-england.csv",
        districtCode: "E09000001",
        districtName: "City of London",
      });
    },
  );

  it("imports a row without coordinates with a warning, and leaves trust links alone on re-import", async () => {
    const csv = (pupils: number) =>
      Readable.from([
        `urn,name,phase,la_code,la_name,postcode,lat,lng,funding_category_2021,pupils_on_roll_jan2021\n` +
          `999901,Test School,Primary,358,Trafford,,,,LA-maintained mainstream,${pupils}\n`,
      ]);
    const first = await importSchools(t.db, csv(100));
    expect(first.warnings).toEqual({ "no coordinates (imported, but not findable by distance)": 1, "no postcode": 1 });
    await t.db.execute(sql`UPDATE schools SET partnership_id = NULL, trust_id = NULL WHERE urn = 999901`);
    const second = await importSchools(t.db, csv(120));
    expect(second).toMatchObject({ inserted: 0, updated: 1 });
    const row = firstRow(await t.db.select().from(schools).where(eq(schools.urn, 999901)), "a row from schools");
    expect(row.pupils).toBe(120);
  });

  it("refuses a file it does not recognise, naming the formats it knows", async () => {
    await expect(importSchools(t.db, Readable.from(["id,title\n1,x\n"]))).rejects.toThrow(UnknownFormatError);
    await expect(importSchools(t.db, Readable.from(["id,title\n1,x\n"]))).rejects.toThrow(
      /GIAS all establishment data/,
    );
  });
});

describe("importPostcodes", () => {
  const t = useTestDatabase();

  it.skipIf(!hasData)(
    `loads outcode, sector and postcode centroids from slices of the shared files ${SKIP}`,
    async () => {
      const outcodes = await importPostcodes(t.db, path.join(dataDir, "postcode-outcodes-gb.csv"));
      expect(outcodes).toMatchObject({ format: "outcodes", read: 2864, inserted: 2864 });
      const sectors = await importPostcodes(t.db, firstLines("postcode-sectors-gb.csv", 500));
      expect(sectors).toMatchObject({ format: "sectors", inserted: 500 });
      const units = await importPostcodes(t.db, firstLines("postcodes-greater-manchester.csv", 2000));
      expect(units).toMatchObject({ format: "postcodes", inserted: 2000 });

      const [m33] = await t.db.select().from(places).where(eq(places.key, "M33"));
      expect(m33).toMatchObject({ kind: "outcode", laCode: "358", laName: "Trafford", lat: 53.420977, lng: -2.326349 });
      const [bl0] = await t.db.select().from(places).where(eq(places.key, "BL0 0AA"));
      expect(bl0).toMatchObject({ kind: "postcode", laName: "Bury", lat: 53.647755 });

      const again = await importPostcodes(t.db, path.join(dataDir, "postcode-outcodes-gb.csv"));
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2864 });
    },
  );

  it("reads Code-Point Open's header-less CSV, padded postcodes included, skipping quality 90", async () => {
    // Rows in Code-Point Open's layout: Postcode, quality, Eastings, Northings, country, NHS codes, admin codes.
    const codePoint = [
      `"M1  1AE",10,384194,398031,"E92000001","E19000001","E18000002","","E08000003","E05011376"`,
      `"M33 6AG",10,378158,391714,"E92000001","E19000001","E18000002","","E08000009","E05000831"`,
      `"M1  9ZZ",90,0,0,"E92000001","","","","",""`,
    ].join("\n");
    const report = await importPostcodes(t.db, Readable.from([codePoint]), { fileName: "m.csv" });
    expect(report).toMatchObject({
      format: "codepoint-open",
      read: 3,
      inserted: 2,
      skipped: { "no coordinates (positional quality 90)": 1 },
    });
    const m33 = firstRow(await t.db.select().from(places).where(eq(places.key, "M33 6AG")), "a row from places");
    // The same unit in postcodes-greater-manchester.csv is at 53.421766, -2.330132.
    expect(m33.lat).toBeCloseTo(53.421766, 5);
    expect(m33.lng).toBeCloseTo(-2.330132, 5);
    expect(m33.source).toBe("codepoint-open:m.csv");
    const m1 = firstRow(await t.db.select().from(places).where(eq(places.key, "M1 1AE")), "a row from places");
    expect(m1.kind).toBe("postcode");
  });
});
