/**
 * Number and value formatting for the data panel. Fixed to en-US so that what people see
 * (and what tests check) does not depend on the browser's locale.
 */
import type { JsonValue } from './types';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A count with thousands separators: 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** A short count for tight spaces: 1234 → "1.2K", 3400000 → "3.4M". */
export function formatCompact(n: number): string {
  return Math.abs(n) < 1000 ? formatCount(n) : compactFormat.format(n);
}

/**
 * A statistic (mean, std, min): readable, at most ~4 significant digits below 1000, whole
 * numbers with separators above; exponents only where fixed notation would be unreadable.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-4) return n.toExponential(2).replace(/\.?0+e/, 'e');
  if (abs >= 1000) return new Intl.NumberFormat('en-US', { maximumFractionDigits: abs >= 100_000 ? 0 : 1 }).format(n);
  return new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(n);
}

/** A value for a narrow slot (quantiles, axis ends): large numbers shortened, "2.5M"; other values as formatProfileValue. */
export function formatShort(value: number | string | boolean | null | undefined): string {
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) >= 100_000) {
    if (Math.abs(value) >= 1e15) return value.toExponential(2).replace(/\.?0+e/, 'e');
    return new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
  }
  return formatProfileValue(value);
}

/** A share 0..1 as a percentage: 0 → "0%", 0.0004 → "<0.1%", 0.123 → "12.3%", 1 → "100%". */
export function formatPercent(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  if (share < 0.001) return '<0.1%';
  if (share > 0.999) return '>99.9%';
  const pct = share * 100;
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1).replace(/\.0$/, '')}%`;
}

/** Milliseconds as people read them: 850 → "850 ms", 12_300 → "12.3 s", 95_000 → "1 min 35 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** "1,234 rows", "1 row", or "1,234+ rows" while the total is not known yet. */
export function formatRowTotal(rows: number, exact: boolean): string {
  return `${formatCount(rows)}${exact ? '' : '+'} ${rows === 1 && exact ? 'row' : 'rows'}`;
}

/** A profile value (number, ISO date text, boolean) for labels and tables. */
export function formatProfileValue(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  // Dates at midnight: the time part is noise.
  return value.replace(/^(\d{4}-\d{2}-\d{2})[T ]00:00:00(\.0+)?(Z|[+-]00(:?00)?)?$/, '$1');
}

/**
 * A grid cell's text. Numbers keep their precision up to 10 significant digits (0.1 + 0.2 shows
 * as 0.3); integers, including the strings that stand for integers beyond 2^53, are shown whole.
 */
export function formatCell(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?|NUMERIC(\(\d+,\s*\d+\))?|INT[1248]|FLOAT[48])$/i;

/** Whether a DuckDB column type holds numbers (right-aligned in the grid). */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type.trim());
}
