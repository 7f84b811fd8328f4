import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('filter', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table('birds', `SELECT * FROM (VALUES (1, 'Adelie', 39.1), (2, 'Gentoo', NULL), (3, 'O''Brien', 50.0)) t(id, "Species Name", "Beak Length (mm)")`);
  });
  afterAll(() => h.close());

  it('keeps rows where the condition holds and drops NULL results', async () => {
    const { out } = await h.run('filter', { condition: '"Beak Length (mm)" > 40' }, { in: 'birds' });
    expect(out!.rows).toEqual([{ id: 3, 'Species Name': "O'Brien", 'Beak Length (mm)': 50 }]);
  });

  it('keeps the column names and types of its input', async () => {
    const { out } = await h.run('filter', { condition: 'true' }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name', 'Beak Length (mm)']);
    expect(out!.rows).toHaveLength(3);
  });

  it('returns an empty table with the same columns when nothing matches', async () => {
    const { out } = await h.run('filter', { condition: 'id < 0' }, { in: 'birds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toHaveLength(3);
  });

  it('refuses a condition that smuggles in a second statement', async () => {
    await expect(h.run('filter', { condition: 'true; DROP TABLE birds' }, { in: 'birds' })).rejects.toThrow(/syntax error|one SQL statement/);
    expect((await h.rows('SELECT count(*) AS n FROM birds')).rows[0]).toEqual({ n: 3 });
  });

  it('rejects an empty condition through its param schema', () => {
    expect(() => h.parseParams('filter', { condition: '  ' })).toThrow(/expression is required/);
  });
});
