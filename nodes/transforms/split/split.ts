import { z } from 'zod';
import { ident, literal } from '../../../engine/sql/quote.js';
import { defineTableNode, type PortSpec } from '../../node-definition.js';
import { column, seed } from '../../params.js';
import { columnsNamed, reserveName } from '../input-columns.js';

const PART_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const params = z
  .strictObject({
    fractions: z
      .record(z.string().regex(PART_NAME, 'part names must start with a letter or _ and hold only letters, digits, _ and -'), z.number().positive('each fraction must be more than 0'))
      .superRefine((fractions, ctx) => {
        const values = Object.values(fractions);
        if (values.length < 2) ctx.addIssue({ code: 'custom', message: 'give at least two parts, e.g. { train: 0.8, test: 0.2 }' });
        const total = values.reduce((a, b) => a + b, 0);
        if (values.length >= 2 && Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', message: `the fractions must add up to 1, but they add up to ${total}` });
      })
      .meta({ description: 'Output name → share of the rows, e.g. `{ train: 0.7, valid: 0.15, test: 0.15 }`. Each name becomes an output port.' }),
    seed: seed(),
    stratify: column('Keep the proportions exact within each value of this column (e.g. the class label).').optional(),
    order_by: column('Split by time instead of at random: the earliest rows (by this column) go to the first part, the latest to the last; NULLs count as latest.').optional(),
  })
  .superRefine((p, ctx) => {
    if (p.stratify !== undefined && p.order_by !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['order_by'], message: 'give stratify or order_by, not both: a time-ordered split cannot also be stratified' });
    }
  });

type Params = z.output<typeof params>;

export const split = defineTableNode({
  kind: 'table',
  type: 'split',
  version: 1,
  category: 'transform',
  label: 'Split',
  description:
    'Divide the rows into named parts (train/test/...) with exact proportions, at random (reproducible with a seed, optionally stratified) or by time.',
  aliases: ['train test split', 'train/test', 'holdout', 'validation split', 'partition', 'stratified split', 'time split'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [
    { name: 'train', type: 'table' },
    { name: 'test', type: 'table' },
  ],
  outputsFor: (p: Params): PortSpec[] => Object.keys(p.fractions).map((name) => ({ name, type: 'table' })),
  params,
  example: { fractions: { train: 0.8, test: 0.2 }, seed: 42, stratify: 'species' },
  async build(ctx) {
    const p: Params = ctx.params;
    const inputColumns = await ctx.columns('in');
    const [strat] = p.stratify !== undefined ? await columnsNamed(ctx, 'in', [p.stratify]) : [];
    const [time] = p.order_by !== undefined ? await columnsNamed(ctx, 'in', [p.order_by]) : [];

    // Working names no input column uses (a column called `r` must not hide the row alias).
    const taken = new Set(inputColumns.map((c) => c.name.toLowerCase()));
    const row = ident(reserveName('__split_row', taken));
    const k = ident(reserveName('__split_k', taken));
    const n = ident(reserveName('__split_n', taken));

    // hash(hash(row) xor seed): a different seed reorders the rows independently. (hash(row, seed)
    // only xors the seed in, so two seeds give strongly overlapping splits.) Identical rows tie,
    // and which copy of an identical row goes where makes no difference to the output.
    const shuffle = `hash(xor(hash(${row}), CAST(${literal(p.seed)} AS UBIGINT)))`;
    const order = time ? `${ident(time.name)} NULLS LAST, ${shuffle}` : shuffle;
    const partition = strat ? `PARTITION BY ${ident(strat.name)} ` : '';
    const ranked =
      `SELECT ${row}.*, row_number() OVER (${partition}ORDER BY ${order}) - 1 AS ${k}, count(*) OVER (${partition.trim()}) AS ${n} ` +
      `FROM ${ctx.input('in')} AS ${row}`;

    // Row k of n (0-based, within its stratum) goes to the first part whose round(cumulative fraction × n) exceeds k.
    const parts = Object.entries(p.fractions);
    const outputs: Record<string, string> = {};
    let cumulative = 0;
    parts.forEach(([name, fraction], i) => {
      const lower = cumulative;
      cumulative = i === parts.length - 1 ? 1 : cumulative + fraction;
      const conditions: string[] = [];
      if (i > 0) conditions.push(`${k} >= round(${literal(lower)} * ${n})`);
      if (i < parts.length - 1) conditions.push(`${k} < round(${literal(cumulative)} * ${n})`);
      const timeOrder = time ? ` ORDER BY ${ident(time.name)} NULLS LAST, ${k}` : '';
      outputs[name] = `SELECT * EXCLUDE (${k}, ${n}) FROM (${ranked}) WHERE ${conditions.join(' AND ')}${timeOrder}`;
    });
    return outputs;
  },
});
