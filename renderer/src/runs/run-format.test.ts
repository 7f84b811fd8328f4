import { describe, expect, it } from 'vitest';
import { countsSummary, formatCount, formatDuration, formatStartTime, latestAttempts, runDurationMs, statusLook, type NodeRunRecord } from './run-format';

describe('run history formatting', () => {
  it('writes durations at a readable scale', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4_240)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(2 * 3600_000 + 3 * 60_000)).toBe('2 h 03 min');
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(-5)).toBe('–');
  });

  it('measures a finished run from start to end, and a running one until now', () => {
    const start = '2026-11-26T14:03:07.512Z';
    expect(runDurationMs({ startedAt: start, endedAt: '2026-11-26T14:03:09.012Z' }, 0)).toBe(1500);
    expect(runDurationMs({ startedAt: start, endedAt: null }, Date.parse(start) + 3000)).toBe(3000);
    expect(runDurationMs({ startedAt: 'garbage', endedAt: null }, 0)).toBeNull();
  });

  it('shows the time only for runs of today, the date for older ones', () => {
    const now = new Date(2026, 10, 26, 18, 0, 0);
    expect(formatStartTime(new Date(2026, 10, 26, 14, 3, 7).toISOString(), now)).toBe('14:03:07');
    expect(formatStartTime(new Date(2026, 10, 2, 9, 5, 0).toISOString(), now)).toBe('Nov 2 09:05');
    expect(formatStartTime(new Date(2025, 0, 31, 23, 59, 0).toISOString(), now)).toBe('2025-01-31 23:59');
    expect(formatStartTime('not a date', now)).toBe('not a date');
  });

  it('summarises node counts without the zero ones', () => {
    const counts = { pending: 0, running: 0, done: 5, cached: 2, failed: 1, skipped: 3, cancelled: 0, total: 11 };
    expect(countsSummary(counts)).toBe('5 done · 2 cached · 1 failed · 3 skipped');
    expect(countsSummary({ ...counts, done: 0, cached: 0, failed: 0, skipped: 0, total: 0 })).toBe('0 nodes');
  });

  it('keeps the latest attempt of each node, in the order the nodes first appear', () => {
    const node = (nodeId: string, attempt: number, status: NodeRunRecord['status']): NodeRunRecord => ({
      runId: 'r',
      nodeId,
      nodeType: 'filter',
      status,
      cacheHit: false,
      reason: null,
      fingerprint: null,
      startedAt: '',
      endedAt: null,
      durationMs: null,
      rows: null,
      columns: null,
      error: null,
      attempt,
    });
    const rows = latestAttempts([node('a', 1, 'failed'), node('b', 1, 'done'), node('a', 2, 'done')]);
    expect(rows.map((r) => [r.nodeId, r.attempt, r.status])).toEqual([
      ['a', 2, 'done'],
      ['b', 1, 'done'],
    ]);
  });

  it('has an icon and words for every status', () => {
    for (const s of ['running', 'succeeded', 'failed', 'cancelled', 'interrupted', 'pending', 'done', 'cached', 'skipped'] as const) {
      expect(statusLook(s).icon).not.toBe('');
      expect(statusLook(s).label).not.toBe('');
    }
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('–');
  });
});
