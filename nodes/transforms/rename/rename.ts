import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { requireColumns } from '../columns.js';

export const rename = defineTableNode({
  kind: 'table',
  type: 'rename',
  version: 1,
  category: 'transform',
  label: 'Rename columns',
  description: 'Give columns new names; their order and values stay the same.',
  aliases: ['column names', 'relabel', 'alias'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    columns: z
      .record(z.string().min(1), z.string().trim().min(1, 'a new name cannot be empty'))
      .refine((m) => Object.keys(m).length > 0, 'give at least one column to rename')
      .meta({ description: 'Old name → new name.', ui: 'column-map' }),
  }),
  example: { columns: { bill_length_mm: 'Bill Length (mm)' } },
  async build(ctx) {
    const available = await ctx.columns('in');
    const renames = Object.entries(ctx.params.columns);
    const found = requireColumns(available, renames.map(([old]) => old));
    const newName = new Map<string, string>();
    found.forEach((column, i) => {
      if (newName.has(column.name)) throw new NodeError(`Column "${column.name}" is renamed twice; rename it once.`);
      newName.set(column.name, renames[i]![1]);
    });
    const finalNames = available.map((c) => newName.get(c.name) ?? c.name);
    // DuckDB names ignore case, so `Mass` and `mass` would clash too.
    const owner = new Map<string, string>();
    available.forEach((column, i) => {
      const name = finalNames[i]!;
      const clash = owner.get(name.toLowerCase());
      if (clash !== undefined) {
        throw new NodeError(`Columns "${clash}" and "${column.name}" would both be called "${name}". Choose different names.`);
      }
      owner.set(name.toLowerCase(), column.name);
    });
    const list = available.map((c, i) =>
      finalNames[i] === c.name ? ident(c.name) : `${ident(c.name)} AS ${ident(finalNames[i]!)}`,
    );
    return { out: `SELECT ${list.join(', ')} FROM ${ctx.input('in')}` };
  },
});
