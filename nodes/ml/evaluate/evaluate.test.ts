import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeHarness, type TableResult } from '../../../engine/test-support/node-harness.js';

/** metric → value, so expectations read like the metrics table. */
function metrics(out: TableResult | undefined): Record<string, number | null> {
  return Object.fromEntries((out?.rows ?? []).map((r) => [r.metric as string, r.value as number | null]));
}

function expectClose(actual: Record<string, number | null>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, value] of Object.entries(expected)) expect(actual[name], name).toBeCloseTo(value, 10);
}

describe('evaluate', () => {
  let h: NodeHarness;
  beforeAll(async () => {
    h = await NodeHarness.open();
    // Three classes; C is never predicted. The NULL truth row must not count. Columns named a, p, c
    // and d sit beside the truth: they must not be confused with evaluate's own working names.
    await h.table(
      'scored',
      `SELECT * FROM (VALUES
        ('A', 'A', 0.7, 0.2, 0.1, 1, 2, 3, 4),
        ('A', 'A', 0.6, 0.3, 0.1, 1, 2, 3, 4),
        ('A', 'B', 0.4, 0.5, 0.1, 1, 2, 3, 4),
        ('B', 'B', 0.2, 0.8, 0.0, 1, 2, 3, 4),
        ('B', 'A', 0.5, 0.25, 0.25, 1, 2, 3, 4),
        ('C', 'B', 0.1, 0.5, 0.4, 1, 2, 3, 4),
        ('C', 'A', 0.5, 0.3, 0.2, 1, 2, 3, 4),
        (NULL, 'A', 0.9, 0.05, 0.05, 1, 2, 3, 4)
      ) t("Species (true)", prediction, "prob_A", "prob_B", "prob_C", a, p, c, d)`,
    );
    await h.table(
      'temperatures',
      `SELECT * FROM (VALUES (1.0, 1.5), (2.0, 2.0), (3.0, 2.0), (4.0, 5.0), (NULL, 3.0), (5.0, NULL)) t("Max temp (°C)", "say ""hi""")`,
    );
  });
  afterAll(() => h.close());

  it('scores classification: accuracy, macro precision/recall/F1 counting a never-predicted class as 0, log loss', async () => {
    const { out } = await h.run('evaluate', { target: 'Species (true)' }, { in: 'scored' });
    // 7 rows with a truth; right: rows 1, 2, 4.
    // A: tp 2, fp 2, fn 1 → P 1/2, R 2/3, F1 4/7.  B: tp 1, fp 2, fn 1 → P 1/3, R 1/2, F1 2/5.  C: all 0.
    // Log loss: −mean ln(p of the true class) = −(ln .7 + ln .6 + ln .4 + ln .8 + ln .25 + ln .4 + ln .2) / 7.
    expectClose(metrics(out), {
      accuracy: 3 / 7,
      precision_macro: (1 / 2 + 1 / 3 + 0) / 3,
      recall_macro: (2 / 3 + 1 / 2 + 0) / 3,
      f1_macro: (4 / 7 + 2 / 5 + 0) / 3,
      log_loss: -(Math.log(0.7) + Math.log(0.6) + Math.log(0.4) + Math.log(0.8) + Math.log(0.25) + Math.log(0.4) + Math.log(0.2)) / 7,
      rows: 7,
    });
    expect(out!.rows.map((r) => r.metric)).toEqual(['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'log_loss', 'rows']);
  });

  it('counts actual × predicted pairs in the confusion table, leaving out rows without a truth', async () => {
    const { confusion } = await h.run('evaluate', { target: 'Species (true)' }, { in: 'scored' });
    expect(confusion!.rows).toEqual([
      { actual: 'A', predicted: 'A', count: 2 },
      { actual: 'A', predicted: 'B', count: 1 },
      { actual: 'B', predicted: 'A', count: 1 },
      { actual: 'B', predicted: 'B', count: 1 },
      { actual: 'C', predicted: 'A', count: 1 },
      { actual: 'C', predicted: 'B', count: 1 },
    ]);
  });

  it('clips a probability of 0 for the true class instead of returning infinity, and leaves out log loss without prob_ columns', async () => {
    await h.table('certain', `SELECT * FROM (VALUES ('x', 'y', 0.0, 1.0), ('y', 'y', 0.0, 1.0)) t(truth, prediction, prob_x, prob_y)`);
    const clipped = metrics((await h.run('evaluate', { target: 'truth' }, { in: 'certain' })).out);
    expect(clipped.log_loss).toBeCloseTo(-(Math.log(1e-15) + Math.log(1 - 1e-15)) / 2, 6);

    await h.table('no_probabilities', `SELECT truth, prediction FROM certain`);
    const plain = metrics((await h.run('evaluate', { target: 'truth' }, { in: 'no_probabilities' })).out);
    expect(plain).not.toHaveProperty('log_loss');
    expect(plain.accuracy).toBe(0.5);
  });

  it('counts a missing prediction as wrong in classification', async () => {
    await h.table('gaps', `SELECT * FROM (VALUES ('x', 'x'), ('x', NULL), ('y', 'y'), ('y', 'y')) t(truth, guess)`);
    const { out, confusion } = await h.run('evaluate', { target: 'truth', prediction: 'guess' }, { in: 'gaps' });
    expect(metrics(out)).toMatchObject({ accuracy: 0.75, rows: 4 });
    // x: P 1, R 1/2; y: P 1, R 1.
    expect(metrics(out).recall_macro).toBeCloseTo((1 / 2 + 1) / 2, 10);
    expect(confusion!.rows).toContainEqual({ actual: 'x', predicted: null, count: 1 });
  });

  it('scores regression: RMSE, MAE and R², leaving out rows where truth or prediction is NULL', async () => {
    const { out, confusion } = await h.run('evaluate', { target: 'Max temp (°C)', prediction: 'say "hi"' }, { in: 'temperatures' });
    // Errors −0.5, 0, 1, −1: MSE 2.25/4, MAE 2.5/4; the truths 1..4 have population variance 1.25.
    expectClose(metrics(out), { rmse: Math.sqrt(2.25 / 4), mae: 2.5 / 4, r2: 1 - 2.25 / 4 / 1.25, rows: 4 });
    expect(out!.rows.map((r) => r.metric)).toEqual(['rmse', 'mae', 'r2', 'rows']);
    expect(confusion!.rows).toEqual([]);
    expect(confusion!.columns.map((c) => c.name)).toEqual(['actual', 'predicted', 'count']);
  });

  it('scores regression when the truth is called p and the prediction a (its own working names)', async () => {
    await h.table('swapped', `SELECT * FROM (VALUES (1.0, 2.0), (3.0, 3.0), (NULL, 1.0)) t(p, a)`);
    const m = metrics((await h.run('evaluate', { target: 'p', prediction: 'a', task: 'regression' }, { in: 'swapped' })).out);
    expectClose(m, { rmse: Math.sqrt(1 / 2), mae: 1 / 2, r2: 1 - 1 / 2 / 1, rows: 2 });
  });

  it('gives R² as NULL when every truth is the same (no variance to explain)', async () => {
    await h.table('flat', `SELECT 2.0::DOUBLE AS y, x::DOUBLE AS prediction FROM range(3) r(x)`);
    const m = metrics((await h.run('evaluate', { target: 'y' }, { in: 'flat' })).out);
    expect(m.r2).toBeNull();
    expect(m.mae).toBeCloseTo(1, 10);
  });

  describe('with task: auto', () => {
    beforeAll(async () => {
      await h.table('small_ints', `SELECT (x % 3)::INTEGER AS y, ((x + 1) % 3)::INTEGER AS prediction FROM range(30) r(x)`);
      await h.table('many_ints', `SELECT x::INTEGER AS y, (x + 1)::INTEGER AS prediction FROM range(30) r(x)`);
      await h.table('decimals', `SELECT (x % 2)::DECIMAL(10, 2) AS y, (x % 2)::DECIMAL(10, 2) AS prediction FROM range(4) r(x)`);
      await h.table('flags', `SELECT x % 2 = 0 AS y, true AS prediction FROM range(4) r(x)`);
      // 2^53 and 2^53 + 1 are one number as doubles; as classes they must stay two.
      await h.table('huge', `SELECT * FROM (VALUES (9007199254740992::HUGEINT, 9007199254740993::HUGEINT), (9007199254740993::HUGEINT, 9007199254740993::HUGEINT)) t(y, prediction)`);
    });

    it('treats integers with at most 20 values as classes and with more as numbers', async () => {
      expect(metrics((await h.run('evaluate', { target: 'y' }, { in: 'small_ints' })).out)).toMatchObject({ accuracy: 0 });
      const many = metrics((await h.run('evaluate', { target: 'y' }, { in: 'many_ints' })).out);
      expect(many).toMatchObject({ rmse: 1, mae: 1, rows: 30 });
    });

    it('treats decimals as numbers and booleans as classes', async () => {
      expect(metrics((await h.run('evaluate', { target: 'y' }, { in: 'decimals' })).out)).toMatchObject({ rmse: 0, r2: 1 });
      const flags = await h.run('evaluate', { target: 'y' }, { in: 'flags' });
      expect(metrics(flags.out)).toMatchObject({ accuracy: 0.5 });
      expect(flags.confusion!.rows).toEqual([
        { actual: 'false', predicted: 'true', count: 2 },
        { actual: 'true', predicted: 'true', count: 2 },
      ]);
    });

    it('keeps huge integer classes apart that doubles would merge', async () => {
      const { out, confusion } = await h.run('evaluate', { target: 'y' }, { in: 'huge' });
      expect(metrics(out)).toMatchObject({ accuracy: 0.5 });
      expect(confusion!.rows).toEqual([
        { actual: '9007199254740992', predicted: '9007199254740993', count: 1 },
        { actual: '9007199254740993', predicted: '9007199254740993', count: 1 },
      ]);
    });

    it('follows an explicit task over the rule', async () => {
      const asNumbers = metrics((await h.run('evaluate', { target: 'y', task: 'regression' }, { in: 'small_ints' })).out);
      expect(asNumbers).toHaveProperty('rmse');
      const asClasses = metrics((await h.run('evaluate', { target: 'y', task: 'classification' }, { in: 'many_ints' })).out);
      expect(asClasses).toMatchObject({ accuracy: 0, rows: 30 });
    });
  });

  it('returns the metrics as NULL with 0 rows on an empty input', async () => {
    await h.table('empty', `SELECT 'x'::VARCHAR AS y, 'x'::VARCHAR AS prediction WHERE false`);
    const { out, confusion } = await h.run('evaluate', { target: 'y' }, { in: 'empty' });
    expect(metrics(out)).toMatchObject({ accuracy: null, rows: 0 });
    expect(confusion!.rows).toEqual([]);
  });

  it('names a missing target or prediction column and lists the columns there are', async () => {
    await expect(h.run('evaluate', { target: 'species' }, { in: 'scored' })).rejects.toThrow(
      'Column "species" is not in the input. Columns: Species (true), prediction, prob_A, prob_B, prob_C, a, p, c, d.',
    );
    await expect(h.run('evaluate', { target: 'Max temp (°C)' }, { in: 'temperatures' })).rejects.toThrow(/^Column "prediction" is not in the input\. Columns: Max temp \(°C\), say "hi"\.$/);
  });
});
