import { z } from 'zod';
import { literal } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';

export const limit = defineTableNode({
  kind: 'table',
  type: 'limit',
  version: 1,
  category: 'transform',
  label: 'First rows',
  description: 'Keep the first rows of a table (optionally after skipping some), in their current order.',
  aliases: ['head', 'top', 'first rows', 'take', 'offset', 'skip'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    count: z.number().int().min(0).meta({ description: 'How many rows to keep.' }),
    offset: z.number().int().min(0).default(0).meta({ description: 'How many rows to skip first.' }),
  }),
  example: { count: 1000 },
  build(ctx) {
    const { count, offset } = ctx.params;
    const skip = offset > 0 ? ` OFFSET ${literal(offset)}` : '';
    return { out: `SELECT * FROM ${ctx.input('in')} LIMIT ${literal(count)}${skip}` };
  },
});
