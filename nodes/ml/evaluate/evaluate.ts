import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError, type ColumnInfo } from '../../node-definition.js';
import { column } from '../../params.js';
import { isFloatType, isNumericType } from '../../transforms/columns.js';

const isFractional = (type: string) => isFloatType(type) || type.startsWith('DECIMAL');
const isWhole = (type: string) => isNumericType(type) && !isFractional(type);

/** One metric per row, in a fixed order: `SELECT <n> AS ord, '<name>' AS metric, <expr> AS value FROM …`. */
function metricRows(rows: [string, string, string][]): string {
  return rows.map(([name, expr, from], i) => `SELECT ${i} AS ord, ${literal(name)} AS metric, CAST(${expr} AS DOUBLE) AS value FROM ${from}`).join('\nUNION ALL ');
}

async function decideTask(task: string, target: ColumnInfo, distinct: () => Promise<number>): Promise<'classification' | 'regression'> {
  if (task === 'classification' || task === 'regression') return task;
  if (isFractional(target.type)) return 'regression';
  if (isWhole(target.type)) return (await distinct()) <= 20 ? 'classification' : 'regression';
  return 'classification';
}

export const evaluate = defineTableNode({
  kind: 'table',
  type: 'evaluate',
  version: 1,
  category: 'ml',
  label: 'Evaluate',
  description:
    'Score predictions against the truth: accuracy, macro precision/recall/F1 and log loss for classification (with a confusion matrix); RMSE, MAE and R² for regression.',
  aliases: ['metrics', 'score', 'accuracy', 'confusion matrix', 'rmse'],
  inputs: [{ name: 'in', type: 'table', description: 'Rows with the true target and a prediction column (the output of predict).' }],
  outputs: [
    { name: 'out', type: 'table', description: 'metric, value' },
    { name: 'confusion', type: 'table', description: 'actual, predicted, count (classification)' },
  ],
  params: z.strictObject({
    target: column('The column with the true values.'),
    prediction: z.string().min(1).default('prediction').meta({ description: 'The column with the predictions.', ui: 'column', input: 'in' }),
    task: z.enum(['auto', 'classification', 'regression']).default('auto').meta({
      description: 'auto: text, boolean and integer targets with ≤ 20 values are classification; other numbers regression.',
    }),
  }),
  example: { target: 'Species' },
  async build(ctx) {
    const columns = await ctx.columns('in');
    const find = (name: string) => {
      const c = columns.find((col) => col.name === name);
      if (!c) throw new NodeError(`Column "${name}" is not in the input. Columns: ${columns.map((col) => col.name).join(', ')}.`);
      return c;
    };
    const target = find(ctx.params.target);
    find(ctx.params.prediction);
    const input = ctx.input('in');
    const t = ident(ctx.params.target);
    const p = ident(ctx.params.prediction);
    const task = await decideTask(ctx.params.task, target, async () => Number((await ctx.query(`SELECT count(DISTINCT ${t}) AS n FROM ${input}`))[0]?.n ?? 0));
    if (task === 'regression') {
      const d = `(SELECT CAST(${t} AS DOUBLE) AS a, CAST(${p} AS DOUBLE) AS p FROM ${input} WHERE ${t} IS NOT NULL AND ${p} IS NOT NULL)`;
      const metrics = metricRows([
        ['rmse', 'sqrt(avg((a - p) * (a - p)))', d],
        ['mae', 'avg(abs(a - p))', d],
        ['r2', 'CASE WHEN var_pop(a) = 0 THEN NULL ELSE 1 - avg((a - p) * (a - p)) / var_pop(a) END', d],
        ['rows', 'count(*)', d],
      ]);
      return {
        out: `SELECT metric, value FROM (${metrics}) ORDER BY ord`,
        confusion: `SELECT CAST(NULL AS VARCHAR) AS actual, CAST(NULL AS VARCHAR) AS predicted, CAST(0 AS BIGINT) AS count WHERE false`,
      };
    }
    // Only the columns the metrics need, under working names: a `*` here would let input columns
    // called a, p or c collide with them ("Ambiguous reference to column name").
    const probabilityColumns = columns.filter((c) => c.name.startsWith('prob_'));
    const probs = probabilityColumns.map((c, i) => `, ${ident(c.name)} AS __prob_${i}`).join('');
    const data = `(SELECT CAST(${t} AS VARCHAR) AS __actual, CAST(${p} AS VARCHAR) AS __predicted${probs} FROM ${input} WHERE ${t} IS NOT NULL)`;
    const classes = `(SELECT __actual AS __class FROM ${data} UNION SELECT __predicted FROM ${data} WHERE __predicted IS NOT NULL)`;
    const perClass = `(SELECT k.__class,
        count(*) FILTER (WHERE d.__actual = k.__class AND d.__predicted = k.__class) AS tp,
        count(*) FILTER (WHERE d.__predicted = k.__class AND d.__actual <> k.__class) AS fp,
        count(*) FILTER (WHERE d.__actual = k.__class AND d.__predicted IS DISTINCT FROM k.__class) AS fn
      FROM ${classes} k CROSS JOIN ${data} d GROUP BY k.__class)`;
    const scores = `(SELECT CASE WHEN tp + fp = 0 THEN 0 ELSE tp / (tp + fp) END AS prec, CASE WHEN tp + fn = 0 THEN 0 ELSE tp / (tp + fn) END AS rec FROM ${perClass})`;
    const rows: [string, string, string][] = [
      ['accuracy', 'avg(CASE WHEN __actual = __predicted THEN 1 ELSE 0 END)', data],
      ['precision_macro', 'avg(prec)', scores],
      ['recall_macro', 'avg(rec)', scores],
      ['f1_macro', 'avg(CASE WHEN prec + rec = 0 THEN 0 ELSE 2 * prec * rec / (prec + rec) END)', scores],
    ];
    // Log loss needs a probability per class: the prob_<class> columns predict adds when asked.
    if (probabilityColumns.length > 0) {
      const cases = probabilityColumns.map((c, i) => `WHEN ${literal(c.name.slice('prob_'.length))} THEN __prob_${i}`).join(' ');
      rows.push(['log_loss', `-avg(ln(greatest(least(CASE __actual ${cases} ELSE 0 END, 1 - 1e-15), 1e-15)))`, data]);
    }
    rows.push(['rows', 'count(*)', data]);
    return {
      out: `SELECT metric, value FROM (${metricRows(rows)}) ORDER BY ord`,
      confusion: `SELECT __actual AS actual, __predicted AS predicted, count(*) AS count FROM ${data} GROUP BY ALL ORDER BY actual, predicted`,
    };
  },
});
