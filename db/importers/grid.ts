import proj4 from "proj4";

// EPSG:27700 (British National Grid) with the 7-parameter Helmert shift to WGS84, as published by
// EPSG; accurate to about 5 m, which is ample for "schools near me". The same definition produced the
// lat/lng columns in ../shared/data, so imported and precomputed points agree.
const BRITISH_NATIONAL_GRID =
  "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy " +
  "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

const toWgs84 = proj4(BRITISH_NATIONAL_GRID, "EPSG:4326");

export type LatLng = { lat: number; lng: number };

/** Easting/northing in metres to WGS84, rounded to 6 decimals (about 10 cm). */
export function gridToLatLng(easting: number, northing: number): LatLng {
  const [lng, lat] = toWgs84.forward([easting, northing]);
  return { lat: round6(lat), lng: round6(lng) };
}

/** A grid reference from CSV text, or null when blank, non-numeric or the 0,0 "unknown" marker. */
export function parseGridReference(easting: string | undefined, northing: string | undefined): LatLng | null {
  const e = Number(easting?.trim() || NaN);
  const n = Number(northing?.trim() || NaN);
  if (!Number.isFinite(e) || !Number.isFinite(n) || (e === 0 && n === 0)) return null;
  return gridToLatLng(e, n);
}

/** lat/lng from CSV text, or null when either is blank or not a number. */
export function parseLatLng(lat: string | undefined, lng: string | undefined): LatLng | null {
  const la = Number(lat?.trim() || NaN);
  const ln = Number(lng?.trim() || NaN);
  if (!Number.isFinite(la) || !Number.isFinite(ln)) return null;
  return { lat: la, lng: ln };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
