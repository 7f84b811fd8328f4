import { z } from 'zod';
import { ident, identList, literal } from '../../../engine/sql/quote.js';
import { defineTableNode } from '../../node-definition.js';
import { seed } from '../../params.js';
import { unusedName } from '../columns.js';

export const sample = defineTableNode({
  kind: 'table',
  type: 'sample',
  version: 1,
  category: 'transform',
  label: 'Random sample',
  description: 'Keep a random share or a fixed number of rows; the same seed always picks the same rows.',
  aliases: ['random', 'subsample', 'downsample', 'random rows', 'shuffle'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z
    .strictObject({
      fraction: z.number().min(0).max(1).optional().meta({ description: 'Share of rows to keep, e.g. 0.1 for about 10%.' }),
      count: z.number().int().min(0).optional().meta({ description: 'Exact number of rows to keep (all rows if the table is smaller).' }),
      seed: seed(),
    })
    .refine((p) => (p.fraction === undefined) !== (p.count === undefined), 'give either `fraction` or `count`, not both'),
  example: { fraction: 0.1, seed: 7 },
  async build(ctx) {
    const taken = (await ctx.columns('in')).map((c) => c.name);
    const [row, rowHash, position, key] = ['__row', '__row_hash', '__position', '__sample_key'].map((base) => unusedName(taken, base)) as [
      string,
      string,
      string,
      string,
    ];
    // A row's key depends only on its values, on which copy of identical rows it is, and on the
    // seed: so the rows picked do not depend on threads or on upstream row order, and copies of
    // one row are picked independently of each other. hash() is mixed again after xor-ing in the
    // seed, because hash(row, seed) alone picks nearly the same rows for every seed.
    const hashed =
      `SELECT ${ident(row)}.*, hash(${ident(row)}) AS ${ident(rowHash)}, row_number() OVER () AS ${ident(position)} ` +
      `FROM ${ctx.input('in')} AS ${ident(row)}`;
    const copyIndex = `row_number() OVER (PARTITION BY ${ident(rowHash)})`;
    const keyed =
      `SELECT *, hash(xor(xor(${ident(rowHash)}, hash(${copyIndex})), hash(${literal(ctx.params.seed)}::BIGINT))) AS ${ident(key)} ` +
      `FROM (${hashed})`;
    const helpers = identList([rowHash, position, key]);
    const { fraction, count } = ctx.params;
    const picked =
      count !== undefined
        ? `SELECT * FROM (${keyed}) ORDER BY ${ident(key)} LIMIT ${literal(count)}`
        : // The top 53 bits of the key as a uniform integer, compared with fraction · 2^53.
          `SELECT * FROM (${keyed}) WHERE (${ident(key)} >> 11) < ${literal(Math.round((fraction ?? 0) * 2 ** 53))}`;
    // Back in input order, which reads more naturally than hash order.
    return { out: `SELECT * EXCLUDE (${helpers}) FROM (${picked}) ORDER BY ${ident(position)}` };
  },
});
