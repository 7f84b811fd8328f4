import { z } from 'zod';
import { defineTableNode } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { missingTest, requireColumns } from '../columns.js';

export const dropMissing = defineTableNode({
  kind: 'table',
  type: 'drop_missing',
  version: 1,
  category: 'transform',
  label: 'Drop missing values',
  description: 'Remove rows that have a missing value (NULL, or NaN in a decimal-number column) in any of the chosen columns.',
  aliases: ['dropna', 'remove nulls', 'drop nulls', 'missing', 'null', 'nan', 'incomplete rows', 'clean'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    columns: columnList('Columns to check. Omit to drop rows with a missing value in any column.').optional(),
  }),
  example: { columns: ['bill_length_mm', 'sex'] },
  async build(ctx) {
    const available = await ctx.columns('in');
    const checked = ctx.params.columns === undefined ? available : requireColumns(available, ctx.params.columns);
    const from = `SELECT * FROM ${ctx.input('in')}`;
    if (checked.length === 0) return { out: from };
    return { out: `${from} WHERE NOT (${checked.map((c) => missingTest(c)).join(' OR ')})` };
  },
});
