/**
 * DuckDB values → JSON-safe values for previews, profiles and the API.
 * DuckDB's own JSON conversion turns every 64-bit integer and decimal into a string; we give
 * numbers back where they are exact (|n| ≤ 2^53, decimals of ≤ 15 digits) so charts and
 * tables can use them, and keep strings where a number would lose digits.
 */
import type { JsonRow, JsonValue } from '../../nodes/node-definition.js';

const INTEGER_AS_TEXT = /^(BIGINT|UBIGINT|HUGEINT|UHUGEINT|INT64|INT128)$/;
const DECIMAL = /^DECIMAL\((\d+),\s*(\d+)\)$/;

type Converter = (value: JsonValue) => JsonValue;

function integerFromText(value: JsonValue): JsonValue {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

function decimalFromText(value: JsonValue): JsonValue {
  return typeof value === 'string' ? Number(value) : value;
}

/** How to post-process one column of DuckDB's JSON output, or undefined when it is fine as is. */
export function converterFor(duckdbType: string): Converter | undefined {
  if (INTEGER_AS_TEXT.test(duckdbType)) return integerFromText;
  const decimal = DECIMAL.exec(duckdbType);
  if (decimal && Number(decimal[1]) <= 15) return decimalFromText;
  return undefined;
}

/** Apply per-column converters to rows in place. */
export function normaliseRows(rows: Record<string, JsonValue>[], columns: { name: string; type: string }[]): JsonRow[] {
  const converters = columns
    .map((c) => [c.name, converterFor(c.type)] as const)
    .filter((entry): entry is readonly [string, Converter] => entry[1] !== undefined);
  if (converters.length === 0) return rows;
  for (const row of rows) {
    for (const [name, convert] of converters) {
      const value = row[name];
      if (value !== undefined && value !== null) row[name] = convert(value);
    }
  }
  return rows;
}
