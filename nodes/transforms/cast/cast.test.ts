import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('cast', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'raw',
      `SELECT * FROM (VALUES ('1', '2024-01-31', 'x'), (NULL, NULL, 'y'), ('170141183460469231731687303715884105727', '2024-02-29', 'z'))
         t("Count (n)", "O'Day", note)`,
    );
    await h.table('bad', `SELECT * FROM (VALUES ('7'), ('seven'), (NULL)) t("Body Mass (g)")`);
  });
  afterAll(() => h.close());

  it('converts text to numbers and dates, keeping NULLs and untouched columns', async () => {
    const { out } = await h.run('cast', { columns: { 'Count (n)': 'hugeint', "O'Day": 'DATE' } }, { in: 'raw' });
    expect(out!.columns).toEqual([
      { name: 'Count (n)', type: 'HUGEINT' },
      { name: "O'Day", type: 'DATE' },
      { name: 'note', type: 'VARCHAR' },
    ]);
    expect(out!.rows).toEqual([
      { 'Count (n)': 1, "O'Day": '2024-01-31', note: 'x' },
      { 'Count (n)': null, "O'Day": null, note: 'y' },
      { 'Count (n)': '170141183460469231731687303715884105727', "O'Day": '2024-02-29', note: 'z' },
    ]);
  });

  it('fails naming the column and a value that cannot be converted', async () => {
    await expect(h.run('cast', { columns: { 'Body Mass (g)': 'INTEGER' } }, { in: 'bad' })).rejects.toThrow(
      `Column "Body Mass (g)": the value 'seven' cannot be converted to INTEGER. Fix the data, or set on_error: null`,
    );
  });

  it('turns values that cannot be converted into NULL with on_error: null', async () => {
    const { out } = await h.run('cast', { columns: { 'Body Mass (g)': 'INTEGER' }, on_error: 'null' }, { in: 'bad' });
    expect(out!.rows).toEqual([{ 'Body Mass (g)': 7 }, { 'Body Mass (g)': null }, { 'Body Mass (g)': null }]);
  });

  it('converts an empty table', async () => {
    await h.table('nothing', `SELECT * FROM bad WHERE false`);
    const { out } = await h.run('cast', { columns: { 'Body Mass (g)': 'DOUBLE' } }, { in: 'nothing' });
    expect(out!).toEqual({ columns: [{ name: 'Body Mass (g)', type: 'DOUBLE' }], rows: [] });
  });

  it('names a column that does not exist', async () => {
    await expect(h.run('cast', { columns: { mass: 'DOUBLE' } }, { in: 'bad' })).rejects.toThrow(
      'Column "mass" does not exist. Available columns: Body Mass (g).',
    );
  });

  it('rejects a type name that is not a type', () => {
    expect(() => h.parseParams('cast', { columns: { x: 'INTEGER); DROP TABLE bad; --' } })).toThrow(/DuckDB type name/);
    expect(() => h.parseParams('cast', { columns: { x: 'INTEGER' }, on_error: 'skip' })).toThrow();
  });
});
