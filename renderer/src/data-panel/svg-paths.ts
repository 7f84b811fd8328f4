/**
 * Geometry for the panel's inline SVG charts: histogram bars, line series and axis ticks.
 * Pure: numbers in, path strings out.
 */

export interface Box {
  width: number;
  height: number;
}

/**
 * One path of bars for histogram counts, bottom-aligned in the box. Bars are scaled to the
 * largest count; a non-empty bin is at least 1px tall so that rare values stay visible.
 */
export function histogramPath(counts: number[], box: Box, gap = 1): string {
  const max = Math.max(0, ...counts);
  if (counts.length === 0 || max === 0) return '';
  const step = box.width / counts.length;
  const barWidth = Math.max(0.5, step - gap);
  return counts
    .map((count, i) => {
      if (count <= 0) return '';
      const h = Math.max(1, (count / max) * box.height);
      return `M${round(i * step)} ${round(box.height - h)}h${round(barWidth)}v${round(h)}h${round(-barWidth)}Z`;
    })
    .join('');
}

export interface Scale {
  domain: [number, number];
  range: [number, number];
}

export function project(value: number, scale: Scale): number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** A polyline path through points, skipping gaps (null y) by starting a new segment. */
export function linePath(points: { x: number; y: number | null }[], x: Scale, y: Scale): string {
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round(project(p.x, x))} ${round(project(p.y, y))}`;
    pen = true;
  }
  return path;
}

/** "Nice" round tick values covering min..max (1, 2, 5 × 10^n steps), about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const [lo, hi] = min < max ? [min, max] : [max, min];
  // d3's rule: the 1/2/5 multiple of a power of ten nearest the rough step.
  const rough = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  const step = power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A domain widened to whole tick steps, and its ticks: the axis starts and ends on a labelled value. */
export function niceDomain(min: number, max: number, count = 5): { domain: [number, number]; ticks: number[] } {
  const ticks = niceTicks(min, max, count);
  if (ticks.length < 2) return { domain: [min, max], ticks };
  const step = ticks[1]! - ticks[0]!;
  const lo = Math.min(ticks[0]!, Number((Math.floor(min / step) * step).toPrecision(12)));
  const hi = Math.max(ticks[ticks.length - 1]!, Number((Math.ceil(max / step) * step).toPrecision(12)));
  return { domain: [lo, hi], ticks: niceTicks(lo, hi, count).filter((t) => t >= lo && t <= hi) };
}

/** The domain a chart should span: the data's min..max, widened to include 0 for losses, padded when flat. */
export function extent(values: (number | null)[], options: { includeZero?: boolean } = {}): [number, number] | null {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return null;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (options.includeZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
