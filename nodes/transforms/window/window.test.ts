import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonRow } from '../../node-definition.js';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

const SHOP = "Shop's name";

/** Window output has no row order of its own: sort by shop, then day. */
function byShopDay(rows: JsonRow[]): JsonRow[] {
  return [...rows].sort((a, b) => String(a[SHOP]).localeCompare(String(b[SHOP])) || Number(a.day) - Number(b.day));
}

describe('window', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'sales',
      `SELECT * FROM (VALUES ('A', 1, 10, 100), ('A', 2, 20, NULL), ('A', 3, 30, 120), ('B', 1, 5, 50), ('B', 2, NULL, 60))
         t("Shop's name", day, "Sales ($)", price)`,
    );
  });
  afterAll(() => h.close());

  it('computes a rolling mean over a ROWS frame while lags and ranks ignore the frame', async () => {
    const { out } = await h.run(
      'window',
      {
        partition_by: [SHOP],
        order_by: ['day'],
        frame_rows: [1, 0],
        columns: { 'Mean ($)': 'avg("Sales ($)")', previous: 'lag(price, 1)', 'two back': 'lag("Sales ($)", 2)', position: 'rank()', n: 'row_number()' },
      },
      { in: 'sales' },
    );
    expect(out!.columns.map((c) => c.name)).toEqual([SHOP, 'day', 'Sales ($)', 'price', 'Mean ($)', 'previous', 'two back', 'position', 'n']);
    // A: (10), (10+20)/2, (20+30)/2; B: (5), (5+NULL) → 5. lag 2 of A day 3 is day 1 (10), outside a 1-row frame.
    expect(byShopDay(out!.rows).map((r) => [r[SHOP], r.day, r['Mean ($)'], r.previous, r['two back'], r.position, r.n])).toEqual([
      ['A', 1, 10, null, null, 1, 1],
      ['A', 2, 15, 100, null, 2, 2],
      ['A', 3, 25, null, 10, 3, 3],
      ['B', 1, 5, null, null, 1, 1],
      ['B', 2, 5, 50, null, 2, 2],
    ]);
  });

  it('gives running totals from the start of the group without a frame, honouring descending order', async () => {
    const { out } = await h.run(
      'window',
      { partition_by: [SHOP], order_by: [{ column: 'day', descending: true }], columns: { total: 'sum("Sales ($)")' } },
      { in: 'sales' },
    );
    // A counted from day 3 backwards: 30, 50, 60; B from day 2: NULL (only a NULL so far), then 5.
    expect(byShopDay(out!.rows).map((r) => r.total)).toEqual([60, 50, 30, 5, null]);
  });

  it('computes over the whole group when there is no order', async () => {
    const { out } = await h.run('window', { partition_by: [SHOP], columns: { 'shop total': 'sum("Sales ($)")', rows: 'count(*)' } }, { in: 'sales' });
    expect(byShopDay(out!.rows).map((r) => [r['shop total'], r.rows])).toEqual([
      [60, 3],
      [60, 3],
      [60, 3],
      [5, 2],
      [5, 2],
    ]);
  });

  it('reads null frame bounds as unbounded', async () => {
    const { out } = await h.run(
      'window',
      { order_by: [SHOP, 'day'], frame_rows: [0, null], columns: { rest: 'sum("Sales ($)")', all: 'max(day)' } },
      { in: 'sales' },
    );
    expect(byShopDay(out!.rows).map((r) => [r.rest, r.all])).toEqual([
      [65, 3],
      [55, 3],
      [35, 3],
      [5, 2],
      [null, 2],
    ]);
  });

  it('accepts an expression that writes OVER w itself, and a FILTER clause', async () => {
    const { out } = await h.run(
      'window',
      {
        partition_by: [SHOP],
        columns: { 'vs mean': '"Sales ($)" - avg("Sales ($)") OVER w', 'big days': 'count(*) FILTER (WHERE "Sales ($)" > 15)' },
      },
      { in: 'sales' },
    );
    expect(byShopDay(out!.rows).map((r) => [r['vs mean'], r['big days']])).toEqual([
      [-10, 2],
      [0, 2],
      [10, 2],
      [0, 0],
      [null, 0],
    ]);
  });

  it('replaces a column of the same name in place', async () => {
    const { out } = await h.run('window', { order_by: [SHOP, 'day'], columns: { PRICE: 'lag(price)' } }, { in: 'sales' });
    expect(out!.columns.map((c) => c.name)).toEqual([SHOP, 'day', 'Sales ($)', 'price']);
    expect(byShopDay(out!.rows).map((r) => r.price)).toEqual([null, 100, null, 120, 50]);
  });

  it('returns no rows but all columns for an empty input', async () => {
    await h.table('no_sales', 'SELECT * FROM sales WHERE false');
    const { out } = await h.run('window', { order_by: ['day'], frame_rows: [2, 0], columns: { m: 'avg(price)', r: 'rank()' } }, { in: 'no_sales' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns.map((c) => c.name)).toEqual([SHOP, 'day', 'Sales ($)', 'price', 'm', 'r']);
  });

  it('refuses an expression that is not one function call, saying what to write', async () => {
    await expect(h.run('window', { order_by: ['day'], columns: { x: 'avg(price) + 1' } }, { in: 'sales' })).rejects.toThrow(
      /Column "x": `avg\(price\) \+ 1` is not a single function call/,
    );
    await expect(h.run('window', { order_by: ['day'], columns: { x: 'price' } }, { in: 'sales' })).rejects.toThrow(/not a single function call/);
  });

  it('names a missing partition or order column and lists the available ones', async () => {
    await expect(h.run('window', { partition_by: ['shop'], order_by: ['day'], columns: { x: 'rank()' } }, { in: 'sales' })).rejects.toThrow(
      `Column "shop" does not exist. Available columns: ${SHOP}, day, Sales ($), price.`,
    );
    await expect(h.run('window', { order_by: [{ column: 'when' }], columns: { x: 'rank()' } }, { in: 'sales' })).rejects.toThrow(/Column "when" does not exist/);
  });

  it('rejects a frame without an order, negative frame bounds and an empty column map', () => {
    expect(() => h.parseParams('window', { frame_rows: [1, 0], columns: { x: 'avg(price)' } })).toThrow(/frame_rows needs order_by/);
    expect(() => h.parseParams('window', { order_by: ['day'], frame_rows: [-1, 0], columns: { x: 'avg(price)' } })).toThrow();
    expect(() => h.parseParams('window', { order_by: ['day'], columns: {} })).toThrow(/at least one column/);
    expect(() => h.parseParams('window', { order_by: ['day'], columns: { x: 'rank()' }, frame: [1, 0] })).toThrow(/frame/);
  });
});
