import { describe, expect, it } from 'vitest';
import { readableViewport } from './viewport';

describe('opening viewport', () => {
  it('fits a small pipeline whole (no override)', () => {
    expect(readableViewport({ x: 0, y: 0, width: 600, height: 200 }, { width: 900, height: 500 })).toBeUndefined();
  });

  it('shows a wide pipeline from its left end at a readable zoom, centred vertically', () => {
    const view = readableViewport({ x: 100, y: -50, width: 2600, height: 300 }, { width: 840, height: 500 });
    expect(view).toEqual({ x: 32 - 100 * 0.7, y: 250 - 100 * 0.7, zoom: 0.7 });
  });

  it('starts a tall pipeline at its top', () => {
    const view = readableViewport({ x: 0, y: 40, width: 3000, height: 2000 }, { width: 800, height: 500 });
    expect(view?.y).toBe(32 - 40 * 0.7);
  });
});
