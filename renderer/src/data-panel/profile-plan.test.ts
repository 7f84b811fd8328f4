import { describe, expect, it } from 'vitest';
import type { TableProfile } from '../../../engine/contract/api';
import type { ColumnProfile } from './types';
import { clampWidth, initialColumnWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from './column-widths';
import { filterColumns, isComplete, profileLabel, profileSteps } from './profile-plan';

const col = (name: string, type: string, kind: ColumnProfile['kind']): ColumnProfile => ({ name, type, kind, count: 1, nulls: 0, null_share: 0, distinct: 1, distinct_approx: false, min: null, max: null, mean: null, std: null });
const table = (overrides: Partial<TableProfile>): TableProfile => ({ rowCount: 1_234_567, sampled: true, sampleRows: 20_000, columns: [], elapsedMs: 1234, ...overrides });

describe('profile order and labels', () => {
  it('asks for a sample first unless the output is known to fit in it', () => {
    expect(profileSteps(null)).toEqual(['sample', 'full']);
    expect(profileSteps(10_000_000)).toEqual(['sample', 'full']);
    expect(profileSteps(20_000)).toEqual(['full']);
    expect(profileSteps(0)).toEqual(['full']);
  });

  it('labels a sample as such until the full profile replaces it', () => {
    expect(profileLabel(table({}), true)).toBe('Sample of 20,000 rows (of 1,234,567) — full profile loading…');
    expect(profileLabel(table({}), false)).toBe('Sample of 20,000 rows (of 1,234,567)');
    expect(profileLabel(table({ sampled: false, sampleRows: undefined }), false)).toBe('Full profile · 1,234,567 rows · 1.2 s');
    expect(isComplete(table({ sampled: false }))).toBe(true);
    expect(isComplete(table({}))).toBe(false);
  });

  it('filters columns by name, type or kind, ignoring case', () => {
    const cols = [col('Beak Length (mm)', 'DOUBLE', 'number'), col("O'Brien", 'VARCHAR', 'text'), col('when', 'TIMESTAMP', 'timestamp')];
    expect(filterColumns(cols, 'beak').map((c) => c.name)).toEqual(['Beak Length (mm)']);
    expect(filterColumns(cols, "o'b").map((c) => c.name)).toEqual(["O'Brien"]);
    expect(filterColumns(cols, 'varchar').map((c) => c.name)).toEqual(["O'Brien"]);
    expect(filterColumns(cols, 'number').map((c) => c.name)).toEqual(['Beak Length (mm)']);
    expect(filterColumns(cols, '  ')).toHaveLength(3);
  });
});

describe('column widths', () => {
  it('starts numbers narrower than text and widens for long names, within bounds', () => {
    expect(initialColumnWidth('n', 'BIGINT')).toBeLessThan(initialColumnWidth('n', 'VARCHAR'));
    expect(initialColumnWidth('a very long column name indeed', 'BIGINT')).toBeGreaterThan(initialColumnWidth('n', 'BIGINT'));
    expect(clampWidth(5)).toBe(MIN_COLUMN_WIDTH);
    expect(clampWidth(5000)).toBe(MAX_COLUMN_WIDTH);
  });
});
