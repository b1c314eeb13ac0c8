import { distanceMetres, formatMiles, METRES_PER_MILE } from "../vocabulary/distance";

export type Point = { lat: number; lng: number };

export type Travel =
  | { known: false; label: string }
  | { known: true; metres: number; label: string; overCap: boolean; capMiles: number | null };

/**
 * The straight-line distance from a trainee's home area to a school, labelled as such (roads are longer), and
 * whether it is over the provider's cap for that trainee.
 */
export function travelTo(home: Point | null, school: Point | null, capMiles: number | null): Travel {
  if (!home || !school) return { known: false, label: "Distance not known (no home area or school location)" };
  const metres = distanceMetres(home, school);
  const overCap = capMiles !== null && metres > capMiles * METRES_PER_MILE;
  return {
    known: true,
    metres,
    label: `${formatMiles(metres)} in a straight line`,
    overCap,
    capMiles,
  };
}

export type TravelMapPoint = { id: string; label: string; lat: number; lng: number; highlight?: boolean };

/**
 * What the rotation's travel map shows: the trainee's home area (highlighted) and each school where a booking holds
 * a place, labelled with the straight-line distance. A school booked twice is one point naming both placements;
 * declined and cancelled bookings and places without coordinates are left out.
 */
export function travelMapPoints(rotation: {
  trainee: { homeArea: string | null; home: Point | null };
  bookings: {
    label: string;
    state: string;
    school: { id: string; name: string; lat: number | null; lng: number | null };
    travel: Travel;
  }[];
}): TravelMapPoint[] {
  const points: TravelMapPoint[] = [];
  const { home, homeArea } = rotation.trainee;
  if (home) points.push({ id: "home", label: `Home area (${homeArea ?? "home"})`, ...home, highlight: true });
  const schools = new Map<string, TravelMapPoint & { labels: string[]; distance: string }>();
  for (const b of rotation.bookings) {
    const { school } = b;
    if (b.state === "declined" || b.state === "cancelled" || school.lat === null || school.lng === null) continue;
    const seen = schools.get(school.id);
    if (seen) seen.labels.push(b.label);
    else
      schools.set(school.id, {
        id: school.id,
        label: school.name,
        lat: school.lat,
        lng: school.lng,
        labels: [b.label],
        distance: b.travel.known ? `, ${b.travel.label}` : "",
      });
  }
  for (const { labels, distance, ...p } of schools.values())
    points.push({ ...p, label: `${labels.join(", ")}: ${p.label}${distance}` });
  return points;
}
