import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { column } from '../../params.js';
import { requireColumns, unusedName } from '../columns.js';

const sortKey = z.strictObject({
  column: column('Column to sort by.'),
  descending: z.boolean().default(false).meta({ description: 'Largest first.' }),
  nulls_first: z.boolean().optional().meta({ description: 'Put missing values first. Default: last.' }),
});

export const sort = defineTableNode({
  kind: 'table',
  type: 'sort',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'Sort rows',
  description: 'Order rows by one or more columns; rows that tie keep their input order.',
  aliases: ['order', 'order by', 'arrange', 'rank', 'sort values'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    by: z.array(sortKey).min(1, 'give at least one column to sort by').meta({ description: 'Sort keys, most important first.' }),
  }),
  example: { by: [{ column: 'body_mass_g', descending: true }, { column: 'species' }] },
  async build(ctx) {
    const available = await ctx.columns('in');
    const { by } = ctx.params;
    const found = requireColumns(available, by.map((k) => k.column));
    const keys = found.map((c, i) => {
      const key = by[i]!;
      return `${ident(c.name)} ${key.descending ? 'DESC' : 'ASC'} ${key.nulls_first ? 'NULLS FIRST' : 'NULLS LAST'}`;
    });
    // DuckDB's sort is not stable: the input position breaks ties, so equal keys keep their order.
    const position = ident(unusedName(available.map((c) => c.name), '__position'));
    return {
      out:
        `SELECT * EXCLUDE (${position}) FROM (SELECT *, row_number() OVER () AS ${position} FROM ${ctx.input('in')}) ` +
        `ORDER BY ${keys.join(', ')}, ${position}`,
    };
  },
});
