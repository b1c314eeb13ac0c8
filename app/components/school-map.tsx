import { useId } from "react";

export type MapPoint = { id: string; label: string; lat: number; lng: number; highlight?: boolean };

const WIDTH = 640;
const HEIGHT = 420;
const PAD = 24;

/**
 * Projects points to the SVG box: equirectangular, with longitude scaled by cos(latitude) so distances
 * look right in England. Pure, so it is unit-tested.
 */
export function projectPoints(points: MapPoint[], width = WIDTH, height = HEIGHT, pad = PAD) {
  if (points.length === 0) return [];
  const meanLat = points.reduce((a, p) => a + p.lat, 0) / points.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p.lng * k);
  const ys = points.map((p) => p.lat);
  const project = (x: number, y: number) => ({ x: width / 2 + (x - cx) * scale, y: height / 2 - (y - cy) * scale });
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // A single point (or points in a line) still gets a sensible scale; everything is centred.
  const spanX = Math.max(maxX - minX, 0.01);
  const spanY = Math.max(maxY - minY, 0.01);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return points.map((p) => ({ ...p, ...project(p.lng * k, p.lat) }));
}

/**
 * A schematic map without tiles (no map service is reachable from here, see ADR 0005). It is one image
 * (links inside role="img" would be hidden from screen readers); the page lists the same places as links.
 */
export function SchoolMap({ points, title }: { points: MapPoint[]; title: string }) {
  const titleId = useId();
  const projected = projectPoints(points);
  if (projected.length === 0) return null;
  return (
    <figure className="map-figure">
      <svg className="school-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        {projected.map((p) => {
          const dot = (
            <circle
              cx={p.x.toFixed(1)}
              cy={p.y.toFixed(1)}
              r={p.highlight ? 8 : 5}
              className={p.highlight ? "school-map__here" : undefined}
            />
          );
          return (
            <g key={p.id}>
              {dot}
              {p.highlight || projected.length <= 12 ? (
                <text x={(p.x + 10).toFixed(1)} y={(p.y + 4).toFixed(1)} className="school-map__label">
                  {p.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="small">
        Schematic map: positions to scale, north at the top. The same places are listed on this page.
      </figcaption>
    </figure>
  );
}
