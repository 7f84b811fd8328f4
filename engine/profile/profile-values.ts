/**
 * Turning the JSON values DuckDB hands back into profile values: finite numbers, integers
 * beyond 2^53 kept as text, and dates/timestamps as ISO strings.
 */
import type { JsonValue } from '../../nodes/node-definition.js';
import type { ProfiledColumn } from './column-kinds.js';
import type { ProfileValue } from './profile-types.js';

/** A finite number, or null (NULL, NaN and ±Infinity arrive as null or as the strings "NaN"/"Infinity"). */
export function finiteNumber(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A count (DuckDB's BIGINT/UBIGINT counts may arrive as text). */
export function countOf(value: JsonValue | undefined): number {
  return finiteNumber(value) ?? 0;
}

const DAY_MS = 86_400_000;
// JavaScript dates reach ±8.64e15 ms; DuckDB's reach a little further (year 294247).
const MAX_DATE_MS = 8.64e15;

function isoFromMs(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return null;
  return new Date(ms).toISOString();
}

/** Days since 1970-01-01 → `2024-01-31`. */
export function isoDate(days: number): string | null {
  const iso = isoFromMs(Math.round(days) * DAY_MS);
  return iso === null ? null : iso.slice(0, iso.indexOf('T'));
}

/**
 * Microseconds since 1970-01-01 → `2024-01-31T12:30:00` (with `.ffffff` when there is a
 * fraction). A naive TIMESTAMP gets no zone suffix; TIMESTAMPTZ is an instant, printed in UTC with `Z`.
 */
export function isoTimestamp(micros: number, withTimeZone: boolean): string | null {
  const whole = Math.round(micros);
  const ms = Math.floor(whole / 1000);
  const iso = isoFromMs(ms);
  if (iso === null) return null;
  const fraction = (whole - ms * 1000) + (ms - Math.floor(ms / 1000) * 1000) * 1000;
  const seconds = iso.slice(0, iso.lastIndexOf('.'));
  const text = fraction === 0 ? seconds : `${seconds}.${String(fraction).padStart(6, '0')}`;
  return withTimeZone ? `${text}Z` : text;
}

/** A measure value (see measureSql) back in the column's own terms: ISO text for dates and timestamps. */
export function valueFromMeasure(column: ProfiledColumn, measure: number): ProfileValue | null {
  if (column.kind === 'date') return isoDate(measure);
  if (column.kind === 'timestamp') return isoTimestamp(measure, column.withTimeZone === true);
  return measure;
}

/**
 * A numeric column's own value (min, max, a top value): integers beyond 2^53 stay text so no
 * digit is lost; other numbers, decimals included, become numbers.
 */
export function numberValue(column: ProfiledColumn, value: JsonValue | undefined): ProfileValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && (column.storage === 'integer' || column.storage === 'huge')) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value.trim();
  }
  return finiteNumber(value);
}
