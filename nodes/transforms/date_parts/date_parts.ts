import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { column } from '../../params.js';
import { findColumn } from '../columns.js';
import { columnsNamed, isTemporalType } from '../input-columns.js';

const PARTS = ['year', 'quarter', 'month', 'week', 'day', 'dayofyear', 'dow', 'hour', 'minute', 'second', 'epoch'] as const;
type Part = (typeof PARTS)[number];

/** DuckDB's name for each part (date_part specifiers). */
const SPECIFIER: Record<Exclude<Part, 'epoch'>, string> = {
  year: 'year',
  quarter: 'quarter',
  month: 'month',
  week: 'week',
  day: 'day',
  dayofyear: 'doy',
  dow: 'dow',
  hour: 'hour',
  minute: 'minute',
  second: 'second',
};

const params = z.strictObject({
  column: column('The date or timestamp column (text such as `2024-03-01 12:00` is read as a timestamp).'),
  parts: z
    .array(z.enum(PARTS))
    .min(1, 'pick at least one part')
    .meta({
      description:
        'Parts to extract, each as a new integer column `<column>_<part>`: week is the ISO week (1-53), dow is the day of the week (0 = Sunday), ' +
        'dayofyear starts at 1, second is whole seconds, epoch is whole seconds since 1970-01-01 UTC.',
    }),
});

type Params = z.output<typeof params>;

function partSql(part: Part, value: string): string {
  if (part === 'epoch') return `CAST(floor(date_part('epoch', ${value})) AS BIGINT)`;
  return `CAST(date_part('${SPECIFIER[part]}', ${value}) AS INTEGER)`;
}

export const dateParts = defineTableNode({
  kind: 'table',
  type: 'date_parts',
  version: 1,
  category: 'transform',
  label: 'Date parts',
  description:
    'Add integer columns for parts of a date or timestamp (year, month, day of week, hour, ...), for use as model features; times with a time zone are read in UTC.',
  aliases: ['datetime', 'extract', 'year', 'month', 'weekday', 'day of week', 'timestamp features', 'date features'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { column: 'order_date', parts: ['year', 'month', 'dow'] },
  async build(ctx) {
    const p: Params = ctx.params;
    const [source] = await columnsNamed(ctx, 'in', [p.column]);
    const name = ident(source!.name);
    let value: string;
    if (isTemporalType(source!.type)) {
      // Parts of a TIMESTAMPTZ depend on the session time zone; UTC makes them the same on every machine.
      value = source!.type === 'TIMESTAMP WITH TIME ZONE' ? `timezone('UTC', ${name})` : name;
    } else if (source!.type === 'VARCHAR') {
      // Strict CAST, not TRY_CAST: text that is not a date fails the run with the value quoted, instead of silently becoming NULL.
      value = `CAST(${name} AS TIMESTAMP)`;
    } else {
      throw new NodeError(`Column "${source!.name}" is ${source!.type}, not a date or timestamp. Convert it first with a cast node (e.g. to TIMESTAMP).`);
    }

    const inputColumns = await ctx.columns('in');
    const replaced: string[] = [];
    const added: string[] = [];
    for (const part of new Set(p.parts)) {
      const outName = `${source!.name}_${part}`;
      const existing = findColumn(inputColumns, outName);
      // Running the node on its own output (or a column of that name) replaces the column rather than failing.
      if (existing) replaced.push(`${partSql(part, value)} AS ${ident(existing.name)}`);
      else added.push(`${partSql(part, value)} AS ${ident(outName)}`);
    }
    const star = replaced.length > 0 ? `* REPLACE (${replaced.join(', ')})` : '*';
    return { out: `SELECT ${[star, ...added].join(', ')} FROM ${ctx.input('in')}` };
  },
});
