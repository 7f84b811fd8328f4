/**
 * What kind of column each DuckDB type is for profiling, and the numeric "measure" through
 * which numbers, dates and timestamps share one code path for min/max, histograms and quantiles.
 */
import type { ColumnInfo } from '../../nodes/node-definition.js';
import { ident } from '../sql/quote.js';
import type { ColumnKind } from './profile-types.js';

/** How a numeric column stores its values; it decides casts and which aggregates are safe. */
export type NumberStorage = 'integer' | 'huge' | 'decimal' | 'float';

export interface ProfiledColumn {
  /** Position in the relation; used for SQL aliases so no name ever needs escaping twice. */
  index: number;
  name: string;
  type: string;
  kind: ColumnKind;
  /** The quoted column identifier. */
  sql: string;
  /** Set for kind 'number'. */
  storage?: NumberStorage;
  /** TIMESTAMP WITH TIME ZONE: an instant, printed in UTC with a `Z`. */
  withTimeZone?: boolean;
}

// Integers up to 64 bits: exact in aggregates, and bitstring_agg accepts them.
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/;
// 128-bit integers overflow sum()/avg() in their own type, so they are averaged as DOUBLE.
const HUGE = /^(HUGEINT|UHUGEINT)$/;
const DECIMAL = /^DECIMAL\(\d+,\s*\d+\)$/;
const FLOAT = /^(FLOAT|DOUBLE)$/;
const TEXT = /^(VARCHAR|JSON|ENUM\(.*\))$/s;
const TIMESTAMP = /^(TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)$/;
const TIME = /^(TIME|TIME_NS|TIME WITH TIME ZONE)$/;

export function classifyColumn(column: ColumnInfo, index: number): ProfiledColumn {
  const type = column.type.trim();
  const base = { index, name: column.name, type: column.type, sql: ident(column.name) };
  if (INTEGER.test(type)) return { ...base, kind: 'number', storage: 'integer' };
  if (HUGE.test(type)) return { ...base, kind: 'number', storage: 'huge' };
  if (DECIMAL.test(type)) return { ...base, kind: 'number', storage: 'decimal' };
  if (FLOAT.test(type)) return { ...base, kind: 'number', storage: 'float' };
  if (type === 'BOOLEAN') return { ...base, kind: 'boolean' };
  if (TEXT.test(type)) return { ...base, kind: 'text' };
  if (type === 'DATE') return { ...base, kind: 'date' };
  if (TIMESTAMP.test(type)) return { ...base, kind: 'timestamp', withTimeZone: type.endsWith('TIME ZONE') };
  if (TIME.test(type)) return { ...base, kind: 'time' };
  // Lists, arrays, structs, maps, unions, blobs, bits, intervals, UUIDs, BIGNUM: count, nulls and distinct only.
  return { ...base, kind: 'other' };
}

export function classifyColumns(columns: readonly ColumnInfo[]): ProfiledColumn[] {
  return columns.map(classifyColumn);
}

/** Columns that get min/max/histogram/quantiles through a numeric measure. */
export function hasMeasure(column: ProfiledColumn): boolean {
  return column.kind === 'number' || column.kind === 'date' || column.kind === 'timestamp';
}

/** Columns whose values can be NaN/±Infinity (floats) or ±infinity (dates, timestamps). */
export function canBeNonFinite(column: ProfiledColumn): boolean {
  return column.storage === 'float' || column.kind === 'date' || column.kind === 'timestamp';
}

/** Measures whose values are whole numbers: such columns get whole-number histogram bins. */
export function hasIntegerMeasure(column: ProfiledColumn): boolean {
  return column.kind === 'date' || column.storage === 'integer' || column.storage === 'huge';
}

/**
 * The column as a number, NULL where the value is NULL or not finite:
 * dates as days since 1970-01-01, timestamps as microseconds since 1970-01-01 (UTC for
 * TIMESTAMPTZ). `finiteFloats: false` skips the isfinite() test when a float column is known
 * to hold none, because the test costs time on every row.
 */
export function measureSql(column: ProfiledColumn, options: { finiteFloats: boolean } = { finiteFloats: true }): string {
  const x = column.sql;
  if (column.kind === 'date') return `datediff('day', DATE '1970-01-01', ${x})`;
  if (column.kind === 'timestamp') return `epoch_us(${x})`;
  if (column.storage === 'float') return options.finiteFloats ? `CASE WHEN isfinite(${x}) THEN ${x} END` : x;
  return x;
}

/** The measure as DOUBLE: histogram() casts its boundaries to the value's type, so the value must be DOUBLE. */
export function doubleMeasureSql(column: ProfiledColumn, options: { finiteFloats: boolean } = { finiteFloats: true }): string {
  const measure = measureSql(column, options);
  return column.type === 'DOUBLE' ? measure : `CAST(${measure} AS DOUBLE)`;
}
