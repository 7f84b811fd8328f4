import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from './database.js';

/** Every value of a streamed FLOAT query, column by column, as the worker export sees them. */
async function streamAll(connection: Connection, sql: string): Promise<Float32Array[]> {
  const parts: Float32Array[][] = [];
  for await (const block of connection.streamFloat32(sql)) parts.push(block);
  const columnCount = parts[0]?.length ?? 0;
  return Array.from({ length: columnCount }, (_, c) => {
    const column = parts.map((block) => block[c]!);
    const out = new Float32Array(column.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of column) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  });
}

describe('streamFloat32 reads FLOAT vectors directly', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2 });
    connection = await db.connect();
  });
  afterAll(() => {
    connection.close();
    db.close();
  });

  it('returns every value of several chunks, with NULL as NaN at any position of the validity words', async () => {
    const rows = 5000; // three DuckDB chunks of up to 2048 rows, the last one partial
    const [values, sparse, constant] = await streamAll(
      connection,
      `SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE CAST(i AS FLOAT) / 4 END,
              CASE WHEN i IN (31, 32, 63, 64, 2047, 2048, 4999) THEN NULL ELSE CAST(-i AS FLOAT) END,
              CAST(1.5 AS FLOAT)
       FROM range(${rows}) AS t(i) ORDER BY i`,
    );
    expect(values).toHaveLength(rows);
    for (let i = 0; i < rows; i++) {
      if (i % 7 === 0) expect(values![i]).toBeNaN();
      else expect(values![i]).toBe(i / 4);
    }
    const missing = [...sparse!.keys()].filter((i) => Number.isNaN(sparse![i]));
    expect(missing).toEqual([31, 32, 63, 64, 2047, 2048, 4999]);
    expect(sparse![65]).toBe(-65);
    expect(constant!.every((v) => v === 1.5)).toBe(true);
  });

  it('keeps earlier chunks intact after later ones are fetched (the values are copied out)', async () => {
    const blocks: Float32Array[] = [];
    for await (const block of connection.streamFloat32('SELECT CAST(i AS FLOAT) FROM range(6000) AS t(i) ORDER BY i')) blocks.push(block[0]!);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks[0]![0]).toBe(0);
    expect(blocks[0]![100]).toBe(100);
    expect(blocks.at(-1)!.at(-1)).toBe(5999);
  });

  it('refuses a column that is not FLOAT rather than reading its memory as floats', async () => {
    await expect(streamAll(connection, 'SELECT CAST(1 AS FLOAT) AS a, CAST(2 AS DOUBLE) AS b')).rejects.toThrow(/column 2 of a float export is DOUBLE, not FLOAT/);
  });

  it('gives an empty result as no chunks', async () => {
    expect(await streamAll(connection, 'SELECT CAST(i AS FLOAT) FROM range(0) AS t(i)')).toEqual([]);
  });
});
