import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

const ISLAND = 'Island (name)';

describe('one_hot', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES (1, 'Dream', 1), (2, 'Biscoe', 2), (3, 'Dream', 2), (4, NULL, 10), (5, 'O''Brien', 2), (6, 'Biscoe', NULL), (7, 'Dream', 10))
         t(id, "Island (name)", "size class")`,
    );
    // Different categories and frequencies from `birds`, so a result can only come from here.
    await h.table('train', `SELECT * FROM (VALUES ('Torgersen', 1), ('Torgersen', 9), ('Dream', 9)) t("Island (name)", "size class")`);
  });
  afterAll(() => h.close());

  it('replaces a column by 0/1 INTEGER columns, most frequent category first, NULL as all zeros', async () => {
    const { out } = await h.run('one_hot', { columns: [ISLAND] }, { in: 'birds' });
    const dummies = [`${ISLAND}_Dream`, `${ISLAND}_Biscoe`, `${ISLAND}_O'Brien`];
    expect(out!.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      ...dummies.map((name) => ({ name, type: 'INTEGER' })),
      { name: 'size class', type: 'INTEGER' },
    ]);
    expect(out!.rows.map((r) => [r.id, ...dummies.map((d) => r[d])])).toEqual([
      [1, 1, 0, 0],
      [2, 0, 1, 0],
      [3, 1, 0, 0],
      [4, 0, 0, 0],
      [5, 0, 0, 1],
      [6, 0, 1, 0],
      [7, 1, 0, 0],
    ]);
  });

  it('breaks frequency ties by value, numbers in number order', async () => {
    await h.table('ties', `SELECT * FROM (VALUES ('b', 10), ('a', 9), ('c', 10), ('a', 9), ('b', 100)) t(letter, num)`);
    const { out } = await h.run('one_hot', { columns: ['letter', 'num'] }, { in: 'ties' });
    expect(out!.columns.map((c) => c.name)).toEqual(['letter_a', 'letter_b', 'letter_c', 'num_9', 'num_10', 'num_100']);
  });

  it('puts categories beyond max_categories into <column>_other, and keeps the original when asked', async () => {
    const { out } = await h.run('one_hot', { columns: [ISLAND], max_categories: 1, drop_original: false }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', ISLAND, `${ISLAND}_Dream`, `${ISLAND}_other`, 'size class']);
    expect(out!.rows.map((r) => [r[ISLAND], r[`${ISLAND}_Dream`], r[`${ISLAND}_other`]])).toEqual([
      ['Dream', 1, 0],
      ['Biscoe', 0, 1],
      ['Dream', 1, 0],
      [null, 0, 0],
      ["O'Brien", 0, 1],
      ['Biscoe', 0, 1],
      ['Dream', 1, 0],
    ]);
  });

  it('takes the categories from `fit` when it is connected: unseen values get all zeros', async () => {
    const { out } = await h.run('one_hot', { columns: [ISLAND, 'size class'] }, { in: 'birds', fit: 'train' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', `${ISLAND}_Torgersen`, `${ISLAND}_Dream`, 'size class_9', 'size class_1']);
    expect(out!.rows.map((r) => [r.id, r[`${ISLAND}_Torgersen`], r[`${ISLAND}_Dream`], r['size class_9'], r['size class_1']])).toEqual([
      [1, 0, 1, 0, 1],
      [2, 0, 0, 0, 0],
      [3, 0, 1, 0, 0],
      [4, 0, 0, 0, 0],
      [5, 0, 0, 0, 0],
      [6, 0, 0, 0, 0],
      [7, 0, 1, 0, 0],
    ]);
  });

  it('sends values outside the fitted top categories to _other', async () => {
    const { out } = await h.run('one_hot', { columns: [ISLAND], max_categories: 1 }, { in: 'birds', fit: 'train' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', `${ISLAND}_Torgersen`, `${ISLAND}_other`, 'size class']);
    expect(out!.rows.map((r) => r[`${ISLAND}_other`])).toEqual([1, 1, 1, 0, 1, 1, 1]);
  });

  it('never reuses an existing column name', async () => {
    await h.table('clash', `SELECT * FROM (VALUES ('b', 1), ('other', 1), ('z', 1)) t(a, "A_B")`);
    const { out } = await h.run('one_hot', { columns: ['a'], max_categories: 2 }, { in: 'clash' });
    expect(out!.columns.map((c) => c.name)).toEqual(['a_b_2', 'a_other', 'a_other_2', 'A_B']);
    expect(out!.rows.map((r) => [r.a_b_2, r.a_other, r.a_other_2, r.A_B])).toEqual([
      [1, 0, 0, 1],
      [0, 1, 0, 1],
      [0, 0, 1, 1],
    ]);
  });

  it('handles an empty input: no categories of its own, or the fitted ones', async () => {
    await h.table('no_birds', 'SELECT * FROM birds WHERE false');
    const own = await h.run('one_hot', { columns: [ISLAND] }, { in: 'no_birds' });
    expect(own.out!.columns.map((c) => c.name)).toEqual(['id', 'size class']);
    const fitted = await h.run('one_hot', { columns: [ISLAND] }, { in: 'no_birds', fit: 'train' });
    expect(fitted.out!.columns.map((c) => c.name)).toEqual(['id', `${ISLAND}_Torgersen`, `${ISLAND}_Dream`, 'size class']);
    expect(fitted.out!.rows).toEqual([]);
  });

  it('names missing columns in `in` and in `fit`', async () => {
    await expect(h.run('one_hot', { columns: ['island'] }, { in: 'birds' })).rejects.toThrow(
      'Column "island" does not exist. Available columns: id, Island (name), size class.',
    );
    await h.table('other_train', `SELECT 1 AS id`);
    await expect(h.run('one_hot', { columns: [ISLAND] }, { in: 'birds', fit: 'other_train' })).rejects.toThrow(
      'Column "Island (name)" does not exist in input "fit". Available columns: id.',
    );
    expect(() => h.parseParams('one_hot', { columns: [ISLAND], max_categories: 0 })).toThrow();
    expect(() => h.parseParams('one_hot', { columns: [] })).toThrow(/at least one column/);
  });
});
