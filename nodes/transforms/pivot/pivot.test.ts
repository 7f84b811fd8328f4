import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('pivot', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'sales',
      `SELECT * FROM (VALUES ('A', 'jan', 10), ('A', 'jan', 5), ('A', 'feb', 7), ('B', 'feb', 3), ('B', NULL, 1), ('O''Brien', 'it''s "mar"', NULL))
         t("Store (id)", "Month name", "Amount $")`,
    );
  });
  afterAll(() => h.close());

  it('makes one column per category, sorted, with the sum of the values in each cell', async () => {
    const { out } = await h.run('pivot', { index: ['Store (id)'], columns: 'Month name', values: 'Amount $' }, { in: 'sales' });
    expect(out!.columns.map((c) => c.name)).toEqual(['Store (id)', 'feb', 'it\'s "mar"', 'jan', 'NULL']);
    expect(out!.rows).toEqual([
      { 'Store (id)': 'A', feb: 7, 'it\'s "mar"': null, jan: 15, NULL: null },
      { 'Store (id)': 'B', feb: 3, 'it\'s "mar"': null, jan: null, NULL: 1 },
      { 'Store (id)': "O'Brien", feb: null, 'it\'s "mar"': null, jan: null, NULL: null },
    ]);
  });

  it('counts non-NULL values with aggregate count, giving 0 for empty cells', async () => {
    const { out } = await h.run('pivot', { index: ['Store (id)'], columns: 'Month name', values: 'Amount $', aggregate: 'count' }, { in: 'sales' });
    expect(out!.rows.map((r) => [r['Store (id)'], r.feb, r['it\'s "mar"'], r.jan, r.NULL])).toEqual([
      ['A', 1, 0, 2, 0],
      ['B', 1, 0, 0, 1],
      ["O'Brien", 0, 0, 0, 0],
    ]);
  });

  it('gives a single row without an index', async () => {
    const { out } = await h.run('pivot', { columns: 'Month name', values: 'Amount $', aggregate: 'max' }, { in: 'sales' });
    expect(out!.rows).toEqual([{ feb: 7, 'it\'s "mar"': null, jan: 10, NULL: 1 }]);
  });

  it('orders number and date categories by value, not as text', async () => {
    await h.table('days', `SELECT * FROM (VALUES (1, 10, DATE '2024-01-02'), (1, 2, DATE '2023-12-31'), (2, 1, DATE '2024-01-02')) t(k, day, d)`);
    const byDay = await h.run('pivot', { index: ['k'], columns: 'day', values: 'k', aggregate: 'count' }, { in: 'days' });
    expect(byDay.out!.columns.map((c) => c.name)).toEqual(['k', '1', '2', '10']);
    expect(byDay.out!.rows).toEqual([
      { k: 1, '1': 0, '2': 1, '10': 1 },
      { k: 2, '1': 1, '2': 0, '10': 0 },
    ]);
    const byDate = await h.run('pivot', { index: ['k'], columns: 'd', values: 'day', aggregate: 'first' }, { in: 'days' });
    expect(byDate.out!.rows).toEqual([
      { k: 1, '2023-12-31': 2, '2024-01-02': 10 },
      { k: 2, '2023-12-31': null, '2024-01-02': 1 },
    ]);
  });

  it('keeps categories that differ only in case apart, and never shadows an index column', async () => {
    await h.table('cases', `SELECT * FROM (VALUES ('x', 'a', 1), ('x', 'A', 2), ('x', 'Key', 3)) t("key", cat, v)`);
    const { out } = await h.run('pivot', { index: ['key'], columns: 'cat', values: 'v' }, { in: 'cases' });
    expect(out!.rows).toEqual([{ key: 'x', A: 2, Key_2: 3, a_2: 1 }]);
  });

  it('returns the index columns and no rows for an empty input', async () => {
    await h.table('no_sales', 'SELECT * FROM sales WHERE false');
    const { out } = await h.run('pivot', { index: ['Store (id)'], columns: 'Month name', values: 'Amount $' }, { in: 'no_sales' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.name)).toEqual(['Store (id)']);
    await expect(h.run('pivot', { columns: 'Month name', values: 'Amount $' }, { in: 'no_sales' })).rejects.toThrow(/Nothing to pivot/);
  });

  it('refuses more categories than max_columns, saying how many there are', async () => {
    await expect(h.run('pivot', { index: ['Store (id)'], columns: 'Month name', values: 'Amount $', max_columns: 2 }, { in: 'sales' })).rejects.toThrow(
      'Column "Month name" has 4 distinct values, more than max_columns (2). Filter the rows first, pick a column with fewer values, or raise max_columns.',
    );
  });

  it('explains bad column choices', async () => {
    await expect(h.run('pivot', { index: ['Store (id)'], columns: 'month', values: 'Amount $' }, { in: 'sales' })).rejects.toThrow(
      'Column "month" does not exist. Available columns: Store (id), Month name, Amount $.',
    );
    await expect(h.run('pivot', { index: ['Store (id)'], columns: 'Store (id)', values: 'Amount $' }, { in: 'sales' })).rejects.toThrow(
      /is both in `index` and `columns`/,
    );
    await expect(h.run('pivot', { index: ['Store (id)'], columns: 'Amount $', values: 'Month name', aggregate: 'avg' }, { in: 'sales' })).rejects.toThrow(
      '`aggregate: avg` needs a numeric values column, but "Month name" is VARCHAR. Use first, count, min or max.',
    );
    expect(() => h.parseParams('pivot', { columns: 'a', values: 'b', aggregate: 'median' })).toThrow();
  });
});
