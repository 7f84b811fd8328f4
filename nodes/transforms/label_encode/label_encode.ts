import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { requireDistinct } from '../columns.js';
import { columnsNamed } from '../input-columns.js';

const params = z.strictObject({
  columns: columnList('Categorical columns to replace by integer codes.').min(1, 'list at least one column to encode'),
});

type Params = z.output<typeof params>;

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

    // One lazy join per column to its category → code table: no categories are read at build time,
    // and a high-cardinality column (user ids for an embedding) costs a hash join, not a long CASE.
    const replacements: string[] = [];
    const joins: string[] = [];
    targets.forEach((target, i) => {
      const source = sources[i]!;
      const alias = `m${i}`;
      // Same type: join on the values. Different types (fit read from another file): join on their text.
      const sameType = source.type === target.type;
      const key = sameType ? 'v' : 'CAST(v AS VARCHAR)';
      const probe = sameType ? `t.${ident(target.name)}` : `CAST(t.${ident(target.name)} AS VARCHAR)`;
      const codes =
        `SELECT ${key} AS k, CAST(row_number() OVER (ORDER BY v) - 1 AS INTEGER) AS code ` +
        `FROM (SELECT DISTINCT ${ident(source.name)} AS v FROM ${fitRelation} WHERE ${ident(source.name)} IS NOT NULL)`;
      joins.push(`LEFT JOIN (${codes}) AS ${alias} ON ${probe} = ${alias}.k`);
      replacements.push(`${alias}.code AS ${ident(target.name)}`);
    });
    return { out: `SELECT t.* REPLACE (${replacements.join(', ')}) FROM ${ctx.input('in')} AS t ${joins.join(' ')}` };
  },
});
