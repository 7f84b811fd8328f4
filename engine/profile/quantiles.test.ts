import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { runAggregateScan } from './aggregate-scan.js';
import { basicStats } from './basic-stats.js';
import { classifyColumns } from './column-kinds.js';
import { QUANTILE_SAMPLE_ROWS, quantileFromSql, quantileItems, readQuantiles } from './quantiles.js';
import { queryRunner } from './query-runner.js';

describe('quantiles', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
  });
  afterAll(() => db.close());

  async function quantilesOf(relation: string) {
    const columns = classifyColumns(await connection.describe(relation));
    const run = queryRunner(connection);
    const basic = await basicStats(run, relation, columns);
    const exact = await runAggregateScan(run, relation, quantileItems(columns, basic.columns, { exact: true }));
    const sampled = await runAggregateScan(run, quantileFromSql(relation, basic.rowCount), quantileItems(columns, basic.columns, { exact: false }));
    expect(exact.errors.size + sampled.errors.size).toBe(0);
    return Object.fromEntries(columns.map((c) => [c.name, readQuantiles(c, exact.row) ?? readQuantiles(c, sampled.row)]));
  }

  it('computes exact quantiles of numbers, dates and timestamps on a small relation', async () => {
    await connection.execute(`CREATE TABLE q AS SELECT
        i::DOUBLE AS "Beak Length (mm)",
        CASE WHEN i = 0 THEN 'NaN'::DOUBLE WHEN i = 1 THEN '-inf'::DOUBLE ELSE 1 END AS "mostly one",
        170141183460469231731687303715884105727::HUGEINT - i AS huge,
        DATE '2024-01-01' + i::INTEGER AS day,
        TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS at,
        NULL::DOUBLE AS nothing,
        'text' AS word
      FROM range(101) r(i)`);
    const q = await quantilesOf('"q"');
    expect(q['Beak Length (mm)']).toEqual({ p05: 5, p25: 25, p50: 50, p75: 75, p95: 95 });
    expect(q['mostly one']).toEqual({ p05: 1, p25: 1, p50: 1, p75: 1, p95: 1 });
    expect(q.huge!.p50).toBeCloseTo(1.7014118346046923e38, -30);
    expect(q.day).toEqual({ p05: '2024-01-06', p25: '2024-01-26', p50: '2024-02-20', p75: '2024-03-16', p95: '2024-04-05' });
    expect(q.at!.p50).toBe('2024-01-01T00:00:50Z');
    expect(q.nothing).toBeUndefined();
    expect(q.word).toBeUndefined();
  });

  it('samples about 100k rows of a dense column in a bigger relation, repeatably, and stays close to the exact quantiles', async () => {
    expect(quantileFromSql('"t"', QUANTILE_SAMPLE_ROWS)).toBe('"t"');
    expect(quantileFromSql('"t"', 4 * QUANTILE_SAMPLE_ROWS)).toBe('"t" AS profiled USING SAMPLE bernoulli(25%) REPEATABLE (42)');
    const relation = '(SELECT i::DOUBLE AS x, CASE WHEN i % 1000 = 0 THEN i END AS sparse FROM range(400000) r(i))';
    const first = await quantilesOf(relation);
    const second = await quantilesOf(relation);
    expect(first.x).toEqual(second.x);
    expect(Math.abs((first.x!.p50 as number) - 200_000)).toBeLessThan(4000);
    expect(Math.abs((first.x!.p95 as number) - 380_000)).toBeLessThan(4000);
    // 400 values: few enough to be exact, however big the relation.
    const sparse = first.sparse!;
    [19950, 99750, 199500, 299250, 379050].forEach((expected, i) => expect([sparse.p05, sparse.p25, sparse.p50, sparse.p75, sparse.p95][i]).toBeCloseTo(expected, 6));
  });
});
