/**
 * The one place where Millrace turns names and values into SQL text.
 * Column names such as `Beak Length (mm)` or `say "hi"` are ordinary data:
 * every identifier Millrace generates goes through `ident`, every value through `literal`.
 */

export class SqlBuildError extends Error {}

/** Quote an identifier (column, table, view) for DuckDB: `a "b"` → `"a ""b"""`. */
export function ident(name: string): string {
  if (name.includes('\u0000')) throw new SqlBuildError(`The name ${JSON.stringify(name)} contains a NUL character.`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: readonly string[]): string {
  return names.map(ident).join(', ');
}

export type SqlLiteralValue = string | number | bigint | boolean | null;

/** Quote a value as a SQL literal. */
export function literal(value: SqlLiteralValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SqlBuildError(`${value} is not a finite number.`);
    // String() is the shortest text that reads back as the same double; DuckDB parses it (1e+21 too).
    return String(value);
  }
  if (value.includes('\u0000')) throw new SqlBuildError('A text value contains a NUL character.');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A comma-separated list of literals. */
export function literalList(values: readonly SqlLiteralValue[]): string {
  return values.map(literal).join(', ');
}

// A DuckDB type name as a user writes it: DOUBLE, VARCHAR, DECIMAL(10, 2), TIMESTAMP WITH TIME ZONE, INTEGER[].
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_]*( [A-Za-z][A-Za-z0-9_]*)*\s*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\d*\])*$/;

/** Check a user-written type name so that it cannot smuggle SQL into a statement. */
export function typeName(type: string): string {
  const trimmed = type.trim();
  if (!TYPE_NAME.test(trimmed)) {
    throw new SqlBuildError(`"${type}" is not a valid DuckDB type name (examples: DOUBLE, VARCHAR, DECIMAL(10,2), TIMESTAMP).`);
  }
  return trimmed.toUpperCase();
}

/**
 * Wrap a user-written SQL expression so it binds as one expression inside generated SQL.
 * The engine also checks that every statement it runs is exactly one statement, so a
 * stray `;` in an expression is refused rather than executed.
 */
export function expr(userExpression: string): string {
  const trimmed = userExpression.trim();
  if (trimmed === '') throw new SqlBuildError('The expression is empty.');
  return `(${trimmed})`;
}
