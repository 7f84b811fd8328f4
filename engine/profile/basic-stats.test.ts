import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { basicStats, type BasicStats } from './basic-stats.js';
import { classifyColumns } from './column-kinds.js';
import { queryRunner } from './query-runner.js';

describe('basic stats scan', () => {
  let db: Database;
  let connection: Connection;
  let stats: BasicStats;
  const byName = (name: string) => {
    const index = names.indexOf(name);
    return stats.columns.get(index)!;
  };
  let names: string[] = [];

  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
    await connection.execute(`CREATE TABLE awkward AS SELECT * FROM (VALUES
      (1, 'Adélie', 1.5::DOUBLE, 170141183460469231731687303715884105727::HUGEINT, 12345678901234567890123.45::DECIMAL(38,2), true,
       DATE '2024-01-01', TIMESTAMPTZ '2024-01-01 10:00:00+02', TIME '12:00:00', [1, 2], INTERVAL 1 DAY, NULL::INTEGER),
      (2, 'Gentoo', 'NaN'::DOUBLE, '-170141183460469231731687303715884105728'::HUGEINT, -1.5, false,
       'infinity'::DATE, TIMESTAMPTZ '2024-01-02 00:00:00.5+00', TIME '01:30:00', [1], INTERVAL 2 DAY, NULL),
      (3, NULL, '-inf'::DOUBLE, NULL, NULL, true, NULL, NULL, NULL, NULL, NULL, NULL),
      (NULL, 'O''Brien', 3.5, 5, 0, NULL, DATE '1969-12-31', TIMESTAMPTZ '1969-12-31 23:59:59+00', NULL, [], NULL, NULL)
    ) v("Beak Length (mm)", "say ""hi""", x, h, "dec", flag, day, "at", t, l, iv, "all null")`);
    const columns = classifyColumns(await connection.describe('"awkward"'));
    names = columns.map((c) => c.name);
    stats = await basicStats(queryRunner(connection), '"awkward"', columns);
  });
  afterAll(() => db.close());

  it('counts rows and non-null values per column, names with spaces, quotes and parentheses included', () => {
    expect(stats.rowCount).toBe(4);
    expect(byName('Beak Length (mm)')).toMatchObject({ count: 3, min: 1, max: 3, mean: 2, std: 1 });
    expect(byName('say "hi"')).toMatchObject({ count: 3, min: 'Adélie', max: "O'Brien", minLength: 6, maxLength: 7 });
    expect(stats.errors.size).toBe(0);
  });

  it('leaves NaN and ±Infinity out of min/max/mean and counts them as non-finite', () => {
    expect(byName('x')).toMatchObject({ count: 4, finiteCount: 2, nonFinite: 2, min: 1.5, max: 3.5, mean: 2.5 });
  });

  it('keeps 128-bit extremes as exact text and averages them without overflowing', () => {
    const h = byName('h');
    expect(h.min).toBe('-170141183460469231731687303715884105728');
    expect(h.max).toBe('170141183460469231731687303715884105727');
    expect(h.mean).toBeCloseTo(5 / 3, 5);
    expect(byName('dec')).toMatchObject({ min: -1.5, max: 1.2345678901234568e22 });
  });

  it('gives booleans the share of true as their mean', () => {
    expect(byName('flag')).toMatchObject({ count: 3, trueCount: 2, min: false, max: true, std: null });
    expect(byName('flag').mean).toBeCloseTo(2 / 3);
  });

  it('prints dates and timestamps as ISO text and counts infinite dates apart', () => {
    expect(byName('day')).toMatchObject({ count: 3, nonFinite: 1, min: '1969-12-31', max: '2024-01-01' });
    expect(byName('at')).toMatchObject({ count: 3, nonFinite: 0, min: '1969-12-31T23:59:59Z', max: '2024-01-02T00:00:00.500000Z' });
    expect(byName('t')).toMatchObject({ count: 2, min: '01:30:00', max: '12:00:00' });
  });

  it('counts lists, intervals and NULL-only columns without inventing a min or max', () => {
    expect(byName('l')).toMatchObject({ count: 3, min: null, max: null });
    expect(byName('iv')).toMatchObject({ count: 2, min: null });
    expect(byName('all null')).toMatchObject({ count: 0, min: null, max: null, mean: null, std: null });
  });

  it('reports zero rows for an empty relation', async () => {
    const columns = classifyColumns(await connection.describe('"awkward"'));
    const empty = await basicStats(queryRunner(connection), '(SELECT * FROM awkward WHERE false)', columns);
    expect(empty.rowCount).toBe(0);
    expect(empty.columns.get(0)).toMatchObject({ count: 0, min: null, mean: null });
  });
});
