/**
 * "Keep the first row of each key, in input order": shared by dedupe and distinct union, so
 * the rows kept (and their order) never depend on how many threads DuckDB used.
 */
import { ident, identList } from '../../engine/sql/quote.js';

export interface FirstRowsOptions {
  /** A parenthesised SELECT or a relation name that carries the position columns. */
  relation: string;
  /** Columns whose values identify a row to keep once. */
  keys: readonly string[];
  /** Helper columns that give the input order (e.g. a row number); dropped from the output. */
  order: readonly string[];
}

export function keepFirstRows({ relation, keys, order }: FirstRowsOptions): string {
  const orderSql = order.map(ident).join(', ');
  return (
    `SELECT * EXCLUDE (${identList(order)}) FROM ${relation} ` +
    `QUALIFY row_number() OVER (PARTITION BY ${identList(keys)} ORDER BY ${orderSql}) = 1 ` +
    `ORDER BY ${orderSql}`
  );
}
