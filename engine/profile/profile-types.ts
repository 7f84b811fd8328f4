/**
 * The column profile as the CLI's `profile --json` prints it and the UI draws it.
 * Everything here is JSON-safe: no bigints, no NaN or ±Infinity.
 */

export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'timestamp' | 'time' | 'other';

/** A min/max/quantile value: a number for numeric columns (a string for integers beyond 2^53), an ISO string for dates and timestamps. */
export type ProfileValue = number | string | boolean;

export interface HistogramBin {
  /** Numbers for numeric columns, ISO strings for dates and timestamps. */
  lower: number | string;
  upper: number | string;
  count: number;
}

export interface TopValue {
  value: ProfileValue;
  count: number;
}

export interface Quantiles {
  p05: ProfileValue;
  p25: ProfileValue;
  p50: ProfileValue;
  p75: ProfileValue;
  p95: ProfileValue;
}

export interface ColumnProfile {
  name: string;
  /** DuckDB's type text, e.g. `DECIMAL(10,2)`, `TIMESTAMP WITH TIME ZONE`, `INTEGER[]`. */
  type: string;
  kind: ColumnKind;
  /** Non-null values. */
  count: number;
  nulls: number;
  /** nulls / rows profiled (0 for an empty table). */
  null_share: number;
  distinct: number;
  /**
   * True for an estimate (±~1%): only columns with over 100k distinct values in relations of
   * over 250k rows that are not text, boolean or a bitmap-countable integer/date range.
   */
  distinct_approx: boolean;
  /** Finite values only (NaN and ±Infinity are counted in `non_finite`). Text: lexicographic. */
  min: ProfileValue | null;
  max: ProfileValue | null;
  /** Numbers: of the finite values. Booleans: the share of true. */
  mean: number | null;
  std: number | null;
  /** NaN, Infinity and -Infinity values (floating-point, date and timestamp columns only): left out of min/max/mean/histogram/quantiles. */
  non_finite?: number;
  quantiles?: Quantiles;
  /**
   * Equal-width bins. A value on an edge belongs to the lower bin. Integers and dates get
   * whole-number (whole-day) bins whose `upper` is exclusive, so no bin straddles a value;
   * a constant column is one bin.
   */
  histogram?: HistogramBin[];
  /** Most frequent values, most frequent first (ties by value). */
  top_values?: TopValue[];
  min_length?: number;
  max_length?: number;
  /** Why part of this column's profile is missing (a DuckDB error on an unusual type); the other columns are unaffected. */
  error?: string;
}

export interface TableProfile {
  /** Rows in the relation (also when only a sample was profiled). */
  rowCount: number;
  /** True when the column statistics come from a random sample of `sampleRows` rows (counts are the sample's). */
  sampled: boolean;
  sampleRows?: number;
  columns: ColumnProfile[];
  elapsedMs: number;
}

export interface ProfileOptions {
  /** Profile a random sample of about this many rows when the relation has more (a quick first look). */
  sampleRows?: number;
  /** Default 20. */
  histogramBins?: number;
  /** Default 10. */
  topValues?: number;
  signal?: AbortSignal;
}
