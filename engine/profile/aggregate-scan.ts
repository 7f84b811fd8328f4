/**
 * One scan computing many aggregates at once (the profile's speed comes from scanning the
 * data a few times, not once per statistic). When DuckDB refuses the combined query because
 * of one odd column, the scan is repeated per column so only that column loses its numbers.
 */
import type { JsonRow } from '../../nodes/node-definition.js';
import { cleanDuckDBMessage } from '../duckdb/database.js';
import { ident } from '../sql/quote.js';
import { isCancellation, type RunQuery } from './query-runner.js';

export interface AggregateItem {
  /** The column's index, or null for table-level items such as count(*). */
  column: number | null;
  alias: string;
  sql: string;
}

export interface ScanResult {
  row: JsonRow;
  /** Per column index: why (some of) its aggregates failed; the row holds those that worked. */
  errors: Map<number, string>;
}

function selectSql(items: readonly AggregateItem[], fromSql: string): string {
  return `SELECT ${items.map((item) => `${item.sql} AS ${ident(item.alias)}`).join(', ')} FROM ${fromSql}`;
}

/** `fromSql` is what follows FROM: a relation, optionally with an alias and a USING SAMPLE clause. */
export async function runAggregateScan(run: RunQuery, fromSql: string, items: readonly AggregateItem[]): Promise<ScanResult> {
  const errors = new Map<number, string>();
  if (items.length === 0) return { row: {}, errors };
  try {
    const rows = await run(selectSql(items, fromSql));
    return { row: rows[0] ?? {}, errors };
  } catch (error) {
    if (isCancellation(error)) throw error;
  }
  const row: JsonRow = {};
  const tableItems = items.filter((item) => item.column === null);
  if (tableItems.length > 0) Object.assign(row, (await run(selectSql(tableItems, fromSql)))[0]);
  const byColumn = new Map<number, AggregateItem[]>();
  for (const item of items) {
    if (item.column === null) continue;
    byColumn.set(item.column, [...(byColumn.get(item.column) ?? []), item]);
  }
  for (const [column, columnItems] of byColumn) {
    try {
      Object.assign(row, (await run(selectSql(columnItems, fromSql)))[0]);
      continue;
    } catch (error) {
      if (isCancellation(error)) throw error;
      errors.set(column, cleanDuckDBMessage(error));
    }
    // Keep whatever this column still allows (its count, say), one aggregate at a time.
    for (const item of columnItems) {
      try {
        Object.assign(row, (await run(selectSql([item], fromSql)))[0]);
      } catch (error) {
        if (isCancellation(error)) throw error;
      }
    }
  }
  return { row, errors };
}
