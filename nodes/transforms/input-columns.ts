/**
 * What the encoding and reshaping transforms need beyond ./columns.ts: an input's columns by the
 * names in the params (async, straight from the context), fresh output names, and type families.
 */
import type { BaseContext, ColumnInfo } from '../node-definition.js';
import { requireColumns } from './columns.js';

/** The columns of input `port` named by `names`, in the order given; unknown names are a NodeError. */
export async function columnsNamed(ctx: BaseContext<unknown>, port: string, names: readonly string[]): Promise<ColumnInfo[]> {
  return requireColumns(await ctx.columns(port), names, port === 'in' ? '' : ` in input "${port}"`);
}

/**
 * Reserve an output column name no other column uses (ignoring case, as DuckDB compares names),
 * adding `_2`, `_3`, ... when needed. `taken` holds lower-cased names and is updated.
 */
export function reserveName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const INTEGER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;

export function isIntegerType(type: string): boolean {
  return INTEGER_TYPE.test(type);
}

export function isTemporalType(type: string): boolean {
  return /^(DATE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE)$/.test(type);
}
