import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

const ALL = ['year', 'quarter', 'month', 'week', 'day', 'dayofyear', 'dow', 'hour', 'minute', 'second', 'epoch'];
const WHEN = 'Ordered at (UTC)';

describe('date_parts', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'orders',
      `SELECT * FROM (VALUES
         (1, TIMESTAMP '2024-03-03 13:45:30.75', DATE '2024-03-03', TIMESTAMPTZ '2024-01-01 00:30:00+02', '2024-03-03 13:45:30', 5),
         (2, NULL, NULL, NULL, NULL, NULL),
         (3, TIMESTAMP '1969-12-31 23:59:59.5', DATE '1969-12-31', TIMESTAMPTZ '1970-01-01 00:00:00+00', '1969-12-31', 6)
       ) t(id, "Ordered at (UTC)", d, tz, "text ""date""", n)`,
    );
  });
  afterAll(() => h.close());

  it('adds every part of a timestamp as an integer column named <column>_<part>', async () => {
    const { out } = await h.run('date_parts', { column: WHEN, parts: ALL }, { in: 'orders' });
    const added = out!.columns.slice(6);
    expect(added.map((c) => c.name)).toEqual(ALL.map((p) => `${WHEN}_${p}`));
    expect(added.map((c) => c.type)).toEqual([...ALL.slice(0, -1).map(() => 'INTEGER'), 'BIGINT']);
    const parts = out!.rows.map((r) => ALL.map((p) => r[`${WHEN}_${p}`]));
    // 2024-03-03 is a Sunday (dow 0) in ISO week 9, the 63rd day of a leap year; 13:45:30 UTC is 1709473530.
    expect(parts[0]).toEqual([2024, 1, 3, 9, 3, 63, 0, 13, 45, 30, 1709473530]);
    expect(parts[1]).toEqual(ALL.map(() => null));
    // Half a second before 1970: epoch rounds down to -1; the Wednesday belongs to ISO week 1 of 1970.
    expect(parts[2]).toEqual([1969, 4, 12, 1, 31, 365, 3, 23, 59, 59, -1]);
  });

  it('gives zero times for a DATE column', async () => {
    const { out } = await h.run('date_parts', { column: 'd', parts: ['dow', 'hour', 'epoch'] }, { in: 'orders' });
    expect(out!.rows.map((r) => [r.d_dow, r.d_hour, r.d_epoch])).toEqual([
      [0, 0, 1709424000],
      [null, null, null],
      [3, 0, -86400],
    ]);
  });

  it('reads a TIMESTAMPTZ in UTC whatever the session time zone', async () => {
    await h.connection.execute(`SET TimeZone = 'Asia/Tokyo'`);
    try {
      const { out } = await h.run('date_parts', { column: 'tz', parts: ['year', 'day', 'hour', 'epoch'] }, { in: 'orders' });
      expect(out!.rows.map((r) => [r.tz_year, r.tz_day, r.tz_hour, r.tz_epoch])).toEqual([
        [2023, 31, 22, 1704061800],
        [null, null, null, null],
        [1970, 1, 0, 0],
      ]);
    } finally {
      await h.connection.execute(`SET TimeZone = 'UTC'`);
    }
  });

  it('reads text that holds dates as timestamps, and fails the run on text that does not', async () => {
    const { out } = await h.run('date_parts', { column: 'text "date"', parts: ['month', 'minute'] }, { in: 'orders' });
    expect(out!.rows.map((r) => [r['text "date"_month'], r['text "date"_minute']])).toEqual([
      [3, 45],
      [null, null],
      [12, 0],
    ]);
    await h.table('bad_text', `SELECT * FROM (VALUES ('2024-01-01'), ('next tuesday')) t(s)`);
    await expect(h.run('date_parts', { column: 's', parts: ['year'] }, { in: 'bad_text' })).rejects.toThrow(/next tuesday/);
  });

  it('replaces a column that already has the output name, in place', async () => {
    await h.table('again', `SELECT d, 0 AS "D_YEAR", 'x' AS other FROM orders`);
    const { out } = await h.run('date_parts', { column: 'd', parts: ['year', 'month'] }, { in: 'again' });
    expect(out!.columns.map((c) => c.name)).toEqual(['d', 'D_YEAR', 'other', 'd_month']);
    expect(out!.rows.map((r) => r.D_YEAR)).toEqual([2024, null, 1969]);
  });

  it('returns no rows but the new columns for an empty input', async () => {
    await h.table('no_orders', 'SELECT * FROM orders WHERE false');
    const { out } = await h.run('date_parts', { column: WHEN, parts: ['year'] }, { in: 'no_orders' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.at(-1)).toEqual({ name: `${WHEN}_year`, type: 'INTEGER' });
  });

  it('refuses a column that is not a date, and unknown columns and parts', async () => {
    await expect(h.run('date_parts', { column: 'n', parts: ['year'] }, { in: 'orders' })).rejects.toThrow(
      'Column "n" is INTEGER, not a date or timestamp. Convert it first with a cast node (e.g. to TIMESTAMP).',
    );
    await expect(h.run('date_parts', { column: 'ordered', parts: ['year'] }, { in: 'orders' })).rejects.toThrow(/Column "ordered" does not exist/);
    expect(() => h.parseParams('date_parts', { column: 'd', parts: ['fortnight'] })).toThrow();
    expect(() => h.parseParams('date_parts', { column: 'd', parts: [] })).toThrow(/at least one part/);
  });
});
