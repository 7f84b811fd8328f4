import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('derive', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table('birds', `SELECT * FROM (VALUES (1, 40, 'a'), (2, NULL, 'b')) t(id, "Beak Length (mm)", "say ""hi""")`);
  });
  afterAll(() => h.close());

  it('adds new columns at the end, NULL where the inputs are NULL', async () => {
    const { out } = await h.run('derive', { columns: { 'Beak (cm)': '"Beak Length (mm)" / 10' } }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Beak Length (mm)', 'say "hi"', 'Beak (cm)']);
    expect(out!.rows.map((r) => r['Beak (cm)'])).toEqual([4, null]);
  });

  it('replaces an existing column in place, keeping its exact name', async () => {
    const { out } = await h.run('derive', { columns: { 'SAY "HI"': 'upper("say ""hi""")' } }, { in: 'birds' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Beak Length (mm)', 'say "hi"']);
    expect(out!.rows.map((r) => r['say "hi"'])).toEqual(['A', 'B']);
  });

  it('lets a later column use one derived before it', async () => {
    const { out } = await h.run(
      'derive',
      { columns: { double: 'id * 2', quadruple: '"double" * 2', id: '"quadruple" + 1' } },
      { in: 'birds' },
    );
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Beak Length (mm)', 'say "hi"', 'double', 'quadruple']);
    expect(out!.rows.map((r) => [r.id, r.double, r.quadruple])).toEqual([
      [5, 2, 4],
      [9, 4, 8],
    ]);
  });

  it('adds its columns to an empty table', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('derive', { columns: { flag: 'id > 1' } }, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.at(-1)).toEqual({ name: 'flag', type: 'BOOLEAN' });
  });

  it('reports an expression that names a missing column', async () => {
    await expect(h.run('derive', { columns: { x: 'beak * 2' } }, { in: 'birds' })).rejects.toThrow('Referenced column "beak" not found');
  });

  it('refuses an expression that smuggles in a second statement', async () => {
    await expect(h.run('derive', { columns: { x: '1); DROP TABLE birds; SELECT (1' } }, { in: 'birds' })).rejects.toThrow(/one SQL statement/);
    expect((await h.rows('SELECT count(*) AS n FROM birds')).rows[0]).toEqual({ n: 2 });
  });

  it('needs at least one column', () => {
    expect(() => h.parseParams('derive', { columns: {} })).toThrow(/at least one column/);
  });
});
