import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { availableColumns, requireColumns, requireDistinct, sameName } from '../columns.js';

export const select = defineTableNode({
  kind: 'table',
  type: 'select',
  version: 1,
  category: 'transform',
  label: 'Select columns',
  description: 'Keep only some columns (in the order you list them) or drop the ones you do not need.',
  aliases: ['columns', 'keep columns', 'drop columns', 'remove columns', 'reorder columns', 'project'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z
    .strictObject({
      columns: columnList('Columns to keep, in this order. Omit to keep all columns.').optional(),
      exclude: columnList('Columns to drop.').optional(),
    })
    .refine((p) => p.columns !== undefined || p.exclude !== undefined, 'give `columns` to keep or `exclude` to drop (or both)'),
  example: { columns: ['species', 'bill_length_mm', 'body_mass_g'] },
  async build(ctx) {
    const available = await ctx.columns('in');
    const { columns, exclude } = ctx.params;
    let kept = available;
    if (columns !== undefined) {
      requireDistinct(columns, '`columns`');
      kept = requireColumns(available, columns);
    }
    if (exclude !== undefined) {
      const dropped = requireColumns(available, exclude);
      kept = kept.filter((c) => !dropped.some((d) => sameName(d.name, c.name)));
    }
    if (kept.length === 0) {
      throw new NodeError(`No columns would be left. Available columns: ${availableColumns(available)}.`);
    }
    return { out: `SELECT ${kept.map((c) => ident(c.name)).join(', ')} FROM ${ctx.input('in')}` };
  },
});
