import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { projectPoints, SchoolMap } from "../../app/components/school-map";
import { exactly } from "../support/arrays";

describe("schematic map projection", () => {
  const points = [
    { id: "a", label: "West", lat: 53.4, lng: -2.4 },
    { id: "b", label: "East", lat: 53.4, lng: -2.2 },
    { id: "c", label: "North", lat: 53.5, lng: -2.3 },
  ];

  it("keeps every point inside the box, north up and east right", () => {
    const [west, east, north] = exactly(3, projectPoints(points, 640, 420, 24));
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
    const [w, e, n] = exactly(3, projectPoints(points));
    const eastSpan = e.x - w.x; // 0.2° of longitude
    const northSpan = w.y - n.y; // 0.1° of latitude
    expect(eastSpan / northSpan).toBeCloseTo((0.2 * Math.cos((53.433 * Math.PI) / 180)) / 0.1, 1);
  });

  it("copes with one point and with none", () => {
    expect(projectPoints([])).toEqual([]);
    const [only] = exactly(1, projectPoints([{ id: "x", label: "X", lat: 52.9, lng: -1.1 }], 640, 420));
    expect(only.x).toBeCloseTo(320, 0);
    expect(only.y).toBeCloseTo(210, 0);
  });
});

describe("the map component", () => {
  // Real Trafford schools: Navigation Primary (Altrincham), Springfield Primary (Sale), Lostock High (Stretford).
  const trafford = [
    { id: "106283", label: "Navigation Primary School", lat: 53.396313, lng: -2.348177, highlight: true },
    { id: "106298", label: "Springfield Primary School", lat: 53.423968, lng: -2.320428 },
    { id: "106365", label: "Lostock High School", lat: 53.454772, lng: -2.330358 },
  ];

  it("is one titled image, with no inline styles, and draws nothing without points", () => {
    const html = renderToStaticMarkup(
      <SchoolMap points={trafford} title="Navigation Primary School and its 2 nearest schools" />,
    );
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain('role="img"');
    expect(html).toContain(`<title id="${labelledBy}">Navigation Primary School and its 2 nearest schools</title>`);
    expect(html).not.toMatch(/style=/);
    expect(html.match(/<circle/g)).toHaveLength(3);
    expect(html).toContain('class="school-map__here"');
    expect(renderToStaticMarkup(<SchoolMap points={[]} title="Nothing" />)).toBe("");
  });

  it("keeps north up: Stretford is drawn above Sale, and Sale above Altrincham", () => {
    const [altrincham, sale, stretford] = exactly(3, projectPoints(trafford));
    expect(stretford.y).toBeLessThan(sale.y);
    expect(sale.y).toBeLessThan(altrincham.y);
    expect(sale.x).toBeGreaterThan(altrincham.x);
  });
});
