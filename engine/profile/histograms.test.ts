import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { runAggregateScan } from './aggregate-scan.js';
import { basicStats } from './basic-stats.js';
import { classifyColumn, classifyColumns } from './column-kinds.js';
import { histogramItems, planHistogram, readHistogram } from './histograms.js';
import type { BasicColumnStats } from './basic-stats.js';
import { queryRunner } from './query-runner.js';

const stats = (min: number, max: number, count = 10): BasicColumnStats => ({
  count, min, max, mean: null, std: null, measureMin: min, measureMax: max, finiteCount: count,
});

describe('histogram plans', () => {
  const double = classifyColumn({ name: 'x', type: 'DOUBLE' }, 0);
  const integer = classifyColumn({ name: 'n', type: 'INTEGER' }, 1);

  it('splits a real range into equal-width bins from min to max', () => {
    const plan = planHistogram(double, stats(0, 10), 4)!;
    expect(plan.bins).toEqual([
      { lower: 0, upper: 2.5 }, { lower: 2.5, upper: 5 }, { lower: 5, upper: 7.5 }, { lower: 7.5, upper: 10 },
    ]);
    expect(plan.boundaries).toEqual([2.5, 5, 7.5]);
  });

  it('gives integers whole-number bins so no bin straddles a value', () => {
    expect(planHistogram(integer, stats(0, 4), 20)!.bins).toHaveLength(5);
    const plan = planHistogram(integer, stats(0, 99), 20)!;
    expect(plan.bins[0]).toEqual({ lower: 0, upper: 5 });
    expect(plan.bins).toHaveLength(20);
    expect(plan.boundaries[0]).toBe(4.5);
  });

  it('makes a constant column one bin that needs no scan', () => {
    expect(planHistogram(double, stats(3, 3, 7), 20)).toMatchObject({ bins: [{ lower: 3, upper: 3 }], knownCounts: [7] });
    expect(planHistogram(integer, stats(3, 3, 7), 20)).toMatchObject({ bins: [{ lower: 3, upper: 4 }], knownCounts: [7] });
  });

  it('keeps edges finite when max − min overflows a double', () => {
    const plan = planHistogram(double, stats(-1.7e308, 1.7e308), 4)!;
    expect(plan.boundaries.every(Number.isFinite)).toBe(true);
    expect(plan.bins).toHaveLength(4);
  });

  it('merges bins a range of a few ulps cannot tell apart', () => {
    const plan = planHistogram(double, stats(1, 1 + Number.EPSILON), 20)!;
    expect(plan.bins.length).toBeLessThanOrEqual(2);
    expect(new Set(plan.boundaries).size).toBe(plan.boundaries.length);
  });

  it('has no histogram for a column without finite values', () => {
    expect(planHistogram(double, { ...stats(0, 0, 0), measureMin: null, measureMax: null }, 20)).toBeUndefined();
  });
});

describe('histogram scan', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
    await connection.execute(`CREATE TABLE h AS SELECT
        i::DOUBLE AS "Beak Length (mm)",
        CASE WHEN i = 0 THEN 'NaN'::DOUBLE WHEN i = 1 THEN 'inf'::DOUBLE ELSE i END AS "with ""nan""",
        (i % 7)::BIGINT AS small,
        DATE '2024-01-01' + (i % 10)::INTEGER AS day,
        CASE WHEN i < 5 THEN NULL ELSE TIMESTAMP '2024-01-01' + to_seconds(i) END AS at
      FROM range(101) r(i)`);
  });
  afterAll(() => db.close());

  async function histograms(bins: number) {
    const columns = classifyColumns(await connection.describe('"h"'));
    const run = queryRunner(connection);
    const basic = await basicStats(run, '"h"', columns);
    const plans = columns.map((c) => planHistogram(c, basic.columns.get(c.index)!, bins)!);
    const { row } = await runAggregateScan(run, '"h"', histogramItems(plans));
    return Object.fromEntries(plans.map((plan) => [plan.column.name, readHistogram(plan, row)]));
  }

  it('counts every finite value exactly once, values on an edge in the lower bin', async () => {
    const beak = (await histograms(4))['Beak Length (mm)']!;
    expect(beak).toEqual([
      { lower: 0, upper: 25, count: 26 },
      { lower: 25, upper: 50, count: 25 },
      { lower: 50, upper: 75, count: 25 },
      { lower: 75, upper: 100, count: 25 },
    ]);
  });

  it('leaves NaN and ±Infinity out of the bins', async () => {
    const result = await histograms(10);
    const bins = result['with "nan"']!;
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(99);
    expect(bins[0]!.lower).toBe(2);
  });

  it('gives integers one bin per value when they have fewer values than bins', async () => {
    const small = (await histograms(20)).small!;
    expect(small.map((bin) => bin.lower)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(small.map((bin) => bin.count)).toEqual([15, 15, 15, 14, 14, 14, 14]);
  });

  it('labels date and timestamp bins with ISO text', async () => {
    const result = await histograms(5);
    expect(result.day![0]).toEqual({ lower: '2024-01-01', upper: '2024-01-03', count: 21 });
    expect(result.at![0]!.lower).toBe('2024-01-01T00:00:05');
    expect(result.at!.at(-1)!.upper).toBe('2024-01-01T00:01:40');
    expect(result.at!.reduce((sum, bin) => sum + bin.count, 0)).toBe(96);
  });
});
