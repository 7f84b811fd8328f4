import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { classifyColumns, measureSql } from './column-kinds.js';

describe('column kinds', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
  });
  afterAll(() => db.close());

  it('gives every DuckDB type a profile kind, as DuckDB itself names the types', async () => {
    await connection.execute(`CREATE TABLE kinds (
      i INTEGER, u UBIGINT, h HUGEINT, uh UHUGEINT, d DECIMAL(38, 2), f FLOAT, x DOUBLE, b BOOLEAN,
      s VARCHAR, c VARCHAR COLLATE NOCASE, e ENUM('a', 'b'), j JSON,
      dt DATE, ts TIMESTAMP, tsn TIMESTAMP_NS, tz TIMESTAMPTZ, t TIME, ttz TIMETZ,
      l INTEGER[], a INTEGER[3], st STRUCT(k INTEGER), m MAP(VARCHAR, INTEGER), bl BLOB, iv INTERVAL, id UUID, bits BIT)`);
    const columns = classifyColumns(await connection.describe('"kinds"'));
    expect(Object.fromEntries(columns.map((c) => [c.name, c.kind]))).toEqual({
      i: 'number', u: 'number', h: 'number', uh: 'number', d: 'number', f: 'number', x: 'number', b: 'boolean',
      s: 'text', c: 'text', e: 'text', j: 'text',
      dt: 'date', ts: 'timestamp', tsn: 'timestamp', tz: 'timestamp', t: 'time', ttz: 'time',
      l: 'other', a: 'other', st: 'other', m: 'other', bl: 'other', iv: 'other', id: 'other', bits: 'other',
    });
    expect(columns.find((c) => c.name === 'h')?.storage).toBe('huge');
    expect(columns.find((c) => c.name === 'tz')?.withTimeZone).toBe(true);
    expect(columns.find((c) => c.name === 'ts')?.withTimeZone).toBe(false);
  });

  it('quotes awkward names in the SQL it generates', () => {
    const [column] = classifyColumns([{ name: 'Beak "Length" (mm)', type: 'DOUBLE' }]);
    expect(column?.sql).toBe('"Beak ""Length"" (mm)"');
  });

  it('measures dates in days and timestamps in microseconds, with NULL for infinities and NaN', async () => {
    const [date, ts, tz, x] = classifyColumns([
      { name: 'a date', type: 'DATE' },
      { name: 'ts', type: 'TIMESTAMP' },
      { name: 'tz', type: 'TIMESTAMP WITH TIME ZONE' },
      { name: 'x', type: 'DOUBLE' },
    ]);
    const { rows } = await connection.query(`SELECT ${measureSql(date!)} AS d, ${measureSql(ts!)} AS t, ${measureSql(tz!)} AS z, ${measureSql(x!)} AS x
      FROM (VALUES (DATE '2024-01-02', TIMESTAMP '1970-01-01 00:00:01.5', TIMESTAMPTZ '1970-01-01 02:00:00+02', 'NaN'::DOUBLE),
                   ('infinity'::DATE, '-infinity'::TIMESTAMP, 'infinity'::TIMESTAMPTZ, 'inf'::DOUBLE)) v("a date", ts, tz, x)`);
    expect(rows).toEqual([
      { d: 19724, t: 1_500_000, z: 0, x: null },
      { d: null, t: null, z: null, x: null },
    ]);
  });
});
