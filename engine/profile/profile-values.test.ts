import { describe, expect, it } from 'vitest';
import { classifyColumn } from './column-kinds.js';
import { finiteNumber, isoDate, isoTimestamp, numberValue } from './profile-values.js';

describe('profile values', () => {
  it('turns DuckDB non-finite doubles into null so the profile stays JSON-safe', () => {
    expect(finiteNumber('NaN')).toBeNull();
    expect(finiteNumber('Infinity')).toBeNull();
    expect(finiteNumber('-Infinity')).toBeNull();
    expect(finiteNumber(Number.NaN)).toBeNull();
    expect(finiteNumber('12345')).toBe(12345);
    expect(finiteNumber(null)).toBeNull();
  });

  it('prints days since 1970 as ISO dates, before 1970 too', () => {
    expect(isoDate(0)).toBe('1970-01-01');
    expect(isoDate(19724)).toBe('2024-01-02');
    expect(isoDate(-1)).toBe('1969-12-31');
  });

  it('prints microseconds as ISO timestamps with all six fraction digits, and Z only for time-zone columns', () => {
    expect(isoTimestamp(1_704_067_200_000_000, false)).toBe('2024-01-01T00:00:00');
    expect(isoTimestamp(1_704_067_200_123_456, false)).toBe('2024-01-01T00:00:00.123456');
    expect(isoTimestamp(1_704_067_200_000_001, true)).toBe('2024-01-01T00:00:00.000001Z');
    expect(isoTimestamp(-1, false)).toBe('1969-12-31T23:59:59.999999');
  });

  it('gives null rather than throwing for dates beyond what JavaScript can print', () => {
    expect(isoTimestamp(9.2e18, false)).toBeNull();
    expect(isoDate(1e12)).toBeNull();
  });

  it('keeps integers beyond 2^53 as text and turns wide decimals into numbers', () => {
    const huge = classifyColumn({ name: 'h', type: 'HUGEINT' }, 0);
    const decimal = classifyColumn({ name: 'd', type: 'DECIMAL(38,2)' }, 1);
    expect(numberValue(huge, '170141183460469231731687303715884105727')).toBe('170141183460469231731687303715884105727');
    expect(numberValue(huge, '9007199254740991')).toBe(9007199254740991);
    expect(numberValue(huge, '9007199254740993')).toBe('9007199254740993');
    expect(numberValue(decimal, '12345678901234567890123.45')).toBeCloseTo(1.2345678901234568e22);
  });
});
