/**
 * Param building blocks with UI hints. The hint (`ui`) travels into the JSON Schema of the
 * catalogue, so the inspector knows to show a column picker or a SQL editor for a field.
 */
import { z } from 'zod';

export type UiHint = 'column' | 'columns' | 'sql-expression' | 'sql-query' | 'sql-type' | 'path' | 'column-map' | 'expression-map' | 'type-map';

/** One column of the (first) input. */
export function column(description: string, from = 'in') {
  return z.string().min(1, 'a column name is required').meta({ description, ui: 'column', input: from });
}

/** A list of columns of the (first) input. */
export function columnList(description: string, from = 'in') {
  return z.array(z.string().min(1, 'column names cannot be empty')).meta({ description, ui: 'columns', input: from });
}

/** A DuckDB SQL expression written by the user, e.g. `"Body Mass (g)" > 4000`. */
export function sqlExpression(description: string) {
  return z.string().trim().min(1, 'an expression is required').meta({ description, ui: 'sql-expression' });
}

/** A whole DuckDB SQL query. */
export function sqlQuery(description: string) {
  return z.string().trim().min(1, 'a query is required').meta({ description, ui: 'sql-query' });
}

/** A DuckDB type name such as DOUBLE, VARCHAR, DATE, DECIMAL(10,2). */
export function sqlType(description: string) {
  return z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\d*\])*$/, 'must be a DuckDB type name such as DOUBLE, VARCHAR or DECIMAL(10,2)')
    .meta({ description, ui: 'sql-type' });
}

/** A file path, relative to the pipeline file. */
export function filePath(description: string) {
  return z.string().trim().min(1, 'a path is required').meta({ description, ui: 'path' });
}

/** column name → SQL expression (derive, window, aggregate). */
export function expressionMap(description: string) {
  return z
    .record(z.string().min(1), sqlExpression('SQL expression'))
    .refine((m) => Object.keys(m).length > 0, 'give at least one column')
    .meta({ description, ui: 'expression-map' });
}

/** column name → DuckDB type (cast, schema_check, read_csv types). */
export function typeMap(description: string) {
  return z.record(z.string().min(1), sqlType('DuckDB type')).meta({ description, ui: 'type-map' });
}

/** A seed for anything random, so runs are reproducible. */
export function seed() {
  return z.number().int().min(0).max(2 ** 31 - 1).default(42).meta({ description: 'Random seed: the same seed gives the same result.' });
}
