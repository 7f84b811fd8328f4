import { z } from 'zod';
import { ident, literal, typeName } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { typeMap } from '../../params.js';
import { requireColumns, requireDistinct } from '../columns.js';

/** How much of an offending value the error message quotes. */
const EXAMPLE_CHARS = 60;

export const cast = defineTableNode({
  kind: 'table',
  type: 'cast',
  version: 1,
  category: 'transform',
  label: 'Change column types',
  description: 'Convert columns to another type (e.g. text to numbers or dates); values that cannot be converted fail the node or become NULL.',
  aliases: ['convert', 'type', 'types', 'dtype', 'astype', 'parse'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    columns: typeMap('Column → DuckDB type, e.g. `year: INTEGER`.').refine(
      (m) => Object.keys(m).length > 0,
      'give at least one column to convert',
    ),
    on_error: z
      .enum(['fail', 'null'])
      .default('fail')
      .meta({ description: 'What to do with a value that cannot be converted: `fail` the node (naming the value) or make it `null`.' }),
  }),
  example: { columns: { year: 'INTEGER', body_mass_g: 'DOUBLE' }, on_error: 'null' },
  async build(ctx) {
    const entries = Object.entries(ctx.params.columns);
    requireDistinct(entries.map(([name]) => name), '`columns`');
    const found = requireColumns(await ctx.columns('in'), entries.map(([name]) => name));
    const replacements = found.map((column, i) => {
      const type = typeName(entries[i]![1]);
      const col = ident(column.name);
      const tryCast = `TRY_CAST(${col} AS ${type})`;
      if (ctx.params.on_error === 'null') return `${tryCast} AS ${col}`;
      // Checked row by row inside the query, so the relation stays lazy and the error quotes a real value.
      const message =
        `${literal(`Column "${column.name}": the value '`)} || left(CAST(${col} AS VARCHAR), ${EXAMPLE_CHARS}) || ` +
        literal(`' cannot be converted to ${type}. Fix the data, or set on_error: null to turn such values into NULL.`);
      return `CASE WHEN ${col} IS NOT NULL AND ${tryCast} IS NULL THEN error(${message}) ELSE ${tryCast} END AS ${col}`;
    });
    return { out: `SELECT * REPLACE (${replacements.join(', ')}) FROM ${ctx.input('in')}` };
  },
});
