import { eq } from "drizzle-orm";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { distanceMetres } from "../../app/vocabulary/distance";
import { findOrganisation, schoolsOfOrganisation } from "../../app/organisations/queries.server";
import {
  directoryFacets,
  findSchoolByUrn,
  nearestSchools,
  schoolPoints,
  searchSchools,
} from "../../app/schools/queries.server";
import { loader as directoryLoader } from "../../app/routes/schools._index";
import { loader as schoolLoader } from "../../app/routes/schools.$urn";
import { loader as trustLoader } from "../../app/routes/trusts.$slug";
import { importSchools } from "../../db/importers/schools";
import type { Database } from "../../db/client";
import { schools } from "../../db/schema";
import { useTestDatabase } from "../support/database";
import { createOrganisation, createPartnership, createSchool } from "../support/factories";
import { callRoute, getRequest } from "../support/requests";
import { firstRow } from "../../db/rows";

/** Real Trafford and Stockport schools (GIAS, URN, name, phase, LA, town, postcode, WGS84), typed in. */
const REAL: [number, string, string, string, string, string, string, number, number][] = [
  [106283, "Navigation Primary School", "Primary", "358", "Trafford", "Altrincham", "WA14 1NG", 53.396313, -2.348177],
  [
    106284,
    "Oldfield Brow Primary School",
    "Primary",
    "358",
    "Trafford",
    "Altrincham",
    "WA14 4LE",
    53.391938,
    -2.376892,
  ],
  [106285, "Stamford Park Primary School", "Primary", "358", "Trafford", "Altrincham", "WA15 9JB", 53.38227, -2.339824],
  [106288, "Heyes Lane Primary School", "Primary", "358", "Trafford", "Altrincham", "WA15 6BZ", 53.406097, -2.324265],
  [106289, "Broadheath Primary School", "Primary", "358", "Trafford", "Altrincham", "WA14 5JQ", 53.404449, -2.359976],
  [106290, "Broomwood Primary School", "Primary", "358", "Trafford", "Altrincham", "WA15 7JU", 53.391872, -2.309195],
  [106293, "Well Green Primary School", "Primary", "358", "Trafford", "Altrincham", "WA15 8QA", 53.375916, -2.316595],
  [106294, "Willows Primary School", "Primary", "358", "Trafford", "Altrincham", "WA15 6PP", 53.396632, -2.330915],
  [106295, "Cloverlea Primary School", "Primary", "358", "Trafford", "Altrincham", "WA15 7NQ", 53.390775, -2.319833],
  [106298, "Springfield Primary School", "Primary", "358", "Trafford", "Sale", "M33 7XS", 53.423968, -2.320428],
  [106299, "Woodheys Primary School", "Primary", "358", "Trafford", "Sale", "M33 4PG", 53.41384, -2.345597],
  [106300, "Worthington Primary School", "Primary", "358", "Trafford", "Sale", "M33 2JJ", 53.420547, -2.294597],
  [106301, "Brooklands Primary School", "Primary", "358", "Trafford", "Sale", "M33 3SY", 53.413284, -2.325734],
  [106303, "Firs Primary School", "Primary", "358", "Trafford", "Sale", "M33 5EL", 53.422836, -2.352276],
  [106304, "Wellfield Junior School", "Primary", "358", "Trafford", "Sale", "M33 5QX", 53.430125, -2.336955],
  [106308, "Moorlands Junior School", "Primary", "358", "Trafford", "Sale", "M33 2LP", 53.42435, -2.301621],
  [
    106312,
    "Templemoor Infant and Nursery School",
    "Primary",
    "358",
    "Trafford",
    "Sale",
    "M33 2EG",
    53.422557,
    -2.303203,
  ],
  [
    106313,
    "Wellfield Infant and Nursery School",
    "Primary",
    "358",
    "Trafford",
    "Sale",
    "M33 5QW",
    53.429166,
    -2.339024,
  ],
  [106365, "Lostock High School", "Secondary", "358", "Trafford", "Manchester", "M32 9PL", 53.454772, -2.330358],
  [106024, "Adswood Primary School", "Primary", "356", "Stockport", "Stockport", "SK3 8PQ", 53.390702, -2.165903],
  [106032, "Bridge Hall Primary School", "Primary", "356", "Stockport", "Stockport", "SK3 8LX", 53.394505, -2.171242],
  [
    106034,
    "Broadstone Hall Primary School",
    "Primary",
    "356",
    "Stockport",
    "Stockport",
    "SK4 5JD",
    53.43067,
    -2.168693,
  ],
  [106038, "Cheadle Village Primary School", "Primary", "356", "Stockport", "Cheadle", "SK8 1BB", 53.394148, -2.214218],
  [106045, "Etchells Primary School", "Primary", "356", "Stockport", "Cheadle", "SK8 3DL", 53.370831, -2.219496],
  [106135, "Stockport School", "Secondary", "356", "Stockport", "Stockport", "SK2 6BW", 53.391374, -2.13905],
  [106139, "Bramhall High School", "Secondary", "356", "Stockport", "Stockport", "SK7 2JT", 53.366819, -2.152405],
  [
    106142,
    "St James' Catholic High School",
    "Secondary",
    "356",
    "Stockport",
    "Cheadle",
    "SK8 6PZ",
    53.359857,
    -2.198269,
  ],
  [
    106143,
    "Harrytown Catholic High School",
    "Secondary",
    "356",
    "Stockport",
    "Stockport",
    "SK6 3BU",
    53.41336,
    -2.104475,
  ],
];

async function insertReal(db: Database, extra: Partial<Parameters<typeof createSchool>[1]> = {}) {
  const rows = [];
  for (const [urn, name, phase, laCode, laName, town, postcode, lat, lng] of REAL) {
    rows.push(await createSchool(db, { urn, name, phase, laCode, laName, town, postcode, lat, lng, ...extra }));
  }
  return rows;
}

async function setTrust(db: Database, schoolId: string, trustId: string) {
  await db.update(schools).set({ trustId }).where(eq(schools.id, schoolId));
}

/** Haversine on a sphere of mean radius, written here so the test does not trust the code under test. */
function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const R = 6_371_008.8;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(toRad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lng - a.lng) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

describe("schools directory and neighbours on typed-in real schools", () => {
  const t = useTestDatabase();

  it("nearest schools are the true ten nearest, nearest first, with distances matching a haversine", async () => {
    await insertReal(t.db);
    const here = (await findSchoolByUrn(t.db, 106301))!; // Brooklands Primary, Sale
    const neighbours = await nearestSchools(t.db, { id: here.id, lat: here.lat!, lng: here.lng! }, 10);
    // The expected ten, computed here by brute force over the same list.
    const expected = REAL.filter((r) => r[0] !== 106301)
      .map((r) => ({
        urn: r[0],
        metres: haversineMetres({ lat: here.lat!, lng: here.lng! }, { lat: r[7], lng: r[8] }),
      }))
      .sort((a, b) => a.metres - b.metres)
      .slice(0, 10);
    expect(neighbours.map((n) => n.urn)).toEqual(expected.map((e) => e.urn));
    for (const [n, e] of neighbours.map((n, i) => [n, expected[i]] as const)) {
      // earthdistance's sphere has radius 6,378,168 m, the haversine's 6,371,009 m: 0.11% apart. The URNs matched
      // one for one above, so each neighbour has its expected counterpart.
      expect(Math.abs(n.metres - e!.metres) / e!.metres).toBeLessThan(0.002);
    }
    const metres = neighbours.map((n) => n.metres);
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    expect(neighbours.some((n) => n.urn === here.urn)).toBe(false);
  });

  it("neighbours stop at the radius and skip schools without a location", async () => {
    await insertReal(t.db);
    await createSchool(t.db, { urn: 999001, name: "No Location School", lat: null, lng: null });
    const here = (await findSchoolByUrn(t.db, 106283))!; // Navigation Primary, Altrincham
    const within3km = await nearestSchools(t.db, { id: here.id, lat: here.lat!, lng: here.lng! }, 50, 3000);
    expect(within3km.length).toBeGreaterThan(2);
    expect(within3km.every((n) => n.metres <= 3000)).toBe(true);
    const all = await nearestSchools(t.db, { id: here.id, lat: here.lat!, lng: here.lng! }, 50);
    expect(all).toHaveLength(REAL.length - 1);
    // Stockport is east of Trafford: its schools come last.
    expect(all.at(-1)!.urn).toBe(106143);
  });

  it("searches by name case-insensitively, closest names first, and treats % and _ literally", async () => {
    await insertReal(t.db);
    const wellfield = await searchSchools(t.db, { q: "WELLFIELD", page: 1, pageSize: 25 });
    expect(wellfield.rows.map((r) => r.name).sort()).toEqual([
      "Wellfield Infant and Nursery School",
      "Wellfield Junior School",
    ]);
    const high = await searchSchools(t.db, { q: "high school", page: 1, pageSize: 25 });
    expect(high.total).toBe(4);
    const byTown = await searchSchools(t.db, { q: "cheadle", page: 1, pageSize: 25 });
    expect(byTown.rows.length).toBeGreaterThan(0); // an empty result would pass the check below
    expect(byTown.rows.every((r) => r.town === "Cheadle")).toBe(true);
    expect((await searchSchools(t.db, { q: "%", page: 1, pageSize: 25 })).total).toBe(0);
    expect((await searchSchools(t.db, { q: "_", page: 1, pageSize: 25 })).total).toBe(0);
    const apostrophe = await searchSchools(t.db, { q: "St James'", page: 1, pageSize: 25 });
    expect(apostrophe.rows.map((r) => r.urn)).toEqual([106142]);
  });

  it("filters by local authority and phase, pages 25 at a time, and lists LAs and phases with counts", async () => {
    await insertReal(t.db);
    const trafford = await searchSchools(t.db, { la: "358", page: 1, pageSize: 10 });
    expect(trafford.total).toBe(19);
    expect(trafford.rows).toHaveLength(10);
    const names = trafford.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const page2 = await searchSchools(t.db, { la: "358", page: 2, pageSize: 10 });
    const page3 = await searchSchools(t.db, { la: "358", page: 2 + 1, pageSize: 10 });
    expect(page2.rows).toHaveLength(9);
    expect(page3).toEqual({ rows: [], total: 19 }); // past the end: no rows, but the count
    expect(new Set([...trafford.rows, ...page2.rows].map((r) => r.urn)).size).toBe(19);
    const secondary = await searchSchools(t.db, { la: "356", phase: "Secondary", page: 1, pageSize: 25 });
    expect(secondary.rows.map((r) => r.urn).sort()).toEqual([106135, 106139, 106142, 106143]);
    const facets = await directoryFacets(t.db);
    expect(facets.localAuthorities).toEqual([
      { value: "356", label: "Stockport", count: 9 },
      { value: "358", label: "Trafford", count: 19 },
    ]);
    expect(facets.phases).toEqual([
      { value: "Primary", count: 23 },
      { value: "Secondary", count: 5 },
    ]);
    const points = await schoolPoints(t.db, { la: "356" }, 3);
    expect(points).toHaveLength(3);
  });

  it("the directory page keeps the whole query in the URL, pages, and draws a map on request", async () => {
    await insertReal(t.db);
    const res = await callRoute(directoryLoader, getRequest("/schools?la=358&phase=Primary&page=1"));
    const body = await res.json();
    expect(body.total).toBe(18);
    expect(body.rows).toHaveLength(18);
    expect(body.points).toEqual([]);
    const map = await (await callRoute(directoryLoader, getRequest("/schools?la=356&view=map"))).json();
    expect(map.points).toHaveLength(9);
    expect(map.query.view).toBe("map");
  });

  it("hostile query strings return 200 with sane results, never a 500", async () => {
    await insertReal(t.db);
    const hostile = [
      "' OR 1=1 --",
      "'; DROP TABLE schools; --",
      "<script>alert(1)</script>",
      "%",
      "_",
      "\\",
      "a".repeat(5000),
      "🙂🙂",
      "\u0000x",
      "\u202Eloohcs",
      "Ⅻ ﷽ 𝔖𝔠𝔥𝔬𝔬𝔩",
    ];
    for (const q of hostile) {
      const res = await callRoute(
        directoryLoader,
        getRequest(`/schools?q=${encodeURIComponent(q)}&page=abc&la=<x>&view=globe&phase=<script>`),
      );
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.total).toBe(0);
      expect(body.query.page).toBe(1);
      expect(body.query.view).toBe("list");
      expect(body.query.la).toBeUndefined();
    }
    for (const params of [
      "page=-3",
      "page=abc",
      "page=1e9",
      "page=2.5",
      "la=' OR 1=1 --",
      "phase=' OR 1=1 --",
      "view=<b>",
      "q=&q=x",
      "page[]=1",
    ]) {
      const res = await callRoute(directoryLoader, getRequest(`/schools?${params}`));
      expect(res.status, params).toBe(200);
    }
    // A SQL-looking phase is a phase nobody has: nothing matches, and the other filters still apply.
    expect(
      (
        await (
          await callRoute(directoryLoader, getRequest(`/schools?phase=${encodeURIComponent("' OR 1=1 --")}`))
        ).json()
      ).total,
    ).toBe(0);
    // An overlong search is cut, not dropped: it does not list every school.
    expect(
      (await (await callRoute(directoryLoader, getRequest(`/schools?q=${"Primary".repeat(1000)}`))).json()).total,
    ).toBe(0);
    expect((await (await callRoute(directoryLoader, getRequest("/schools?page=-3"))).json()).rows).toHaveLength(25);
    for (const urn of ["abc", "-1", "99999999", "1%27", "106283.0", "0x1A", " 106283"]) {
      expect((await callRoute(schoolLoader, getRequest(`/schools/${urn}`), { urn })).status).toBe(404);
    }
  });

  it("the school page shows its trust, partnership and nearest schools in miles", async () => {
    const p = await createPartnership(t.db, { name: "Mersey Vale" });
    const trust = await createOrganisation(t.db, {
      slug: "altrincham-trust",
      name: "Altrincham Trust",
      partnershipId: p.id,
    });
    await insertReal(t.db, { partnershipId: p.id });
    const school = (await findSchoolByUrn(t.db, 106283))!;
    await setTrust(t.db, school.id, trust.id);
    const res = await callRoute(schoolLoader, getRequest("/schools/106283"), { urn: "106283" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.school).toMatchObject({
      name: "Navigation Primary School",
      trustSlug: "altrincham-trust",
      partnershipName: "Mersey Vale",
    });
    expect(body.neighbours).toHaveLength(10);
    expect(body.neighbours[0].distance).toMatch(/^\d+\.\d miles$/);
  });

  it("an organisation's page lists its schools; a local authority's lists its maintained schools", async () => {
    const trust = await createOrganisation(t.db, { slug: "trust-x", name: "Trust X" });
    const la = await createOrganisation(t.db, {
      kind: "local_authority",
      slug: "stockport",
      name: "Stockport Council",
      laCode: "356",
    });
    await insertReal(t.db);
    const academy = (await findSchoolByUrn(t.db, 106135))!;
    await setTrust(t.db, academy.id, trust.id);
    expect((await schoolsOfOrganisation(t.db, trust.id)).map((s) => s.urn)).toEqual([106135]);
    const maintained = await schoolsOfOrganisation(t.db, la.id);
    expect(maintained).toHaveLength(8);
    expect(maintained.some((s) => s.urn === 106135)).toBe(false);
    expect((await findOrganisation(t.db, "trust-x"))?.name).toBe("Trust X");
    const res = await callRoute(trustLoader, getRequest("/trusts/stockport"), { slug: "stockport" });
    expect(res.status).toBe(200);
    expect((await res.json()).schools).toHaveLength(8);
    for (const slug of ["nope", "' OR 1=1 --", "x".repeat(5000)]) {
      expect((await callRoute(trustLoader, getRequest(`/trusts/${encodeURIComponent(slug)}`), { slug })).status).toBe(
        404,
      );
    }
  });
});

const GM = path.resolve(process.cwd(), "../shared/data/schools-greater-manchester.csv");
const hasData = existsSync(GM);
const SKIP = hasData ? "" : "(skipped: ../shared/data/schools-greater-manchester.csv is not present)";

describe("schools directory on real Greater Manchester schools", () => {
  const t = useTestDatabase();

  it.skipIf(!hasData)(
    `nearest schools come back in distance order, matching an independent haversine ${SKIP}`,
    async () => {
      await importSchools(t.db, GM, { laCodes: ["358"] });
      const school = await findSchoolByUrn(t.db, 106283); // Navigation Primary School, Altrincham
      expect(school?.name).toBe("Navigation Primary School");
      const neighbours = await nearestSchools(t.db, { id: school!.id, lat: school!.lat!, lng: school!.lng! }, 10);
      expect(neighbours).toHaveLength(10);
      for (const n of neighbours) {
        const expected = distanceMetres({ lat: school!.lat!, lng: school!.lng! }, n);
        // earthdistance uses a sphere of radius 6,378,168 m, haversine 6,371,009 m: 0.11% apart.
        expect(Math.abs(n.metres - expected) / expected).toBeLessThan(0.002);
      }
      const metres = neighbours.map((n) => n.metres);
      expect(metres).toEqual([...metres].sort((a, b) => a - b));
      expect(metres[0]).toBeLessThan(2000);
    },
  );

  it.skipIf(!hasData)(`searches by name, filters by LA and phase, and pages ${SKIP}`, async () => {
    await importSchools(t.db, GM, { laCodes: ["358", "357"] });
    const trafford = await searchSchools(t.db, { la: "358", page: 1, pageSize: 25 });
    expect(trafford.total).toBeGreaterThan(80);
    expect(trafford.rows).toHaveLength(25);
    const page2 = await searchSchools(t.db, { la: "358", page: 2, pageSize: 25 });
    expect(page2.rows.map((r) => r.urn)).not.toContain(firstRow(trafford.rows, "a Trafford school").urn);
    const byName = await searchSchools(t.db, { q: "navigation", page: 1, pageSize: 25 });
    expect(byName.rows[0]?.name).toBe("Navigation Primary School");
    const secondary = await searchSchools(t.db, { la: "358", phase: "Secondary", page: 1, pageSize: 100 });
    expect(secondary.rows.length).toBeGreaterThan(0);
    expect(secondary.rows.every((r) => r.phase === "Secondary")).toBe(true);
    const facets = await directoryFacets(t.db);
    expect(facets.localAuthorities.map((l) => l.label)).toEqual(["Tameside", "Trafford"]);
  });
});
