import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { findColumn, unusedName } from '../columns.js';
import { keepFirstRows } from '../first-rows.js';

export const union = defineTableNode({
  kind: 'table',
  type: 'union',
  version: 1,
  category: 'transform',
  label: 'Stack tables',
  description: 'Append the rows of table b below those of table a, matching columns by name (missing ones become NULL) or by position.',
  aliases: ['append', 'concat', 'concatenate', 'stack', 'bind rows', 'union all', 'combine rows'],
  inputs: [
    { name: 'a', type: 'table', description: 'Rows that come first.' },
    { name: 'b', type: 'table', description: 'Rows appended after them.' },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    by_name: z
      .boolean()
      .default(true)
      .meta({ description: 'Match columns by name (a column only one table has is NULL for the other). Off: by position, named as in a.' }),
    distinct: z.boolean().default(false).meta({ description: 'Keep only the first of rows that are identical.' }),
  }),
  example: { by_name: true, distinct: false },
  async build(ctx) {
    const { by_name: byName, distinct } = ctx.params;
    const a = await ctx.columns('a');
    const b = await ctx.columns('b');
    if (!byName && a.length !== b.length) {
      throw new NodeError(
        `Matching columns by position needs the same number of columns, but a has ${a.length} and b has ${b.length}. ` +
          'Select matching columns first, or set by_name: true.',
      );
    }
    const setOp = byName ? 'UNION ALL BY NAME' : 'UNION ALL';
    if (!distinct) return { out: `SELECT * FROM ${ctx.input('a')} ${setOp} SELECT * FROM ${ctx.input('b')}` };

    // Distinct keeps the first copy of each row (a before b, then input order), so the result never depends on threads.
    const output = byName ? [...a, ...b.filter((c) => !findColumn(a, c.name))] : a;
    const taken = [...a, ...b].map((c) => c.name);
    const side = unusedName(taken, '__side');
    const position = unusedName(taken, '__position');
    const tagged = (port: 'a' | 'b', n: number) =>
      `SELECT *, ${n} AS ${ident(side)}, row_number() OVER () AS ${ident(position)} FROM ${ctx.input(port)}`;
    return {
      out: keepFirstRows({
        relation: `(${tagged('a', 0)} ${setOp} ${tagged('b', 1)})`,
        keys: output.map((c) => c.name),
        order: [side, position],
      }),
    };
  },
});
