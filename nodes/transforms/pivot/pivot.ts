import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { column, columnList } from '../../params.js';
import { isNumericType, requireDistinct } from '../columns.js';
import { columnsNamed, reserveName } from '../input-columns.js';

const AGGREGATES = ['sum', 'avg', 'count', 'min', 'max', 'first'] as const;

const params = z.strictObject({
  index: columnList('Columns that identify an output row (one row per distinct combination); empty for a single row.').default([]),
  columns: column('Column whose distinct values become the new columns.'),
  values: column('Column whose values fill the new columns.'),
  aggregate: z
    .enum(AGGREGATES)
    .default('sum')
    .meta({ description: 'How values that land in the same cell are combined (`count` counts non-NULL values; `first` takes any one).' }),
  max_columns: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(100)
    .meta({ description: 'Refuse to create more columns than this (a safety net against pivoting an ID column).' }),
});

type Params = z.output<typeof params>;

export const pivot = defineTableNode({
  kind: 'table',
  type: 'pivot',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'Pivot (long to wide)',
  description:
    'Turn the distinct values of one column into columns, filled with an aggregate of another column: one row per index value (a NULL category becomes a column named "NULL").',
  aliases: ['wide', 'long to wide', 'crosstab', 'pivot_table', 'spread', 'cast'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { index: ['store'], columns: 'month', values: 'sales', aggregate: 'sum' },
  async build(ctx) {
    const p: Params = ctx.params;
    requireDistinct(p.index, 'index');
    const index = await columnsNamed(ctx, 'in', p.index);
    const [category, value] = await columnsNamed(ctx, 'in', [p.columns, p.values]);
    const lower = new Set(index.map((c) => c.name.toLowerCase()));
    // The values column may be an index column (counting rows per cell); the category column may not.
    if (lower.has(category!.name.toLowerCase())) {
      throw new NodeError(`Column "${category!.name}" is both in \`index\` and \`columns\`; an index column cannot also be pivoted.`);
    }
    if ((p.aggregate === 'sum' || p.aggregate === 'avg') && !isNumericType(value!.type)) {
      throw new NodeError(`\`aggregate: ${p.aggregate}\` needs a numeric values column, but "${value!.name}" is ${value!.type}. Use first, count, min or max.`);
    }

    const input = ctx.input('in');
    // Categories are matched by their text form, so every column type (dates, doubles, huge integers) compares exactly.
    const keyText = `CAST(${ident(category!.name)} AS VARCHAR)`;
    const found = await ctx.query(
      `SELECT ${keyText} AS k FROM (SELECT DISTINCT ${ident(category!.name)} FROM ${input}) ORDER BY ${ident(category!.name)} NULLS LAST LIMIT ${p.max_columns + 1}`,
    );
    if (found.length > p.max_columns) {
      const counted = await ctx.query(`SELECT count(DISTINCT ${ident(category!.name)}) + max(CASE WHEN ${ident(category!.name)} IS NULL THEN 1 ELSE 0 END) AS n FROM ${input}`);
      const n = counted[0]?.n;
      throw new NodeError(
        `Column "${category!.name}" has ${n} distinct values, more than max_columns (${p.max_columns}). ` +
          'Filter the rows first, pick a column with fewer values, or raise max_columns.',
      );
    }
    const categories = found.map((r) => (r.k === null ? null : String(r.k)));
    if (categories.length === 0 && index.length === 0) {
      throw new NodeError(`Nothing to pivot: column "${category!.name}" has no values (the input is empty) and there is no index.`);
    }

    // Hidden working names that cannot clash with the index columns.
    const taken = new Set(lower);
    const keyName = reserveName('__pivot_key', taken);
    const valueName = reserveName('__pivot_value', taken);
    taken.delete(keyName.toLowerCase());
    taken.delete(valueName.toLowerCase());
    const cells = categories.map((k) => {
      const where = k === null ? `${ident(keyName)} IS NULL` : `${ident(keyName)} = ${literal(k)}`;
      return `${p.aggregate}(${ident(valueName)}) FILTER (WHERE ${where}) AS ${ident(reserveName(k ?? 'NULL', taken))}`;
    });

    const indexList = index.map((c) => ident(c.name)).join(', ');
    const inner = `SELECT ${[indexList, `${keyText} AS ${ident(keyName)}`, `${ident(value!.name)} AS ${ident(valueName)}`].filter((s) => s !== '').join(', ')} FROM ${input}`;
    const select = [indexList, ...cells].filter((s) => s !== '').join(', ');
    const grouping = index.length > 0 ? ` GROUP BY ${indexList} ORDER BY ${index.map((c) => `${ident(c.name)} NULLS LAST`).join(', ')}` : '';
    return { out: `SELECT ${select} FROM (${inner})${grouping}` };
  },
});
