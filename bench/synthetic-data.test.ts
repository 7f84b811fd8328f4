/** The generated data is the same every time, and shaped as the bench needs (NULLs, skew, keys). */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { compareResults } from './compare-tables.js';
import { sqlString } from './reference-duckdb.js';
import { ensureDataset, STORE_COUNT } from './synthetic-data.js';

const roots: string[] = [];
const freshRoot = () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'millrace-bench-data-'));
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

it('generates identical data for the same row count, in files written afresh', async () => {
  const a = await ensureDataset(freshRoot(), 3000, { csv: false });
  const b = await ensureDataset(freshRoot(), 3000, { csv: false });
  expect(a.dir).not.toBe(b.dir);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const same = await compareResults(connection, `SELECT * FROM read_parquet(${sqlString(a.eventsParquet)})`, `SELECT * FROM read_parquet(${sqlString(b.eventsParquet)})`, { key: 'id', tolerance: 0 });
    expect(same.problems).toEqual([]);
    expect(same.rows).toBe(3000);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});

it('has a few percent NULLs in several columns, skewed categories, and store keys within the stores table', async () => {
  const dataset = await ensureDataset(freshRoot(), 20_000, { csv: true });
  const events = `read_parquet(${sqlString(dataset.eventsParquet)})`;
  const [stats] = await query(`SELECT count(*) AS n,
      avg((amount IS NULL)::INT) AS amount_nulls, avg((discount IS NULL)::INT) AS discount_nulls,
      avg((rating IS NULL)::INT) AS rating_nulls, avg((device IS NULL)::INT) AS device_nulls,
      avg((category = 'electronics')::INT) AS electronics, avg((category = 'garden')::INT) AS garden,
      count(DISTINCT city) AS cities, min(store_id) AS min_store, max(store_id) AS max_store,
      count(DISTINCT ts) AS times
    FROM ${events}`);
  expect(stats).toMatchObject({ n: 20_000n });
  for (const column of ['amount_nulls', 'discount_nulls', 'rating_nulls', 'device_nulls']) {
    expect(stats![column], column).toBeGreaterThan(0.01);
    expect(stats![column], column).toBeLessThan(0.07);
  }
  expect(stats!.electronics).toBeGreaterThan(5 * Number(stats!.garden));
  expect(Number(stats!.cities)).toBeGreaterThan(1000);
  expect(stats).toMatchObject({ min_store: 1, max_store: expect.any(Number) });
  expect(Number(stats!.max_store)).toBeLessThanOrEqual(STORE_COUNT);
  const [stores] = await query(`SELECT count(*) AS n, count(DISTINCT region) AS regions FROM read_parquet(${sqlString(dataset.storesParquet)})`);
  expect(stores).toEqual({ n: BigInt(STORE_COUNT), regions: 5n });
  const [csv] = await query(`SELECT count(*) AS n, count(amount) AS amounts FROM read_csv(${sqlString(dataset.eventsCsv)})`);
  const [parquet] = await query(`SELECT count(*) AS n, count(amount) AS amounts FROM ${events}`);
  expect(csv).toEqual(parquet);
});
