/**
 * The sphere every distance in Staffroom is measured on: the Postgres engine's search_haversine_m (migration 0006) and
 * Meilisearch's _geoRadius and _geoPoint sort (the geoutils crate's haversine, 6371e3 m) use 6,371,000 m, so a
 * distance shown here is the one the engines filtered and sorted by (ADR 0007).
 */
export const EARTH_RADIUS_M = 6_371_000;
export const METRES_PER_MILE = 1609.344;

// PostgreSQL's radians() multiplies by RADIANS_PER_DEGREE, 0.0174532925199432957692 in C: the same double as π / 180.
export const RADIANS_PER_DEGREE = Math.PI / 180;
export const radians = (degrees: number) => degrees * RADIANS_PER_DEGREE;

/**
 * search_haversine_m (db/migrations/0006) in the same steps, each point's cos(radians(lat)) given: a caller measuring
 * thousands of points (the pay offers kept in memory) works each out once.
 */
export function haversineMetres(
  lat1: number,
  lng1: number,
  cosLat1: number,
  lat2: number,
  lng2: number,
  cosLat2: number,
): number {
  const a = Math.sin(radians(lat2 - lat1) / 2);
  const b = Math.sin(radians(lng2 - lng1) / 2);
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a * a + cosLat1 * cosLat2 * b * b)));
}

/** Great-circle distance in metres (haversine), for a handful of points where SQL would be overkill. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return haversineMetres(a.lat, a.lng, Math.cos(radians(a.lat)), b.lat, b.lng, Math.cos(radians(b.lat)));
}

export function formatMiles(metres: number): string {
  const miles = metres / METRES_PER_MILE;
  return miles < 10 ? `${miles.toFixed(1)} miles` : `${Math.round(miles)} miles`;
}
