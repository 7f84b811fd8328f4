import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('aggregate', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
         ('Gentoo', 'Biscoe', 5000), ('Adelie', 'Dream', 3700), ('Adelie', 'Dream', NULL),
         (NULL, 'Dream', 4000), ('Adelie', 'Biscoe', 3500), ('Gentoo', 'Biscoe', 5400)
       ) t("Species Name", island, "Body Mass (g)")`,
    );
  });
  afterAll(() => h.close());

  it('summarises per group, sorted by the group columns with missing keys last', async () => {
    const { out } = await h.run(
      'aggregate',
      { group_by: ['Species Name'], aggregations: { n: 'count(*)', 'mean mass': 'avg("Body Mass (g)")', "O'Brien": 'count("Body Mass (g)")' } },
      { in: 'birds' },
    );
    expect(out!.columns.map((c) => c.name)).toEqual(['Species Name', 'n', 'mean mass', "O'Brien"]);
    expect(out!.rows).toEqual([
      { 'Species Name': 'Adelie', n: 3, 'mean mass': 3600, "O'Brien": 2 },
      { 'Species Name': 'Gentoo', n: 2, 'mean mass': 5200, "O'Brien": 2 },
      { 'Species Name': null, n: 1, 'mean mass': 4000, "O'Brien": 1 },
    ]);
  });

  it('groups by several columns', async () => {
    const { out } = await h.run('aggregate', { group_by: ['island', 'Species Name'], aggregations: { n: 'count(*)' } }, { in: 'birds' });
    expect(out!.rows).toEqual([
      { island: 'Biscoe', 'Species Name': 'Adelie', n: 1 },
      { island: 'Biscoe', 'Species Name': 'Gentoo', n: 2 },
      { island: 'Dream', 'Species Name': 'Adelie', n: 2 },
      { island: 'Dream', 'Species Name': null, n: 1 },
    ]);
  });

  it('gives one row for the whole table without group columns, also when it is empty', async () => {
    const { out } = await h.run('aggregate', { aggregations: { n: 'count(*)', heaviest: 'max("Body Mass (g)")' } }, { in: 'birds' });
    expect(out!.rows).toEqual([{ n: 6, heaviest: 5400 }]);
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const empty = await h.run('aggregate', { group_by: [], aggregations: { n: 'count(*)', heaviest: 'max("Body Mass (g)")' } }, { in: 'nobirds' });
    expect(empty.out!.rows).toEqual([{ n: 0, heaviest: null }]);
    const grouped = await h.run('aggregate', { group_by: ['island'], aggregations: { n: 'count(*)' } }, { in: 'nobirds' });
    expect(grouped.out!.rows).toEqual([]);
  });

  it('names a missing group column and refuses an aggregation named like a group column', async () => {
    await expect(h.run('aggregate', { group_by: ['species'], aggregations: { n: 'count(*)' } }, { in: 'birds' })).rejects.toThrow(
      'Column "species" does not exist. Available columns: Species Name, island, Body Mass (g).',
    );
    await expect(h.run('aggregate', { group_by: ['island'], aggregations: { Island: 'count(*)' } }, { in: 'birds' })).rejects.toThrow(
      '"Island" is both a group column and an aggregation name',
    );
  });

  it('reports a non-aggregated column that is not grouped', async () => {
    await expect(h.run('aggregate', { group_by: ['island'], aggregations: { m: '"Body Mass (g)"' } }, { in: 'birds' })).rejects.toThrow(
      /GROUP BY/,
    );
  });

  it('needs at least one aggregation', () => {
    expect(() => h.parseParams('aggregate', { group_by: ['island'], aggregations: {} })).toThrow(/at least one column/);
  });
});
