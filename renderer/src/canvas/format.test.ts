import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, shapeText, withoutNodePrefix } from './format';

describe('card text', () => {
  it('counts with separators, compact from a million, and says rows × cols', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(12_345_678)).toBe('12.3M');
    expect(shapeText(1, 1)).toBe('1 row × 1 col');
    expect(shapeText(344, 8)).toBe('344 rows × 8 cols');
    expect(shapeText(undefined, 8)).toBeUndefined();
  });

  it('durations read naturally', () => {
    expect(formatDuration(42)).toBe('42 ms');
    expect(formatDuration(1530)).toBe('1.5 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it("drops the engine's node prefix on the node's own card only", () => {
    expect(withoutNodePrefix('Node "clean": missing required param "path".', 'clean')).toBe('Missing required param "path".');
    expect(withoutNodePrefix('Node "other": missing input.', 'clean')).toBe('Node "other": missing input.');
  });
});
