/**
 * Distinct counts, computed in the same scan as the histograms (they need scan 1's min/max).
 *
 * Exact wherever that is cheap, estimated (to about 1%) only for high-cardinality columns of
 * big relations, because count(DISTINCT) of a million unique values costs ~100 ms per column:
 * - booleans: from the true count; text: from the top-values GROUP BY (exact, no extra cost);
 * - integers and dates over a range of BITMAP_MIN_RANGE to BITMAP_MAX_RANGE values: a bitmap
 *   (bitstring_agg, ~15 ms per million rows whatever the cardinality; over smaller ranges the
 *   hash table of count(DISTINCT) is small and cheaper still);
 * - anything else: count(DISTINCT) when the relation has at most EXACT_DISTINCT_MAX_ROWS rows;
 *   above that, count(DISTINCT) over the values whose hash falls in 1/m of the hash space,
 *   times m (a "distinct sample", ±1% at 1M unique values where DuckDB's approx_count_distinct
 *   was 15% off), followed by an exact recount of the columns estimated at no more than
 *   EXACT_DISTINCT_MAX_VALUES distinct values (cheap: the hash table stays small).
 */
import type { JsonRow } from '../../nodes/node-definition.js';
import { literal } from '../sql/quote.js';
import type { AggregateItem } from './aggregate-scan.js';
import type { BasicColumnStats } from './basic-stats.js';
import { measureSql, type ProfiledColumn } from './column-kinds.js';
import { countOf } from './profile-values.js';

export const EXACT_DISTINCT_MAX_ROWS = 250_000;
export const EXACT_DISTINCT_MAX_VALUES = 100_000;
/** A bitmap of 2^23 bits is 1 MiB per thread; a range of 1e9 values took 1.5 s, so wider ranges hash instead. */
export const BITMAP_MAX_RANGE = 2 ** 23;
export const BITMAP_MIN_RANGE = 2 ** 16;
/** The distinct sample aims at about this many values (relative error ≈ 1/√SAMPLE_TARGET at full cardinality). */
const SAMPLE_TARGET = 65_536;

export type DistinctMethod = 'none' | 'bitmap' | 'exact' | 'estimate';

export interface DistinctPlan {
  column: ProfiledColumn;
  method: DistinctMethod;
  sql?: string;
  /** For 'estimate': the count covers values whose hash ≡ 0 (mod modulus). */
  modulus?: number;
}

export interface DistinctResult {
  distinct: number;
  approx: boolean;
}

export interface DistinctOptions {
  rowCount: number;
  /** Text columns whose distinct count comes from the top-values scan. */
  textCountedElsewhere: boolean;
}

/** A power of two that leaves about SAMPLE_TARGET values of a fully distinct column in the sample. */
export function sampleModulus(rowCount: number): number {
  return 2 ** Math.max(2, Math.round(Math.log2(rowCount / SAMPLE_TARGET)));
}

function integerBounds(stats: BasicColumnStats): [bigint, bigint] | undefined {
  const { min, max } = stats;
  if ((typeof min !== 'number' && typeof min !== 'string') || (typeof max !== 'number' && typeof max !== 'string')) return undefined;
  try {
    return [BigInt(min), BigInt(max)];
  } catch {
    return undefined;
  }
}

function bitmapSql(column: ProfiledColumn, stats: BasicColumnStats): string | undefined {
  if (column.storage === 'integer') {
    const bounds = integerBounds(stats);
    const range = bounds ? bounds[1] - bounds[0] : undefined;
    if (bounds && range !== undefined && range >= BigInt(BITMAP_MIN_RANGE) && range < BigInt(BITMAP_MAX_RANGE)) {
      return `bit_count(bitstring_agg(${column.sql}, ${literal(bounds[0])}, ${literal(bounds[1])}))`;
    }
  }
  // Dates as day numbers; ±infinity dates have no day number, so those columns hash instead.
  if (column.kind === 'date' && stats.nonFinite === 0 && stats.measureMin !== null && stats.measureMax !== null) {
    const range = stats.measureMax - stats.measureMin;
    if (range >= BITMAP_MIN_RANGE && range < BITMAP_MAX_RANGE) {
      return `bit_count(bitstring_agg(${measureSql(column)}, ${literal(stats.measureMin)}, ${literal(stats.measureMax)}))`;
    }
  }
  return undefined;
}

export function planDistinct(column: ProfiledColumn, stats: BasicColumnStats, options: DistinctOptions): DistinctPlan {
  if (stats.count === 0 || column.kind === 'boolean') return { column, method: 'none' };
  if (column.kind === 'text' && options.textCountedElsewhere) return { column, method: 'none' };
  const bitmap = bitmapSql(column, stats);
  if (bitmap) return { column, method: 'bitmap', sql: bitmap };
  if (options.rowCount <= EXACT_DISTINCT_MAX_ROWS) return { column, method: 'exact', sql: `count(DISTINCT ${column.sql})` };
  const modulus = sampleModulus(options.rowCount);
  const x = column.sql;
  return { column, method: 'estimate', modulus, sql: `count(DISTINCT ${x}) FILTER (WHERE hash(${x}) % ${modulus} = 0)` };
}

const alias = (plan: DistinctPlan): string => `c${plan.column.index}_distinct`;
const recountAlias = (plan: DistinctPlan): string => `c${plan.column.index}_distinct_exact`;

export function distinctItems(plans: readonly DistinctPlan[]): AggregateItem[] {
  return plans.flatMap((plan) => (plan.sql === undefined ? [] : [{ column: plan.column.index, alias: alias(plan), sql: plan.sql }]));
}

/** The distinct count, or undefined when it comes from elsewhere (top values) or its scan failed. */
export function readDistinct(plan: DistinctPlan, stats: BasicColumnStats, row: JsonRow): DistinctResult | undefined {
  if (stats.count === 0) return { distinct: 0, approx: false };
  if (plan.column.kind === 'boolean') {
    const trueCount = stats.trueCount ?? 0;
    return { distinct: (trueCount > 0 ? 1 : 0) + (stats.count - trueCount > 0 ? 1 : 0), approx: false };
  }
  const value = row[alias(plan)];
  if (plan.sql === undefined || value === undefined || value === null) return undefined;
  if (plan.method !== 'estimate') return { distinct: countOf(value), approx: false };
  // An estimate can overshoot: never report more distinct values than values.
  return { distinct: Math.min(countOf(value) * (plan.modulus ?? 1), stats.count), approx: true };
}

/** Exact recounts for the estimated columns that turned out to have few distinct values. */
export function recountItems(plans: readonly DistinctPlan[], results: ReadonlyMap<number, DistinctResult | undefined>): AggregateItem[] {
  return plans
    .filter((plan) => plan.method === 'estimate' && (results.get(plan.column.index)?.distinct ?? Infinity) <= EXACT_DISTINCT_MAX_VALUES)
    .map((plan) => ({ column: plan.column.index, alias: recountAlias(plan), sql: `count(DISTINCT ${plan.column.sql})` }));
}

export function readRecount(plan: DistinctPlan, row: JsonRow): DistinctResult | undefined {
  const value = row[recountAlias(plan)];
  return value === undefined || value === null ? undefined : { distinct: countOf(value), approx: false };
}
