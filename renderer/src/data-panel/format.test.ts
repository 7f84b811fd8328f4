import { describe, expect, it } from 'vitest';
import { formatCell, formatCompact, formatShort, formatCount, formatDuration, formatNumber, formatPercent, formatProfileValue, formatRowTotal, isNumericType } from './format';

describe('formatting numbers for people', () => {
  it('separates thousands in counts and shortens them where space is tight', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.2K');
    expect(formatCompact(10_000_000)).toBe('10M');
  });

  it('keeps statistics readable: four significant digits, separators for big values, exponents for extremes', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(3.14159265)).toBe('3.142');
    expect(formatNumber(-0.012345)).toBe('-0.01235');
    expect(formatNumber(43921.456)).toBe('43,921.5');
    expect(formatNumber(1_234_567.89)).toBe('1,234,568');
    expect(formatNumber(1.5e20)).toBe('1.5e+20');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
  });

  it('shortens large values for narrow slots and leaves small ones and dates alone', () => {
    expect(formatShort(2_498_765)).toBe('2.5M');
    expect(formatShort(-123_456)).toBe('-123K');
    expect(formatShort(9.2e18)).toBe('9.2e+18');
    expect(formatShort(99_999)).toBe('99,999');
    expect(formatShort(3.14159)).toBe('3.142');
    expect(formatShort('2021-07-27T00:00:00Z')).toBe('2021-07-27');
  });

  it('shows shares as percentages without rounding small shares to nothing', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0004)).toBe('<0.1%');
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.0123)).toBe('1.2%');
    expect(formatPercent(0.456)).toBe('46%');
    expect(formatPercent(0.9996)).toBe('>99.9%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('reads durations in the unit that fits', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(2000)).toBe('2 s');
    expect(formatDuration(95_000)).toBe('1 min 35 s');
  });

  it('says "1,234+ rows" while the total is not known', () => {
    expect(formatRowTotal(1234, false)).toBe('1,234+ rows');
    expect(formatRowTotal(1234, true)).toBe('1,234 rows');
    expect(formatRowTotal(1, true)).toBe('1 row');
    expect(formatRowTotal(0, true)).toBe('0 rows');
  });
});

describe('formatting values', () => {
  it('drops a midnight time from dates but keeps real times', () => {
    expect(formatProfileValue('2024-03-01T00:00:00Z')).toBe('2024-03-01');
    expect(formatProfileValue('2024-03-01 00:00:00')).toBe('2024-03-01');
    expect(formatProfileValue('2024-03-01T13:45:00Z')).toBe('2024-03-01T13:45:00Z');
    expect(formatProfileValue(null)).toBe('–');
    expect(formatProfileValue(true)).toBe('true');
  });

  it('shows grid cells exactly enough: nulls, float noise trimmed, huge integers whole, nested values as JSON', () => {
    expect(formatCell(null)).toBe('null');
    expect(formatCell(undefined)).toBe('null');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell(39.1)).toBe('39.1');
    expect(formatCell(Number('9007199254740993'))).toBe('9007199254740992');
    expect(formatCell('170141183460469231731687303715884105727')).toBe('170141183460469231731687303715884105727');
    expect(formatCell([1, null, 'a'])).toBe('[1,null,"a"]');
    expect(formatCell({ 'Beak Length (mm)': 3 })).toBe('{"Beak Length (mm)":3}');
    expect(formatCell(false)).toBe('false');
  });

  it('recognises numeric DuckDB types for right alignment', () => {
    for (const t of ['INTEGER', 'BIGINT', 'HUGEINT', 'DOUBLE', 'DECIMAL(10,2)', 'decimal(18, 3)', 'FLOAT', 'UBIGINT']) expect(isNumericType(t)).toBe(true);
    for (const t of ['VARCHAR', 'DATE', 'TIMESTAMP', 'INTEGER[]', 'BOOLEAN', 'STRUCT(a INTEGER)']) expect(isNumericType(t)).toBe(false);
  });
});
