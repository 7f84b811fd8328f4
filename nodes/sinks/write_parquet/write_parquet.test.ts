import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal } from '../../../engine/sql/quote.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('write_parquet', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
        (1, 'Adelie', TIMESTAMP '2024-01-02 03:04:05.123456', 9007199254740993::BIGINT, (2::HUGEINT ** 100)::HUGEINT, 3.25::DECIMAL(10,2)),
        (2, NULL, NULL, NULL, NULL, NULL)
      ) t(id, "Beak Length (mm) ""x""", "Seen At", big, huge, price)`,
    );
    await h.table('too_wide', `SELECT 170141183460469231731687303715884105727::HUGEINT AS h`);
    await h.connection.execute(`CREATE VIEW failing AS SELECT CASE WHEN range < 50000 THEN range ELSE error('boom') END AS x FROM range(100000)`);
  });
  afterAll(() => h.close());

  it('round-trips names, types and values exactly through read_parquet', async () => {
    const result = await h.write('write_parquet', { path: 'out/birds.parquet' }, { in: 'birds' });
    expect(result).toEqual({ rows: 2, files: [path.join(h.dir, 'out/birds.parquet')] });
    const { out } = await h.run('read_parquet', { path: 'out/birds.parquet' });
    expect(out!.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'Beak Length (mm) "x"', type: 'VARCHAR' },
      { name: 'Seen At', type: 'TIMESTAMP' },
      { name: 'big', type: 'BIGINT' },
      // Parquet has no 128-bit integer: HUGEINT is kept exact as DECIMAL(38,0) rather than rounded to DOUBLE.
      { name: 'huge', type: 'DECIMAL(38,0)' },
      { name: 'price', type: 'DECIMAL(10,2)' },
    ]);
    expect(out!.rows).toEqual((await h.rows('SELECT * REPLACE (CAST(huge AS VARCHAR) AS huge) FROM birds')).rows);
    expect(out!.rows[0]).toMatchObject({ big: '9007199254740993', huge: '1267650600228229401496703205376', 'Seen At': '2024-01-02 03:04:05.123456' });
  });

  it('compresses with snappy by default and with the codec asked for', async () => {
    const codec = async (file: string) =>
      (await h.rows(`SELECT DISTINCT compression FROM parquet_metadata(${literal(path.join(h.dir, file))})`)).rows.map((r) => r.compression);
    await h.write('write_parquet', { path: 'default.parquet' }, { in: 'birds' });
    await h.write('write_parquet', { path: 'zstd.parquet', compression: 'zstd' }, { in: 'birds' });
    await h.write('write_parquet', { path: 'gzip.parquet', compression: 'gzip' }, { in: 'birds' });
    await h.write('write_parquet', { path: 'none.parquet', compression: 'uncompressed' }, { in: 'birds' });
    expect(await codec('default.parquet')).toEqual(['SNAPPY']);
    expect(await codec('zstd.parquet')).toEqual(['ZSTD']);
    expect(await codec('gzip.parquet')).toEqual(['GZIP']);
    expect(await codec('none.parquet')).toEqual(['UNCOMPRESSED']);
  });

  it('writes an empty table as a file with the columns and no rows', async () => {
    await h.table('empty', 'SELECT * FROM birds WHERE false');
    expect((await h.write('write_parquet', { path: 'empty.parquet' }, { in: 'empty' })).rows).toBe(0);
    const { out } = await h.run('read_parquet', { path: 'empty.parquet' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toHaveLength(6);
  });

  it('leaves the previous file untouched and no partial file when the query fails part-way', async () => {
    const file = path.join(h.dir, 'keep/old.parquet');
    await h.write('write_parquet', { path: 'keep/old.parquet' }, { in: 'birds' });
    const before = readFileSync(file);
    await expect(h.write('write_parquet', { path: 'keep/old.parquet' }, { in: 'failing' })).rejects.toThrow(/boom/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['old.parquet']);
  });

  it('fails loudly rather than rounding a HUGEINT too wide for Parquet', async () => {
    await expect(h.write('write_parquet', { path: 'wide.parquet' }, { in: 'too_wide' })).rejects.toThrow(/DECIMAL\(38,0\)|out of range/i);
  });

  it('rejects an unknown compression codec', () => {
    expect(() => h.parseParams('write_parquet', { path: 'x.parquet', compression: 'lz77' })).toThrow();
  });
});
