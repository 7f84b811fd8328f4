/**
 * One column's profile, assembled from what the scans found about it.
 */
import type { BasicColumnStats } from './basic-stats.js';
import type { ProfiledColumn } from './column-kinds.js';
import type { DistinctResult } from './distinct-counts.js';
import type { ColumnProfile, HistogramBin, Quantiles } from './profile-types.js';
import { booleanTopValues, type ColumnTopValues } from './top-values.js';

export interface ColumnFindings {
  stats: BasicColumnStats;
  /** Rows profiled. */
  rowCount: number;
  /** Top-value settings: 0 means none were asked for. */
  topValues: number;
  distinct?: DistinctResult;
  histogram?: HistogramBin[];
  quantiles?: Quantiles;
  /** Top values and, for text, the exact distinct count from their GROUP BY. */
  top?: ColumnTopValues;
  error?: string;
}

export function columnProfile(column: ProfiledColumn, findings: ColumnFindings): ColumnProfile {
  const { stats, rowCount, top } = findings;
  const nulls = rowCount - stats.count;
  const distinct = findings.distinct ?? (top ? { distinct: top.distinct, approx: false } : { distinct: 0, approx: false });
  const profile: ColumnProfile = {
    name: column.name,
    type: column.type,
    kind: column.kind,
    count: stats.count,
    nulls,
    null_share: rowCount > 0 ? nulls / rowCount : 0,
    distinct: distinct.distinct,
    distinct_approx: distinct.approx,
    min: stats.min,
    max: stats.max,
    mean: stats.mean,
    std: stats.std,
  };
  if (stats.nonFinite !== undefined) profile.non_finite = stats.nonFinite;
  if (findings.quantiles) profile.quantiles = findings.quantiles;
  if (findings.histogram) profile.histogram = findings.histogram;
  if (findings.topValues > 0) {
    if (column.kind === 'boolean') profile.top_values = booleanTopValues(stats).slice(0, findings.topValues);
    else if (top) profile.top_values = top.values;
    else if (column.kind === 'text') profile.top_values = [];
  }
  if (stats.minLength !== undefined) profile.min_length = stats.minLength;
  if (stats.maxLength !== undefined) profile.max_length = stats.maxLength;
  if (findings.error !== undefined) profile.error = findings.error;
  return profile;
}
