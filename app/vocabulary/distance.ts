/**
 * The sphere every distance in Staffroom is measured on: the Postgres engine's search_haversine_m (migration 0006) and
 * Meilisearch's _geoRadius and _geoPoint sort (the geoutils crate's haversine, 6371e3 m) use 6,371,000 m, so a
 * distance shown here is the one the engines filtered and sorted by (ADR 0007).
 */
const EARTH_RADIUS_M = 6_371_000;
export const METRES_PER_MILE = 1609.344;

/** Great-circle distance in metres (haversine), for a handful of points where SQL would be overkill. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function formatMiles(metres: number): string {
  const miles = metres / METRES_PER_MILE;
  return miles < 10 ? `${miles.toFixed(1)} miles` : `${Math.round(miles)} miles`;
}
