import { describe, expect, it } from 'vitest';
import type { JsonRow, PreviewResponse } from '../../../engine/contract/api';
import { PreviewPager } from './preview-pager';

/** A stand-in engine output of `total` rows whose answers the test releases one by one. */
function fakeOutput(total: number, options: { count?: boolean; failAt?: number } = {}) {
  const calls: { offset: number; signal: AbortSignal; release: () => void }[] = [];
  const fetchPage = (offset: number, limit: number, signal: AbortSignal) =>
    new Promise<PreviewResponse>((resolve, reject) => {
      const release = () => {
        if (offset === options.failAt) return reject(new Error('Binder Error: column "x" not found'));
        const rows: JsonRow[] = [];
        for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push({ 'Row (n)': i, "O'Brien": i % 3 === 0 ? null : `v${i}` });
        resolve({ nodeId: 'clean', port: 'out', columns: [{ name: 'Row (n)', type: 'BIGINT' }, { name: "O'Brien", type: 'VARCHAR' }], rows, offset, totalRows: options.count ? total : null, cached: !!options.count, elapsedMs: 1 });
      };
      calls.push({ offset, signal, release });
    });
  return { calls, fetchPage };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PreviewPager', () => {
  it('fetches the first page alone, then the pages in view, and serves rows by index', async () => {
    const out = fakeOutput(1000, { count: true });
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0 });
    pager.show(0, 300);
    expect(out.calls.map((c) => c.offset)).toEqual([0]);
    expect(pager.row(5)).toBe('loading');
    out.calls[0]!.release();
    await settle();
    expect(pager.columns?.map((c) => c.name)).toEqual(['Row (n)', "O'Brien"]);
    expect(pager.row(5)).toEqual({ 'Row (n)': 5, "O'Brien": 'v5' });
    expect(pager.row(3)).toEqual({ 'Row (n)': 3, "O'Brien": null });
    expect(out.calls.map((c) => c.offset)).toEqual([0, 200, 400]);
    expect(pager.rowCount()).toEqual({ rows: 1000, seen: 1000, exact: true });
  });

  it('cancels page requests that scrolled out of view and refetches them when they come back', async () => {
    const out = fakeOutput(10_000_000);
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0 });
    pager.show(0, 40);
    out.calls[0]!.release();
    await settle();
    pager.setTotalRows(10_000_000);
    pager.show(5_000_000, 5_000_040);
    const far = out.calls.filter((c) => c.offset >= 4_999_800);
    expect(far.map((c) => c.offset).sort()).toEqual([4_999_800, 5_000_000]);
    pager.show(9_000_000, 9_000_040);
    expect(far.every((c) => c.signal.aborted)).toBe(true);
    expect(pager.row(5_000_010)).toBeUndefined();
    pager.show(5_000_000, 5_000_040);
    expect(out.calls.filter((c) => c.offset === 5_000_000)).toHaveLength(2);
  });

  it('grows the row count page by page while the total is unknown and stops at a short page', async () => {
    const out = fakeOutput(450);
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0 });
    pager.show(0, 40);
    out.calls[0]!.release();
    await settle();
    expect(pager.rowCount()).toEqual({ rows: 400, seen: 200, exact: false });
    pager.show(350, 399);
    for (const c of out.calls.slice(1)) c.release();
    await settle();
    for (const c of out.calls.slice(3)) c.release();
    await settle();
    expect(pager.rowCount()).toEqual({ rows: 450, seen: 450, exact: true });
    expect(pager.row(449)).toEqual({ 'Row (n)': 449, "O'Brien": 'v449' });
  });

  it('reports a first-page error once, without retrying by itself, and retries on request', async () => {
    const out = fakeOutput(100, { failAt: 0 });
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0 });
    let changes = 0;
    pager.subscribe(() => changes++);
    pager.show(0, 40);
    out.calls[0]!.release();
    await settle();
    expect((pager.error as Error).message).toContain('column "x" not found');
    expect(changes).toBe(1);
    pager.show(0, 40);
    expect(out.calls).toHaveLength(1);
    pager.retry();
    expect(pager.error).toBeNull();
    expect(out.calls).toHaveLength(2);
  });

  it('keeps at most maxPages pages, dropping the far ones', async () => {
    const out = fakeOutput(100_000, { count: true });
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0, maxPages: 2, maxInFlight: 10 });
    pager.show(0, 10);
    out.calls[0]!.release();
    await settle();
    for (const start of [2000, 4000, 6000]) {
      pager.show(start, start + 10);
      for (const c of out.calls) c.release();
      await settle();
    }
    expect(pager.row(5)).toBeUndefined();
    expect(pager.row(6005)).toEqual({ 'Row (n)': 6005, "O'Brien": 'v6005' });
  });

  it('keeps loaded rows readable after dispose, but fetches nothing more', async () => {
    const out = fakeOutput(1000, { count: true });
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0 });
    pager.show(0, 40);
    out.calls[0]!.release();
    await settle();
    pager.show(400, 440);
    const inFlight = out.calls.slice(1);
    pager.dispose();
    expect(inFlight.every((c) => c.signal.aborted)).toBe(true);
    expect(pager.row(7)).toEqual({ 'Row (n)': 7, "O'Brien": 'v7' });
    expect(pager.row(420)).toBeUndefined();
    pager.show(800, 840);
    expect(out.calls).toHaveLength(1 + inFlight.length);
  });

  it('aborts everything on dispose and ignores answers that arrive afterwards', async () => {
    const out = fakeOutput(1000);
    const pager = new PreviewPager(out.fetchPage, { delayMs: 0 });
    let changes = 0;
    pager.subscribe(() => changes++);
    pager.show(0, 40);
    pager.dispose();
    expect(out.calls[0]!.signal.aborted).toBe(true);
    out.calls[0]!.release();
    await settle();
    expect(changes).toBe(0);
    expect(pager.columns).toBeNull();
  });

  it('waits for scrolling to pause before fetching when a delay is set', async () => {
    const out = fakeOutput(100_000, { count: true });
    const pager = new PreviewPager(out.fetchPage, { delayMs: 5 });
    pager.show(0, 40);
    pager.show(50_000, 50_040);
    pager.show(90_000, 90_040);
    expect(out.calls).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(out.calls.map((c) => c.offset)).toEqual([90_000]);
  });
});
