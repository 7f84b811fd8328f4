import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('sample', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    // 10 000 rows with awkward names and NULLs in every other row.
    await h.table(
      'birds',
      `SELECT range AS id, CASE WHEN range % 2 = 0 THEN NULL ELSE 'O''Brien' END AS "say ""hi""",
              CASE WHEN range % 3 = 0 THEN NULL ELSE range / 10 END AS "Beak Length (mm)"
         FROM range(10000)`,
    );
    await h.table('reversed', `SELECT * FROM birds ORDER BY id DESC`);
  });
  afterAll(() => h.close());

  const ids = async (params: object, input = 'birds') => (await h.run('sample', params, { in: input })).out!.rows.map((r) => r.id as number);

  it('keeps exactly count rows, in input order', async () => {
    const picked = await ids({ count: 100, seed: 1 });
    expect(picked).toHaveLength(100);
    expect(new Set(picked).size).toBe(100);
    expect(picked).toEqual([...picked].sort((a, b) => a - b));
  });

  it('keeps every row when count exceeds the table', async () => {
    expect(await ids({ count: 20000 })).toHaveLength(10000);
  });

  it('keeps about the given fraction of rows', async () => {
    const picked = await ids({ fraction: 0.3, seed: 5 });
    // Binomial(10000, 0.3) has a standard deviation of about 46.
    expect(picked.length).toBeGreaterThan(2700);
    expect(picked.length).toBeLessThan(3300);
    expect(await ids({ fraction: 1 })).toHaveLength(10000);
    expect(await ids({ fraction: 0 })).toHaveLength(0);
  });

  it('picks the same rows for the same seed, even when the input comes in another order', async () => {
    const first = await ids({ count: 50, seed: 123 });
    expect(await ids({ count: 50, seed: 123 })).toEqual(first);
    expect(await ids({ count: 50, seed: 123 }, 'reversed')).toEqual([...first].reverse());
    const byFraction = await ids({ fraction: 0.1, seed: 9 });
    expect(await ids({ fraction: 0.1, seed: 9 })).toEqual(byFraction);
  });

  it('picks unrelated rows for different seeds', async () => {
    const a = new Set(await ids({ fraction: 0.5, seed: 42 }));
    const b = await ids({ fraction: 0.5, seed: 43 });
    const both = b.filter((id) => a.has(id)).length;
    // Independent halves share about a quarter of the rows (2500), not half.
    expect(both).toBeGreaterThan(2200);
    expect(both).toBeLessThan(2800);
    expect(await ids({ count: 10, seed: 1 })).not.toEqual(await ids({ count: 10, seed: 2 }));
  });

  it('samples identical rows independently of each other', async () => {
    await h.table('copies', `SELECT 1 AS id, NULL AS "Beak Length (mm)" FROM range(1000)`);
    const picked = await ids({ fraction: 0.5, seed: 3 }, 'copies');
    expect(picked.length).toBeGreaterThan(400);
    expect(picked.length).toBeLessThan(600);
    expect(await ids({ count: 7 }, 'copies')).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('keeps the columns of its input, also for an empty table', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('sample', { count: 5 }, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.name)).toEqual(['id', 'say "hi"', 'Beak Length (mm)']);
  });

  it('needs exactly one of fraction and count', () => {
    expect(() => h.parseParams('sample', { fraction: 0.1, count: 5 })).toThrow(/either `fraction` or `count`, not both/);
    expect(() => h.parseParams('sample', {})).toThrow(/either `fraction` or `count`/);
    expect(() => h.parseParams('sample', { fraction: 1.5 })).toThrow();
    expect(h.parseParams('sample', { count: 5 })).toEqual({ count: 5, seed: 42 });
  });
});
