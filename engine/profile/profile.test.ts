import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type Connection } from '../duckdb/database.js';
import { profileRelation } from './profile.js';
import type { ColumnProfile, TableProfile } from './profile-types.js';

const column = (profile: TableProfile, name: string): ColumnProfile => {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
};

describe('profileRelation', () => {
  let db: Database;
  let connection: Connection;
  beforeAll(async () => {
    db = await Database.open({ path: ':memory:', threads: 2, memoryLimit: '1GB' });
    connection = await db.connect();
    await connection.execute(`CREATE TABLE penguins AS SELECT
        CASE WHEN i % 10 = 0 THEN NULL ELSE 30 + (i % 25) END::DOUBLE AS "Beak Length (mm)",
        ['Adelie', 'Gentoo', 'Chinstrap', 'O''Brien'][1 + i % 4] AS "say ""hi""",
        i % 3 = 0 AS "is (big)",
        CASE WHEN i = 7 THEN 'NaN'::DOUBLE WHEN i = 8 THEN 'inf'::DOUBLE ELSE i / 4 END AS ratio,
        9007199254740993::HUGEINT + i AS huge,
        (i / 7)::DECIMAL(10, 2) AS price,
        DATE '2024-01-01' + (i % 30)::INTEGER AS day,
        TIMESTAMPTZ '2024-03-01 12:00:00+00' + to_seconds(i * 60) AS seen,
        [i % 3, 1] AS tags,
        {'a': i % 2} AS props,
        MAP {'k': i % 2} AS m,
        ('x' || (i % 2))::BLOB AS raw,
        to_days(i % 4) AS span,
        NULL::VARCHAR AS nothing
      FROM range(200) r(i)`);
  });
  afterAll(() => db.close());

  it('profiles every column of an awkward table without failing on any of them', async () => {
    const profile = await profileRelation(connection, '"penguins"');
    expect(profile).toMatchObject({ rowCount: 200, sampled: false });
    expect(profile.columns.map((c) => c.name)).toHaveLength(14);
    expect(profile.columns.filter((c) => c.error !== undefined)).toEqual([]);

    expect(column(profile, 'Beak Length (mm)')).toMatchObject({
      kind: 'number', count: 180, nulls: 20, null_share: 0.1, distinct: 25, distinct_approx: false, min: 30, max: 54,
    });
    expect(column(profile, 'Beak Length (mm)').histogram!.reduce((sum, bin) => sum + bin.count, 0)).toBe(180);

    const hi = column(profile, 'say "hi"');
    expect(hi).toMatchObject({ kind: 'text', distinct: 4, min: 'Adelie', max: "O'Brien", min_length: 6, max_length: 9 });
    expect(hi.top_values).toEqual([
      { value: 'Adelie', count: 50 }, { value: 'Chinstrap', count: 50 }, { value: 'Gentoo', count: 50 }, { value: "O'Brien", count: 50 },
    ]);
    expect(hi.histogram).toBeUndefined();

    expect(column(profile, 'is (big)')).toMatchObject({ kind: 'boolean', distinct: 2, top_values: [{ value: false, count: 133 }, { value: true, count: 67 }] });
    expect(column(profile, 'is (big)').mean).toBeCloseTo(67 / 200);

    expect(column(profile, 'ratio')).toMatchObject({ count: 200, non_finite: 2, min: 0, max: 49.75 });
    expect(column(profile, 'ratio').histogram!.reduce((sum, bin) => sum + bin.count, 0)).toBe(198);

    expect(column(profile, 'huge')).toMatchObject({ min: '9007199254740993', max: '9007199254741192', distinct: 200 });
    expect(typeof column(profile, 'huge').mean).toBe('number');
    expect(column(profile, 'price')).toMatchObject({ kind: 'number', min: 0, max: 28.43 });

    expect(column(profile, 'day')).toMatchObject({ kind: 'date', min: '2024-01-01', max: '2024-01-30', distinct: 30 });
    expect(column(profile, 'day').histogram![0]).toMatchObject({ lower: '2024-01-01', upper: '2024-01-03' });
    expect(column(profile, 'seen')).toMatchObject({ kind: 'timestamp', min: '2024-03-01T12:00:00Z', max: '2024-03-01T15:19:00Z' });
    expect(column(profile, 'seen').quantiles!.p50).toBe('2024-03-01T13:39:00Z');

    for (const name of ['tags', 'props', 'm', 'raw', 'span']) {
      expect(column(profile, name)).toMatchObject({ kind: 'other', count: 200, nulls: 0, min: null, max: null });
    }
    expect(column(profile, 'tags').distinct).toBe(3);
    expect(column(profile, 'props').distinct).toBe(2);
    expect(column(profile, 'm').distinct).toBe(2);
    expect(column(profile, 'span').distinct).toBe(4);

    expect(column(profile, 'nothing')).toMatchObject({ count: 0, nulls: 200, null_share: 1, distinct: 0, min: null, top_values: [] });
  });

  it('copes with the rarer DuckDB types without an error on any column', async () => {
    await connection.execute(`CREATE TABLE rare (
      u UNION(n INTEGER, s VARCHAR), bits BIT, arr INTEGER[3], big BIGNUM, id UUID, mood ENUM('sad', 'ok', 'happy'),
      ttz TIMETZ, j JSON, ns TIMESTAMP_NS, nested STRUCT(a INTEGER[], b MAP(VARCHAR, DOUBLE))[], nocase VARCHAR COLLATE NOCASE,
      f FLOAT, tiny TINYINT, uh UHUGEINT)`);
    await connection.execute(`INSERT INTO rare VALUES
      (1, '101', [1, 2, 3], 123456789012345678901234567890, '00000000-0000-0000-0000-000000000001', 'happy', '12:00:00+02', '{"a": 1}',
       '2024-01-01 00:00:00.123456789', [{'a': [1], 'b': MAP {'x': 1.5}}], 'Abc', 0.1, -128, 340282366920938463463374607431768211455),
      ('x', '0', [4, 5, 6], -1, '00000000-0000-0000-0000-000000000002', 'sad', '01:00:00+00', '[1, 2]',
       '2024-01-01 00:00:01', [], 'abc', 'NaN', 127, 0),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`);
    const profile = await profileRelation(connection, '"rare"');
    expect(profile.columns.filter((c) => c.error !== undefined)).toEqual([]);
    expect(profile.columns.every((c) => c.count === 2 && c.nulls === 1)).toBe(true);
    // The NOCASE collation makes 'Abc' and 'abc' one value, as everywhere else in DuckDB.
    expect(profile.columns.filter((c) => c.distinct !== 2).map((c) => [c.name, c.distinct])).toEqual([['nocase', 1]]);
    expect(column(profile, 'mood')).toMatchObject({ kind: 'text', min: 'happy', max: 'sad', top_values: [{ value: 'sad', count: 1 }, { value: 'happy', count: 1 }] });
    expect(column(profile, 'ns')).toMatchObject({ kind: 'timestamp', min: '2024-01-01T00:00:00.123456', max: '2024-01-01T00:00:01' });
    expect(column(profile, 'f')).toMatchObject({ non_finite: 1, histogram: [{ count: 1 }] });
    expect(column(profile, 'tiny')).toMatchObject({ min: -128, max: 127 });
    expect(column(profile, 'uh')).toMatchObject({ min: 0, max: '340282366920938463463374607431768211455' });
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });

  it('produces plain JSON: what the CLI prints reads back identical', async () => {
    const profile = await profileRelation(connection, '"penguins"');
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });

  it('profiles an empty relation as zero rows with no histograms', async () => {
    const profile = await profileRelation(connection, '(SELECT * FROM penguins WHERE false)');
    expect(profile.rowCount).toBe(0);
    for (const c of profile.columns) {
      expect(c).toMatchObject({ count: 0, nulls: 0, null_share: 0, distinct: 0, min: null });
      expect(c.histogram).toBeUndefined();
      expect(c.quantiles).toBeUndefined();
    }
  });

  it('profiles a sample when asked and the relation is bigger, and cleans the sample up', async () => {
    const profile = await profileRelation(connection, '"penguins"', { sampleRows: 50 });
    expect(profile).toMatchObject({ rowCount: 200, sampled: true });
    // A Bernoulli sample: about 50 rows, and the counts are the sample's.
    expect(profile.sampleRows).toBeGreaterThan(25);
    expect(profile.sampleRows).toBeLessThan(75);
    expect(column(profile, 'Beak Length (mm)').count + column(profile, 'Beak Length (mm)').nulls).toBe(profile.sampleRows);
    const again = await profileRelation(connection, '"penguins"', { sampleRows: 50 });
    expect(again.columns).toEqual(profile.columns);
    const { rows } = await connection.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'millrace_profile_sample%'`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('profiles everything when the sample would hold the whole relation', async () => {
    const profile = await profileRelation(connection, '"penguins"', { sampleRows: 1000 });
    expect(profile).toMatchObject({ rowCount: 200, sampled: false });
    expect(profile.sampleRows).toBeUndefined();
  });

  it('follows the histogram and top-value options', async () => {
    const profile = await profileRelation(connection, '"penguins"', { histogramBins: 3, topValues: 1 });
    expect(column(profile, 'ratio').histogram).toHaveLength(3);
    expect(column(profile, 'say "hi"').top_values).toEqual([{ value: 'Adelie', count: 50 }]);
    const none = await profileRelation(connection, '"penguins"', { topValues: 0 });
    expect(column(none, 'say "hi"')).toMatchObject({ distinct: 4 });
    expect(column(none, 'say "hi"').top_values).toBeUndefined();
    await expect(profileRelation(connection, '"penguins"', { histogramBins: 0 })).rejects.toThrow(/histogramBins/);
  });

  it('stops with an AbortError when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(profileRelation(connection, '"penguins"', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('interrupts a running query when cancelled, and leaves the connection usable', async () => {
    const controller = new AbortController();
    const slow = '(SELECT a.range * b.range AS x, (a.range + b.range)::VARCHAR AS s FROM range(6000) a, range(6000) b)';
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    await expect(profileRelation(connection, slow, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await connection.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('names the relation in the error when it does not exist', async () => {
    await expect(profileRelation(connection, '"no such table"')).rejects.toThrow(/no such table/);
  });
});
