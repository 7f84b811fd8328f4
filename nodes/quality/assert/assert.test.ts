import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('assert', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
        (1, 'Adelie', 'Dream', 39.1, 'AB-1', TIMESTAMP '2024-01-02 03:04:05', 9007199254740993::BIGINT),
        (2, 'Gentoo', 'Biscoe', 47.5, 'AB-2', TIMESTAMP '2024-02-01 00:00:00', 9007199254740993::BIGINT),
        (3, NULL, 'Dream', 52.0, 'ab-3', NULL, 9007199254740995::BIGINT),
        (4, 'Adelie', 'Mars', NULL, NULL, TIMESTAMP '2030-01-01 00:00:00', 9007199254740995::BIGINT),
        (5, NULL, NULL, 120.0, 'AB-5', TIMESTAMP '2024-03-01 00:00:00', 1::BIGINT)
      ) t(id, "Species ""name""", "O'Island", "Beak Length (mm)", code, seen, big)`,
    );
    await h.table('empty', 'SELECT * FROM birds WHERE false');
  });
  afterAll(() => h.close());

  it('passes the table through unchanged', async () => {
    const { out } = await h.run('assert', { checks: [{ column: 'id', check: 'not_null' }] }, { in: 'birds' });
    expect(out!.rows).toEqual((await h.rows('SELECT * FROM birds')).rows);
  });

  it('reports every check as passed on clean data, with on_fail error by default', async () => {
    const { report } = await h.run(
      'assert',
      {
        checks: [
          { column: 'id', check: 'not_null' },
          { column: 'id', check: 'unique' },
          { column: 'id', check: 'between', min: 1, max: 5 },
          { column: 'id', check: 'in_set', values: [1, 2, 3, 4, 5] },
          { column: 'code', check: 'matches', pattern: '(?i)ab-[0-9]' },
        ],
        row_count: { min: 1, max: 5 },
      },
      { in: 'birds' },
    );
    expect(report!.onFail).toBe('error');
    expect(report!.results.every((r) => r.passed)).toBe(true);
    expect(report!.results.map((r) => r.detail)).toEqual([
      'no NULLs',
      'no value appears twice',
      'every value is between 1 and 5',
      'every value is in the allowed set',
      'every value matches the pattern (?i)ab-[0-9]',
      '5 rows; expected at least 1 and at most 5',
    ]);
  });

  it('counts failing rows and shows offending values for each kind of check', async () => {
    const { report } = await h.run(
      'assert',
      {
        checks: [
          { column: 'Species "name"', check: 'not_null' },
          { column: 'big', check: 'unique' },
          { column: 'Beak Length (mm)', check: 'between', min: 30, max: 60 },
          { column: "O'Island", check: 'in_set', values: ['Dream', 'Biscoe', 'Torgersen'] },
          { column: 'code', check: 'matches', pattern: 'AB-[0-9]+' },
          { column: 'seen', check: 'between', max: '2025-01-01' },
        ],
        row_count: { max: 3 },
        on_fail: 'warn',
      },
      { in: 'birds' },
    );
    expect(report!.onFail).toBe('warn');
    expect(report!.results).toEqual([
      { check: 'not_null', column: 'Species "name"', passed: false, detail: '2 of 5 rows are NULL', failingRows: 2 },
      {
        check: 'unique', column: 'big', passed: false, detail: '2 rows repeat values already seen in the column', failingRows: 2,
        examples: ['9007199254740993', '9007199254740995'],
      },
      { check: 'between', column: 'Beak Length (mm)', passed: false, detail: '1 of 5 rows is not between 30 and 60', failingRows: 1, examples: [120] },
      {
        check: 'in_set', column: "O'Island", passed: false, failingRows: 1, examples: ['Mars'],
        detail: '1 of 5 rows has a value outside the allowed set (Dream, Biscoe, Torgersen)',
      },
      {
        check: 'matches', column: 'code', passed: false, failingRows: 1, examples: ['ab-3'],
        detail: '1 of 5 rows does not match the pattern AB-[0-9]+ (the whole value must match)',
      },
      { check: 'between', column: 'seen', passed: false, detail: '1 of 5 rows is not at most 2025-01-01', failingRows: 1, examples: ['2030-01-01 00:00:00'] },
      { check: 'row_count', passed: false, detail: '5 rows; expected at most 3', value: 5 },
    ]);
  });

  it('shows at most five examples, most repeated first for unique', async () => {
    await h.table('many', `SELECT range % 7 AS v FROM range(100)`);
    const { report } = await h.run(
      'assert',
      { checks: [{ column: 'v', check: 'unique' }, { column: 'v', check: 'in_set', values: [0] }] },
      { in: 'many' },
    );
    expect(report!.results[0]).toMatchObject({ failingRows: 93, examples: [0, 1, 2, 3, 4] });
    expect(report!.results[1]).toMatchObject({ failingRows: 85, examples: [1, 2, 3, 4, 5] });
  });

  it('treats NULL as allowed when it is listed in in_set', async () => {
    const { report } = await h.run('assert', { checks: [{ column: "O'Island", check: 'in_set', values: ['Dream', 'Biscoe', 'Mars', null] }] }, { in: 'birds' });
    expect(report!.results[0]).toMatchObject({ passed: true, failingRows: 0 });
  });

  it('passes column checks on an empty table but fails a minimum row count', async () => {
    const { report } = await h.run(
      'assert',
      { checks: [{ column: 'id', check: 'not_null' }, { column: 'id', check: 'unique' }], row_count: { min: 1 } },
      { in: 'empty' },
    );
    expect(report!.results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(report!.results[2]!.detail).toBe('0 rows; expected at least 1');
  });

  it('names a missing column and lists the available ones', async () => {
    await expect(h.run('assert', { checks: [{ column: 'species', check: 'not_null' }] }, { in: 'birds' })).rejects.toThrow(
      /Column "species" does not exist in the input\. Available columns: id, Species "name", O'Island/,
    );
  });

  it('validates each check kind through its param schema', () => {
    const parse = (check: object) => () => h.parseParams('assert', { checks: [{ column: 'a', ...check }] });
    expect(parse({ check: 'between' })).toThrow(/needs `min`, `max` or both/);
    expect(parse({ check: 'between', min: 5, max: 1 })).toThrow(/must not be smaller/);
    expect(parse({ check: 'in_set' })).toThrow(/needs `values`/);
    expect(parse({ check: 'in_set', values: [] })).toThrow(/at least one allowed value/);
    expect(parse({ check: 'matches' })).toThrow(/needs `pattern`/);
    expect(parse({ check: 'not_null', values: [1] })).toThrow(/`values` does not apply to a not_null check/);
    expect(parse({ check: 'sorted' })).toThrow();
    expect(() => h.parseParams('assert', { row_count: {} })).toThrow(/give `min`, `max` or both/);
    expect(h.parseParams('assert', {})).toEqual({ checks: [], on_fail: 'error' });
  });
});
