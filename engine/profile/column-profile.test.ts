import { describe, expect, it } from 'vitest';
import type { BasicColumnStats } from './basic-stats.js';
import { classifyColumn } from './column-kinds.js';
import { columnProfile } from './column-profile.js';

const empty: BasicColumnStats = { count: 0, min: null, max: null, mean: null, std: null, measureMin: null, measureMax: null, finiteCount: 0 };

describe('column profile assembly', () => {
  it('describes a NULL-only text column of an empty table without dividing by zero', () => {
    const profile = columnProfile(classifyColumn({ name: 'say "hi"', type: 'VARCHAR' }, 0), { stats: empty, rowCount: 0, topValues: 10 });
    expect(profile).toEqual({
      name: 'say "hi"', type: 'VARCHAR', kind: 'text', count: 0, nulls: 0, null_share: 0, distinct: 0, distinct_approx: false,
      min: null, max: null, mean: null, std: null, top_values: [],
    });
  });

  it('takes text distinct counts from the top-values GROUP BY and keeps a scan error visible', () => {
    const stats = { ...empty, count: 3, finiteCount: 3, min: 'a', max: 'b', minLength: 1, maxLength: 1 };
    const profile = columnProfile(classifyColumn({ name: 't', type: 'VARCHAR' }, 0), {
      stats, rowCount: 4, topValues: 10, top: { values: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }], distinct: 2 }, error: 'odd type',
    });
    expect(profile).toMatchObject({ nulls: 1, null_share: 0.25, distinct: 2, min_length: 1, max_length: 1, error: 'odd type' });
  });

  it('limits boolean top values to the number asked for, and leaves them out when none are asked for', () => {
    const stats = { ...empty, count: 5, finiteCount: 5, trueCount: 4, min: false, max: true, mean: 0.8 };
    const flag = classifyColumn({ name: 'flag', type: 'BOOLEAN' }, 0);
    expect(columnProfile(flag, { stats, rowCount: 5, topValues: 1 }).top_values).toEqual([{ value: true, count: 4 }]);
    expect(columnProfile(flag, { stats, rowCount: 5, topValues: 0 }).top_values).toBeUndefined();
  });

  it('reports non-finite counts only for columns that can hold them', () => {
    const x = classifyColumn({ name: 'x', type: 'DOUBLE' }, 0);
    expect(columnProfile(x, { stats: { ...empty, count: 2, nonFinite: 2 }, rowCount: 2, topValues: 10 }).non_finite).toBe(2);
    const n = classifyColumn({ name: 'n', type: 'INTEGER' }, 0);
    expect(columnProfile(n, { stats: { ...empty, count: 2, finiteCount: 2 }, rowCount: 2, topValues: 10 })).not.toHaveProperty('non_finite');
  });
});
