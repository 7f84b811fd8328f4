import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';
import { PSI_EPSILON } from './drift-sql.js';

/** PSI from bin shares, written out independently of the SQL. */
function psi(reference: number[], current: number[]): number {
  return reference.reduce((sum, r, i) => {
    const a = Math.max(r, PSI_EPSILON);
    const b = Math.max(current[i] ?? 0, PSI_EPSILON);
    return sum + (b - a) * Math.log(b / a);
  }, 0);
}

describe('drift', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    // Reference 1..10; current 6..15: half the current values lie above every reference value.
    await h.table(
      'ref',
      `SELECT range AS "Beak Length (mm)", CASE WHEN range % 2 = 0 THEN 'a' ELSE 'b' END AS "O'Island",
              DATE '2024-01-01' + range::INTEGER AS day, range::HUGEINT * 10000000000000000000 AS huge, [range] AS tags
       FROM range(1, 11)`,
    );
    await h.table(
      'cur',
      `SELECT range AS "Beak Length (mm)", CASE WHEN range < 15 THEN 'a' ELSE 'b' END AS "O'Island",
              DATE '2024-01-01' + range::INTEGER AS day, range::HUGEINT * 10000000000000000000 AS huge, [range] AS tags
       FROM range(6, 16)`,
    );
    await h.table('ref_with_nulls', `SELECT * FROM ref UNION ALL SELECT NULL, NULL, NULL, NULL, NULL FROM range(10)`);
    await h.table('cur_empty', 'SELECT * FROM cur WHERE false');
    await h.table('cur_text', `SELECT CAST("Beak Length (mm)" AS VARCHAR) AS "Beak Length (mm)" FROM cur`);
  });
  afterAll(() => h.close());

  it('finds no drift between a table and itself', async () => {
    const { out, report } = await h.run('drift', { method: 'psi' }, { reference: 'ref', current: 'ref' });
    expect(out!.columns).toEqual([
      { name: 'column', type: 'VARCHAR' },
      { name: 'method', type: 'VARCHAR' },
      { name: 'statistic', type: 'DOUBLE' },
      { name: 'threshold', type: 'DOUBLE' },
      { name: 'drifted', type: 'BOOLEAN' },
    ]);
    expect(out!.rows).toEqual([
      { column: 'Beak Length (mm)', method: 'psi', statistic: 0, threshold: 0.2, drifted: false },
      { column: "O'Island", method: 'psi', statistic: 0, threshold: 0.2, drifted: false },
      { column: 'day', method: 'psi', statistic: 0, threshold: 0.2, drifted: false },
      { column: 'huge', method: 'psi', statistic: 0, threshold: 0.2, drifted: false },
    ]);
    expect(report!.onFail).toBe('warn');
    expect(report!.results[0]).toEqual({ check: 'psi', column: 'Beak Length (mm)', passed: true, detail: 'PSI 0 is within the threshold 0.2', value: 0 });
    expect(h.logs.at(-1)).toMatch(/skipped columns .*tags \(BIGINT\[\]\)/);
  });

  it('computes PSI over the reference deciles, with empty bins counted as a small epsilon', async () => {
    const { out, report } = await h.run('drift', { columns: ['Beak Length (mm)', "O'Island"] }, { reference: 'ref', current: 'cur' });
    // Each reference value is its own decile bin; current values 6..9 fill bins 6..9 and 10..15 all land in the top bin.
    const numeric = psi(Array(10).fill(0.1), [0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.6]);
    const text = psi([0.5, 0.5], [0.9, 0.1]);
    expect(out!.rows.map((r) => r.statistic)).toEqual([expect.closeTo(numeric, 12), expect.closeTo(text, 12)]);
    expect(out!.rows.map((r) => r.drifted)).toEqual([true, true]);
    expect(report!.results[1]).toMatchObject({ check: 'psi', column: "O'Island", passed: false, detail: 'PSI 0.879 is above the threshold 0.2: the distribution has shifted' });
  });

  it('uses as many quantile bins as asked', async () => {
    const { out } = await h.run('drift', { columns: ['Beak Length (mm)'], bins: 2 }, { reference: 'ref', current: 'cur' });
    expect(out!.rows[0]!.statistic).toBeCloseTo(psi([0.5, 0.5], [0, 1]), 12);
  });

  it('computes KS as the largest gap between the two empirical distributions, for numbers and dates', async () => {
    const { out, report } = await h.run('drift', { method: 'ks', columns: ['Beak Length (mm)', 'day', 'huge', "O'Island"] }, { reference: 'ref', current: 'cur' });
    expect(out!.rows).toEqual([
      { column: 'Beak Length (mm)', method: 'ks', statistic: 0.5, threshold: 0.1, drifted: true },
      { column: 'day', method: 'ks', statistic: 0.5, threshold: 0.1, drifted: true },
      { column: 'huge', method: 'ks', statistic: 0.5, threshold: 0.1, drifted: true },
      // KS needs an order: a text column is measured with PSI and PSI's default threshold.
      { column: "O'Island", method: 'psi', statistic: expect.closeTo(psi([0.5, 0.5], [0.9, 0.1]), 12), threshold: 0.2, drifted: true },
    ]);
    expect(report!.results[3]!.detail).toMatch(/KS needs numbers, so this text column is compared with PSI/);
  });

  it('counts missing values as a bin of their own for PSI, while KS ignores them', async () => {
    const { out } = await h.run('drift', { columns: ['Beak Length (mm)'] }, { reference: 'ref', current: 'ref_with_nulls' });
    expect(out!.rows[0]!.statistic).toBeCloseTo(psi([...Array(10).fill(0.1), 0], [...Array(10).fill(0.05), 0.5]), 12);
    const ks = await h.run('drift', { columns: ['Beak Length (mm)'], method: 'ks' }, { reference: 'ref', current: 'ref_with_nulls' });
    expect(ks.out!.rows[0]!.statistic).toBe(0);
  });

  it('applies a custom threshold', async () => {
    const { out } = await h.run('drift', { columns: ['Beak Length (mm)', "O'Island"], threshold: 1 }, { reference: 'ref', current: 'cur' });
    expect(out!.rows.map((r) => [r.threshold, r.drifted])).toEqual([
      [1, true],
      [1, false],
    ]);
  });

  it('reports a column it cannot measure because one side has no rows', async () => {
    const { out, report } = await h.run('drift', { columns: ['Beak Length (mm)', "O'Island"] }, { reference: 'ref', current: 'cur_empty' });
    expect(out!.rows.map((r) => [r.statistic, r.drifted])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(report!.results[0]).toMatchObject({ passed: false, detail: expect.stringMatching(/could not be computed/) });
    const ks = await h.run('drift', { columns: ['Beak Length (mm)'], method: 'ks' }, { reference: 'cur_empty', current: 'cur' });
    expect(ks.out!.rows[0]!.statistic).toBeNull();
  });

  it('explains columns it cannot compare', async () => {
    await expect(h.run('drift', { columns: ['nope'] }, { reference: 'ref', current: 'cur' })).rejects.toThrow(/Column "nope" does not exist in the reference table/);
    await expect(h.run('drift', { columns: ['tags'] }, { reference: 'ref', current: 'cur' })).rejects.toThrow(/"tags" is BIGINT\[\]: drift compares/);
    await expect(h.run('drift', { columns: ['Beak Length (mm)'] }, { reference: 'ref', current: 'cur_text' })).rejects.toThrow(
      /"Beak Length \(mm\)" is BIGINT in the reference but VARCHAR in the current table/,
    );
  });

  it('rejects a non-positive threshold and too few bins', () => {
    expect(() => h.parseParams('drift', { threshold: 0 })).toThrow();
    expect(() => h.parseParams('drift', { bins: 1 })).toThrow();
    expect(h.parseParams('drift', {})).toEqual({ method: 'psi', bins: 10, on_fail: 'warn' });
  });
});
