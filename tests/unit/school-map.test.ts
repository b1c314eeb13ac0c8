import { describe, expect, it } from "vitest";
import { projectPoints } from "../../app/components/school-map";

describe("schematic map projection", () => {
  const points = [
    { id: "a", label: "West", lat: 53.4, lng: -2.4 },
    { id: "b", label: "East", lat: 53.4, lng: -2.2 },
    { id: "c", label: "North", lat: 53.5, lng: -2.3 },
  ];

  it("keeps every point inside the box, north up and east right", () => {
    const [west, east, north] = projectPoints(points, 640, 420, 24);
    for (const p of [west, east, north]) {
      expect(p.x).toBeGreaterThanOrEqual(24 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(640 - 24 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(24 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(420 - 24 + 1e-9);
    }
    expect(east.x).toBeGreaterThan(west.x);
    expect(north.y).toBeLessThan(west.y);
  });

  it("scales longitude by cos(latitude), so a degree east is shorter than a degree north", () => {
    const [w, e, n] = projectPoints(points);
    const eastSpan = e.x - w.x; // 0.2° of longitude
    const northSpan = w.y - n.y; // 0.1° of latitude
    expect(eastSpan / northSpan).toBeCloseTo((0.2 * Math.cos((53.433 * Math.PI) / 180)) / 0.1, 1);
  });

  it("copes with one point and with none", () => {
    expect(projectPoints([])).toEqual([]);
    const [only] = projectPoints([{ id: "x", label: "X", lat: 52.9, lng: -1.1 }], 640, 420);
    expect(only.x).toBeCloseTo(320, 0);
    expect(only.y).toBeCloseTo(210, 0);
  });
});
