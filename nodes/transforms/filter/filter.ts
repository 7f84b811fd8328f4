import { z } from 'zod';
import { expr } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { sqlExpression } from '../../params.js';

export const filter = defineTableNode({
  kind: 'table',
  type: 'filter',
  version: 1,
  category: 'transform',
  label: 'Filter rows',
  description: 'Keep the rows for which a SQL condition is true (rows where it is NULL are dropped).',
  aliases: ['where', 'keep rows', 'subset'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    condition: sqlExpression('A DuckDB SQL condition, e.g. `"Body Mass (g)" > 4000 AND island = \'Dream\'`.'),
  }),
  example: { condition: 'species IS NOT NULL AND body_mass_g > 3000' },
  build: (ctx) => ({ out: `SELECT * FROM ${ctx.input('in')} WHERE ${expr(ctx.params.condition)}` }),
});
