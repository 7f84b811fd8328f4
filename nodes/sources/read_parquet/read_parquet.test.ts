import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../catalogue.js';
import { literal } from '../../../engine/sql/quote.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('read_parquet', () => {
  let h: NodeHarness;
  const copy = (select: string, file: string) => h.connection.execute(`COPY (${select}) TO ${literal(path.join(h.dir, file))} (FORMAT parquet)`);

  beforeAll(async () => {
    h = await NodeHarness.open();
    mkdirSync(path.join(h.dir, 'parts'));
    await copy(
      `SELECT * FROM (VALUES
        (1, 'O''Brien', TIMESTAMP '2024-01-02 03:04:05', 9223372036854775807::BIGINT, (2::HUGEINT ** 100)::DECIMAL(38,0)),
        (2, NULL, NULL, NULL, NULL)) t("Beak Length (mm)", "say ""hi""", "Seen At", big, huge)`,
      'birds.parquet',
    );
    await copy(`SELECT 1 AS id, 'a' AS name`, 'parts/part-1.parquet');
    await copy(`SELECT 2 AS id, 3.5 AS extra`, 'parts/part-2.parquet');
    await copy(`SELECT 1 AS id WHERE false`, 'empty.parquet');
  });
  afterAll(() => h.close());

  it('reads names, types and values exactly, relative to the pipeline folder', async () => {
    const { out } = await h.run('read_parquet', { path: 'birds.parquet' });
    expect(out!.columns).toEqual([
      { name: 'Beak Length (mm)', type: 'INTEGER' },
      { name: 'say "hi"', type: 'VARCHAR' },
      { name: 'Seen At', type: 'TIMESTAMP' },
      { name: 'big', type: 'BIGINT' },
      { name: 'huge', type: 'DECIMAL(38,0)' },
    ]);
    expect(out!.rows).toEqual([
      { 'Beak Length (mm)': 1, 'say "hi"': "O'Brien", 'Seen At': '2024-01-02 03:04:05', big: '9223372036854775807', huge: '1267650600228229401496703205376' },
      { 'Beak Length (mm)': 2, 'say "hi"': null, 'Seen At': null, big: null, huge: null },
    ]);
  });

  it('reads a glob of files, matching columns by name when asked', async () => {
    const { out } = await h.run('read_parquet', { path: 'parts/*.parquet', union_by_name: true });
    expect(out!.columns.map((c) => c.name).sort()).toEqual(['extra', 'id', 'name']);
    expect(out!.rows.map((r) => [r.id, r.name ?? null, r.extra ?? null]).sort()).toEqual([
      [1, 'a', null],
      [2, null, 3.5],
    ]);
  });

  it('lists every file a glob matches as a source file, so each one enters the fingerprint', async () => {
    const def = defaultCatalogue.get('read_parquet')!;
    const files = await def.sourceFiles!(h.parseParams('read_parquet', { path: 'parts/*.parquet' }) as never, (p) => path.resolve(h.dir, p));
    expect(files).toEqual([path.join(h.dir, 'parts/part-1.parquet'), path.join(h.dir, 'parts/part-2.parquet')]);
  });

  it('reads an empty file as an empty table with its columns', async () => {
    const { out } = await h.run('read_parquet', { path: 'empty.parquet' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toEqual([{ name: 'id', type: 'INTEGER' }]);
  });

  it('names the missing file in its error', async () => {
    await expect(h.run('read_parquet', { path: 'nope/missing.parquet' })).rejects.toThrow(/missing\.parquet/);
  });
});
