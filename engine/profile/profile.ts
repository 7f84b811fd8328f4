/**
 * The column profile of a relation in four scans, whatever the number of columns:
 *   1. basic stats of every column (count, min/max, mean/std, lengths, non-finite values);
 *   2. every histogram and distinct count (they need the min/max of scan 1), and exact
 *      quantiles of columns with few values (plus, on big relations, a recount of the
 *      estimated distinct counts that turn out small);
 *   3. the other quantiles, on a ~100k-row sample when the relation is bigger;
 *   4. top values of text (and low-cardinality number) columns, which also count text's distinct values.
 * With `sampleRows`, a big relation is first sampled (about that many random rows) into a
 * temporary table and profiled from it.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from '../duckdb/database.js';
import { ident, literal } from '../sql/quote.js';
import { runAggregateScan } from './aggregate-scan.js';
import { basicStats, type BasicColumnStats } from './basic-stats.js';
import { classifyColumns, type ProfiledColumn } from './column-kinds.js';
import { columnProfile, type ColumnFindings } from './column-profile.js';
import { distinctItems, planDistinct, readDistinct, readRecount, recountItems } from './distinct-counts.js';
import { histogramItems, histogramRead, planHistogram, readHistogram, type HistogramPlan } from './histograms.js';
import { countOf } from './profile-values.js';
import type { ColumnProfile, ProfileOptions, TableProfile } from './profile-types.js';
import { quantileFromSql, quantileItems, readQuantiles } from './quantiles.js';
import { queryRunner, throwIfAborted, type RunQuery } from './query-runner.js';
import { topValues, wantsTopValues } from './top-values.js';

interface Settings {
  bins: number;
  top: number;
}

function wholeNumber(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new RangeError(`Profile option ${name} must be a whole number of at least ${min} (got ${value}).`);
  return value;
}

/** Collects the first DuckDB complaint per column from every scan. */
function mergeErrors(...maps: ReadonlyMap<number, string>[]): Map<number, string> {
  const merged = new Map<number, string>();
  for (const map of maps) for (const [column, message] of map) if (!merged.has(column)) merged.set(column, message);
  return merged;
}

/** Profile every column of `fromSql` (a relation) with the four scans. */
async function profileColumns(
  run: RunQuery,
  fromSql: string,
  columns: readonly ProfiledColumn[],
  settings: Settings,
): Promise<{ rowCount: number; columns: ColumnProfile[] }> {
  const basic = await basicStats(run, fromSql, columns);
  const { rowCount } = basic;
  const statsOf = (column: ProfiledColumn): BasicColumnStats => basic.columns.get(column.index)!;
  if (rowCount === 0) {
    return { rowCount, columns: columns.map((column) => columnProfile(column, { stats: statsOf(column), rowCount, topValues: settings.top })) };
  }

  // Scan 2: histograms, distinct counts, and the quantiles that are cheap to compute exactly.
  const histogramPlans = new Map<number, HistogramPlan>();
  for (const column of columns) {
    const plan = planHistogram(column, statsOf(column), settings.bins);
    if (plan) histogramPlans.set(column.index, plan);
  }
  const distinctOptions = { rowCount, textCountedElsewhere: settings.top > 0 };
  const distinctPlans = columns.map((column) => planDistinct(column, statsOf(column), distinctOptions));
  const scan2 = await runAggregateScan(run, fromSql, [
    ...histogramItems([...histogramPlans.values()]),
    ...distinctItems(distinctPlans),
    ...quantileItems(columns, basic.columns, { exact: true }),
  ]);
  const distincts = new Map(distinctPlans.map((plan) => [plan.column.index, readDistinct(plan, statsOf(plan.column), scan2.row)]));
  // Estimated columns with few distinct values get an exact count: cheap, because their hash tables stay small.
  const recount = await runAggregateScan(run, fromSql, recountItems(distinctPlans, distincts));
  for (const plan of distinctPlans) {
    const exact = readRecount(plan, recount.row);
    if (exact) distincts.set(plan.column.index, exact);
  }

  // Scan 3: quantiles of the columns with many values, on a sample when the relation is big.
  const sampled = await runAggregateScan(run, quantileFromSql(fromSql, rowCount), quantileItems(columns, basic.columns, { exact: false }));

  // Scan 4: top values (and text's exact distinct counts).
  const topColumns = columns.filter((column) => wantsTopValues(column, statsOf(column), distincts.get(column.index)?.distinct));
  const top = await topValues(run, fromSql, topColumns, settings.top);

  const errors = mergeErrors(basic.errors, scan2.errors, recount.errors, sampled.errors, top.errors);
  const profiles = columns.map((column) => {
    const findings: ColumnFindings = { stats: statsOf(column), rowCount, topValues: settings.top };
    const distinct = distincts.get(column.index);
    const plan = histogramPlans.get(column.index);
    const quantiles = readQuantiles(column, scan2.row) ?? readQuantiles(column, sampled.row);
    const columnTop = top.byColumn.get(column.index);
    const error = errors.get(column.index);
    if (distinct) findings.distinct = distinct;
    if (plan && histogramRead(plan, scan2.row)) findings.histogram = readHistogram(plan, scan2.row);
    if (quantiles) findings.quantiles = quantiles;
    if (columnTop) findings.top = columnTop;
    if (error !== undefined) findings.error = error;
    return columnProfile(column, findings);
  });
  return { rowCount, columns: profiles };
}

/**
 * Copy a random sample of about `sampleRows` rows into a temporary table once, so the four
 * scans read a small table. Bernoulli (row by row) rather than reservoir sampling: as random,
 * and a quarter faster to draw from a big table; the profile reports the rows it got.
 */
async function profileSample(
  connection: Connection,
  run: RunQuery,
  relationSql: string,
  sample: { rows: number; of: number },
  columns: readonly ProfiledColumn[],
  settings: Settings,
): Promise<{ rowCount: number; columns: ColumnProfile[] }> {
  const table = ident(`millrace_profile_sample_${randomUUID().replace(/-/g, '')}`);
  const percent = (100 * sample.rows) / sample.of;
  try {
    await run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${relationSql} AS profiled USING SAMPLE bernoulli(${literal(percent)}%) REPEATABLE (42)`);
    return await profileColumns(run, table, columns, settings);
  } finally {
    // Outside the cancellable runner: a cancelled profile must still clean up after itself.
    await connection.execute(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * Profile a relation: `relationSql` is a quoted table or view name, or a parenthesised subquery.
 * Throws an Error named 'AbortError' when options.signal aborts (the running query is interrupted).
 */
export async function profileRelation(connection: Connection, relationSql: string, options: ProfileOptions = {}): Promise<TableProfile> {
  const started = performance.now();
  const settings: Settings = {
    bins: wholeNumber('histogramBins', options.histogramBins, 20, 1),
    top: wholeNumber('topValues', options.topValues, 10, 0),
  };
  const sampleRows = options.sampleRows === undefined ? undefined : wholeNumber('sampleRows', options.sampleRows, 0, 1);
  throwIfAborted(options.signal);
  const run = queryRunner(connection, options.signal);
  const columns = classifyColumns(await connection.describe(relationSql));
  throwIfAborted(options.signal);

  if (sampleRows !== undefined) {
    const rowCount = countOf((await run(`SELECT count(*) AS n FROM ${relationSql}`))[0]?.n);
    if (rowCount > sampleRows) {
      const sample = await profileSample(connection, run, relationSql, { rows: sampleRows, of: rowCount }, columns, settings);
      return { rowCount, sampled: true, sampleRows: sample.rowCount, columns: sample.columns, elapsedMs: performance.now() - started };
    }
  }
  const full = await profileColumns(run, relationSql, columns, settings);
  return { rowCount: full.rowCount, sampled: false, columns: full.columns, elapsedMs: performance.now() - started };
}
