/**
 * Column lookups shared by the transform nodes: find the columns a user named (DuckDB matches
 * names ignoring case), and say clearly which ones are missing and what exists instead.
 */
import { ident } from '../../engine/sql/quote.js';
import { NodeError, type ColumnInfo } from '../node-definition.js';

const LISTED_AT_MOST = 30;

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `a, b, c` (shortened when a table has very many columns). */
export function availableColumns(columns: readonly ColumnInfo[]): string {
  const names = columns.map((c) => c.name);
  if (names.length === 0) return '(none)';
  if (names.length <= LISTED_AT_MOST) return names.join(', ');
  return `${names.slice(0, LISTED_AT_MOST).join(', ')} and ${names.length - LISTED_AT_MOST} more`;
}

/** A column by its exact name, else by the same name in another case (as DuckDB binds it). */
export function findColumn(columns: readonly ColumnInfo[], name: string): ColumnInfo | undefined {
  return columns.find((c) => c.name === name) ?? columns.find((c) => sameName(c.name, name));
}

/**
 * The columns with these names, in the order given; a NodeError naming every missing one.
 * `where` says which input, e.g. ` in the right input`, when a node has several.
 */
export function requireColumns(columns: readonly ColumnInfo[], names: readonly string[], where = ''): ColumnInfo[] {
  const found: ColumnInfo[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const column = findColumn(columns, name);
    if (column) found.push(column);
    else missing.push(name);
  }
  if (missing.length === 1) {
    throw new NodeError(`Column "${missing[0]}" does not exist${where}. Available columns: ${availableColumns(columns)}.`);
  }
  if (missing.length > 1) {
    const list = missing.map((m) => `"${m}"`).join(', ');
    throw new NodeError(`Columns ${list} do not exist${where}. Available columns: ${availableColumns(columns)}.`);
  }
  return found;
}

/** A NodeError when a list names the same column twice (`what` is e.g. `columns`). */
export function requireDistinct(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw new NodeError(`"${name}" appears more than once in ${what}; list each column once.`);
    seen.add(key);
  }
}

/** A name for a helper column that clashes with none of `taken` (compared ignoring case). */
export function unusedName(taken: Iterable<string>, base: string): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  let name = base;
  for (let i = 1; lower.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\))$/;

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type);
}

export function isFloatType(type: string): boolean {
  return type === 'FLOAT' || type === 'DOUBLE';
}

/** SQL that is true when a value is missing: NULL, or NaN in a floating-point column (as pandas counts it). */
export function missingTest(column: ColumnInfo, qualifier?: string): string {
  const ref = qualifier ? `${qualifier}.${ident(column.name)}` : ident(column.name);
  return isFloatType(column.type) ? `(${ref} IS NULL OR isnan(${ref}))` : `(${ref} IS NULL)`;
}
