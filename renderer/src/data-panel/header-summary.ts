/**
 * A column profile boiled down to what fits under a grid column header: null share, distinct
 * count, a range or mean, and either a tiny histogram or the top three values.
 */
import type { ColumnProfile, HistogramBin, TopValue } from './types';
import { formatCompact, formatPercent, formatProfileValue } from './format';

export interface HeaderSummary {
  nullShare: number;
  /** "no nulls", "12% null". */
  nullLabel: string;
  /** "1.2K distinct", "≈3.4M distinct". */
  distinctLabel: string;
  /** "3 – 45", "2021-01-01 – 2021-12-31", "62% true"; null when there is nothing to say. */
  rangeLabel: string | null;
  /** Full detail for the tooltip. */
  title: string;
  chart: { kind: 'histogram'; bins: HistogramBin[] } | { kind: 'top'; values: TopShare[] } | null;
  error?: string;
}

export interface TopShare {
  label: string;
  count: number;
  /** Of the profiled rows (nulls included), 0..1. */
  share: number;
}

export function headerSummary(column: ColumnProfile): HeaderSummary {
  const rows = column.count + column.nulls;
  const nullLabel = rows === 0 ? 'no rows' : column.nulls === 0 ? 'no nulls' : `${formatPercent(column.null_share)} null`;
  const distinctLabel = `${column.distinct_approx ? '≈' : ''}${formatCompact(column.distinct)} distinct`;
  const rangeLabel = describeRange(column);
  const chart = pickChart(column, rows);
  const title = [
    `${column.name} (${column.type})`,
    `${nullLabel} · ${distinctLabel}`,
    rangeLabel,
    column.mean !== null && column.kind === 'number' ? `mean ${formatProfileValue(column.mean)}` : null,
    column.error ? `Part of the profile is missing: ${column.error}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
  return { nullShare: column.null_share, nullLabel, distinctLabel, rangeLabel, title, chart, ...(column.error ? { error: column.error } : {}) };
}

function describeRange(column: ColumnProfile): string | null {
  if (column.kind === 'boolean') return column.mean === null ? null : `${formatPercent(column.mean)} true`;
  if (column.kind === 'text') {
    if (column.min_length === undefined || column.max_length === undefined) return null;
    return column.min_length === column.max_length ? `length ${column.min_length}` : `length ${column.min_length}–${column.max_length}`;
  }
  if (column.min === null || column.max === null) return column.mean === null ? null : `mean ${formatProfileValue(column.mean)}`;
  const min = formatProfileValue(column.min);
  const max = formatProfileValue(column.max);
  return min === max ? min : `${min} – ${max}`;
}

function pickChart(column: ColumnProfile, rows: number): HeaderSummary['chart'] {
  if (column.histogram && column.histogram.length > 0 && (column.kind === 'number' || column.kind === 'date' || column.kind === 'timestamp')) {
    return { kind: 'histogram', bins: column.histogram };
  }
  if (column.top_values && column.top_values.length > 0) return { kind: 'top', values: topShares(column.top_values.slice(0, 3), rows) };
  return null;
}

export function topShares(values: TopValue[], rows: number): TopShare[] {
  return values.map((v) => ({ label: formatProfileValue(v.value), count: v.count, share: rows > 0 ? v.count / rows : 0 }));
}
