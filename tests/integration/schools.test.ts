import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { distanceMetres } from "../../app/places/distance";
import { directoryFacets, findSchoolByUrn, nearestSchools, searchSchools } from "../../app/schools/queries.server";
import { loader as directoryLoader } from "../../app/routes/schools._index";
import { loader as schoolLoader } from "../../app/routes/schools.$urn";
import { importSchools } from "../../db/importers/schools";
import { useTestDatabase } from "../support/database";
import { callRoute, getRequest } from "../support/requests";

const GM = path.resolve(process.cwd(), "../shared/data/schools-greater-manchester.csv");
const hasData = existsSync(GM);
const SKIP = hasData ? "" : "(skipped: ../shared/data/schools-greater-manchester.csv is not present)";

describe("schools directory on real Greater Manchester schools", () => {
  const t = useTestDatabase();

  it.skipIf(!hasData)(`nearest schools come back in distance order, matching an independent haversine ${SKIP}`, async () => {
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
  });

  it.skipIf(!hasData)(`searches by name, filters by LA and phase, and pages ${SKIP}`, async () => {
    await importSchools(t.db, GM, { laCodes: ["358", "357"] });
    const trafford = await searchSchools(t.db, { la: "358", page: 1, pageSize: 25 });
    expect(trafford.total).toBeGreaterThan(80);
    expect(trafford.rows).toHaveLength(25);
    const page2 = await searchSchools(t.db, { la: "358", page: 2, pageSize: 25 });
    expect(page2.rows.map((r) => r.urn)).not.toContain(trafford.rows[0].urn);
    const byName = await searchSchools(t.db, { q: "navigation", page: 1, pageSize: 25 });
    expect(byName.rows[0].name).toBe("Navigation Primary School");
    const secondary = await searchSchools(t.db, { la: "358", phase: "Secondary", page: 1, pageSize: 100 });
    expect(secondary.rows.every((r) => r.phase === "Secondary")).toBe(true);
    const facets = await directoryFacets(t.db);
    expect(facets.localAuthorities.map((l) => l.label)).toEqual(["Tameside", "Trafford"]);
  });

  it(`hostile query strings never cause a 500 and are treated as text`, async () => {
    for (const q of ["' OR 1=1 --", "<script>alert(1)</script>", "%", "_", "\\", "a".repeat(5000), "🙂🙂", "\u0000x"]) {
      const res = await callRoute(directoryLoader, getRequest(`/schools?q=${encodeURIComponent(q)}&page=abc&la=<x>&view=globe`));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.total).toBe(0);
    }
    for (const urn of ["abc", "-1", "99999999", "1%27"]) {
      expect((await callRoute(schoolLoader, getRequest(`/schools/${urn}`), { urn })).status).toBe(404);
    }
  });
});
