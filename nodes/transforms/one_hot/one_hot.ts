import { z } from 'zod';
import { ident, literal, literalList } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError, type BuildContext, type ColumnInfo } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { requireDistinct } from '../columns.js';
import { columnsNamed, reserveName } from '../input-columns.js';

const params = z.strictObject({
  columns: columnList('Categorical columns to encode.').min(1, 'list at least one column to encode'),
  max_categories: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(20)
    .meta({ description: 'Keep this many of the most frequent categories per column; the rest share one `<column>_other` column.' }),
  drop_original: z.boolean().default(true).meta({ description: 'Remove the encoded column, leaving only its 0/1 columns.' }),
});

type Params = z.output<typeof params>;

interface Categories {
  /** Category values as text, most frequent first. */
  values: string[];
  /** Whether more categories existed than max_categories. */
  truncated: boolean;
}

/**
 * Categories of every encoded column, most frequent first, ties by value in the column's own order
 * (numbers as numbers). One scan of the input for all columns (GROUPING SETS): the input is often a
 * long chain of fused steps, and a scan per column would compute that chain once per column.
 */
async function readCategories(ctx: BuildContext<Params>, relation: string, cols: ColumnInfo[], max: number): Promise<Map<string, Categories>> {
  if (cols.length === 0) return new Map();
  const names = cols.map((c) => ident(c.name));
  const flags = names.map((n, i) => `GROUPING(${n}) AS ${ident(`g${i}`)}`);
  const perColumn = names.map(
    (n, i) =>
      `SELECT ${i} AS i, CAST(${n} AS VARCHAR) AS k, row_number() OVER (ORDER BY n DESC, ${n}) AS r FROM grouped WHERE ${ident(`g${i}`)} = 0 AND ${n} IS NOT NULL`,
  );
  const rows = await ctx.query(
    `WITH grouped AS MATERIALIZED (
       SELECT ${names.join(', ')}, ${flags.join(', ')}, count(*) AS n FROM ${relation} GROUP BY GROUPING SETS (${names.map((n) => `(${n})`).join(', ')})
     )
     SELECT i, k FROM (${perColumn.join(' UNION ALL ')}) WHERE r <= ${max + 1} ORDER BY i, r`,
  );
  const found = cols.map(() => [] as string[]);
  for (const row of rows) found[Number(row.i)]!.push(String(row.k));
  return new Map(cols.map((c, i) => [c.name, { values: found[i]!.slice(0, max), truncated: found[i]!.length > max }]));
}

export const oneHot = defineTableNode({
  kind: 'table',
  type: 'one_hot',
  readsInputTwice: true,
  version: 1,
  category: 'transform',
  label: 'One-hot encode',
  description:
    'Replace each categorical column by 0/1 indicator columns named `<column>_<value>`, one per frequent category; connect `fit` to take the categories from the training data so every split gets the same columns.',
  aliases: ['dummies', 'get_dummies', 'encode', 'indicator', 'categorical', 'one hot'],
  inputs: [
    { name: 'in', type: 'table' },
    {
      name: 'fit',
      type: 'table',
      optional: true,
      description: 'Where the categories come from (e.g. the training split). Without it, from `in`.',
    },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { columns: ['island', 'sex'], max_categories: 10 },
  async build(ctx) {
    const p: Params = ctx.params;
    requireDistinct(p.columns, 'columns');
    const targets = await columnsNamed(ctx, 'in', p.columns);
    const fitPort = ctx.hasInput('fit') ? 'fit' : 'in';
    const sources = await columnsNamed(ctx, fitPort, p.columns);
    const inputColumns = await ctx.columns('in');
    const encoded = new Map(targets.map((t, i) => [t.name, sources[i]!]));

    // Names of the columns we keep are taken first, so indicator names never shadow them.
    const taken = new Set(inputColumns.filter((c) => !(p.drop_original && encoded.has(c.name))).map((c) => c.name.toLowerCase()));
    const select: string[] = [];
    const categories = await readCategories(ctx, ctx.input(fitPort), sources, p.max_categories);
    for (const col of inputColumns) {
      const source = encoded.get(col.name);
      if (!source || !p.drop_original) select.push(ident(col.name));
      if (!source) continue;
      const { values, truncated } = categories.get(source.name)!;
      // Compare as text: the categories were read as text, and `fit` may hold the column with another type.
      const key = col.type === 'VARCHAR' ? ident(col.name) : `CAST(${ident(col.name)} AS VARCHAR)`;
      for (const value of values) {
        select.push(`CASE WHEN ${key} = ${literal(value)} THEN 1 ELSE 0 END AS ${ident(reserveName(`${col.name}_${value}`, taken))}`);
      }
      if (truncated) {
        const other = `CASE WHEN ${key} IS NOT NULL AND ${key} NOT IN (${literalList(values)}) THEN 1 ELSE 0 END`;
        select.push(`${other} AS ${ident(reserveName(`${col.name}_other`, taken))}`);
      }
    }
    if (select.length === 0) {
      throw new NodeError('No columns would be left: the encoded columns have no categories (is the input empty?) and drop_original removes them.');
    }
    return { out: `SELECT ${select.join(', ')} FROM ${ctx.input('in')}` };
  },
});
