import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { columnList, expressionMap } from '../../params.js';
import { findColumn, requireDistinct } from '../columns.js';
import { columnsNamed } from '../input-columns.js';
import { classifyWindowExpression, FRAMELESS_FUNCTIONS } from './window-expression.js';

const orderKey = z.union([
  z.string().min(1, 'column names cannot be empty'),
  z.strictObject({
    column: z.string().min(1, 'a column name is required').meta({ description: 'Column to order by.' }),
    descending: z.boolean().default(false).meta({ description: 'Largest (latest) first.' }),
  }),
]);

const frameBound = z.number().int().min(0).nullable();

const params = z
  .strictObject({
    partition_by: columnList('Compute separately within each group of these columns (e.g. per store).').default([]),
    order_by: z
      .array(orderKey)
      .default([])
      .meta({ description: 'Row order inside each group: column names, or `{column, descending}`.', ui: 'columns', input: 'in' }),
    frame_rows: z
      .tuple([frameBound, frameBound])
      .optional()
      .meta({
        description:
          'Rows the aggregates see: `[preceding, following]` around the current row, `null` for unbounded, e.g. `[6, 0]` for a 7-row rolling window. ' +
          'Default: from the start of the group to the current row (the whole group without order_by). Ranks, lag and lead ignore it.',
      }),
    columns: expressionMap(
      'New column → window function call, e.g. `avg("Sales ($)")`, `lag(price, 1)`, `rank()`. `OVER w` is added; an expression may also say `OVER w` itself, e.g. `x / sum(x) OVER w`.',
    ),
  })
  .superRefine((p, ctx) => {
    if (p.frame_rows && p.order_by.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['frame_rows'], message: 'frame_rows needs order_by: a rolling window counts rows in some order' });
    }
  });

type Params = z.output<typeof params>;

function frameSql([preceding, following]: [number | null, number | null]): string {
  const start = preceding === null ? 'UNBOUNDED PRECEDING' : preceding === 0 ? 'CURRENT ROW' : `${preceding} PRECEDING`;
  const end = following === null ? 'UNBOUNDED FOLLOWING' : following === 0 ? 'CURRENT ROW' : `${following} FOLLOWING`;
  return `ROWS BETWEEN ${start} AND ${end}`;
}

/** The column expression with its OVER clause, or a NodeError naming the column. */
function windowed(name: string, expression: string, framed: boolean): string {
  const shape = classifyWindowExpression(expression);
  const trimmed = expression.trim();
  if (shape.kind === 'has-over') return `(${trimmed})`;
  if (shape.kind === 'other') {
    throw new NodeError(
      `Column "${name}": \`${trimmed}\` is not a single function call. Write one window or aggregate function such as \`avg(price)\`, \`lag(price, 1)\` or \`rank()\`, ` +
        'or write the OVER yourself (`x - avg(x) OVER w`).',
    );
  }
  // Positional functions ignore (or in other engines reject) a ROWS frame: give them the unframed window.
  const window = framed && FRAMELESS_FUNCTIONS.has(shape.functionName) ? 'w_unframed' : 'w';
  return `${trimmed} OVER ${window}`;
}

export const windowNode = defineTableNode({
  kind: 'table',
  type: 'window',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'Window',
  description: 'Add columns computed over neighbouring rows, such as rolling means, running totals, lags and ranks, optionally per group.',
  aliases: ['rolling', 'moving average', 'lag', 'lead', 'rank', 'running total', 'cumulative', 'over'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { partition_by: ['store'], order_by: ['date'], frame_rows: [6, 0], columns: { sales_7d: 'avg(sales)', previous: 'lag(sales, 1)' } },
  async build(ctx) {
    const p: Params = ctx.params;
    const orderKeys = p.order_by.map((k) => (typeof k === 'string' ? { column: k, descending: false } : k));
    requireDistinct(p.partition_by, 'partition_by');
    const partition = await columnsNamed(ctx, 'in', p.partition_by);
    const order = await columnsNamed(ctx, 'in', orderKeys.map((k) => k.column));
    const inputColumns = await ctx.columns('in');

    const partitionSql = partition.length > 0 ? `PARTITION BY ${partition.map((c) => ident(c.name)).join(', ')}` : '';
    const orderSql = order.length > 0 ? `ORDER BY ${order.map((c, i) => `${ident(c.name)}${orderKeys[i]!.descending ? ' DESC' : ''}`).join(', ')}` : '';
    const unframed = [partitionSql, orderSql].filter((s) => s !== '').join(' ');
    const framed = p.frame_rows !== undefined;
    const windows = [`w AS (${[unframed, framed ? frameSql(p.frame_rows!) : ''].filter((s) => s !== '').join(' ')})`];
    if (framed) windows.push(`w_unframed AS (${unframed})`);

    requireDistinct(Object.keys(p.columns), 'columns');
    const replaced: string[] = [];
    const added: string[] = [];
    for (const [name, expression] of Object.entries(p.columns)) {
      const existing = findColumn(inputColumns, name);
      // A name that already exists replaces that column in place, as derive does.
      if (existing) replaced.push(`${windowed(name, expression, framed)} AS ${ident(existing.name)}`);
      else added.push(`${windowed(name, expression, framed)} AS ${ident(name)}`);
    }
    const star = replaced.length > 0 ? `* REPLACE (${replaced.join(', ')})` : '*';
    return { out: `SELECT ${[star, ...added].join(', ')} FROM ${ctx.input('in')} WINDOW ${windows.join(', ')}` };
  },
});
