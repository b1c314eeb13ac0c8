import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TravelMap } from "../../app/placements/components/rotation-view";
import type { Rotation } from "../../app/placements/trainees.server";
import { travelMapPoints, travelTo } from "../../app/placements/travel";

// Sale (M33) and two real Trafford schools' positions, as in the integration fixtures.
const home = { lat: 53.4247, lng: -2.3226 };
const navigation = { id: "s1", name: "Navigation Primary School", lat: 53.396313, lng: -2.348177 };
const stamford = { id: "s2", name: "Stamford Park Primary School", lat: 53.38227, lng: -2.339824 };
const faraway = { id: "s3", name: "Cancelled Academy", lat: 53.48, lng: -2.24 };

function booking(label: "A" | "B" | "C", state: string, school: typeof navigation) {
  return {
    label,
    state,
    school,
    travel: travelTo(home, school, 10),
  };
}

function rotationWith(bookings: ReturnType<typeof booking>[], withHome = true) {
  return {
    trainee: { name: "Tia Trainee", homeArea: "M33", home: withHome ? home : null },
    bookings,
  } as unknown as Rotation;
}

describe("the rotation's travel map", () => {
  const rotation = rotationWith([
    booking("A", "confirmed", navigation),
    booking("B", "requested", stamford),
    booking("C", "cancelled", faraway),
    booking("C", "provider_confirmed", navigation),
  ]);

  it("puts the home area first, highlighted, and each school holding a place once, with its straight-line distance", () => {
    const points = travelMapPoints(rotation);
    expect(points.map((p) => [p.id, p.label, p.highlight ?? false])).toEqual([
      ["home", "Home area (M33)", true],
      ["s1", "A, C: Navigation Primary School, 2.2 miles in a straight line", false],
      ["s2", "B: Stamford Park Primary School, 3.0 miles in a straight line", false],
    ]);
  });

  it("renders the map with the home area marked and says the distances are straight lines", () => {
    const html = renderToStaticMarkup(<TravelMap rotation={rotation} />);
    expect(html).toContain('<h2 id="travel-map-heading">Travel</h2>');
    expect(html).toContain("straight-line distances from the centre of M33");
    expect(html).toContain(
      "Map of Tia Trainee&#x27;s placement schools and home area (M33), with straight-line distances",
    );
    expect(html.match(/class="school-map__here"/g)).toHaveLength(1);
    expect(html).toContain("Stamford Park Primary School, 3.0 miles in a straight line");
    expect(html).not.toContain("Cancelled Academy");
  });

  it("draws nothing without a home area to measure from", () => {
    expect(
      renderToStaticMarkup(<TravelMap rotation={rotationWith([booking("A", "confirmed", navigation)], false)} />),
    ).toBe("");
  });
});
