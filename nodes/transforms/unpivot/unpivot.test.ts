import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('unpivot', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'wide',
      `SELECT * FROM (VALUES (1, 10, NULL, 'a', 1.5::DOUBLE, 7::BIGINT, DATE '2024-01-01'), (2, 30, 40, 'it''s "x"', 2.5, 8, DATE '2024-02-01'))
         t(id, "Q1 ($)", "Q2 ($)", note, ratio, big, day)`,
    );
  });
  afterAll(() => h.close());

  it('turns the listed columns into name/value rows, keeping the others and the NULLs', async () => {
    const { out } = await h.run('unpivot', { columns: ['Q1 ($)', 'Q2 ($)'] }, { in: 'wide' });
    expect(out!.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'note', type: 'VARCHAR' },
      { name: 'ratio', type: 'DOUBLE' },
      { name: 'big', type: 'BIGINT' },
      { name: 'day', type: 'DATE' },
      { name: 'name', type: 'VARCHAR' },
      { name: 'value', type: 'INTEGER' },
    ]);
    expect(out!.rows.map((r) => [r.id, r.note, r.name, r.value])).toEqual([
      [1, 'a', 'Q1 ($)', 10],
      [1, 'a', 'Q2 ($)', null],
      [2, 'it\'s "x"', 'Q1 ($)', 30],
      [2, 'it\'s "x"', 'Q2 ($)', 40],
    ]);
  });

  it('uses the given names for the new columns', async () => {
    const { out } = await h.run('unpivot', { columns: ['Q1 ($)'], name_column: 'Quarter (name)', value_column: 'sales "$"' }, { in: 'wide' });
    expect(out!.columns.map((c) => c.name).slice(-2)).toEqual(['Quarter (name)', 'sales "$"']);
    expect(out!.rows.map((r) => r['sales "$"'])).toEqual([10, 30]);
  });

  it('keeps a common integer type, makes mixed numbers DOUBLE and anything else text', async () => {
    const ints = await h.run('unpivot', { columns: ['Q1 ($)', 'big'] }, { in: 'wide' });
    expect(ints.out!.columns.at(-1)).toEqual({ name: 'value', type: 'BIGINT' });
    expect(ints.out!.rows.map((r) => r.value)).toEqual([10, 7, 30, 8]);

    const numbers = await h.run('unpivot', { columns: ['ratio', 'Q1 ($)'] }, { in: 'wide' });
    expect(numbers.out!.columns.at(-1)).toEqual({ name: 'value', type: 'DOUBLE' });
    expect(numbers.out!.rows.map((r) => r.value)).toEqual([1.5, 10, 2.5, 30]);

    const mixed = await h.run('unpivot', { columns: ['note', 'day', 'Q2 ($)'] }, { in: 'wide' });
    expect(mixed.out!.columns.at(-1)).toEqual({ name: 'value', type: 'VARCHAR' });
    expect(mixed.out!.rows.map((r) => r.value)).toEqual(['a', '2024-01-01', null, 'it\'s "x"', '2024-02-01', '40']);

    const dates = await h.run('unpivot', { columns: ['day'] }, { in: 'wide' });
    expect(dates.out!.columns.at(-1)).toEqual({ name: 'value', type: 'DATE' });
  });

  it('returns no rows for an empty input', async () => {
    await h.table('no_rows', 'SELECT * FROM wide WHERE false');
    const { out } = await h.run('unpivot', { columns: ['Q1 ($)', 'Q2 ($)'] }, { in: 'no_rows' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'note', 'ratio', 'big', 'day', 'name', 'value']);
  });

  it('explains missing columns and clashing new names', async () => {
    await expect(h.run('unpivot', { columns: ['Q3 ($)'] }, { in: 'wide' })).rejects.toThrow(
      'Column "Q3 ($)" does not exist. Available columns: id, Q1 ($), Q2 ($), note, ratio, big, day.',
    );
    await expect(h.run('unpivot', { columns: ['Q1 ($)'], name_column: 'NOTE' }, { in: 'wide' })).rejects.toThrow(
      'The input already has a column "note", which is kept; choose another name_column.',
    );
    await expect(h.run('unpivot', { columns: ['Q1 ($)'], name_column: 'x', value_column: 'X' }, { in: 'wide' })).rejects.toThrow(/give them different names/);
    expect(() => h.parseParams('unpivot', { columns: [] })).toThrow(/at least one column/);
  });
});
