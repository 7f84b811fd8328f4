import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { basicStats } from './basic-stats.js';
import { classifyColumn, classifyColumns } from './column-kinds.js';
import { booleanTopValues, topValues, wantsTopValues } from './top-values.js';
import { queryRunner } from './query-runner.js';

describe('top values', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
    await connection.execute(`CREATE TABLE birds AS SELECT * FROM (VALUES
      ('Adelie', 'a', 1, 170141183460469231731687303715884105727::HUGEINT, 'x'::ENUM('x', 'y')),
      ('Gentoo', 'b', 2, 5, 'y'), ('Gentoo', 'b', 2, 5, 'y'),
      ('O''Brien', 'b', 3, NULL, 'x'), ('Adelie', NULL, NULL, NULL, NULL), (NULL, 'c', 3, NULL, 'y')
    ) v("Species Name", n, "groups", huge, kind)`);
  });
  afterAll(() => db.close());

  it('lists the most frequent values first, ties by value, NULLs left out, and counts the groups exactly', async () => {
    const columns = classifyColumns(await connection.describe('"birds"'));
    const { byColumn, errors } = await topValues(queryRunner(connection), '"birds"', columns, 2);
    expect(errors.size).toBe(0);
    expect(byColumn.get(0)).toEqual({ values: [{ value: 'Adelie', count: 2 }, { value: 'Gentoo', count: 2 }], distinct: 3 });
    // Columns named like the query's own names ("n", "groups") do not collide with them.
    expect(byColumn.get(1)).toEqual({ values: [{ value: 'b', count: 3 }, { value: 'a', count: 1 }], distinct: 3 });
    expect(byColumn.get(2)).toEqual({ values: [{ value: 2, count: 2 }, { value: 3, count: 2 }], distinct: 3 });
    expect(byColumn.get(3)!.values).toEqual([{ value: 5, count: 2 }, { value: '170141183460469231731687303715884105727', count: 1 }]);
    expect(byColumn.get(4)).toEqual({ values: [{ value: 'y', count: 3 }, { value: 'x', count: 2 }], distinct: 2 });
  });

  it('keeps the other columns when one column cannot be grouped', async () => {
    const [good] = classifyColumns(await connection.describe('"birds"'));
    const broken = { ...classifyColumn({ name: 'gone', type: 'VARCHAR' }, 9) };
    const { byColumn, errors } = await topValues(queryRunner(connection), '"birds"', [good!, broken], 1);
    expect(byColumn.get(0)!.values).toEqual([{ value: 'Adelie', count: 2 }]);
    expect(errors.get(9)).toMatch(/gone/);
  });

  it('asks for top values of text, and of numbers only when they have few distinct values', async () => {
    const columns = classifyColumns(await connection.describe('"birds"'));
    const basic = await basicStats(queryRunner(connection), '"birds"', columns);
    const stats = (i: number) => basic.columns.get(i)!;
    expect(wantsTopValues(columns[0]!, stats(0), undefined)).toBe(true);
    expect(wantsTopValues(columns[2]!, stats(2), 3)).toBe(true);
    expect(wantsTopValues(columns[2]!, stats(2), 5000)).toBe(false);
    expect(wantsTopValues(columns[0]!, { ...stats(0), count: 0 }, 0)).toBe(false);
  });

  it('derives boolean top values from the true count', () => {
    expect(booleanTopValues({ count: 5, trueCount: 2, min: false, max: true, mean: 0.4, std: null, measureMin: null, measureMax: null, finiteCount: 5 }))
      .toEqual([{ value: false, count: 3 }, { value: true, count: 2 }]);
  });
});
