import { scaleLinear } from "d3-scale";
import { useId } from "react";
import { formatPounds } from "../../vocabulary/money";
import { employerKinds, type EmployerKind } from "../employers";
import { countOf } from "../../text/plural";
import { ScrollRegion } from "../../components/scroll-region";

export type ChartOffer = {
  id: string;
  label: string;
  salaryMaxFte: number;
  employerKind: EmployerKind;
  flagged: boolean;
};

const WIDTH = 640;
const ROW = 44;
const LEFT = 170;
const RIGHT = 24;
const TOP = 28;
const KINDS = Object.keys(employerKinds) as EmployerKind[];
const SHORT: Record<EmployerKind, string> = {
  large_trust: "Large trusts",
  small_trust: "Smaller trusts",
  la_school: "LA schools",
};

/** Where each offer, the statutory range and the median sit on the salary axis (pure, for the chart and its tests). */
export function chartLayout(
  offers: ChartOffer[],
  statutory: { min: number | null; max: number | null },
  median: number,
) {
  const values = [
    ...offers.map((o) => o.salaryMaxFte),
    ...(statutory.min ? [statutory.min] : []),
    ...(statutory.max ? [statutory.max] : []),
  ];
  const x = scaleLinear()
    .domain([Math.min(...values), Math.max(...values)])
    .nice()
    .range([LEFT, WIDTH - RIGHT]);
  const rowOf = (kind: EmployerKind) => TOP + KINDS.indexOf(kind) * ROW + ROW / 2;
  // Offers at the same pay in the same row are spread vertically a little, so each stays visible.
  const seen = new Map<string, number>();
  const dots = offers.map((o) => {
    const key = `${o.employerKind}|${Math.round(x(o.salaryMaxFte))}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { ...o, cx: x(o.salaryMaxFte), cy: rowOf(o.employerKind) + ((n % 5) - 2) * 5 };
  });
  return {
    width: WIDTH,
    height: TOP + KINDS.length * ROW + 30,
    ticks: x.ticks(5).map((t) => ({ value: t, x: x(t) })),
    band: statutory.min !== null && statutory.max !== null ? { x1: x(statutory.min), x2: x(statutory.max) } : null,
    median: x(median),
    rows: KINDS.map((kind) => ({ kind, label: SHORT[kind], y: rowOf(kind) })),
    dots,
  };
}

/**
 * The spread of the area's top-of-range offers for one role, phase and pay range: one mark per offer, a row per
 * kind of employer (each with its own shape, not only colour), the statutory range shaded and the median drawn.
 * One image with a title and description; the page lists the same offers in a table.
 */
export function DistributionChart({
  title,
  offers,
  statutory,
  median,
}: {
  title: string;
  offers: ChartOffer[];
  statutory: { min: number | null; max: number | null };
  median: number;
}) {
  const titleId = useId();
  const descId = useId();
  const layout = chartLayout(offers, statutory, median);
  const axisY = layout.height - 24;
  return (
    <figure className="chart-figure">
      {/* At its drawn size: on a phone it scrolls sideways rather than shrinking its labels to about 6 px. */}
      <ScrollRegion label={`Chart: ${title}`}>
        <svg
          className="pay-chart"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>
            {`${countOf(offers.length, "offer", "offers")}, median ${formatPounds(median)}`}
            {statutory.min !== null && statutory.max !== null
              ? `; statutory range ${formatPounds(statutory.min)} to ${formatPounds(statutory.max)}`
              : "; no statutory range held"}
            {`; ${offers.filter((o) => o.flagged).length} flagged.`}
          </desc>
          {layout.band ? (
            <rect
              className="pay-chart__band"
              x={layout.band.x1}
              y={TOP - 6}
              width={Math.max(1, layout.band.x2 - layout.band.x1)}
              height={KINDS.length * ROW + 6}
            />
          ) : null}
          {layout.rows.map((r) => (
            <g key={r.kind}>
              <line className="pay-chart__row" x1={LEFT} x2={layout.width - RIGHT} y1={r.y} y2={r.y} />
              <text className="pay-chart__label" x={LEFT - 10} y={r.y + 4} textAnchor="end">
                {r.label}
              </text>
            </g>
          ))}
          <line className="pay-chart__median" x1={layout.median} x2={layout.median} y1={TOP - 10} y2={axisY} />
          <text className="pay-chart__label" x={layout.median} y={TOP - 14} textAnchor="middle">
            median
          </text>
          {layout.dots.map((d) =>
            d.employerKind === "large_trust" ? (
              <rect
                key={d.id}
                className={`pay-chart__dot pay-chart__dot--${d.employerKind}${d.flagged ? " pay-chart__dot--flagged" : ""}`}
                x={d.cx - 5}
                y={d.cy - 5}
                width={10}
                height={10}
              />
            ) : d.employerKind === "small_trust" ? (
              <polygon
                key={d.id}
                className={`pay-chart__dot pay-chart__dot--${d.employerKind}${d.flagged ? " pay-chart__dot--flagged" : ""}`}
                points={`${d.cx},${d.cy - 6} ${d.cx + 6},${d.cy + 5} ${d.cx - 6},${d.cy + 5}`}
              />
            ) : (
              <circle
                key={d.id}
                className={`pay-chart__dot pay-chart__dot--${d.employerKind}${d.flagged ? " pay-chart__dot--flagged" : ""}`}
                cx={d.cx}
                cy={d.cy}
                r={5}
              />
            ),
          )}
          <line className="pay-chart__axis" x1={LEFT} x2={layout.width - RIGHT} y1={axisY} y2={axisY} />
          {layout.ticks.map((t) => (
            <text key={t.value} className="pay-chart__label" x={t.x} y={axisY + 16} textAnchor="middle">
              £{Math.round(t.value / 1000)}k
            </text>
          ))}
        </svg>
      </ScrollRegion>
      <figcaption className="small">
        Top of the advertised range, full-time equivalent. Squares: large trusts; triangles: smaller trusts and single
        academies; circles: local-authority schools; outlined in red: flagged. Shaded: the statutory range. The table
        below lists every offer.
      </figcaption>
    </figure>
  );
}
