import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('dedupe', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
         ('Adelie', 39.1, 'x'), ('Gentoo', NULL, 'y'), ('Adelie', 39.1, 'x'),
         ('Gentoo', NULL, 'y'), ('Adelie', 40.2, 'z'), (NULL, NULL, 'w'), (NULL, NULL, 'w')
       ) t("Species Name", "Beak Length (mm)", "say ""hi""")`,
    );
  });
  afterAll(() => h.close());

  it('collapses rows identical in every column (NULLs compare equal) and keeps first-seen order', async () => {
    const { out } = await h.run('dedupe', {}, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['Species Name', 'Beak Length (mm)', 'say "hi"']);
    expect(out!.rows).toEqual([
      { 'Species Name': 'Adelie', 'Beak Length (mm)': 39.1, 'say "hi"': 'x' },
      { 'Species Name': 'Gentoo', 'Beak Length (mm)': null, 'say "hi"': 'y' },
      { 'Species Name': 'Adelie', 'Beak Length (mm)': 40.2, 'say "hi"': 'z' },
      { 'Species Name': null, 'Beak Length (mm)': null, 'say "hi"': 'w' },
    ]);
  });

  it('keeps the first row of each key when columns are given', async () => {
    const { out } = await h.run('dedupe', { columns: ['Species Name'] }, { in: 'birds' });
    expect(out!.rows.map((r) => r['say "hi"'])).toEqual(['x', 'y', 'w']);
  });

  it('keeps the first row in input order however DuckDB splits the work', async () => {
    await h.table('many', `SELECT range AS id, range % 1000 AS key, range % 3 AS "__position" FROM range(300000)`);
    const { out } = await h.run('dedupe', { columns: ['key'] }, { in: 'many' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'key', '__position']);
    expect(out!.rows).toHaveLength(1000);
    expect(out!.rows.every((r, i) => r.id === i && r.key === i && r.__position === i % 3)).toBe(true);
  });

  it('returns an empty table unchanged', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('dedupe', {}, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toHaveLength(3);
  });

  it('names a key column that does not exist', async () => {
    await expect(h.run('dedupe', { columns: ['species'] }, { in: 'birds' })).rejects.toThrow(
      'Column "species" does not exist. Available columns: Species Name, Beak Length (mm), say "hi".',
    );
    expect(() => h.parseParams('dedupe', { columns: [] })).toThrow(/omit `columns` to compare whole rows/);
  });
});
