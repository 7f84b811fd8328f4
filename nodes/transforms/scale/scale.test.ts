import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '../../node-definition.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

const MASS = 'Mass "g" (avg)';

function column(rows: JsonRow[], name: string): (number | null)[] {
  return [...rows].sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r[name] as number | null);
}

function expectClose(actual: (number | null)[], expected: (number | null)[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => (e === null ? expect(actual[i]).toBeNull() : expect(actual[i]).toBeCloseTo(e, 12)));
}

describe('scale', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES (1, 2, 5.0::DOUBLE, 'a'), (2, 4, 5.0, 'b'), (3, 6, 5.0, 'c'), (4, NULL, 5.0, 'd'), (5, 8, 5.0, 'e'))
         t(id, "Mass ""g"" (avg)", flat, label)`,
    );
    // Statistics that differ from `birds`: mean 20, standard deviation 10, min 10, max 30.
    await h.table('train', `SELECT * FROM (VALUES (10, 1.0::DOUBLE), (20, 2.0), (30, 3.0)) t("Mass ""g"" (avg)", flat)`);
  });
  afterAll(() => h.close());

  it('standardises with the mean and sample standard deviation, keeping column order and NULLs', async () => {
    const { out } = await h.run('scale', { columns: [MASS] }, { in: 'birds' });
    expect(out!.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: MASS, type: 'DOUBLE' },
      { name: 'flat', type: 'DOUBLE' },
      { name: 'label', type: 'VARCHAR' },
    ]);
    // 2, 4, 6, 8: mean 5, sample sd sqrt(20/3).
    const sd = Math.sqrt(20 / 3);
    expectClose(column(out!.rows, MASS), [-3 / sd, -1 / sd, 1 / sd, null, 3 / sd]);
  });

  it('min-max scales to 0..1 and robust-scales by median and interquartile range', async () => {
    const minmax = await h.run('scale', { columns: [MASS], method: 'minmax' }, { in: 'birds' });
    expectClose(column(minmax.out!.rows, MASS), [0, 1 / 3, 2 / 3, null, 1]);
    // Quartiles of 2, 4, 6, 8 (interpolated): 3.5 and 6.5, median 5.
    const robust = await h.run('scale', { columns: [MASS], method: 'robust' }, { in: 'birds' });
    expectClose(column(robust.out!.rows, MASS), [-1, -1 / 3, 1 / 3, null, 1]);
  });

  it('gives 0, not NULL or infinity, for a column without spread', async () => {
    for (const method of ['standard', 'minmax', 'robust']) {
      const { out } = await h.run('scale', { columns: ['flat'], method }, { in: 'birds' });
      expect(column(out!.rows, 'flat')).toEqual([0, 0, 0, 0, 0]);
    }
    await h.table('one_row', `SELECT 7 AS "Mass ""g"" (avg)"`);
    const single = await h.run('scale', { columns: [MASS] }, { in: 'birds', fit: 'one_row' });
    expect(column(single.out!.rows, MASS)).toEqual([0, 0, 0, null, 0]);
  });

  it('uses the statistics of `fit` when it is connected, not those of `in`', async () => {
    const standard = await h.run('scale', { columns: [MASS, 'flat'] }, { in: 'birds', fit: 'train' });
    expectClose(column(standard.out!.rows, MASS), [-1.8, -1.6, -1.4, null, -1.2]);
    expectClose(column(standard.out!.rows, 'flat'), [3, 3, 3, 3, 3]);
    const minmax = await h.run('scale', { columns: [MASS], method: 'minmax' }, { in: 'birds', fit: 'train' });
    expectClose(column(minmax.out!.rows, MASS), [-0.4, -0.3, -0.2, null, -0.1]);
  });

  it('scales integers at the ends of their range without overflow', async () => {
    await h.table(
      'extremes',
      `SELECT * FROM (VALUES (1, 9223372036854775807::BIGINT, 200000000000000000000::HUGEINT), (2, '-9223372036854775808'::BIGINT, 100000000000000000000::HUGEINT)) t(id, b, h)`,
    );
    const { out } = await h.run('scale', { columns: ['b', 'h'], method: 'minmax' }, { in: 'extremes' });
    expect(column(out!.rows, 'b')).toEqual([1, 0]);
    expect(column(out!.rows, 'h')).toEqual([1, 0]);
  });

  it('returns no rows for an empty input, and NULLs when `fit` is empty', async () => {
    await h.table('no_birds', 'SELECT * FROM birds WHERE false');
    const empty = await h.run('scale', { columns: [MASS] }, { in: 'no_birds' });
    expect(empty.out!.rows).toEqual([]);
    expect(empty.out!.columns.map((c) => c.type)).toEqual(['INTEGER', 'DOUBLE', 'DOUBLE', 'VARCHAR']);
    const unfitted = await h.run('scale', { columns: [MASS] }, { in: 'birds', fit: 'no_birds' });
    expect(column(unfitted.out!.rows, MASS)).toEqual([null, null, null, null, null]);
  });

  it('refuses text columns and names missing ones', async () => {
    await expect(h.run('scale', { columns: ['label'] }, { in: 'birds' })).rejects.toThrow(
      'Column "label" is VARCHAR, not a number, so it cannot be scaled. Convert it first with a cast node, or leave it out.',
    );
    await expect(h.run('scale', { columns: ['mass'] }, { in: 'birds' })).rejects.toThrow(
      'Column "mass" does not exist. Available columns: id, Mass "g" (avg), flat, label.',
    );
    await expect(h.run('scale', { columns: ['id'] }, { in: 'birds', fit: 'train' })).rejects.toThrow(/Column "id" does not exist in input "fit"/);
    expect(() => h.parseParams('scale', { columns: [MASS], method: 'log' })).toThrow();
  });
});
