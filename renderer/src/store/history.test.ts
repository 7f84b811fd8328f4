import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, record, redo, startHistory, undo } from './history';

describe('undo history', () => {
  it('undo and redo walk back and forth, and a new edit drops the redo steps', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect([h.present, canUndo(h), canRedo(h)]).toEqual(['a', false, true]);
    h = redo(h);
    expect(h.present).toBe('b');
    h = record(h, 'd');
    expect([h.present, canRedo(h), h.past]).toEqual(['d', false, ['a', 'b']]);
  });

  it('edits with the same key close together become one step (a drag), apart they do not', () => {
    let h = startHistory('start');
    h = record(h, 'x1', { key: 'drag-1', now: 1000 });
    h = record(h, 'x2', { key: 'drag-1', now: 1016 });
    h = record(h, 'x3', { key: 'drag-1', now: 1032 });
    expect(h.past).toEqual(['start']);
    h = record(h, 'y', { key: 'drag-2', now: 1040 });
    expect(h.past).toEqual(['start', 'x3']);
    h = record(h, 'y2', { key: 'drag-2', now: 5000 });
    expect(h.past).toEqual(['start', 'x3', 'y']);
    expect(undo(undo(undo(h))).present).toBe('start');
  });

  it('recording the same value is not a step, and the oldest steps fall off beyond the limit', () => {
    const h = startHistory('a');
    expect(record(h, 'a')).toBe(h);
    let long = startHistory(0);
    for (let i = 1; i <= 10; i++) long = record(long, i, { limit: 3 });
    expect(long.past).toEqual([7, 8, 9]);
  });

  it('undo with nothing to undo changes nothing', () => {
    const h = startHistory('a');
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });
});
