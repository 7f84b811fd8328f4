import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('fill_missing', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'train',
      `SELECT * FROM (VALUES
         (1, 3000, 40.0::DOUBLE, 'a', TIMESTAMP '2024-01-01 00:00:00'),
         (2, 3500, 'NaN'::DOUBLE, 'b', NULL),
         (3, 5000, 44.0::DOUBLE, 'b', TIMESTAMP '2024-01-03 00:00:00'),
         (4, NULL, 40.0::DOUBLE, NULL, TIMESTAMP '2024-01-04 00:00:00')
       ) t(id, "Body Mass (g)", "Beak Length (mm)", "say ""hi""", "seen at")`,
    );
    await h.table(
      'test',
      `SELECT * FROM (VALUES (10, NULL, NULL, NULL), (11, 1000, 'NaN'::DOUBLE, 'c'), (12, 2000, 10.0::DOUBLE, NULL))
         t(id, "Body Mass (g)", "Beak Length (mm)", "say ""hi""")`,
    );
    await h.table('empty_train', `SELECT * FROM train WHERE false`);
  });
  afterAll(() => h.close());

  it('fills with the mean of the same table, ignoring NaN, and keeps column types', async () => {
    const { out } = await h.run('fill_missing', { columns: ['Body Mass (g)', 'Beak Length (mm)'], strategy: 'mean' }, { in: 'train' });
    expect(out!.columns.slice(0, 3)).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'Body Mass (g)', type: 'INTEGER' },
      { name: 'Beak Length (mm)', type: 'DOUBLE' },
    ]);
    // mass: (3000 + 3500 + 5000) / 3 = 3833.3 → 3833 as INTEGER; beak: (40 + 44 + 40) / 3.
    expect(out!.rows.map((r) => r['Body Mass (g)'])).toEqual([3000, 3500, 5000, 3833]);
    const beak = out!.rows.map((r) => r['Beak Length (mm)'] as number);
    expect(beak[0]).toBe(40);
    expect(beak[1]).toBeCloseTo(124 / 3, 10);
    expect(beak[3]).toBe(40);
  });

  it('fills a test set with the statistics of the table connected to fit', async () => {
    const { out } = await h.run(
      'fill_missing',
      { columns: ['Body Mass (g)', 'Beak Length (mm)'], strategy: 'median' },
      { in: 'test', fit: 'train' },
    );
    // train medians: mass of 3000, 3500, 5000 → 3500; beak of 40, 44, 40 (NaN ignored) → 40.
    expect(out!.rows).toEqual([
      { id: 10, 'Body Mass (g)': 3500, 'Beak Length (mm)': 40, 'say "hi"': null },
      { id: 11, 'Body Mass (g)': 1000, 'Beak Length (mm)': 40, 'say "hi"': 'c' },
      { id: 12, 'Body Mass (g)': 2000, 'Beak Length (mm)': 10, 'say "hi"': null },
    ]);
  });

  it('fills with statistics that keep every digit: a large BIGINT mode, a DECIMAL median, a timestamp mode, a double mean', async () => {
    await h.table(
      'exact',
      `SELECT * FROM (VALUES
         (9007199254740993::BIGINT, 1.0001::DECIMAL(20,4), TIMESTAMP '2024-02-29 12:34:56.789', 0.1::DOUBLE),
         (9007199254740993::BIGINT, 2.0003::DECIMAL(20,4), TIMESTAMP '2024-02-29 12:34:56.789', 0.2::DOUBLE),
         (NULL, NULL, NULL, NULL),
         (5::BIGINT, 3.0007::DECIMAL(20,4), TIMESTAMP '2025-01-01 00:00:00', 0.3::DOUBLE)
       ) t(big, price, seen, x)`,
    );
    const mode = await h.run('fill_missing', { columns: ["big", "seen"], strategy: "mode" }, { in: 'exact' });
    // 2^53 + 1 does not survive a trip through a JS number; the engine shows it as text.
    expect(mode.out!.rows[2]).toMatchObject({ big: '9007199254740993', seen: '2024-02-29 12:34:56.789' });
    const median = await h.run('fill_missing', { columns: ['price'], strategy: 'median' }, { in: 'exact' });
    expect(median.out!.rows[2]!.price).toBe('2.0003');
    expect(median.out!.columns[1]).toEqual({ name: 'price', type: 'DECIMAL(20,4)' });
    const mean = await h.run('fill_missing', { columns: ['x'], strategy: 'mean' }, { in: 'exact' });
    const [avg] = (await h.rows('SELECT avg(x) AS x FROM exact')).rows;
    expect(mean.out!.rows[2]!.x).toBe(avg!.x);
  });

  it('fills with the most common value, ties going to the smallest', async () => {
    const { out } = await h.run('fill_missing', { columns: ['say "hi"'], strategy: 'mode' }, { in: 'test', fit: 'train' });
    expect(out!.rows.map((r) => r['say "hi"'])).toEqual(['b', 'c', 'b']);
    await h.table('tied', `SELECT * FROM (VALUES ('y'), ('x'), (NULL), ('y'), ('x')) t(v)`);
    const tied = await h.run('fill_missing', { columns: ['v'], strategy: 'mode' }, { in: 'tied' });
    expect(tied.out!.rows.map((r) => r.v)).toEqual(['y', 'x', 'x', 'y', 'x']);
  });

  it('fills with a constant converted to each column type', async () => {
    const { out } = await h.run('fill_missing', { columns: ['Body Mass (g)'], strategy: 'constant', value: 0 }, { in: 'train' });
    expect(out!.rows.map((r) => r['Body Mass (g)'])).toEqual([3000, 3500, 5000, 0]);
    await expect(
      h.run('fill_missing', { columns: ['seen at'], strategy: 'constant', value: '2020-05-06' }, { in: 'train' }),
    ).resolves.toMatchObject({ out: { rows: [{}, { 'seen at': '2020-05-06 00:00:00' }, {}, {}] } });
    const text = await h.run('fill_missing', { columns: ['say "hi"'], strategy: 'constant', value: "O'Brien" }, { in: 'test' });
    expect(text.out!.rows.map((r) => r['say "hi"'])).toEqual(["O'Brien", 'c', "O'Brien"]);
  });

  it('refuses a constant that does not fit the column type', async () => {
    await expect(h.run('fill_missing', { columns: ['Body Mass (g)'], strategy: 'constant', value: 'heavy' }, { in: 'train' })).rejects.toThrow(
      'The value "heavy" cannot be converted to INTEGER, the type of column "Body Mass (g)".',
    );
  });

  it('refuses mean or median of a text column', async () => {
    await expect(h.run('fill_missing', { columns: ['say "hi"'], strategy: 'mean' }, { in: 'train' })).rejects.toThrow(
      'Column "say "hi"" is VARCHAR, not a number, so it has no mean. Use strategy mode or constant for it.',
    );
  });

  it('leaves values missing when the fit table is empty, and returns an empty input as is', async () => {
    const { out } = await h.run('fill_missing', { columns: ['Body Mass (g)'], strategy: 'mean' }, { in: 'test', fit: 'empty_train' });
    expect(out!.rows.map((r) => r['Body Mass (g)'])).toEqual([null, 1000, 2000]);
    const empty = await h.run('fill_missing', { columns: ['Body Mass (g)'], strategy: 'median' }, { in: 'empty_train', fit: 'train' });
    expect(empty.out!.rows).toEqual([]);
    expect(empty.out!.columns).toHaveLength(5);
  });

  it('names a column missing from in or from fit', async () => {
    await expect(h.run('fill_missing', { columns: ['mass'], strategy: 'mean' }, { in: 'test' })).rejects.toThrow(
      'Column "mass" does not exist. Available columns: id, Body Mass (g), Beak Length (mm), say "hi".',
    );
    await h.table('other', `SELECT 1 AS "Body Mass"`);
    await expect(h.run('fill_missing', { columns: ['Body Mass (g)'], strategy: 'mean' }, { in: 'test', fit: 'other' })).rejects.toThrow(
      'Column "Body Mass (g)" does not exist in the `fit` input. Available columns: Body Mass.',
    );
  });

  it('needs a value exactly when the strategy is constant', () => {
    expect(() => h.parseParams('fill_missing', { columns: ['a'], strategy: 'constant' })).toThrow(/strategy `constant` needs a `value`/);
    expect(() => h.parseParams('fill_missing', { columns: ['a'], strategy: 'mean', value: 1 })).toThrow(/only used with strategy `constant`/);
    expect(() => h.parseParams('fill_missing', { columns: [], strategy: 'mean' })).toThrow(/at least one column/);
  });
});
