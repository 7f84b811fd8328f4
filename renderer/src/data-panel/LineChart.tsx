/** A small line chart with axes, ticks and a legend, as inline SVG (epochs along the bottom). */
import { formatNumber } from './format';
import { extent, linePath, niceDomain, niceTicks, project, type Scale } from './svg-paths';

export interface LineSeries {
  name: string;
  /** CSS class that colours the line (dp-line-train, dp-line-valid, dp-line-metric). */
  className: string;
  points: { x: number; y: number | null }[];
}

const W = 640;
const H = 220;
const M = { left: 52, right: 16, top: 14, bottom: 30 };

export function LineChart({ title, series, includeZero = false, xLabel = 'epoch' }: { title: string; series: LineSeries[]; includeZero?: boolean; xLabel?: string }) {
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const xDomain = extent(xs) ?? [0, 1];
  const yDomain = extent(series.flatMap((s) => s.points.map((p) => p.y)), { includeZero });
  if (!yDomain) return null;
  const xTicks = niceTicks(xDomain[0], xDomain[1], 6).filter((t) => Number.isInteger(t));
  const { domain: [y0, y1], ticks: yTicks } = niceDomain(yDomain[0], yDomain[1], 4);
  const x: Scale = { domain: xs.length > 1 ? xDomain : [xDomain[0] - 1, xDomain[0] + 1], range: [M.left, W - M.right] };
  const y: Scale = { domain: [y0, y1], range: [H - M.bottom, M.top] };

  return (
    <figure className="dp-chart">
      <figcaption className="dp-chart-title">
        {title}
        <span className="dp-legend">
          {series.map((s) => (
            <span key={s.name} className={`dp-legend-item ${s.className}`}>
              {s.name}
            </span>
          ))}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title}>
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="dp-gridline" x1={M.left} x2={W - M.right} y1={project(t, y)} y2={project(t, y)} />
            <text className="dp-axis-label" x={M.left - 6} y={project(t, y) + 4} textAnchor="end">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={`x${t}`} className="dp-axis-label" x={project(t, x)} y={H - M.bottom + 16} textAnchor="middle">
            {t}
          </text>
        ))}
        <text className="dp-axis-label" x={W - M.right} y={H - 2} textAnchor="end">
          {xLabel}
        </text>
        <line className="dp-axis" x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
        {series.map((s) => (
          <g key={s.name} className={s.className}>
            <path className="dp-line" d={linePath(s.points, x, y)} />
            {s.points.length <= 60 &&
              s.points.map((p, i) =>
                p.y === null ? null : (
                  <circle key={i} className="dp-dot" cx={project(p.x, x)} cy={project(p.y, y)} r={2.5}>
                    <title>{`${s.name}, ${xLabel} ${p.x}: ${formatNumber(p.y)}`}</title>
                  </circle>
                ),
              )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
