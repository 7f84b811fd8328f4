/**
 * Scan 1 of a profile: row count and, for every column at once, count, min/max, mean/std,
 * text lengths, the share of true and the count of non-finite values.
 */
import type { JsonRow } from '../../nodes/node-definition.js';
import type { AggregateItem } from './aggregate-scan.js';
import { runAggregateScan } from './aggregate-scan.js';
import { canBeNonFinite, measureSql, type ProfiledColumn } from './column-kinds.js';
import { countOf, finiteNumber, numberValue, valueFromMeasure } from './profile-values.js';
import type { ProfileValue } from './profile-types.js';
import type { RunQuery } from './query-runner.js';

export interface BasicColumnStats {
  count: number;
  min: ProfileValue | null;
  max: ProfileValue | null;
  mean: number | null;
  std: number | null;
  /** Finite min/max as measures (see measureSql): what histogram bins are planned from. */
  measureMin: number | null;
  measureMax: number | null;
  /** Values counted in min/max/mean (count minus non-finite ones). */
  finiteCount: number;
  nonFinite?: number;
  trueCount?: number;
  minLength?: number;
  maxLength?: number;
}

export interface BasicStats {
  rowCount: number;
  columns: Map<number, BasicColumnStats>;
  errors: Map<number, string>;
}

const alias = (column: ProfiledColumn, stat: string): string => `c${column.index}_${stat}`;

function columnItems(column: ProfiledColumn): AggregateItem[] {
  const x = column.sql;
  const item = (stat: string, sql: string): AggregateItem => ({ column: column.index, alias: alias(column, stat), sql });
  const items = [item('count', `count(${x})`)];
  switch (column.kind) {
    case 'number': {
      if (column.storage === 'float') {
        const m = measureSql(column);
        items.push(item('min', `min(${m})`), item('max', `max(${m})`), item('finite', `count(${m})`));
        items.push(item('mean', `avg(${m})`), item('std', `stddev_samp(${m})`));
      } else {
        // 128-bit integers and wide decimals overflow sum() in their own type: average them as DOUBLE.
        const v = column.storage === 'integer' ? x : `CAST(${x} AS DOUBLE)`;
        items.push(item('min', `min(${x})`), item('max', `max(${x})`));
        items.push(item('mean', `avg(${v})`), item('std', `stddev_samp(${v})`));
      }
      break;
    }
    case 'date':
    case 'timestamp': {
      const m = measureSql(column);
      items.push(item('min', `min(${m})`), item('max', `max(${m})`), item('finite', `count(${m})`));
      break;
    }
    case 'boolean':
      items.push(item('true', `count_if(${x})`));
      break;
    case 'text': {
      const t = column.type === 'VARCHAR' ? x : `CAST(${x} AS VARCHAR)`;
      items.push(item('min', `min(${t})`), item('max', `max(${t})`));
      items.push(item('minlen', `min(length(${t}))`), item('maxlen', `max(length(${t}))`));
      break;
    }
    case 'time':
      items.push(item('min', `min(${x})`), item('max', `max(${x})`));
      break;
    case 'other':
      break;
  }
  return items;
}

export function basicStatsItems(columns: readonly ProfiledColumn[]): AggregateItem[] {
  return [{ column: null, alias: 'rows', sql: 'count(*)' }, ...columns.flatMap(columnItems)];
}

function readColumn(column: ProfiledColumn, row: JsonRow): BasicColumnStats {
  const get = (stat: string) => row[alias(column, stat)];
  const count = countOf(get('count'));
  const stats: BasicColumnStats = {
    count, min: null, max: null, mean: null, std: null, measureMin: null, measureMax: null, finiteCount: count,
  };
  if (canBeNonFinite(column)) {
    stats.finiteCount = countOf(get('finite'));
    stats.nonFinite = count - stats.finiteCount;
  }
  switch (column.kind) {
    case 'number':
      stats.min = numberValue(column, get('min'));
      stats.max = numberValue(column, get('max'));
      stats.measureMin = finiteNumber(get('min'));
      stats.measureMax = finiteNumber(get('max'));
      stats.mean = finiteNumber(get('mean'));
      stats.std = finiteNumber(get('std'));
      break;
    case 'date':
    case 'timestamp':
      stats.measureMin = finiteNumber(get('min'));
      stats.measureMax = finiteNumber(get('max'));
      stats.min = stats.measureMin === null ? null : valueFromMeasure(column, stats.measureMin);
      stats.max = stats.measureMax === null ? null : valueFromMeasure(column, stats.measureMax);
      break;
    case 'boolean': {
      const trueCount = countOf(get('true'));
      stats.trueCount = trueCount;
      stats.mean = count > 0 ? trueCount / count : null;
      stats.min = count === 0 ? null : trueCount < count ? false : true;
      stats.max = count === 0 ? null : trueCount > 0;
      break;
    }
    case 'text':
    case 'time': {
      const min = get('min');
      const max = get('max');
      stats.min = typeof min === 'string' ? min : null;
      stats.max = typeof max === 'string' ? max : null;
      if (column.kind === 'text' && count > 0) {
        stats.minLength = countOf(get('minlen'));
        stats.maxLength = countOf(get('maxlen'));
      }
      break;
    }
    case 'other':
      break;
  }
  return stats;
}

export async function basicStats(run: RunQuery, fromSql: string, columns: readonly ProfiledColumn[]): Promise<BasicStats> {
  const { row, errors } = await runAggregateScan(run, fromSql, basicStatsItems(columns));
  const stats = new Map<number, BasicColumnStats>();
  // A column whose aggregates partly failed still reports what worked (see runAggregateScan).
  for (const column of columns) stats.set(column.index, readColumn(column, row));
  return { rowCount: countOf(row.rows), columns: stats, errors };
}
