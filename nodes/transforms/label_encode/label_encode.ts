import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { defineTableNode, type BuildContext } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { requireDistinct } from '../columns.js';
import { plainTypeName } from '../fitted-constants.js';
import { columnsNamed } from '../input-columns.js';

const params = z.strictObject({
  columns: columnList('Categorical columns to replace by integer codes.').min(1, 'list at least one column to encode'),
});

type Params = z.output<typeof params>;

/** Up to this many categories a column's codes are written into the SQL; beyond, they are joined lazily. */
export const MAX_CONSTANT_CODES = 1000;

/**
 * The codes table as a VALUES list of exact constants (each value as text with its DuckDB type),
 * 'empty' when `fit` has no category, or undefined when there are too many categories or a type
 * no plain name holds: then the caller keeps the lazy subquery. `codes` numbers at most
 * MAX_CONSTANT_CODES + 1 categories: one more than that is enough to know there are too many.
 */
async function constantCodes(ctx: BuildContext<Params>, codes: string, sameType: boolean): Promise<string | 'empty' | undefined> {
  const rows = await ctx.query(`SELECT CAST(k AS VARCHAR) AS k, typeof(k) AS t, code FROM (${codes}) ORDER BY code`);
  if (rows.length === 0) return 'empty';
  if (rows.length > MAX_CONSTANT_CODES) return undefined;
  const values: string[] = [];
  for (const row of rows) {
    const type = sameType ? plainTypeName(row.t) : 'VARCHAR';
    if (type === undefined || typeof row.k !== 'string' || typeof row.code !== 'number') return undefined;
    values.push(`(CAST(${literal(row.k)} AS ${type}), ${row.code})`);
  }
  return `VALUES ${values.join(', ')}`;
}

export const labelEncode = defineTableNode({
  kind: 'table',
  type: 'label_encode',
  readsInputTwice: true,
  version: 1,
  category: 'transform',
  label: 'Label encode',
  description:
    'Replace each categorical column by an integer code 0..k-1, categories numbered in sorted order; NULLs and values not seen in `fit` become NULL.',
  aliases: ['ordinal encode', 'categorical codes', 'factorize', 'encode', 'label encoder', 'integer codes'],
  inputs: [
    { name: 'in', type: 'table' },
    {
      name: 'fit',
      type: 'table',
      optional: true,
      description: 'Where the categories come from (e.g. the training split), so every split gets the same codes. Without it, from `in`.',
    },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { columns: ['species', 'island'] },
  async build(ctx) {
    const p: Params = ctx.params;
    requireDistinct(p.columns, 'columns');
    const targets = await columnsNamed(ctx, 'in', p.columns);
    const fitPort = ctx.hasInput('fit') ? 'fit' : 'in';
    const sources = await columnsNamed(ctx, fitPort, p.columns);
    const fitRelation = ctx.input(fitPort);

    // Each column joins a category → code table. Up to MAX_CONSTANT_CODES categories, the table is
    // read from `fit` once, when the node is built, and written into the SQL as constants, as a fitted
    // encoder holds them: reading the output never scans `fit` again. Beyond that (user ids for an
    // embedding), the table stays a lazy subquery: a hash join, not thousands of constants.
    const replacements: string[] = [];
    const joins: string[] = [];
    for (const [i, target] of targets.entries()) {
      const source = sources[i]!;
      const alias = `m${i}`;
      // Same type: join on the values. Different types (fit read from another file): join on their text.
      const sameType = source.type === target.type;
      const probe = sameType ? `t.${ident(target.name)}` : `CAST(t.${ident(target.name)} AS VARCHAR)`;
      const categories = `SELECT DISTINCT ${ident(source.name)} AS v FROM ${fitRelation} WHERE ${ident(source.name)} IS NOT NULL`;
      const numbered = (values: string) =>
        `SELECT ${sameType ? 'v' : 'CAST(v AS VARCHAR)'} AS k, CAST(row_number() OVER (ORDER BY v) - 1 AS INTEGER) AS code FROM (${values})`;
      // Numbering only the first MAX_CONSTANT_CODES + 1 categories found: with no more than that,
      // they are all of them, numbered as the lazy table would; beyond, nothing is sorted in vain.
      const fitted = await constantCodes(ctx, numbered(`${categories} LIMIT ${MAX_CONSTANT_CODES + 1}`), sameType);
      if (fitted === 'empty') {
        replacements.push(`CAST(NULL AS INTEGER) AS ${ident(target.name)}`);
        continue;
      }
      joins.push(`LEFT JOIN (${fitted ?? numbered(categories)}) AS ${alias}${fitted ? '(k, code)' : ''} ON ${probe} = ${alias}.k`);
      replacements.push(`${alias}.code AS ${ident(target.name)}`);
    }
    return { out: `SELECT t.* REPLACE (${replacements.join(', ')}) FROM ${ctx.input('in')} AS t ${joins.join(' ')}` };
  },
});
