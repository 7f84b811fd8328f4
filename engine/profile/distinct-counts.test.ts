import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { runAggregateScan } from './aggregate-scan.js';
import { basicStats, type BasicStats } from './basic-stats.js';
import { classifyColumns, type ProfiledColumn } from './column-kinds.js';
import {
  distinctItems, planDistinct, readDistinct, readRecount, recountItems, sampleModulus, type DistinctOptions, type DistinctResult,
} from './distinct-counts.js';
import { queryRunner, type RunQuery } from './query-runner.js';

describe('distinct counts', () => {
  let db: Database;
  let connection: Connection;
  let run: RunQuery;
  let columns: ProfiledColumn[];
  let basic: BasicStats;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
    run = queryRunner(connection);
    await connection.execute(`CREATE TABLE d AS SELECT
        (i % 37) - 18 AS "small ints",
        ((i % 7) * 20000 - 70000)::INTEGER AS "spread ints",
        (18446744073709551615 - (i % 5) * 30000)::UBIGINT AS "top of UBIGINT",
        (i * 1000003)::BIGINT AS wide,
        (i % 3)::DOUBLE / 3 AS x,
        DATE '2024-01-01' + (i % 11)::INTEGER AS day,
        DATE '1800-01-01' + ((i % 3) * 40000)::INTEGER AS "old day",
        CASE WHEN i = 0 THEN 'infinity'::DATE ELSE DATE '2024-01-01' + (i % 4)::INTEGER END AS "infinite day",
        'w' || (i % 13) AS word,
        [i % 6, 1] AS list,
        {'k': i % 4} AS struct,
        MAP {'k': i % 2} AS map,
        i % 2 = 0 AS flag,
        NULL::INTEGER AS nothing
      FROM range(1000) r(i)`);
    columns = classifyColumns(await connection.describe('"d"'));
    basic = await basicStats(run, '"d"', columns);
  });
  afterAll(() => db.close());

  const plansFor = (options: DistinctOptions) => columns.map((c) => planDistinct(c, basic.columns.get(c.index)!, options));

  async function distincts(options: DistinctOptions): Promise<Record<string, DistinctResult | undefined>> {
    const plans = plansFor(options);
    const { row, errors } = await runAggregateScan(run, '"d"', distinctItems(plans));
    expect(errors.size).toBe(0);
    return Object.fromEntries(plans.map((p) => [p.column.name, readDistinct(p, basic.columns.get(p.column.index)!, row)]));
  }

  it('counts exactly what count(DISTINCT) counts, for every kind of column', async () => {
    const exact = await distincts({ rowCount: 1000, textCountedElsewhere: false });
    expect(Object.fromEntries(Object.entries(exact).map(([name, d]) => [name, d?.distinct]))).toEqual({
      'small ints': 37, 'spread ints': 7, 'top of UBIGINT': 5, wide: 1000, x: 3, day: 11, 'old day': 3, 'infinite day': 5, word: 13,
      list: 6, struct: 4, map: 2, flag: 2, nothing: 0,
    });
    expect(Object.values(exact).every((d) => d?.approx === false)).toBe(true);
  });

  it('uses a bitmap for integers and dates over a wide (not too wide) range, and hashing elsewhere', () => {
    const sqlOf = (name: string) => plansFor({ rowCount: 1000, textCountedElsewhere: false }).find((p) => p.column.name === name)?.sql;
    expect(sqlOf('spread ints')).toBe('bit_count(bitstring_agg("spread ints", -70000, 50000))');
    expect(sqlOf('top of UBIGINT')).toBe('bit_count(bitstring_agg("top of UBIGINT", 18446744073709431615, 18446744073709551615))');
    expect(sqlOf('old day')).toMatch(/^bit_count\(bitstring_agg\(datediff\('day', DATE '1970-01-01', "old day"\), -62091, 17909\)\)$/);
    expect(sqlOf('small ints')).toBe('count(DISTINCT "small ints")');
    expect(sqlOf('day')).toBe('count(DISTINCT "day")');
    expect(sqlOf('wide')).toBe('count(DISTINCT "wide")');
    expect(sqlOf('infinite day')).toBe('count(DISTINCT "infinite day")');
    expect(sqlOf('flag')).toBeUndefined();
    expect(sqlOf('nothing')).toBeUndefined();
  });

  it('leaves text to the top-values scan when that scan runs', async () => {
    const result = await distincts({ rowCount: 1000, textCountedElsewhere: true });
    expect(result.word).toBeUndefined();
    expect(result.flag).toEqual({ distinct: 2, approx: false });
  });

  it('estimates high-cardinality columns of big relations to about 1% from a hash sample', async () => {
    expect(sampleModulus(1_000_000)).toBe(16);
    expect(sampleModulus(300_000)).toBe(4);
    const relation = '(SELECT i::DOUBLE * 1.5 AS x FROM range(1000000) r(i))';
    const [x] = classifyColumns(await connection.describe(relation));
    const stats = (await basicStats(run, relation, [x!])).columns.get(0)!;
    const plan = planDistinct(x!, stats, { rowCount: 1_000_000, textCountedElsewhere: true });
    expect(plan.method).toBe('estimate');
    const { row } = await runAggregateScan(run, relation, distinctItems([plan]));
    const estimate = readDistinct(plan, stats, row)!;
    expect(estimate.approx).toBe(true);
    expect(Math.abs(estimate.distinct - 1_000_000)).toBeLessThan(20_000);
    expect(recountItems([plan], new Map([[0, estimate]]))).toEqual([]);
  });

  it('recounts exactly the estimated columns that turn out to have few distinct values', async () => {
    const plans = plansFor({ rowCount: 10_000_000, textCountedElsewhere: false });
    expect(plans.find((p) => p.column.name === 'wide')?.method).toBe('estimate');
    const { row } = await runAggregateScan(run, '"d"', distinctItems(plans));
    const estimates = new Map(plans.map((p) => [p.column.index, readDistinct(p, basic.columns.get(p.column.index)!, row)]));
    const recount = await runAggregateScan(run, '"d"', recountItems(plans, estimates));
    const final = Object.fromEntries(plans.map((p) => [p.column.name, readRecount(p, recount.row) ?? estimates.get(p.column.index)]));
    expect(final.wide).toEqual({ distinct: 1000, approx: false });
    expect(final.list).toEqual({ distinct: 6, approx: false });
    expect(final.x).toEqual({ distinct: 3, approx: false });
    expect(final['small ints']).toEqual({ distinct: 37, approx: false });
  });
});
