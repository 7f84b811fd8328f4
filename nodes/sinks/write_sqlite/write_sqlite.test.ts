import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('write_sqlite', () => {
  let h: NodeHarness;
  const read = async (file: string, table: string) => (await h.run('read_sqlite', { path: file, table })).out!;

  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
        (1, 'O''Brien "the bird"', 39.5::DOUBLE, 9223372036854775807::BIGINT, (2::HUGEINT ** 100)::HUGEINT, true,
         DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.123456', '\\x00\\xFF'::BLOB, 12.25::DECIMAL(10,2), [1, 2]),
        (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (3, '', -0.5::DOUBLE, -9007199254740993::BIGINT, -1::HUGEINT, false,
         DATE '1970-01-01', TIMESTAMP '1970-01-01 00:00:00', ''::BLOB, 0::DECIMAL(10,2), [])
      ) t(id, "Species ""name""", "Beak Length (mm)", big, huge, alive, born, seen, photo, price, tags)`,
    );
    await h.table('more', `SELECT 4 AS id, 'Gentoo' AS "Species ""name"""`);
    await h.table('other_columns', `SELECT 1 AS id, 'x' AS colour`);
    await h.connection.execute(`CREATE VIEW failing AS SELECT CASE WHEN range < 10000 THEN range ELSE error('boom') END AS id FROM range(20000)`);
  });
  afterAll(() => h.close());

  it('round-trips through read_sqlite keeping values, big integers, dates and timestamps', async () => {
    const result = await h.write('write_sqlite', { path: 'out/zoo.sqlite', table: 'my birds' }, { in: 'birds' });
    expect(result).toEqual({ rows: 3, files: [path.join(h.dir, 'out/zoo.sqlite')] });
    const back = await read('out/zoo.sqlite', 'my birds');
    expect(back.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'Species "name"', type: 'VARCHAR' },
      { name: 'Beak Length (mm)', type: 'DOUBLE' },
      { name: 'big', type: 'BIGINT' },
      // SQLite integers are 64-bit: wider integers travel as exact text.
      { name: 'huge', type: 'VARCHAR' },
      { name: 'alive', type: 'BOOLEAN' },
      { name: 'born', type: 'DATE' },
      { name: 'seen', type: 'TIMESTAMP' },
      { name: 'photo', type: 'BLOB' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'tags', type: 'VARCHAR' },
    ]);
    expect(back.rows).toEqual([
      {
        id: 1, 'Species "name"': 'O\'Brien "the bird"', 'Beak Length (mm)': 39.5, big: '9223372036854775807', huge: '1267650600228229401496703205376',
        alive: true, born: '2024-01-02', seen: '2024-01-02 03:04:05.123456', photo: '\\x00\\xFF', price: 12.25, tags: '[1, 2]',
      },
      { id: 2, 'Species "name"': null, 'Beak Length (mm)': null, big: null, huge: null, alive: null, born: null, seen: null, photo: null, price: null, tags: null },
      {
        id: 3, 'Species "name"': '', 'Beak Length (mm)': -0.5, big: '-9007199254740993', huge: '-1',
        alive: false, born: '1970-01-01', seen: '1970-01-01 00:00:00', photo: '', price: 0, tags: '[]',
      },
    ]);
  });

  it('replaces the table by default and appends when asked', async () => {
    await h.write('write_sqlite', { path: 'modes.sqlite', table: 'b' }, { in: 'birds' });
    await h.write('write_sqlite', { path: 'modes.sqlite', table: 'b' }, { in: 'more' });
    expect((await read('modes.sqlite', 'b')).rows).toEqual([{ id: 4, 'Species "name"': 'Gentoo' }]);
    const appended = await h.write('write_sqlite', { path: 'modes.sqlite', table: 'b', mode: 'append' }, { in: 'more' });
    expect(appended.rows).toBe(1);
    expect((await read('modes.sqlite', 'b')).rows).toHaveLength(2);
  });

  it('creates the table when appending to a file that lacks it', async () => {
    await h.write('write_sqlite', { path: 'fresh.sqlite', table: 'new', mode: 'append' }, { in: 'more' });
    expect((await read('fresh.sqlite', 'new')).rows).toEqual([{ id: 4, 'Species "name"': 'Gentoo' }]);
  });

  it('refuses to append rows whose columns differ from the table, and leaves it unchanged', async () => {
    await h.write('write_sqlite', { path: 'strict.sqlite', table: 'b' }, { in: 'more' });
    await expect(h.write('write_sqlite', { path: 'strict.sqlite', table: 'b', mode: 'append' }, { in: 'other_columns' })).rejects.toThrow(
      /Cannot append to table "b".*has columns id, Species "name" but the input has id, colour/,
    );
    expect((await read('strict.sqlite', 'b')).rows).toEqual([{ id: 4, 'Species "name"': 'Gentoo' }]);
  });

  it('keeps the old table intact when the input fails part-way through a replace', async () => {
    await h.write('write_sqlite', { path: 'safe.sqlite', table: 'b' }, { in: 'more' });
    await expect(h.write('write_sqlite', { path: 'safe.sqlite', table: 'b' }, { in: 'failing' })).rejects.toThrow(/boom/);
    expect((await read('safe.sqlite', 'b')).rows).toEqual([{ id: 4, 'Species "name"': 'Gentoo' }]);
    // The failed write released the file: the next one goes through at once.
    await h.write('write_sqlite', { path: 'safe.sqlite', table: 'b', mode: 'append' }, { in: 'more' });
    expect((await read('safe.sqlite', 'b')).rows).toHaveLength(2);
  });

  it('rolls back when cancelled, and leaves no file behind when it had created it', async () => {
    await h.write('write_sqlite', { path: 'cancel.sqlite', table: 'b' }, { in: 'more' });
    const controller = new AbortController();
    controller.abort();
    await expect(h.write('write_sqlite', { path: 'cancel.sqlite', table: 'b' }, { in: 'birds' }, controller.signal)).rejects.toThrow(/Cancelled/);
    expect((await read('cancel.sqlite', 'b')).rows).toEqual([{ id: 4, 'Species "name"': 'Gentoo' }]);
    mkdirSync(path.join(h.dir, 'cancelled'));
    await expect(h.write('write_sqlite', { path: 'cancelled/new.sqlite', table: 'b' }, { in: 'birds' }, controller.signal)).rejects.toThrow(/Cancelled/);
    expect(readdirSync(path.join(h.dir, 'cancelled'))).toEqual([]);
  });

  it('writes an empty table with its columns', async () => {
    await h.table('none', 'SELECT * FROM birds WHERE false');
    expect((await h.write('write_sqlite', { path: 'empty.sqlite', table: 'b' }, { in: 'none' })).rows).toBe(0);
    const back = await read('empty.sqlite', 'b');
    expect(back.rows).toEqual([]);
    expect(back.columns.map((c) => c.name)).toEqual(['id', 'Species "name"', 'Beak Length (mm)', 'big', 'huge', 'alive', 'born', 'seen', 'photo', 'price', 'tags']);
  });

  it('reports a table name SQLite refuses, writing nothing', async () => {
    await expect(h.write('write_sqlite', { path: 'reserved.sqlite', table: 'sqlite_master' }, { in: 'more' })).rejects.toThrow(/sqlite_master/);
    expect(existsSync(path.join(h.dir, 'reserved.sqlite'))).toBe(false);
  });
});
