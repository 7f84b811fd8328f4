import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('union', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table('a', `SELECT * FROM (VALUES (1, 'Adelie'), (2, NULL), (1, 'Adelie')) t(id, "Species Name")`);
    await h.table('b', `SELECT * FROM (VALUES ('Gentoo', 47.5, 3), (NULL, NULL, 2)) t("Species Name", "Beak (mm)", id)`);
    await h.table('c', `SELECT * FROM (VALUES (10, 'O''Brien')) t(x, "say ""hi""")`);
  });
  afterAll(() => h.close());

  it('stacks b below a matching columns by name, NULL where a table lacks a column', async () => {
    const { out } = await h.run('union', {}, { a: 'a', b: 'b' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name', 'Beak (mm)']);
    expect(out!.rows).toEqual([
      { id: 1, 'Species Name': 'Adelie', 'Beak (mm)': null },
      { id: 2, 'Species Name': null, 'Beak (mm)': null },
      { id: 1, 'Species Name': 'Adelie', 'Beak (mm)': null },
      { id: 3, 'Species Name': 'Gentoo', 'Beak (mm)': 47.5 },
      { id: 2, 'Species Name': null, 'Beak (mm)': null },
    ]);
  });

  it('keeps the first of identical rows with distinct, NULLs comparing equal', async () => {
    const { out } = await h.run('union', { distinct: true }, { a: 'a', b: 'b' });
    expect(out!.rows).toEqual([
      { id: 1, 'Species Name': 'Adelie', 'Beak (mm)': null },
      { id: 2, 'Species Name': null, 'Beak (mm)': null },
      { id: 3, 'Species Name': 'Gentoo', 'Beak (mm)': 47.5 },
    ]);
  });

  it('keeps first-seen order with distinct on tables big enough to be split across threads', async () => {
    await h.table('big_a', `SELECT range % 1000 AS k FROM range(300000)`);
    await h.table('big_b', `SELECT 500 + range % 1000 AS k FROM range(300000)`);
    const { out } = await h.run('union', { distinct: true }, { a: 'big_a', b: 'big_b' });
    expect(out!.rows.map((r) => r.k)).toEqual(Array.from({ length: 1500 }, (_, i) => i));
  });

  it('matches columns by position when by_name is off, naming them as in a', async () => {
    const { out } = await h.run('union', { by_name: false }, { a: 'a', b: 'c' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name']);
    expect(out!.rows.at(-1)).toEqual({ id: 10, 'Species Name': "O'Brien" });
    const distinct = await h.run('union', { by_name: false, distinct: true }, { a: 'c', b: 'c' });
    expect(distinct.out!.rows).toEqual([{ x: 10, 'say "hi"': "O'Brien" }]);
  });

  it('stacks an empty table', async () => {
    await h.table('none', `SELECT * FROM a WHERE false`);
    const { out } = await h.run('union', {}, { a: 'none', b: 'b' });
    expect(out!.rows.map((r) => r.id)).toEqual([3, 2]);
  });

  it('refuses to match by position tables with different numbers of columns', async () => {
    await expect(h.run('union', { by_name: false }, { a: 'a', b: 'b' })).rejects.toThrow(
      'Matching columns by position needs the same number of columns, but a has 2 and b has 3.',
    );
    expect(() => h.parseParams('union', { by_name: 'yes' })).toThrow();
  });
});
