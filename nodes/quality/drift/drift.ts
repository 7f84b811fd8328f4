import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { NodeError, defineTableNode, type BaseContext, type CheckResult, type ColumnInfo } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { listOf, requireColumns } from '../wording.js';
import { ksSql, psiSql, valueExpression, valueKind, type ValueKind } from './drift-sql.js';

const DEFAULT_THRESHOLD = { psi: 0.2, ks: 0.1 } as const;

const params = z.strictObject({
  columns: columnList('Columns to compare; default: every column both tables have (lists, structs and blobs are skipped).', 'reference').optional(),
  method: z
    .enum(['psi', 'ks'])
    .default('psi')
    .meta({ description: 'psi: population stability index (numbers and text); ks: Kolmogorov–Smirnov distance (numbers; text columns still use PSI).' }),
  threshold: z
    .number()
    .positive()
    .optional()
    .meta({ description: 'A column has drifted when its statistic is above this. Default: 0.2 for PSI, 0.1 for KS. Text columns under ks use the PSI default.' }),
  bins: z.number().int().min(2).max(100).default(10).meta({ description: 'PSI: number of quantile bins of the reference for numeric columns.' }),
  on_fail: z.enum(['error', 'warn']).default('warn').meta({ description: 'warn: record drifted columns and go on; error: stop the run.' }),
});
type DriftParams = z.output<typeof params>;

interface Plan {
  column: string;
  kind: ValueKind;
  method: 'psi' | 'ks';
  threshold: number;
}

export const drift = defineTableNode({
  kind: 'table',
  type: 'drift',
  version: 1,
  category: 'quality',
  label: 'Drift',
  description: 'Compare each column of a current table with a reference table (e.g. new data vs. training data) and flag columns whose distribution has shifted.',
  aliases: ['data drift', 'distribution shift', 'psi', 'ks', 'kolmogorov smirnov', 'population stability', 'monitoring', 'compare'],
  inputs: [
    { name: 'reference', type: 'table', description: 'The data the model knows, e.g. the training set.' },
    { name: 'current', type: 'table', description: 'The data to compare with it, e.g. this week\'s rows.' },
  ],
  outputs: [{ name: 'out', type: 'table', description: 'One row per column: column, method, statistic, threshold, drifted.' }],
  params,
  example: { columns: ['bill_length_mm', 'island'], method: 'psi', threshold: 0.2 },
  async build(ctx) {
    const plans = await planColumns(ctx);
    const reference = ctx.input('reference');
    const current = ctx.input('current');
    const rows = plans.map((p, i) => {
      const value = valueExpression(p.column, p.kind);
      const statistic = p.method === 'ks' ? ksSql(reference, current, value) : psiSql(reference, current, value, p.kind, ctx.params.bins);
      return `SELECT ${i} AS ord, ${literal(p.column)} AS ${ident('column')}, ${literal(p.method)} AS method, CAST(${statistic} AS DOUBLE) AS statistic, CAST(${literal(p.threshold)} AS DOUBLE) AS threshold`;
    });
    return {
      out: `SELECT ${ident('column')}, method, statistic, threshold, statistic > threshold AS drifted FROM (${rows.join(' UNION ALL ')}) ORDER BY ord`,
    };
  },
  async check(ctx) {
    const rows = await ctx.query(`SELECT * FROM ${ctx.output('out')}`);
    const results = rows.map((row): CheckResult => {
      const column = String(row.column);
      const method = String(row.method);
      const statistic = typeof row.statistic === 'number' ? row.statistic : null;
      const threshold = Number(row.threshold);
      // Under method ks a text column is measured with PSI instead (KS needs an order).
      const note = method !== ctx.params.method ? ' (KS needs numbers, so this text column is compared with PSI)' : '';
      if (statistic === null) {
        return { check: method, column, passed: false, detail: `could not be computed: the reference or the current table has no values in this column${note}` };
      }
      const drifted = row.drifted === true;
      const shown = `${method.toUpperCase()} ${Number(statistic.toPrecision(3))}`;
      const detail = drifted ? `${shown} is above the threshold ${threshold}: the distribution has shifted${note}` : `${shown} is within the threshold ${threshold}${note}`;
      return { check: method, column, passed: !drifted, detail, value: statistic };
    });
    return { onFail: ctx.params.on_fail, results };
  },
});

/** Which columns to compare, and how; errors name the column and the problem. */
async function planColumns(ctx: BaseContext<DriftParams>): Promise<Plan[]> {
  const { columns, method, threshold } = ctx.params;
  const reference = await ctx.columns('reference');
  const current = await ctx.columns('current');
  const byName = (list: ColumnInfo[], name: string) => list.find((c) => c.name.toLowerCase() === name.toLowerCase());
  let chosen: ColumnInfo[];
  if (columns !== undefined) {
    requireColumns(reference, columns, 'the reference table');
    requireColumns(current, columns, 'the current table');
    chosen = columns.map((name) => byName(reference, name)).filter((c): c is ColumnInfo => c !== undefined);
  } else {
    chosen = reference.filter((c) => byName(current, c.name) !== undefined);
    const skipped = chosen.filter((c) => valueKind(c.type) === undefined);
    if (skipped.length > 0) ctx.log(`drift: skipped columns whose type has no distribution to compare: ${listOf(skipped.map((c) => `${c.name} (${c.type})`))}`);
    chosen = chosen.filter((c) => valueKind(c.type) !== undefined);
    if (chosen.length === 0) throw new NodeError('The reference and current tables have no comparable columns in common (numbers, dates, text or booleans).');
  }
  return chosen.map((ref) => {
    const cur = byName(current, ref.name);
    const kind = valueKind(ref.type);
    if (kind === undefined) throw new NodeError(`Column "${ref.name}" is ${ref.type}: drift compares numbers, dates and timestamps, text and booleans only.`);
    if (cur === undefined || valueKind(cur.type) !== kind) {
      throw new NodeError(`Column "${ref.name}" is ${ref.type} in the reference but ${cur?.type ?? 'missing'} in the current table; cast one side so both match.`);
    }
    const used = kind === 'category' ? 'psi' : method;
    // A user threshold belongs to the chosen method; a text column measured with PSI under ks keeps PSI's default.
    const limit = used === method ? (threshold ?? DEFAULT_THRESHOLD[method]) : DEFAULT_THRESHOLD[used];
    return { column: ref.name, kind, method: used, threshold: limit };
  });
}
