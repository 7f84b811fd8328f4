/** Small helpers so check details read as plain sentences: `1 row is NULL`, `3 rows are NULL`. */
import type { ColumnInfo } from '../node-definition.js';
import { NodeError } from '../node-definition.js';

/** `count(1, 'row')` → `1 row`; `count(3, 'row')` → `3 rows`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Pick the verb form that agrees with n: `agree(1, 'is', 'are')` → `is`. */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** A short readable list: `a, b, c` or `a, b, c, … (12 in all)`. */
export function listOf(items: readonly unknown[], max = 10): string {
  const shown = items.slice(0, max).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return items.length > max ? `${shown.join(', ')}, … (${items.length} in all)` : shown.join(', ');
}

/** Throw a NodeError naming the first column in `wanted` that `available` lacks. */
export function requireColumns(available: readonly ColumnInfo[], wanted: readonly string[], where = 'the input'): void {
  // DuckDB resolves column names case-insensitively, so `species` finds `Species`.
  const names = new Set(available.map((c) => c.name.toLowerCase()));
  for (const column of wanted) {
    if (!names.has(column.toLowerCase())) {
      throw new NodeError(`Column "${column}" does not exist in ${where}. Available columns: ${listOf(available.map((c) => c.name), 30)}.`);
    }
  }
}
