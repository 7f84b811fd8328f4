import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '../../node-definition.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';
import { MAX_CONSTANT_CODES } from './label_encode.js';

const SPECIES = 'Species (name)';

/** The encoded output is a join, which does not promise row order. */
function byId(rows: JsonRow[]): JsonRow[] {
  return [...rows].sort((a, b) => Number(a.id) - Number(b.id));
}

describe('label_encode', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES (1, 'Gentoo', 100), (2, 'Adelie', 9), (3, NULL, 10), (4, 'Chinstrap', 9), (5, 'Adelie', NULL), (6, 'O''Brien', 100))
         t(id, "Species (name)", size)`,
    );
    // Other categories than `birds`, so codes can only have come from here.
    await h.table('train', `SELECT * FROM (VALUES ('Torgersen', '10'), ('Gentoo', '100'), ('Chinstrap', '10')) t("Species (name)", size)`);
  });
  afterAll(() => h.close());

  it('replaces each column by INTEGER codes in sorted category order, NULL staying NULL', async () => {
    const { out } = await h.run('label_encode', { columns: [SPECIES, 'size'] }, { in: 'birds' });
    expect(out!.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: SPECIES, type: 'INTEGER' },
      { name: 'size', type: 'INTEGER' },
    ]);
    // Adelie 0, Chinstrap 1, Gentoo 2, O'Brien 3; sizes 9 → 0, 10 → 1, 100 → 2 (as numbers, not text).
    expect(byId(out!.rows).map((r) => [r.id, r[SPECIES], r.size])).toEqual([
      [1, 2, 2],
      [2, 0, 0],
      [3, null, 1],
      [4, 1, 0],
      [5, 0, null],
      [6, 3, 2],
    ]);
  });

  it('takes the categories from `fit`: unseen values become NULL', async () => {
    const { out } = await h.run('label_encode', { columns: [SPECIES] }, { in: 'birds', fit: 'train' });
    // Fitted: Chinstrap 0, Gentoo 1, Torgersen 2.
    expect(byId(out!.rows).map((r) => r[SPECIES])).toEqual([1, null, null, 0, null, null]);
  });

  it('matches `fit` by text when the column has another type there', async () => {
    const { out } = await h.run('label_encode', { columns: ['size'] }, { in: 'birds', fit: 'train' });
    // Fitted as text: '10' → 0, '100' → 1; 9 was never seen.
    expect(byId(out!.rows).map((r) => r.size)).toEqual([1, null, 0, null, null, 1]);
  });

  it('encodes huge integers exactly', async () => {
    await h.table('big', `SELECT * FROM (VALUES (1, 170141183460469231731687303715884105727::HUGEINT), (2, 9007199254740993::HUGEINT), (3, 9007199254740992::HUGEINT)) t(id, v)`);
    const { out } = await h.run('label_encode', { columns: ['v'] }, { in: 'big' });
    expect(byId(out!.rows).map((r) => r.v)).toEqual([2, 1, 0]);
  });

  it('returns no rows and INTEGER columns for an empty input', async () => {
    await h.table('no_birds', 'SELECT * FROM birds WHERE false');
    const { out } = await h.run('label_encode', { columns: [SPECIES] }, { in: 'no_birds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.type)).toEqual(['INTEGER', 'INTEGER', 'INTEGER']);
    const fitted = await h.run('label_encode', { columns: [SPECIES] }, { in: 'birds', fit: 'no_birds' });
    expect(fitted.out!.rows.map((r) => r[SPECIES])).toEqual([null, null, null, null, null, null]);
  });

  it('fits its codes when built: reading the output later does not read `fit` again', async () => {
    await h.table('fit_now', `SELECT * FROM (VALUES ('Gentoo'), ('Adelie')) t("Species (name)")`);
    const { out } = await h.build('label_encode', { columns: [SPECIES] }, { in: 'birds', fit: 'fit_now' });
    expect(out).not.toContain('fit_now');
    // The fit data changes after the build: the built output keeps the codes it was fitted with.
    await h.table('fit_now', `SELECT * FROM (VALUES ('Chinstrap')) t("Species (name)")`);
    const rows = (await h.rows(`SELECT id, "${SPECIES}" AS code FROM (${out}) ORDER BY id`)).rows;
    expect(rows.map((r) => r.code)).toEqual([1, 0, null, null, 0, null]);
  });

  it(`joins the codes lazily beyond ${MAX_CONSTANT_CODES} categories, with the same numbering`, async () => {
    const n = MAX_CONSTANT_CODES + 500;
    // Ids written as text, so sorted order ('10' < '9') differs from numeric order.
    await h.table('users', `SELECT i AS id, CAST(${n} - i AS VARCHAR) AS user_id FROM range(${n}) t(i)`);
    const { out: sql } = await h.build('label_encode', { columns: ['user_id'] }, { in: 'users' });
    expect(sql).toContain('row_number()');
    const { out } = await h.run('label_encode', { columns: ['user_id'] }, { in: 'users' });
    const expected = (await h.rows(`SELECT id, CAST(rank() OVER (ORDER BY user_id) - 1 AS INTEGER) AS code FROM users`)).rows;
    const codes = new Map(expected.map((r) => [r.id, r.code]));
    expect(out!.rows).toHaveLength(n);
    expect(out!.rows.every((r) => r.user_id === codes.get(r.id))).toBe(true);
  });

  it('names missing columns in `in` and in `fit`, and repeated ones', async () => {
    await expect(h.run('label_encode', { columns: ['species'] }, { in: 'birds' })).rejects.toThrow(
      'Column "species" does not exist. Available columns: id, Species (name), size.',
    );
    await expect(h.run('label_encode', { columns: ['id'] }, { in: 'birds', fit: 'train' })).rejects.toThrow(
      'Column "id" does not exist in input "fit". Available columns: Species (name), size.',
    );
    await expect(h.run('label_encode', { columns: ['size', 'SIZE'] }, { in: 'birds' })).rejects.toThrow(/more than once/);
  });
});
