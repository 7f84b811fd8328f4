import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '../../node-definition.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

/** Join output order is DuckDB's to choose; compare rows in a fixed order. */
const byText = (rows: JsonRow[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('join', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES (1, 'Adelie', 3700, 'l1'), (2, 'Gentoo', 5000, 'l2'), (3, NULL, 4000, 'l3'), (4, 'Unknown', 3000, 'l4'))
         t(id, "Species Name", "Mass (g)", note)`,
    );
    await h.table(
      'species',
      `SELECT * FROM (VALUES ('Adelie', 38.8, 'r1', 'rr1'), ('Gentoo', 47.5, 'r2', 'rr2'), ('Chinstrap', 48.8, 'r3', 'rr3'), (NULL, 1.0, 'rn', 'rrn'))
         t("Species Name", "Beak (mm)", note, note_right)`,
    );
  });
  afterAll(() => h.close());

  const adelie = { id: 1, 'Species Name': 'Adelie', 'Mass (g)': 3700, note: 'l1', 'Beak (mm)': 38.8, note_right: 'r1', note_right_right: 'rr1' };
  const gentoo = { id: 2, 'Species Name': 'Gentoo', 'Mass (g)': 5000, note: 'l2', 'Beak (mm)': 47.5, note_right: 'r2', note_right_right: 'rr2' };
  const unmatchedLeft = [
    { id: 3, 'Species Name': null, 'Mass (g)': 4000, note: 'l3', 'Beak (mm)': null, note_right: null, note_right_right: null },
    { id: 4, 'Species Name': 'Unknown', 'Mass (g)': 3000, note: 'l4', 'Beak (mm)': null, note_right: null, note_right_right: null },
  ];
  const unmatchedRight = [
    { id: null, 'Species Name': 'Chinstrap', 'Mass (g)': null, note: null, 'Beak (mm)': 48.8, note_right: 'r3', note_right_right: 'rr3' },
    { id: null, 'Species Name': null, 'Mass (g)': null, note: null, 'Beak (mm)': 1, note_right: 'rn', note_right_right: 'rrn' },
  ];

  it('inner join on a shared key: the key once, clashing right columns suffixed until unique, NULL keys never match', async () => {
    const { out } = await h.run('join', { how: 'inner', on: ['Species Name'] }, { left: 'birds', right: 'species' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name', 'Mass (g)', 'note', 'Beak (mm)', 'note_right', 'note_right_right']);
    expect(byText(out!.rows)).toEqual(byText([adelie, gentoo]));
  });

  it('left, right and full joins keep unmatched rows with NULLs, taking the key from the side that has it', async () => {
    const left = await h.run('join', { how: 'left', on: ['Species Name'] }, { left: 'birds', right: 'species' });
    expect(byText(left.out!.rows)).toEqual(byText([adelie, gentoo, ...unmatchedLeft]));
    const right = await h.run('join', { how: 'right', on: ['Species Name'] }, { left: 'birds', right: 'species' });
    expect(byText(right.out!.rows)).toEqual(byText([adelie, gentoo, ...unmatchedRight]));
    const full = await h.run('join', { how: 'full', on: ['Species Name'] }, { left: 'birds', right: 'species' });
    expect(byText(full.out!.rows)).toEqual(byText([adelie, gentoo, ...unmatchedLeft, ...unmatchedRight]));
  });

  it('semi and anti joins return left rows with and without a match, left columns only', async () => {
    const semi = await h.run('join', { how: 'semi', on: ['Species Name'] }, { left: 'birds', right: 'species' });
    expect(semi.out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name', 'Mass (g)', 'note']);
    expect(semi.out!.rows.map((r) => r.id).sort()).toEqual([1, 2]);
    const anti = await h.run('join', { how: 'anti', on: ['Species Name'] }, { left: 'birds', right: 'species' });
    expect(anti.out!.rows.map((r) => r.id).sort()).toEqual([3, 4]);
  });

  it('joins on differently named keys and keeps both, suffixing a clash', async () => {
    await h.table('codes', `SELECT * FROM (VALUES (2, 'G'), (4, 'U'), (9, 'Z')) t(code, "Species Name")`);
    const { out } = await h.run('join', { how: 'inner', left_on: ['id'], right_on: ['code'] }, { left: 'birds', right: 'codes' });
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'Species Name', 'Mass (g)', 'note', 'code', 'Species Name_right']);
    expect(byText(out!.rows)).toEqual(
      byText([
        { id: 2, 'Species Name': 'Gentoo', 'Mass (g)': 5000, note: 'l2', code: 2, 'Species Name_right': 'G' },
        { id: 4, 'Species Name': 'Unknown', 'Mass (g)': 3000, note: 'l4', code: 4, 'Species Name_right': 'U' },
      ]),
    );
  });

  it('joins with an empty table', async () => {
    await h.table('nospecies', `SELECT * FROM species WHERE false`);
    const inner = await h.run('join', { on: ['Species Name'] }, { left: 'birds', right: 'nospecies' });
    expect(inner.out!.rows).toEqual([]);
    expect(inner.out!.columns).toHaveLength(7);
    const left = await h.run('join', { how: 'left', on: ['Species Name'] }, { left: 'birds', right: 'nospecies' });
    expect(left.out!.rows).toHaveLength(4);
  });

  it('names a key column missing on either side', async () => {
    await expect(h.run('join', { on: ['note_right'] }, { left: 'birds', right: 'species' })).rejects.toThrow(
      'Column "note_right" does not exist in the left input. Available columns: id, Species Name, Mass (g), note.',
    );
    await expect(h.run('join', { left_on: ['id'], right_on: ['id'] }, { left: 'birds', right: 'species' })).rejects.toThrow(
      'Column "id" does not exist in the right input. Available columns: Species Name, Beak (mm), note, note_right.',
    );
  });

  it('needs either on or matching left_on and right_on', () => {
    expect(() => h.parseParams('join', { how: 'inner' })).toThrow(/either `on`, or `left_on` with `right_on`/);
    expect(() => h.parseParams('join', { on: ['a'], left_on: ['a'], right_on: ['b'] })).toThrow(/either `on`/);
    expect(() => h.parseParams('join', { left_on: ['a'] })).toThrow(/`left_on` and `right_on` go together/);
    expect(() => h.parseParams('join', { left_on: ['a', 'b'], right_on: ['c'] })).toThrow(/same number of columns/);
    expect(() => h.parseParams('join', { how: 'outer', on: ['a'] })).toThrow();
  });
});
