import { z } from 'zod';
import { expr, ident } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { expressionMap } from '../../params.js';
import { findColumn } from '../columns.js';

export const derive = defineTableNode({
  kind: 'table',
  type: 'derive',
  version: 1,
  category: 'transform',
  label: 'Derive columns',
  description: 'Add new columns (or overwrite existing ones) computed from SQL expressions; later ones can use earlier ones.',
  aliases: ['compute', 'calculate', 'new column', 'mutate', 'assign', 'with column', 'formula', 'feature'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    columns: expressionMap(
      'Column name → DuckDB SQL expression, applied in order. A name that exists is replaced in place; a new one is added at the end.',
    ),
  }),
  example: { columns: { bill_ratio: 'bill_length_mm / bill_depth_mm', heavy: 'body_mass_g > 4500' } },
  async build(ctx) {
    const columns = (await ctx.columns('in')).map((c) => ({ ...c }));
    let from = ctx.input('in');
    let sql = '';
    // One SELECT per entry, nested, so each expression sees the columns derived before it.
    for (const [name, expression] of Object.entries(ctx.params.columns)) {
      const existing = findColumn(columns, name);
      if (existing) {
        // REPLACE takes the alias's spelling, so keep the existing column's exact name.
        sql = `SELECT * REPLACE (${expr(expression)} AS ${ident(existing.name)}) FROM ${from}`;
      } else {
        sql = `SELECT *, ${expr(expression)} AS ${ident(name)} FROM ${from}`;
        columns.push({ name, type: '' });
      }
      from = `(${sql})`;
    }
    return { out: sql };
  },
});
