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
