import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../catalogue.js';
import { SqliteTableWriter } from '../../../engine/sqlite/sqlite-file.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

/** Build a fixture table through the same wrapper the sink uses; values go in exactly as given. */
function sqliteTable(file: string, table: string, columns: [string, string][], rows: unknown[][]): void {
  const writer = SqliteTableWriter.begin({ path: file, table, mode: 'replace', columns: columns.map(([name, type]) => ({ name, type })) });
  writer.insert(rows);
  writer.commit();
}

describe('read_sqlite', () => {
  let h: NodeHarness;
  let db: string;
  beforeAll(async () => {
    h = await NodeHarness.open();
    db = path.join(h.dir, 'shop.sqlite');
    sqliteTable(
      db,
      'birds "odd" table',
      [
        ['id', 'INTEGER'],
        ['Beak Length (mm)', 'REAL'],
        ["O'Brien", 'TEXT'],
        ['photo', 'BLOB'],
        ['alive', 'BOOLEAN'],
        ['price', 'NUMERIC(10,2)'],
        ['born', 'DATE'],
        ['seen', 'DATETIME'],
        ['misc', 'WHATEVER'],
      ],
      [
        [2n ** 62n + 1n, 39.5, 'a "quoted" name', Buffer.from([0, 255, 65]), 1, 12.5, '2024-01-02', '2024-01-02 03:04:05.25', 'x'],
        [null, null, null, null, null, null, null, null, null],
        [-5n, 1, 'b', Buffer.from([]), 0, 3, '1999-12-31', '1999-12-31T23:59:59', 7],
      ],
    );
    // SQLite does not enforce declared types: these columns hold values their declaration does not promise.
    sqliteTable(
      db,
      'messy',
      [
        ['n', 'INTEGER'],
        ['amount', 'NUMERIC'],
        ['flag', 'BOOLEAN'],
        ['day', 'DATE'],
        ['data', 'BLOB'],
      ],
      [
        [1n, 1.5, 0, '2024-01-02', Buffer.from('hi')],
        ['abc', 2n ** 60n + 1n, 2, 'not a date', 'text'],
      ],
    );
    sqliteTable(db, 'empty', [['id', 'INTEGER'], ['name', 'TEXT']], []);
  });
  afterAll(() => h.close());

  it('maps declared types to DuckDB types and keeps every value, including integers beyond 2^53', async () => {
    const { out } = await h.run('read_sqlite', { path: 'shop.sqlite', table: 'birds "odd" table' });
    expect(out!.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'Beak Length (mm)', type: 'DOUBLE' },
      { name: "O'Brien", type: 'VARCHAR' },
      { name: 'photo', type: 'BLOB' },
      { name: 'alive', type: 'BOOLEAN' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'born', type: 'DATE' },
      { name: 'seen', type: 'TIMESTAMP' },
      { name: 'misc', type: 'VARCHAR' },
    ]);
    expect(out!.rows).toEqual([
      { id: '4611686018427387905', 'Beak Length (mm)': 39.5, "O'Brien": 'a "quoted" name', photo: '\\x00\\xFFA', alive: true, price: 12.5, born: '2024-01-02', seen: '2024-01-02 03:04:05.25', misc: 'x' },
      { id: null, 'Beak Length (mm)': null, "O'Brien": null, photo: null, alive: null, price: null, born: null, seen: null, misc: null },
      { id: -5, 'Beak Length (mm)': 1, "O'Brien": 'b', photo: '', alive: false, price: 3, born: '1999-12-31', seen: '1999-12-31 23:59:59', misc: '7' },
    ]);
  });

  it('falls back to VARCHAR for a column whose values do not fit its declared type, keeping them as text', async () => {
    const { out } = await h.run('read_sqlite', { path: 'shop.sqlite', table: 'messy' });
    expect(out!.columns.map((c) => c.type)).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR']);
    expect(out!.rows).toEqual([
      { n: '1', amount: '1.5', flag: '0', day: '2024-01-02', data: 'hi' },
      { n: 'abc', amount: '1152921504606846977', flag: '2', day: 'not a date', data: 'text' },
    ]);
  });

  it('runs a SQLite query and infers the types of computed columns from their values', async () => {
    const { out } = await h.run('read_sqlite', {
      path: 'shop.sqlite',
      query: 'SELECT count(*) AS n, avg("Beak Length (mm)") AS mean, max("O\'Brien") AS "last name", id * 2 AS doubled FROM "birds ""odd"" table" WHERE id = -5',
    });
    expect(out!.columns).toEqual([
      { name: 'n', type: 'BIGINT' },
      { name: 'mean', type: 'DOUBLE' },
      { name: 'last name', type: 'VARCHAR' },
      { name: 'doubled', type: 'BIGINT' },
    ]);
    expect(out!.rows).toEqual([{ n: 1, mean: 1, 'last name': 'b', doubled: -10 }]);
  });

  it('reads an empty table with the types its columns declare', async () => {
    const { out } = await h.run('read_sqlite', { path: 'shop.sqlite', table: 'empty' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'name', type: 'VARCHAR' },
    ]);
  });

  it('matches table names case-insensitively, as SQLite does', async () => {
    const { out } = await h.run('read_sqlite', { path: 'shop.sqlite', table: 'EMPTY' });
    expect(out!.columns).toHaveLength(2);
  });

  it('names a missing file, and creates nothing there', async () => {
    await expect(h.run('read_sqlite', { path: 'nope.sqlite', table: 'x' })).rejects.toThrow(/nope\.sqlite" does not exist/);
    expect(existsSync(path.join(h.dir, 'nope.sqlite'))).toBe(false);
  });

  it('names a missing table and lists the tables that exist', async () => {
    await expect(h.run('read_sqlite', { path: 'shop.sqlite', table: 'penguins' })).rejects.toThrow(
      /no table "penguins"\. Tables in the file: birds "odd" table, empty, messy\./,
    );
  });

  it('reports a broken query with SQLite\'s message', async () => {
    await expect(h.run('read_sqlite', { path: 'shop.sqlite', query: 'SELECT nope FROM empty' })).rejects.toThrow(/no such column: nope/);
    await expect(h.run('read_sqlite', { path: 'shop.sqlite', query: 'DELETE FROM empty' })).rejects.toThrow(/returns no rows/);
  });

  it('refuses a query whose columns share a name', async () => {
    await expect(h.run('read_sqlite', { path: 'shop.sqlite', query: 'SELECT id, id AS ID FROM empty' })).rejects.toThrow(/two columns named "ID"/);
  });

  it('refuses a file that is not a SQLite database', async () => {
    await h.write('write_csv', { path: 'not-a-db.sqlite' }, { in: await h.table('t', 'SELECT 1 AS a') });
    await expect(h.run('read_sqlite', { path: 'not-a-db.sqlite', table: 't' })).rejects.toThrow(/not a database/);
  });

  it('fingerprints the database file, and its write-ahead log when there is one', async () => {
    const def = defaultCatalogue.get('read_sqlite')!;
    const files = (p: string) => def.sourceFiles!(h.parseParams('read_sqlite', { path: p, table: 't' }) as never, (f) => path.resolve(h.dir, f));
    expect(await files('shop.sqlite')).toEqual([db]);
    writeFileSync(path.join(h.dir, 'wal.sqlite-wal'), '');
    expect(await files('wal.sqlite')).toEqual([path.join(h.dir, 'wal.sqlite'), path.join(h.dir, 'wal.sqlite-wal')]);
  });

  it('needs exactly one of table and query', () => {
    expect(() => h.parseParams('read_sqlite', { path: 'a.sqlite' })).toThrow(/exactly one/);
    expect(() => h.parseParams('read_sqlite', { path: 'a.sqlite', table: 't', query: 'SELECT 1' })).toThrow(/exactly one/);
  });
});
