import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { runAggregateScan } from './aggregate-scan.js';
import { queryRunner } from './query-runner.js';

describe('aggregate scan', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
    await connection.execute(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(n, "a b")`);
  });
  afterAll(() => db.close());

  it('computes every item in one query', async () => {
    const { row, errors } = await runAggregateScan(queryRunner(connection), '"t"', [
      { column: null, alias: 'rows', sql: 'count(*)' },
      { column: 0, alias: 'c0_sum', sql: 'sum(n)' },
      { column: 1, alias: 'c1_max', sql: 'max("a b")' },
    ]);
    expect(row).toEqual({ rows: 2, c0_sum: 3, c1_max: 'b' });
    expect(errors.size).toBe(0);
  });

  it('loses only the failing aggregate of the failing column when DuckDB refuses one', async () => {
    const { row, errors } = await runAggregateScan(queryRunner(connection), '"t"', [
      { column: null, alias: 'rows', sql: 'count(*)' },
      { column: 0, alias: 'c0_sum', sql: 'sum(n)' },
      { column: 1, alias: 'c1_count', sql: 'count("a b")' },
      { column: 1, alias: 'c1_sum', sql: 'sum("a b")' },
    ]);
    expect(row).toEqual({ rows: 2, c0_sum: 3, c1_count: 2 });
    expect([...errors.keys()]).toEqual([1]);
    expect(errors.get(1)).toMatch(/sum/);
  });

  it('fails as a whole when the relation itself is wrong', async () => {
    await expect(runAggregateScan(queryRunner(connection), '"missing"', [{ column: null, alias: 'rows', sql: 'count(*)' }]))
      .rejects.toThrow(/missing/);
  });

  it('does not retry column by column after a cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runAggregateScan(queryRunner(connection, controller.signal), '"t"', [{ column: 0, alias: 'c0', sql: 'sum(n)' }]))
      .rejects.toMatchObject({ name: 'AbortError' });
  });
});
