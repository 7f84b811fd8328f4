import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { requireColumns, requireDistinct, unusedName } from '../columns.js';
import { keepFirstRows } from '../first-rows.js';

export const dedupe = defineTableNode({
  kind: 'table',
  type: 'dedupe',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'Remove duplicates',
  description: 'Keep one row per distinct combination of the chosen columns (all columns by default): the first one in input order.',
  aliases: ['distinct', 'unique', 'drop duplicates', 'deduplicate', 'duplicates'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    columns: columnList('Columns that identify a duplicate. Omit to remove only rows that are identical in every column.')
      .min(1, 'give at least one column, or omit `columns` to compare whole rows')
      .optional(),
  }),
  example: { columns: ['individual_id'] },
  async build(ctx) {
    const available = await ctx.columns('in');
    if (ctx.params.columns) requireDistinct(ctx.params.columns, '`columns`');
    const keys = ctx.params.columns === undefined ? available : requireColumns(available, ctx.params.columns);
    const position = unusedName(available.map((c) => c.name), '__position');
    return {
      out: keepFirstRows({
        relation: `(SELECT *, row_number() OVER () AS ${ident(position)} FROM ${ctx.input('in')})`,
        keys: keys.map((k) => k.name),
        order: [position],
      }),
    };
  },
});
