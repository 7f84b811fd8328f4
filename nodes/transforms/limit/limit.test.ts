import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('limit', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table('birds', `SELECT * FROM (VALUES (1, 'a'), (2, NULL), (3, 'c'), (4, 'd')) t(id, "say ""hi""")`);
  });
  afterAll(() => h.close());

  it('keeps the first rows in input order', async () => {
    const { out } = await h.run('limit', { count: 2 }, { in: 'birds' });
    expect(out!.rows).toEqual([
      { id: 1, 'say "hi"': 'a' },
      { id: 2, 'say "hi"': null },
    ]);
  });

  it('skips rows first with offset, and stops at the end of the table', async () => {
    const { out } = await h.run('limit', { count: 10, offset: 2 }, { in: 'birds' });
    expect(out!.rows.map((r) => r.id)).toEqual([3, 4]);
    const none = await h.run('limit', { count: 0 }, { in: 'birds' });
    expect(none.out!.rows).toEqual([]);
    expect(none.out!.columns).toHaveLength(2);
  });

  it('returns an empty table as is', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('limit', { count: 5 }, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
  });

  it('rejects a negative or fractional count', () => {
    expect(() => h.parseParams('limit', { count: -1 })).toThrow(/>=0|too small/i);
    expect(() => h.parseParams('limit', { count: 1.5 })).toThrow(/int/i);
    expect(() => h.parseParams('limit', { count: 1, offset: -2 })).toThrow();
    expect(h.parseParams('limit', { count: 3 })).toEqual({ count: 3, offset: 0 });
  });
});
