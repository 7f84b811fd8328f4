import { describe, expect, it } from 'vitest';
import { extent, histogramPath, linePath, niceDomain, niceTicks, project } from './svg-paths';

describe('chart geometry', () => {
  it('draws histogram bars bottom-aligned and scaled to the largest bin', () => {
    expect(histogramPath([1, 2], { width: 20, height: 10 }, 0)).toBe('M0 5h10v5h-10ZM10 0h10v10h-10Z');
  });

  it('keeps rare bins visible and leaves empty bins out', () => {
    const d = histogramPath([1000, 0, 1], { width: 30, height: 20 }, 1);
    expect(d).toBe('M0 0h9v20h-9ZM20 19h9v1h-9Z');
  });

  it('draws nothing for no data', () => {
    expect(histogramPath([], { width: 30, height: 20 })).toBe('');
    expect(histogramPath([0, 0], { width: 30, height: 20 })).toBe('');
  });

  it('projects values into pixels, centring a flat domain', () => {
    expect(project(5, { domain: [0, 10], range: [0, 100] })).toBe(50);
    expect(project(0, { domain: [0, 10], range: [100, 0] })).toBe(100);
    expect(project(3, { domain: [3, 3], range: [0, 100] })).toBe(50);
  });

  it('breaks a line where values are missing', () => {
    const x = { domain: [1, 4] as [number, number], range: [0, 30] as [number, number] };
    const y = { domain: [0, 1] as [number, number], range: [10, 0] as [number, number] };
    expect(linePath([{ x: 1, y: 1 }, { x: 2, y: 0 }, { x: 3, y: null }, { x: 4, y: 0.5 }], x, y)).toBe('M0 0L10 10M30 5');
  });

  it('picks round tick values', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.03, 2.7, 5)).toEqual([0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(0, 100, 6)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(NaN, 1)).toEqual([]);
  });

  it('widens a chart domain to whole ticks so that the highest point is under a labelled line', () => {
    expect(niceDomain(0, 1.15, 4)).toEqual({ domain: [0, 1.2], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2] });
    expect(niceDomain(0.62, 0.97, 4)).toEqual({ domain: [0.6, 1], ticks: [0.6, 0.7, 0.8, 0.9, 1] });
  });

  it('spans the finite values, from zero for losses, padded when flat', () => {
    expect(extent([0.5, null, 0.2, Infinity])).toEqual([0.2, 0.5]);
    expect(extent([0.5, 0.2], { includeZero: true })).toEqual([0, 0.5]);
    expect(extent([2, 2])).toEqual([1, 3]);
    expect(extent([null])).toBeNull();
  });
});
