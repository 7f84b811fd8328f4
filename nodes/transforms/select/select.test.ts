import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('select', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES (1, 'Adelie', 39.1, 'x'), (2, NULL, NULL, 'y')) t(id, "Species Name", "Beak Length (mm)", "say ""hi""")`,
    );
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
  });
  afterAll(() => h.close());

  it('keeps the listed columns in the order given, NULLs included', async () => {
    const { out } = await h.run('select', { columns: ['Beak Length (mm)', 'id'] }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['Beak Length (mm)', 'id']);
    expect(out!.rows).toEqual([
      { 'Beak Length (mm)': 39.1, id: 1 },
      { 'Beak Length (mm)': null, id: 2 },
    ]);
  });

  it('drops excluded columns, including names with quotes', async () => {
    const { out } = await h.run('select', { exclude: ['say "hi"', 'id'] }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['Species Name', 'Beak Length (mm)']);
  });

  it('applies exclude to the listed columns when both are given', async () => {
    const { out } = await h.run('select', { columns: ['say "hi"', 'id', 'Species Name'], exclude: ['id'] }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['say "hi"', 'Species Name']);
  });

  it('matches a column name written in another case, as DuckDB does', async () => {
    const { out } = await h.run('select', { columns: ['species name'] }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['Species Name']);
  });

  it('keeps the chosen columns of an empty table', async () => {
    const { out } = await h.run('select', { columns: ['id'] }, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toEqual([{ name: 'id', type: 'INTEGER' }]);
  });

  it('names a missing column and lists the available ones', async () => {
    await expect(h.run('select', { columns: ['id', 'bill_len'] }, { in: 'birds' })).rejects.toThrow(
      'Column "bill_len" does not exist. Available columns: id, Species Name, Beak Length (mm), say "hi".',
    );
    await expect(h.run('select', { exclude: ['nope', 'nada'] }, { in: 'birds' })).rejects.toThrow('Columns "nope", "nada" do not exist.');
  });

  it('refuses to drop every column or to list one twice', async () => {
    await expect(h.run('select', { exclude: ['id', 'Species Name', 'Beak Length (mm)', 'say "hi"'] }, { in: 'birds' })).rejects.toThrow(
      /No columns would be left/,
    );
    await expect(h.run('select', { columns: ['id', 'ID'] }, { in: 'birds' })).rejects.toThrow('"ID" appears more than once in `columns`');
  });

  it('needs columns or exclude', () => {
    expect(() => h.parseParams('select', {})).toThrow(/give `columns` to keep or `exclude` to drop/);
    expect(() => h.parseParams('select', { columns: ['a'], keep: ['b'] })).toThrow(/keep/);
  });
});
