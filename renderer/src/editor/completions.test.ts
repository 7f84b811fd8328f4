import { describe, expect, it } from 'vitest';
import { columnCompletions, completionEnd, completionStart, filterTextFor, mergedColumnCompletions, portCompletions, sqlIdentifier } from './completions';

describe('SQL completions', () => {
  it('quotes column names only when DuckDB needs it', () => {
    expect(sqlIdentifier('bill_length')).toBe('bill_length');
    expect(sqlIdentifier('Species')).toBe('Species');
    expect(sqlIdentifier('Body Mass (g)')).toBe('"Body Mass (g)"');
    expect(sqlIdentifier('say "hi"')).toBe('"say ""hi"""');
    expect(sqlIdentifier("O'Brien")).toBe(`"O'Brien"`);
    expect(sqlIdentifier('2nd')).toBe('"2nd"');
    expect(sqlIdentifier('order')).toBe('"order"');
    expect(sqlIdentifier('')).toBe('""');
  });

  it('offers columns with their types, and from which input when there are several', () => {
    expect(columnCompletions([{ name: 'Body Mass (g)', type: 'DOUBLE' }])).toEqual([{ label: '"Body Mass (g)"', detail: 'DOUBLE', kind: 'column' }]);
    const merged = mergedColumnCompletions({
      left: [
        { name: 'id', type: 'BIGINT' },
        { name: 'a', type: 'VARCHAR' },
      ],
      right: [
        { name: 'id', type: 'BIGINT' },
        { name: 'b c', type: 'DATE' },
      ],
    });
    expect(merged.map((c) => [c.label, c.detail])).toEqual([
      ['id', 'BIGINT · left'],
      ['a', 'VARCHAR · left'],
      ['"b c"', 'DATE · right'],
    ]);
    expect(portCompletions(['in', 'orders']).map((c) => c.label)).toEqual(['{{in}}', '{{orders}}']);
  });

  it('replaces an open quoted name or {{ placeholder as a whole', () => {
    expect(completionStart('avg(Bod')).toEqual({ start: 4, quoted: false });
    expect(completionStart('avg("Body Ma')).toEqual({ start: 4, quoted: true });
    expect(completionStart('"a" + "b')).toEqual({ start: 6, quoted: true });
    expect(completionStart('"a" + b')).toEqual({ start: 6, quoted: false });
    expect(completionStart(`name = 'say "hi' AND x`)).toEqual({ start: 21, quoted: false });
    expect(completionStart(`name = 'open string "x`)).toEqual({ start: 22, quoted: false });
    expect(completionStart('SELECT * FROM {{or')).toEqual({ start: 14, quoted: false, braces: true });
    expect(completionStart('')).toEqual({ start: 0, quoted: false });
  });

  it('also replaces the closing quote or braces the editor typed automatically', () => {
    expect(completionEnd('" > 3', { quoted: true })).toBe(1);
    expect(completionEnd(' > 3', { quoted: true })).toBe(0);
    expect(completionEnd('}} AS t', { quoted: false, braces: true })).toBe(2);
    expect(completionEnd('"x', { quoted: false })).toBe(0);
  });

  it('filters on the bare name unless the user typed the opening quote', () => {
    const item = { label: '"say ""hi"""' };
    expect(filterTextFor(item, false)).toBe('say "hi"');
    expect(filterTextFor(item, true)).toBe('"say ""hi"""');
    expect(filterTextFor({ label: 'plain' }, false)).toBe('plain');
  });
});
