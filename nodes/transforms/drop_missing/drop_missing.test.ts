import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness } from '../../../engine/test-support/node-harness.js';

describe('drop_missing', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    await h.table(
      'birds',
      `SELECT * FROM (VALUES
         (1, 'Adelie', 39.1::DOUBLE, TIMESTAMP '2024-01-01 10:00:00'),
         (2, NULL, 40.0::DOUBLE, TIMESTAMP '2024-01-02 10:00:00'),
         (3, 'Gentoo', 'NaN'::DOUBLE, TIMESTAMP '2024-01-03 10:00:00'),
         (4, 'Chinstrap', 45.5::DOUBLE, NULL),
         (5, 'O''Brien', 50.0::DOUBLE, TIMESTAMP '2024-01-05 10:00:00')
       ) t(id, "Species Name", "Beak Length (mm)", "seen at")`,
    );
  });
  afterAll(() => h.close());

  it('drops rows with a NULL or NaN in any column by default', async () => {
    const { out } = await h.run('drop_missing', {}, { in: 'birds' });
    expect(out!.rows).toEqual([
      { id: 1, 'Species Name': 'Adelie', 'Beak Length (mm)': 39.1, 'seen at': '2024-01-01 10:00:00' },
      { id: 5, 'Species Name': "O'Brien", 'Beak Length (mm)': 50, 'seen at': '2024-01-05 10:00:00' },
    ]);
  });

  it('checks only the listed columns', async () => {
    const { out } = await h.run('drop_missing', { columns: ['Species Name'] }, { in: 'birds' });
    expect(out!.rows.map((r) => r.id)).toEqual([1, 3, 4, 5]);
    const beak = await h.run('drop_missing', { columns: ['Beak Length (mm)', 'seen at'] }, { in: 'birds' });
    expect(beak.out!.rows.map((r) => r.id)).toEqual([1, 2, 5]);
  });

  it('returns an empty table unchanged', async () => {
    await h.table('nobirds', `SELECT * FROM birds WHERE false`);
    const { out } = await h.run('drop_missing', {}, { in: 'nobirds' });
    expect(out!.rows).toEqual([]);
    expect(out!.columns).toHaveLength(4);
  });

  it('names a column that does not exist', async () => {
    await expect(h.run('drop_missing', { columns: ['species'] }, { in: 'birds' })).rejects.toThrow(
      'Column "species" does not exist. Available columns: id, Species Name, Beak Length (mm), seen at.',
    );
  });
});
