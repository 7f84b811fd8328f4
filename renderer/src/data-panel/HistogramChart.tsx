/** A column's histogram with axis labels: count on the left, bin edges along the bottom, a tooltip per bar. */
import type { HistogramBin } from './types';
import { formatCompact, formatCount, formatProfileValue, formatShort } from './format';

const W = 300;
const H = 120;
const LEFT = 46;
const BOTTOM = 18;
const TOP = 6;

export function HistogramChart({ bins }: { bins: HistogramBin[] }) {
  const plotW = W - LEFT - 4;
  const plotH = H - BOTTOM - TOP;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const step = plotW / Math.max(1, bins.length);
  const first = bins[0];
  const last = bins[bins.length - 1];
  const middle = bins.length > 2 ? bins[Math.floor(bins.length / 2)] : undefined;
  return (
    <svg className="dp-histogram" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Histogram">
      <text className="dp-axis-label" x={LEFT - 4} y={TOP + 8} textAnchor="end">
        {formatCompact(max)}
      </text>
      <text className="dp-axis-label" x={LEFT - 4} y={TOP + plotH} textAnchor="end">
        0
      </text>
      <line className="dp-axis" x1={LEFT} x2={LEFT + plotW} y1={TOP + plotH + 0.5} y2={TOP + plotH + 0.5} />
      {bins.map((bin, i) => {
        const h = bin.count > 0 ? Math.max(1, (bin.count / max) * plotH) : 0;
        return (
          <rect key={i} className="dp-hist-bar" x={LEFT + i * step + 0.5} y={TOP + plotH - h} width={Math.max(0.5, step - 1)} height={h}>
            <title>{`${formatProfileValue(bin.lower)} – ${formatProfileValue(bin.upper)}: ${formatCount(bin.count)}`}</title>
          </rect>
        );
      })}
      {first && (
        <text className="dp-axis-label" x={LEFT} y={H - 4} textAnchor="start">
          {formatShort(first.lower)}
        </text>
      )}
      {middle && (
        <text className="dp-axis-label" x={LEFT + Math.floor(bins.length / 2) * step} y={H - 4} textAnchor="middle">
          {formatShort(middle.lower)}
        </text>
      )}
      {last && bins.length > 1 && (
        <text className="dp-axis-label" x={LEFT + plotW} y={H - 4} textAnchor="end">
          {formatShort(last.upper)}
        </text>
      )}
    </svg>
  );
}
