import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('sort', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES (1, 'b', 40), (2, NULL, 38), (3, 'a', NULL), (4, 'b', 35), (5, 'a', 50)) t(id, "Species Name", "Beak Length (mm)")`,
    );
  });
  afterAll(() => h.close());

  const ids = (rows: { id?: unknown }[]) => rows.map((r) => r.id);

  it('sorts ascending with missing values last by default', async () => {
    const { out } = await h.run('sort', { by: [{ column: 'Beak Length (mm)' }] }, { in: 'birds' });
    expect(ids(out!.rows)).toEqual([4, 2, 1, 5, 3]);
  });

  it('sorts descending, and puts missing values first when asked', async () => {
    const desc = await h.run('sort', { by: [{ column: 'Beak Length (mm)', descending: true }] }, { in: 'birds' });
    expect(ids(desc.out!.rows)).toEqual([5, 1, 2, 4, 3]);
    const first = await h.run('sort', { by: [{ column: 'Species Name', nulls_first: true }] }, { in: 'birds' });
    expect(ids(first.out!.rows)).toEqual([2, 3, 5, 1, 4]);
  });

  it('uses later keys to break ties, then the input order', async () => {
    const { out } = await h.run(
      'sort',
      { by: [{ column: 'Species Name', descending: true }, { column: 'Beak Length (mm)' }] },
      { in: 'birds' },
    );
    expect(ids(out!.rows)).toEqual([4, 1, 5, 3, 2]);
    await h.table('ties', `SELECT range AS id, range % 2 AS "say ""hi""" FROM range(130000)`);
    const ties = await h.run('sort', { by: [{ column: 'say "hi"', descending: true }] }, { in: 'ties' });
    const sorted = ties.out!.rows.map((r) => r.id as number);
    const expected = [...Array.from({ length: 65000 }, (_, i) => 2 * i + 1), ...Array.from({ length: 65000 }, (_, i) => 2 * i)];
    expect(sorted).toEqual(expected);
  });

  it('sorts an empty table', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('sort', { by: [{ column: 'id' }] }, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name', 'Beak Length (mm)']);
  });

  it('names a sort column that does not exist and needs at least one', async () => {
    await expect(h.run('sort', { by: [{ column: 'mass' }] }, { in: 'birds' })).rejects.toThrow(
      'Column "mass" does not exist. Available columns: id, Species Name, Beak Length (mm).',
    );
    expect(() => h.parseParams('sort', { by: [] })).toThrow(/at least one column to sort by/);
    expect(() => h.parseParams('sort', { by: [{ column: 'id', direction: 'desc' }] })).toThrow(/direction/);
  });
});
