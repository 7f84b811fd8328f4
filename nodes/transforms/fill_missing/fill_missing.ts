import { z } from 'zod';
import { ident, literal, SqlBuildError, typeName } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError, type ColumnInfo } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { fittedConstants } from '../fitted-constants.js';
import { isFloatType, isNumericType, missingTest, requireColumns, requireDistinct } from '../columns.js';

const strategies = ['constant', 'mean', 'median', 'mode'] as const;
type Strategy = (typeof strategies)[number];

const IN = ident('__in');

/** The column's DuckDB type as SQL, or a NodeError for types a fill value cannot be written in. */
function castableType(column: ColumnInfo): string {
  try {
    return typeName(column.type);
  } catch (error) {
    if (!(error instanceof SqlBuildError)) throw error;
    throw new NodeError(`Column "${column.name}" has type ${column.type}, which fill_missing cannot convert a fill value to. It fills numbers, text, dates, times and booleans.`);
  }
}

/** An aggregate over the `fit` relation giving the statistic for one column (missing values ignored). */
function statistic(strategy: Exclude<Strategy, 'constant'>, column: ColumnInfo, fit: string): string {
  const col = ident(column.name);
  const present = `NOT ${missingTest(column)}`;
  if (strategy === 'mean') return `avg(${col}) FILTER (WHERE ${present})`;
  if (strategy === 'median') return `median(${col}) FILTER (WHERE ${present})`;
  // Ties go to the smallest value, so the mode never depends on scan order.
  return `(SELECT ${col} FROM ${fit} WHERE ${present} GROUP BY ${col} ORDER BY count(*) DESC, ${col} ASC LIMIT 1)`;
}

export const fillMissing = defineTableNode({
  kind: 'table',
  type: 'fill_missing',
  readsInputTwice: true,
  version: 1,
  category: 'transform',
  label: 'Fill missing values',
  description:
    'Replace missing values (NULL, or NaN in decimal-number columns) with a constant or the column mean, median or most common value; connect the training split to `fit` to use its statistics.',
  aliases: ['fillna', 'impute', 'imputation', 'replace nulls', 'missing', 'null', 'nan', 'coalesce'],
  inputs: [
    { name: 'in', type: 'table', description: 'The table whose missing values are filled.' },
    {
      name: 'fit',
      type: 'table',
      optional: true,
      description: 'Optional: the table the statistics come from (e.g. the training split). Defaults to `in`.',
    },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params: z
    .strictObject({
      columns: columnList('Columns to fill.').min(1, 'give at least one column'),
      strategy: z.enum(strategies).meta({
        description: 'What to fill with: a `constant` value, or the `mean`, `median` or `mode` (most common value) of the column.',
      }),
      value: z
        .union([z.string(), z.number(), z.boolean()])
        .optional()
        .meta({ description: 'The fill value for strategy `constant`; it is converted to each column’s type.' }),
    })
    .superRefine((p, issue) => {
      if (p.strategy === 'constant' && p.value === undefined) {
        issue.addIssue({ code: 'custom', path: ['value'], message: 'strategy `constant` needs a `value`' });
      }
      if (p.strategy !== 'constant' && p.value !== undefined) {
        issue.addIssue({ code: 'custom', path: ['value'], message: '`value` is only used with strategy `constant`' });
      }
    }),
  example: { columns: ['bill_length_mm', 'body_mass_g'], strategy: 'median' },
  async build(ctx) {
    const { columns, strategy, value } = ctx.params;
    requireDistinct(columns, '`columns`');
    const targets = requireColumns(await ctx.columns('in'), columns);
    const fills: string[] = [];

    if (strategy === 'constant') {
      for (const column of targets) {
        const type = castableType(column);
        const fill = `CAST(${literal(value ?? null)} AS ${type})`;
        // A tiny query without data: a value that does not fit the column is refused before any run.
        const [check] = await ctx.query(`SELECT TRY_CAST(${literal(value ?? null)} AS ${type}) IS NULL AS bad`);
        if (check?.bad === true) {
          throw new NodeError(`The value ${JSON.stringify(value)} cannot be converted to ${column.type}, the type of column "${column.name}".`);
        }
        fills.push(fill);
      }
    } else {
      const fitPort = ctx.hasInput('fit') ? 'fit' : 'in';
      const where = fitPort === 'fit' ? ' in the `fit` input' : '';
      const sources = requireColumns(await ctx.columns(fitPort), columns, where);
      if (strategy !== 'mode') {
        const nonNumeric = targets.find((c) => !isNumericType(c.type)) ?? sources.find((c) => !isNumericType(c.type));
        if (nonNumeric) {
          throw new NodeError(
            `Column "${nonNumeric.name}" is ${nonNumeric.type}, not a number, so it has no ${strategy}. Use strategy mode or constant for it.`,
          );
        }
      }
      // Computed once, here, as constants (see fitted-constants.ts).
      const fit = ctx.input(fitPort);
      const statistics = await fittedConstants(ctx, sources.map((c) => statistic(strategy, c, fit)), strategy === 'mode' ? null : fit);
      targets.forEach((column, i) => fills.push(`CAST(${statistics[i]!} AS ${castableType(column)})`));
    }

    const replacements = targets.map((column, i) => {
      const col = `${IN}.${ident(column.name)}`;
      const fill = fills[i]!;
      const filled = isFloatType(column.type) ? `CASE WHEN ${missingTest(column, IN)} THEN ${fill} ELSE ${col} END` : `COALESCE(${col}, ${fill})`;
      return `${filled} AS ${ident(column.name)}`;
    });
    return { out: `SELECT ${IN}.* REPLACE (${replacements.join(', ')}) FROM ${ctx.input('in')} AS ${IN}` };
  },
});
