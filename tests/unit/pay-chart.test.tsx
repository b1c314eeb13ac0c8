import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { chartLayout, DistributionChart, type ChartOffer } from "../../app/pay/components/distribution-chart";
import { employerKindOf } from "../../app/pay/employers";

const offers: ChartOffer[] = [
  { id: "a", label: "A", salaryMaxFte: 45352, employerKind: "large_trust", flagged: false },
  { id: "b", label: "B", salaryMaxFte: 39556, employerKind: "la_school", flagged: true },
  { id: "c", label: "C", salaryMaxFte: 45352, employerKind: "large_trust", flagged: false },
  { id: "d", label: "D", salaryMaxFte: 42057, employerKind: "small_trust", flagged: false },
];

describe("the pay distribution chart", () => {
  it("places offers by pay left to right inside the axis, the statutory band and the median with them", () => {
    const layout = chartLayout(offers, { min: 32916, max: 45352 }, 43705);
    const x = (id: string) => layout.dots.find((d) => d.id === id)!.cx;
    expect(x("b")).toBeLessThan(x("d"));
    expect(x("d")).toBeLessThan(x("a"));
    expect(layout.band!.x1).toBeLessThan(x("b"));
    expect(layout.band!.x2).toBeCloseTo(x("a"));
    expect(layout.median).toBeGreaterThan(x("d"));
    expect(layout.median).toBeLessThan(x("a"));
    for (const t of layout.ticks) expect(t.x).toBeGreaterThanOrEqual(170);
  });

  it("keeps two offers at the same pay and employer apart", () => {
    const layout = chartLayout(offers, { min: null, max: null }, 43705);
    const [a, c] = ["a", "c"].map((id) => layout.dots.find((d) => d.id === id)!);
    expect(a?.cx).toBe(c?.cx);
    expect(a?.cy).not.toBe(c?.cy);
    expect(layout.band).toBeNull();
  });

  it("is one titled, described image, with no inline styles (the CSP forbids them)", () => {
    const html = renderToStaticMarkup(
      <DistributionChart
        title="Spread of offers"
        offers={offers}
        statutory={{ min: 32916, max: 45352 }}
        median={43705}
      />,
    );
    expect(html.match(/role="img"/g)).toHaveLength(1);
    expect(html).toContain("<title");
    expect(html).toContain("4 offers, median £43,705; statutory range £32,916 to £45,352; 1 flagged.");
    expect(html).not.toContain("style=");
  });
});

describe("kinds of employer", () => {
  it("splits large trusts, smaller trusts and single academies, and LA schools", () => {
    expect(employerKindOf(10, "academy")).toBe("large_trust");
    expect(employerKindOf(9, "academy")).toBe("small_trust");
    expect(employerKindOf(null, "academy")).toBe("small_trust");
    expect(employerKindOf(null, "la_maintained")).toBe("la_school");
  });
});
