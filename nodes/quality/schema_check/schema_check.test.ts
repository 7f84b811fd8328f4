import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';
import { canonicalType, typeMatches } from './type-names.js';

describe('schema_check', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT 1::INTEGER AS id, 'Adelie' AS "Species ""name""", 39.1::DOUBLE AS "Beak Length (mm)", 9007199254740993::BIGINT AS big,
              TIMESTAMP '2024-01-02 03:04:05' AS seen, true AS alive, 12.5::DECIMAL(10,2) AS price, [1, 2] AS tags`,
    );
  });
  afterAll(() => h.close());

  it('passes the table through and accepts type aliases', async () => {
    const { out, report } = await h.run(
      'schema_check',
      {
        columns: {
          id: 'INT',
          'Species "name"': 'STRING',
          'Beak Length (mm)': 'FLOAT8',
          big: 'INT8',
          seen: 'DATETIME',
          alive: 'BOOL',
          price: 'DECIMAL',
          tags: 'INT4[]',
        },
      },
      { in: 'birds' },
    );
    expect(out!.rows).toHaveLength(1);
    expect(report!.onFail).toBe('error');
    expect(report!.results.filter((r) => !r.passed)).toEqual([]);
    expect(report!.results[0]).toEqual({ check: 'type', column: 'id', passed: true, detail: 'INTEGER as expected' });
  });

  it('fails a wrong type and a missing column, saying what it expected and found', async () => {
    const { report } = await h.run('schema_check', { columns: { id: 'VARCHAR', species: 'VARCHAR', price: 'DECIMAL(10,3)' }, on_fail: 'warn' }, { in: 'birds' });
    expect(report!.onFail).toBe('warn');
    expect(report!.results).toEqual([
      { check: 'type', column: 'id', passed: false, detail: 'expected VARCHAR, found INTEGER' },
      {
        check: 'exists', column: 'species', passed: false,
        detail: 'column is missing; the table has id, Species "name", Beak Length (mm), big, seen, alive, price, tags',
      },
      { check: 'type', column: 'price', passed: false, detail: 'expected DECIMAL(10,3), found DECIMAL(10,2)' },
    ]);
  });

  it('points out a column whose name differs only in case', async () => {
    const { report } = await h.run('schema_check', { columns: { ID: 'INTEGER' } }, { in: 'birds' });
    expect(report!.results[0]!.detail).toMatch(/there is "id", which differs only in upper\/lower case/);
  });

  it('in strict mode fails on columns that are not listed', async () => {
    const { report } = await h.run('schema_check', { columns: { id: 'INTEGER', big: 'BIGINT' }, strict: true }, { in: 'birds' });
    expect(report!.results.at(-1)).toEqual({
      check: 'strict',
      passed: false,
      detail: '6 unexpected columns: Species "name", Beak Length (mm), seen, alive, price, tags',
      examples: ['Species "name"', 'Beak Length (mm)', 'seen', 'alive', 'price'],
    });
    const all = { id: 'INTEGER', 'Species "name"': 'VARCHAR', 'Beak Length (mm)': 'DOUBLE', big: 'BIGINT', seen: 'TIMESTAMP', alive: 'BOOLEAN', price: 'DECIMAL(10,2)', tags: 'INTEGER[]' };
    const strictPass = await h.run('schema_check', { columns: all, strict: true }, { in: 'birds' });
    expect(strictPass.report!.results.every((r) => r.passed)).toBe(true);
  });

  it('normalises type names the way people write them', () => {
    expect(canonicalType(' int4 ')).toBe('INTEGER');
    expect(canonicalType('varchar(20)')).toBe('VARCHAR');
    expect(canonicalType('numeric(10, 2)')).toBe('DECIMAL(10,2)');
    expect(canonicalType('DECIMAL(10)')).toBe('DECIMAL(10,0)');
    expect(canonicalType('timestamptz')).toBe('TIMESTAMP WITH TIME ZONE');
    expect(canonicalType('double   precision')).toBe('DOUBLE');
    expect(typeMatches('REAL', 'FLOAT')).toBe(true);
    expect(typeMatches('FLOAT', 'DOUBLE')).toBe(false);
    expect(typeMatches('DECIMAL', 'DECIMAL(18,3)')).toBe(true);
    expect(typeMatches('DECIMAL[]', 'DECIMAL(18,3)')).toBe(false);
    expect(typeMatches('TEXT[]', 'VARCHAR[]')).toBe(true);
  });

  it('rejects an empty column map and a malformed type name', () => {
    expect(() => h.parseParams('schema_check', { columns: {} })).toThrow(/at least one column/);
    expect(() => h.parseParams('schema_check', { columns: { a: 'INT; DROP' } })).toThrow(/DuckDB type name/);
  });
});
