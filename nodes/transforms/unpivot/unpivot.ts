import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError, type ColumnInfo } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { isNumericType, requireDistinct } from '../columns.js';
import { columnsNamed, isIntegerType } from '../input-columns.js';

const params = z.strictObject({
  columns: columnList('Columns whose values become rows (the other columns are repeated on each row).').min(1, 'list at least one column to unpivot'),
  name_column: z.string().min(1).default('name').meta({ description: 'Name of the new column holding the old column names.' }),
  value_column: z.string().min(1).default('value').meta({ description: 'Name of the new column holding the values.' }),
});

type Params = z.output<typeof params>;

/**
 * The value column needs one type. Same type: kept. Only integer types: DuckDB's common integer
 * type. Numbers of mixed kinds: DOUBLE (DuckDB would pick FLOAT for FLOAT + BIGINT, losing digits).
 * Anything else: text.
 */
function valueCast(columns: readonly ColumnInfo[]): (sql: string) => string {
  const types = new Set(columns.map((c) => c.type));
  if (types.size === 1) return (sql) => sql;
  if ([...types].every(isIntegerType)) return (sql) => sql;
  if ([...types].every(isNumericType)) return (sql) => `CAST(${sql} AS DOUBLE)`;
  return (sql) => `CAST(${sql} AS VARCHAR)`;
}

export const unpivot = defineTableNode({
  kind: 'table',
  type: 'unpivot',
  version: 1,
  category: 'transform',
  label: 'Unpivot (wide to long)',
  description:
    'Turn columns into rows: each listed column becomes a (name, value) row, NULLs included. Columns of one type keep it; mixed number types become DOUBLE; any other mix becomes text.',
  aliases: ['melt', 'long', 'wide to long', 'gather', 'stack'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { columns: ['q1', 'q2', 'q3', 'q4'], name_column: 'quarter', value_column: 'sales' },
  async build(ctx) {
    const p: Params = ctx.params;
    requireDistinct(p.columns, 'columns');
    const melted = await columnsNamed(ctx, 'in', p.columns);
    const meltedNames = new Set(melted.map((c) => c.name));
    const kept = (await ctx.columns('in')).filter((c) => !meltedNames.has(c.name));
    if (p.name_column.toLowerCase() === p.value_column.toLowerCase()) {
      throw new NodeError(`name_column and value_column are both "${p.value_column}"; give them different names.`);
    }
    for (const [param, name] of [['name_column', p.name_column], ['value_column', p.value_column]] as const) {
      const clash = kept.find((c) => c.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new NodeError(`The input already has a column "${clash.name}", which is kept; choose another ${param}.`);
    }

    const cast = valueCast(melted);
    // Two unnests in one SELECT advance together: row i of the names pairs with row i of the values.
    const names = `unnest([${melted.map((c) => literal(c.name)).join(', ')}])`;
    const values = `unnest([${melted.map((c) => cast(ident(c.name))).join(', ')}])`;
    const select = [...kept.map((c) => ident(c.name)), `${names} AS ${ident(p.name_column)}`, `${values} AS ${ident(p.value_column)}`];
    return { out: `SELECT ${select.join(', ')} FROM ${ctx.input('in')}` };
  },
});
