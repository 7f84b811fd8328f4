import { describe, expect, it } from 'vitest';
import { realFromVirtual, rowTop, scrollBy, scrollGeometry, virtualFromReal, visibleRows, wheelPixels } from './row-window';

describe('row window', () => {
  it('scrolls 1:1 when the rows fit in a browser scroll range', () => {
    const g = scrollGeometry(1000, 480, 24);
    expect(g).toEqual({ contentHeight: 24_000, scale: 1, maxVirtual: 23_520 });
    expect(virtualFromReal(1200, g)).toBe(1200);
    expect(visibleRows(1200, 480, 1000, 0, 24)).toEqual({ first: 50, last: 69 });
  });

  it('scales the scrollbar for ten million rows so that its end is the last row', () => {
    const g = scrollGeometry(10_000_000, 480, 24, 8_000_000);
    expect(g.contentHeight).toBe(8_000_000);
    expect(g.scale).toBeCloseTo((240_000_000 - 480) / (8_000_000 - 480), 9);
    const bottom = virtualFromReal(8_000_000 - 480, g);
    expect(bottom).toBeCloseTo(g.maxVirtual, 3);
    expect(visibleRows(bottom, 480, 10_000_000, 0, 24).last).toBe(9_999_999);
    expect(realFromVirtual(g.maxVirtual, g)).toBeCloseTo(8_000_000 - 480, 6);
  });

  it('places rows relative to the real scroll position so a scaled scroll still lines them up', () => {
    const g = scrollGeometry(10_000_000, 480, 24, 8_000_000);
    const offset = 120_000_000;
    const scrollTop = realFromVirtual(offset, g);
    const range = visibleRows(offset, 480, 10_000_000, 0, 24);
    expect(range.first).toBe(5_000_000);
    expect(rowTop(range.first, offset, scrollTop, 24)).toBeCloseTo(scrollTop, 6);
    expect(rowTop(range.first + 1, offset, scrollTop, 24)).toBeCloseTo(scrollTop + 24, 6);
  });

  it('keeps wheel scrolling within the rows', () => {
    const g = scrollGeometry(100, 480, 24);
    expect(scrollBy(0, -50, g)).toBe(0);
    expect(scrollBy(2000, 500, g)).toBe(g.maxVirtual);
    expect(scrollBy(100, 48, g)).toBe(148);
  });

  it('turns line and page wheel deltas into pixels', () => {
    expect(wheelPixels(3, 1, 480, 24)).toBe(72);
    expect(wheelPixels(1, 2, 480, 24)).toBe(456);
    expect(wheelPixels(-100, 0, 480, 24)).toBe(-100);
  });

  it('clamps the visible range to the rows and returns an empty range for none', () => {
    expect(visibleRows(0, 480, 5, 6, 24)).toEqual({ first: 0, last: 4 });
    expect(visibleRows(0, 480, 0, 6, 24)).toEqual({ first: 0, last: -1 });
  });
});
