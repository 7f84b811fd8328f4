import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from './types';
import { headerSummary } from './header-summary';

function column(overrides: Partial<ColumnProfile>): ColumnProfile {
  return { name: 'Beak Length (mm)', type: 'DOUBLE', kind: 'number', count: 90, nulls: 10, null_share: 0.1, distinct: 1234, distinct_approx: false, min: 32.1, max: 59.6, mean: 43.92, std: 5.46, ...overrides };
}

describe('header summary of a column profile', () => {
  it('summarises a numeric column: null share, distinct, range and its histogram', () => {
    const bins = [{ lower: 32, upper: 40, count: 30 }, { lower: 40, upper: 50, count: 50 }, { lower: 50, upper: 60, count: 10 }];
    const s = headerSummary(column({ histogram: bins }));
    expect(s.nullLabel).toBe('10% null');
    expect(s.distinctLabel).toBe('1.2K distinct');
    expect(s.rangeLabel).toBe('32.1 – 59.6');
    expect(s.chart).toEqual({ kind: 'histogram', bins });
    expect(s.title).toContain('mean 43.92');
    expect(s.title).toContain('Beak Length (mm) (DOUBLE)');
  });

  it('marks approximate distinct counts and says "no nulls" for complete columns', () => {
    const s = headerSummary(column({ nulls: 0, null_share: 0, distinct: 3_400_000, distinct_approx: true }));
    expect(s.nullLabel).toBe('no nulls');
    expect(s.distinctLabel).toBe('≈3.4M distinct');
  });

  it('shows the top three values of a text column with their share of all rows', () => {
    const s = headerSummary(
      column({
        name: "O'Brien",
        type: 'VARCHAR',
        kind: 'text',
        min: 'Adelie',
        max: 'Gentoo',
        mean: null,
        std: null,
        min_length: 6,
        max_length: 9,
        top_values: [{ value: 'Adelie', count: 45 }, { value: 'Gentoo', count: 30 }, { value: 'Chinstrap', count: 15 }, { value: 'say "hi"', count: 1 }],
      }),
    );
    expect(s.rangeLabel).toBe('length 6–9');
    expect(s.chart).toEqual({ kind: 'top', values: [{ label: 'Adelie', count: 45, share: 0.45 }, { label: 'Gentoo', count: 30, share: 0.3 }, { label: 'Chinstrap', count: 15, share: 0.15 }] });
  });

  it('describes booleans by their share of true and dates by their range without midnight', () => {
    expect(headerSummary(column({ type: 'BOOLEAN', kind: 'boolean', mean: 0.62, min: false, max: true })).rangeLabel).toBe('62% true');
    expect(headerSummary(column({ type: 'DATE', kind: 'date', mean: null, min: '2021-01-01T00:00:00Z', max: '2021-12-31T00:00:00Z' })).rangeLabel).toBe('2021-01-01 – 2021-12-31');
  });

  it('says "no rows" rather than "no nulls" for an empty output', () => {
    expect(headerSummary(column({ count: 0, nulls: 0, null_share: 0, distinct: 0, min: null, max: null, mean: null, std: null })).nullLabel).toBe('no rows');
  });

  it('copes with an all-null column and carries a profile error into the tooltip', () => {
    const s = headerSummary(column({ count: 0, nulls: 5, null_share: 1, distinct: 0, min: null, max: null, mean: null, std: null, error: 'Not implemented: UNION type' }));
    expect(s.nullLabel).toBe('100% null');
    expect(s.rangeLabel).toBeNull();
    expect(s.chart).toBeNull();
    expect(s.error).toBe('Not implemented: UNION type');
    expect(s.title).toContain('Part of the profile is missing: Not implemented: UNION type');
  });
});
