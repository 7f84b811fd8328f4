import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { isNumericType, requireDistinct } from '../columns.js';
import { fittedConstants } from '../fitted-constants.js';
import { columnsNamed } from '../input-columns.js';

const METHODS = ['standard', 'minmax', 'robust'] as const;
type Method = (typeof METHODS)[number];

const params = z.strictObject({
  columns: columnList('Numeric columns to rescale.').min(1, 'list at least one column to scale'),
  method: z
    .enum(METHODS)
    .default('standard')
    .meta({
      description:
        'standard: (x - mean) / standard deviation; minmax: (x - min) / (max - min), 0..1 on the fitted data; robust: (x - median) / interquartile range.',
    }),
});

type Params = z.output<typeof params>;

/** Center and spread of one column, as aggregates over the fit data (DOUBLE, so huge integers cannot overflow). */
function statistics(method: Method, column: string): { center: string; spread: string } {
  const x = `CAST(${ident(column)} AS DOUBLE)`;
  switch (method) {
    case 'standard':
      return { center: `avg(${x})`, spread: `stddev_samp(${x})` };
    case 'minmax':
      return { center: `min(${x})`, spread: `max(${x}) - min(${x})` };
    case 'robust':
      return { center: `quantile_cont(${x}, 0.5)`, spread: `quantile_cont(${x}, 0.75) - quantile_cont(${x}, 0.25)` };
  }
}

export const scale = defineTableNode({
  kind: 'table',
  type: 'scale',
  readsInputTwice: true,
  version: 1,
  category: 'transform',
  label: 'Scale',
  description:
    'Rescale numeric columns (standardise, min-max or robust) to DOUBLE; connect `fit` to use the training split\'s statistics so no test data leaks in. A column with no spread becomes 0.',
  aliases: ['standardize', 'standardise', 'normalize', 'normalise', 'z-score', 'standard scaler', 'minmax', 'robust scaler'],
  inputs: [
    { name: 'in', type: 'table' },
    {
      name: 'fit',
      type: 'table',
      optional: true,
      description: 'Where the statistics come from (e.g. the training split). Without it, from `in`.',
    },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { columns: ['bill_length_mm', 'body_mass_g'], method: 'standard' },
  async build(ctx) {
    const p: Params = ctx.params;
    requireDistinct(p.columns, 'columns');
    const targets = await columnsNamed(ctx, 'in', p.columns);
    const fitPort = ctx.hasInput('fit') ? 'fit' : 'in';
    const sources = await columnsNamed(ctx, fitPort, p.columns);
    for (const [port, cols] of [['in', targets], [fitPort, sources]] as const) {
      const bad = cols.find((c) => !isNumericType(c.type));
      if (bad) {
        const where = port === 'in' ? '' : ` in input "${port}"`;
        throw new NodeError(`Column "${bad.name}"${where} is ${bad.type}, not a number, so it cannot be scaled. Convert it first with a cast node, or leave it out.`);
      }
    }

    // Computed once, here, as constants (see fitted-constants.ts): center and spread per column.
    const fitted = await fittedConstants(
      ctx,
      sources.flatMap((c) => {
        const s = statistics(p.method, c.name);
        return [s.center, s.spread];
      }),
      ctx.input(fitPort),
    );
    const scaled = targets.map((c, i) => {
      const [center, spread] = [fitted[2 * i]!, fitted[2 * i + 1]!];
      const x = `CAST(${ident(c.name)} AS DOUBLE)`;
      // No spread (constant column, or a single row for stddev): 0 rather than NULL or infinity.
      return `CASE WHEN ${spread} > 0 THEN (${x} - ${center}) / ${spread} WHEN ${x} IS NOT NULL AND ${center} IS NOT NULL THEN CAST(0 AS DOUBLE) END AS ${ident(c.name)}`;
    });
    return { out: `SELECT * REPLACE (${scaled.join(', ')}) FROM ${ctx.input('in')}` };
  },
});
