import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-table.js';

describe('formatDuration', () => {
  it('never shows a unit rounded up to its own limit (60s, 1000ms, 3m60s)', () => {
    expect(formatDuration(240_780)).toBe('4m1s');
    expect(formatDuration(239_800)).toBe('4m0s');
    expect(formatDuration(59_990)).toBe('1m0s');
    expect(formatDuration(999.7)).toBe('1.00s');
    expect(formatDuration(9_999)).toBe('10.0s');
  });

  it('keeps milliseconds, seconds with decimals, and minutes for their ranges', () => {
    expect(formatDuration(0)).toBe('0ms');
    expect(formatDuration(412.4)).toBe('412ms');
    expect(formatDuration(1_234)).toBe('1.23s');
    expect(formatDuration(12_345)).toBe('12.3s');
    expect(formatDuration(61_000)).toBe('1m1s');
    expect(formatDuration(3_600_000)).toBe('60m0s');
  });
});
