import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { mergeSizes, nextDragged, NOT_DRAGGED, sortNodeChanges } from './node-changes';
import type { CardNode } from './to-flow';

describe('node changes from the canvas', () => {
  it('keeps positions mid-drag apart from where cards were put down', () => {
    const changes: NodeChange<CardNode>[] = [
      { type: 'position', id: 'a', position: { x: 10, y: 20 }, dragging: true },
      { type: 'position', id: 'b', position: { x: 30, y: 40 }, dragging: true },
      { type: 'position', id: 'c', position: { x: 50, y: 60 }, dragging: false },
      { type: 'position', id: 'd', position: { x: 70, y: 80 } },
      { type: 'position', id: 'e', dragging: true },
    ];
    const sorted = sortNodeChanges(changes, []);
    expect([...sorted.moving]).toEqual([
      ['a', { x: 10, y: 20 }],
      ['b', { x: 30, y: 40 }],
    ]);
    expect(sorted.placed).toEqual({ c: { x: 50, y: 60 }, d: { x: 70, y: 80 } });
    expect(sorted.selection).toBeUndefined();
  });

  it('applies select changes to the current selection, and reads measured sizes', () => {
    const sorted = sortNodeChanges(
      [
        { type: 'select', id: 'b', selected: true },
        { type: 'select', id: 'a', selected: false },
        { type: 'dimensions', id: 'c', dimensions: { width: 200, height: 88 } },
      ],
      ['a', 'x'],
    );
    expect(sorted.selection).toEqual(['x', 'b']);
    expect([...sorted.sizes]).toEqual([['c', { width: 200, height: 88 }]]);
  });

  it('tracks dragged cards until they are put down', () => {
    const first = nextDragged(NOT_DRAGGED, new Map([['a', { x: 1, y: 1 }], ['b', { x: 2, y: 2 }]]), []);
    const second = nextDragged(first, new Map([['a', { x: 5, y: 5 }]]), []);
    expect([...second]).toEqual([
      ['a', { x: 5, y: 5 }],
      ['b', { x: 2, y: 2 }],
    ]);
    expect(first.get('a')).toEqual({ x: 1, y: 1 });
    expect(nextDragged(second, new Map(), ['x'])).toBe(second);
    expect([...nextDragged(second, new Map(), ['a'])]).toEqual([['b', { x: 2, y: 2 }]]);
    expect(nextDragged(second, new Map(), ['a', 'b'])).toBe(NOT_DRAGGED);
  });

  it('keeps the sizes map when no size changed, so nothing re-renders', () => {
    const known = new Map([['a', { width: 200, height: 80 }]]);
    expect(mergeSizes(known, new Map([['a', { width: 200, height: 80 }]]))).toBe(known);
    const grown = mergeSizes(known, new Map([['a', { width: 200, height: 96 }], ['b', { width: 200, height: 80 }]]));
    expect([...grown]).toEqual([
      ['a', { width: 200, height: 96 }],
      ['b', { width: 200, height: 80 }],
    ]);
    expect(known.get('a')).toEqual({ width: 200, height: 80 });
  });
});
