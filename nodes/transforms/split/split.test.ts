import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../catalogue.js';
import type { JsonRow } from '../../node-definition.js';
import { outputPorts } from '../../node-definition.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

/** Rows as sorted JSON text: comparing these compares multisets. */
function multiset(...parts: JsonRow[][]): string[] {
  return parts.flat().map((r) => JSON.stringify(r)).sort();
}

function count(rows: JsonRow[], key: string, value: unknown): number {
  return rows.filter((r) => r[key] === value).length;
}

describe('split', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    // 1000 rows in which every row appears 4 times, with NULLs and awkward column names (one named like the row alias).
    await h.table(
      'rows',
      `SELECT i % 250 AS id, CASE WHEN i % 5 = 0 THEN NULL ELSE 'class ' || (i % 3) END AS "Label ""y"" (x)", i % 250 * 1.5 AS "__split_row"
       FROM range(1000) r(i)`,
    );
  });
  afterAll(() => h.close());

  it('divides the rows exactly, disjointly and completely, duplicates included', async () => {
    const input = (await h.rows('SELECT * FROM "rows"')).rows;
    const parts = await h.run('split', { fractions: { train: 0.8, test: 0.2 }, seed: 7 }, { in: 'rows' });
    expect(Object.keys(parts)).toEqual(['train', 'test']);
    expect(parts.train!.rows).toHaveLength(800);
    expect(parts.test!.rows).toHaveLength(200);
    expect(parts.train!.columns).toEqual((await h.rows('SELECT * FROM "rows" LIMIT 0')).columns);
    expect(multiset(parts.train!.rows, parts.test!.rows)).toEqual(multiset(input));
  });

  it('rounds each cumulative share to whole rows, in the order the parts are given', async () => {
    await h.table('n101', 'SELECT i FROM range(101) r(i)');
    const parts = await h.run('split', { fractions: { train: 0.7, valid: 0.15, test: 0.15 } }, { in: 'n101' });
    // round(0.7 × 101) = 71, round(0.85 × 101) = 86: 71, 15 and 15 rows.
    expect([parts.train, parts.valid, parts.test].map((p) => p!.rows.length)).toEqual([71, 15, 15]);
    expect(multiset(parts.train!.rows, parts.valid!.rows, parts.test!.rows)).toEqual(multiset((await h.rows('SELECT i FROM n101')).rows));
  });

  it('picks the same rows for the same seed whatever the input order and thread count, other rows for another seed', async () => {
    await h.table('shuffled', 'SELECT * FROM "rows" ORDER BY hash(id * 7 + 3) DESC');
    const a = await h.run('split', { fractions: { train: 0.8, test: 0.2 }, seed: 7 }, { in: 'rows' });
    await h.connection.execute('SET threads = 1');
    const b = await h.run('split', { fractions: { train: 0.8, test: 0.2 }, seed: 7 }, { in: 'shuffled' });
    await h.connection.execute('SET threads = 2');
    expect(multiset(b.train!.rows)).toEqual(multiset(a.train!.rows));
    expect(multiset(b.test!.rows)).toEqual(multiset(a.test!.rows));

    const other = await h.run('split', { fractions: { train: 0.8, test: 0.2 }, seed: 8 }, { in: 'rows' });
    expect(multiset(other.test!.rows)).not.toEqual(multiset(a.test!.rows));
  });

  it('draws independently for different seeds, even neighbouring ones', async () => {
    await h.table('distinct_rows', 'SELECT i FROM range(1000) r(i)');
    const testSet = async (seed: number) =>
      new Set((await h.run('split', { fractions: { train: 0.8, test: 0.2 }, seed }, { in: 'distinct_rows' })).test!.rows.map((r) => r.i));
    // Two independent 20% samples share about 20% of 200 = 40 rows (standard deviation about 5).
    for (const [s1, s2] of [[7, 8], [42, 43], [0, 1]] as const) {
      const [a, b] = [await testSet(s1), await testSet(s2)];
      const shared = [...a].filter((i) => b.has(i)).length;
      expect(shared, `seeds ${s1} and ${s2}`).toBeGreaterThan(20);
      expect(shared, `seeds ${s1} and ${s2}`).toBeLessThan(60);
    }
  });

  it('keeps the proportions exact within every stratum, NULL being one', async () => {
    await h.table(
      'strata',
      `SELECT i, CASE WHEN i < 10 THEN 'a' WHEN i < 15 THEN 'b' END AS "Species (name)" FROM range(18) r(i)`,
    );
    const parts = await h.run('split', { fractions: { train: 0.6, test: 0.4 }, seed: 3, stratify: 'species (NAME)' }, { in: 'strata' });
    const train = parts.train!.rows;
    const test = parts.test!.rows;
    // a: 10 → 6 + 4; b: 5 → 3 + 2; NULL: 3 → round(1.8) = 2 + 1.
    expect([count(train, 'Species (name)', 'a'), count(train, 'Species (name)', 'b'), count(train, 'Species (name)', null)]).toEqual([6, 3, 2]);
    expect([count(test, 'Species (name)', 'a'), count(test, 'Species (name)', 'b'), count(test, 'Species (name)', null)]).toEqual([4, 2, 1]);
    expect(multiset(train, test)).toEqual(multiset((await h.rows('SELECT * FROM strata')).rows));
  });

  it('splits by time: earliest rows to the first part, in time order, NULL times last', async () => {
    await h.table(
      'events',
      `SELECT * FROM (VALUES (5, TIMESTAMP '2024-01-05'), (1, TIMESTAMP '2024-01-01'), (8, NULL), (3, TIMESTAMP '2024-01-03'),
                              (7, TIMESTAMP '2024-01-07'), (2, TIMESTAMP '2024-01-02'), (6, TIMESTAMP '2024-01-06'), (4, TIMESTAMP '2024-01-04'))
         t(id, "When (UTC)")`,
    );
    const parts = await h.run('split', { fractions: { past: 0.75, future: 0.25 }, order_by: 'When (UTC)' }, { in: 'events' });
    expect(parts.past!.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parts.future!.rows.map((r) => r.id)).toEqual([7, 8]);
  });

  it('declares one output port per fraction, in the order given', () => {
    const def = defaultCatalogue.get('split')!;
    const params = h.parseParams('split', { fractions: { fit: 0.5, tune: 0.25, holdout: 0.25 } });
    expect(outputPorts(def, params).map((p) => p.name)).toEqual(['fit', 'tune', 'holdout']);
    expect(def.outputs.map((p) => p.name)).toEqual(['train', 'test']);
  });

  it('gives empty parts with the input columns for an empty input', async () => {
    await h.table('none', 'SELECT * FROM "rows" WHERE false');
    const parts = await h.run('split', { fractions: { train: 0.5, test: 0.5 }, stratify: 'id' }, { in: 'none' });
    expect(parts.train!.rows).toEqual([]);
    expect(parts.test!.columns.map((c) => c.name)).toEqual(['id', 'Label "y" (x)', '__split_row']);
  });

  it('explains bad fractions and columns', async () => {
    expect(() => h.parseParams('split', { fractions: { train: 0.8, test: 0.3 } })).toThrow(/must add up to 1, but they add up to 1.1/);
    expect(() => h.parseParams('split', { fractions: { all: 1 } })).toThrow(/at least two parts/);
    expect(() => h.parseParams('split', { fractions: { train: 1, test: 0 } })).toThrow(/more than 0/);
    expect(() => h.parseParams('split', { fractions: { 'my part': 0.5, test: 0.5 } })).toThrow(/part names must start with a letter/);
    expect(() => h.parseParams('split', { fractions: { a: 0.5, b: 0.5 }, stratify: 'x', order_by: 'y' })).toThrow(/stratify or order_by, not both/);
    expect(() => h.parseParams('split', { fractions: { a: 0.1, b: 0.2, c: 0.7 }, seed: 1 })).not.toThrow();
    await expect(h.run('split', { fractions: { a: 0.5, b: 0.5 }, stratify: 'label' }, { in: 'rows' })).rejects.toThrow(
      'Column "label" does not exist. Available columns: id, Label "y" (x), __split_row.',
    );
  });
});
