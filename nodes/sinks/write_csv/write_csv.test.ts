import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../catalogue.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('write_csv', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
        (1, 'Adelie', TIMESTAMP '2024-01-02 03:04:05', 9007199254740993::BIGINT, (2::HUGEINT ** 100)::HUGEINT),
        (2, NULL, NULL, NULL, NULL),
        (3, 'O''Brien, "Jr"', TIMESTAMP '2024-12-31 23:59:59.5', -1::BIGINT, 0::HUGEINT)
      ) t(id, "say ""hi"" (name)", "Seen At", big, huge)`,
    );
    // A view that fails part-way through, to check that a failed write leaves nothing behind.
    await h.connection.execute(`CREATE VIEW failing AS SELECT CASE WHEN range < 50000 THEN range ELSE error('boom') END AS x FROM range(100000)`);
  });
  afterAll(() => h.close());

  it('writes every row with a header, quoting awkward names and values, and reports the row count', async () => {
    const result = await h.write('write_csv', { path: 'out/birds.csv' }, { in: 'birds' });
    const file = path.join(h.dir, 'out/birds.csv');
    expect(result).toEqual({ rows: 3, files: [file] });
    expect(readFileSync(file, 'utf8').split('\n')).toEqual([
      'id,"say ""hi"" (name)",Seen At,big,huge',
      '1,Adelie,2024-01-02 03:04:05,9007199254740993,1267650600228229401496703205376',
      '2,,,,',
      '3,"O\'Brien, ""Jr""",2024-12-31 23:59:59.5,-1,0',
      '',
    ]);
  });

  it('reads back through read_csv with the same values', async () => {
    await h.write('write_csv', { path: 'roundtrip.csv' }, { in: 'birds' });
    // read_csv's type detection reads a 31-digit integer as DOUBLE, so say what it is.
    const { out } = await h.run('read_csv', { path: 'roundtrip.csv', types: { huge: 'HUGEINT' } });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'say "hi" (name)', 'Seen At', 'big', 'huge']);
    expect(out!.rows[0]).toMatchObject({ 'say "hi" (name)': 'Adelie', big: '9007199254740993', huge: '1267650600228229401496703205376' });
    expect(out!.rows[2]).toMatchObject({ 'say "hi" (name)': 'O\'Brien, "Jr"' });
  });

  it('honours header: false and another delimiter', async () => {
    await h.write('write_csv', { path: 'plain.csv', header: false, delimiter: ';' }, { in: 'birds' });
    const lines = readFileSync(path.join(h.dir, 'plain.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('1;Adelie;2024-01-02 03:04:05;9007199254740993;1267650600228229401496703205376');
  });

  it('writes only the header for an empty table', async () => {
    await h.table('empty', 'SELECT * FROM birds WHERE false');
    const result = await h.write('write_csv', { path: 'empty.csv' }, { in: 'empty' });
    expect(result.rows).toBe(0);
    expect(readFileSync(path.join(h.dir, 'empty.csv'), 'utf8')).toBe('id,"say ""hi"" (name)",Seen At,big,huge\n');
  });

  it('leaves the previous file untouched and no partial file when the query fails part-way', async () => {
    const file = path.join(h.dir, 'keep/old.csv');
    await h.write('write_csv', { path: 'keep/old.csv' }, { in: 'birds' });
    const before = readFileSync(file, 'utf8');
    await expect(h.write('write_csv', { path: 'keep/old.csv' }, { in: 'failing' })).rejects.toThrow(/boom/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(path.dirname(file))).toEqual(['old.csv']);
  });

  it('removes the partial file a killed process left while writing the same file', async () => {
    const dir = path.join(h.dir, 'killed');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const { utimesSync } = await import('node:fs');
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const [name, text] of [['.birds.csv.0a1b2c3d.partial', 'half a fi'], ['.other.csv.0a1b2c3d.partial', 'not ours']] as const) {
      writeFileSync(path.join(dir, name), text);
      utimesSync(path.join(dir, name), hourAgo, hourAgo);
    }
    // A partial file written to just now may belong to a live process writing the same file: kept.
    writeFileSync(path.join(dir, '.birds.csv.99999999.partial'), 'being written');
    await h.write('write_csv', { path: 'killed/birds.csv' }, { in: 'birds' });
    expect(readdirSync(dir).sort()).toEqual(['.birds.csv.99999999.partial', '.other.csv.0a1b2c3d.partial', 'birds.csv']);
  });

  it('writes nothing when cancelled', async () => {
    const file = path.join(h.dir, 'cancel.csv');
    writeFileSync(file, 'old contents\n');
    const controller = new AbortController();
    controller.abort();
    await expect(h.write('write_csv', { path: 'cancel.csv' }, { in: 'birds' }, controller.signal)).rejects.toThrow(/Cancelled/);
    expect(readFileSync(file, 'utf8')).toBe('old contents\n');
    expect(readdirSync(h.dir).filter((f) => f.includes('partial'))).toEqual([]);
    await expect(h.write('write_csv', { path: 'never.csv' }, { in: 'birds' }, controller.signal)).rejects.toThrow(/Cancelled/);
    expect(existsSync(path.join(h.dir, 'never.csv'))).toBe(false);
  });

  it('declares the absolute path it writes as its target', () => {
    const def = defaultCatalogue.get('write_csv');
    if (def?.kind !== 'sink') throw new Error('write_csv should be a sink');
    expect(def.targets(h.parseParams('write_csv', { path: 'a/b.csv' }) as never, (p) => path.resolve('/project', p))).toEqual(['/project/a/b.csv']);
  });

  it('rejects unknown params', () => {
    expect(() => h.parseParams('write_csv', { path: 'x.csv', sep: ';' })).toThrow(/sep/);
  });
});
