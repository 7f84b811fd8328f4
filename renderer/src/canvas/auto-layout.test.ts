import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../store/test-documents';
import { autoLayout, withLayout } from './auto-layout';

const size = () => ({ width: 200, height: 80 });

describe('auto-layout', () => {
  it('places every node right of the nodes it reads, without overlaps', () => {
    const doc = sampleDocument();
    const p = autoLayout(doc, size);
    expect(p.read!.x).toBeLessThan(p.clean!.x);
    expect(p.clean!.x).toBeLessThan(p.parts!.x);
    expect(p.parts!.x).toBeLessThan(p.scaled_train!.x);
    expect(p.scaled_train!.x).toBe(p.scaled_test!.x);
    expect(Math.abs(p.scaled_train!.y - p.scaled_test!.y)).toBeGreaterThanOrEqual(80);
  });

  it('lays out a file without positions, and only the unplaced nodes of a file with some', () => {
    const { layout: _none, ...bare } = sampleDocument();
    const laidOut = withLayout(bare, new Map());
    expect(Object.keys(laidOut.layout ?? {}).sort()).toEqual(['clean', 'parts', 'read', 'scaled_test', 'scaled_train']);
    const partial = { ...sampleDocument(), layout: { read: { x: 7, y: 9 } } };
    const filled = withLayout(partial, new Map());
    expect(filled.layout?.read).toEqual({ x: 7, y: 9 });
    expect(filled.layout?.clean?.y).toBeGreaterThan(9);
    const full = sampleDocument();
    expect(withLayout(full, new Map())).toBe(full);
  });
});
