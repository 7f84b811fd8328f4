import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, type ColumnInfo } from '../../node-definition.js';
import { columnList } from '../../params.js';
import { requireColumns, requireDistinct } from '../columns.js';

const L = ident('__left');
const R = ident('__right');
const JOIN_SQL = { inner: 'INNER JOIN', left: 'LEFT JOIN', right: 'RIGHT JOIN', full: 'FULL OUTER JOIN', semi: 'SEMI JOIN', anti: 'ANTI JOIN' };

const keyList = (description: string, from: string) => columnList(description, from).min(1, 'give at least one key column');

/** `name`, or `name_right`, `name_right_right`, ... until it clashes with nothing already taken. */
function rightName(name: string, taken: Set<string>): string {
  let candidate = name;
  while (taken.has(candidate.toLowerCase())) candidate = `${candidate}_right`;
  return candidate;
}

export const join = defineTableNode({
  kind: 'table',
  type: 'join',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'Join tables',
  description: 'Combine rows of two tables that share key values (like a SQL join or pandas merge); missing keys never match.',
  aliases: ['merge', 'lookup', 'combine', 'vlookup', 'semi join', 'anti join', 'left join'],
  inputs: [
    { name: 'left', type: 'table', description: 'The main table.' },
    { name: 'right', type: 'table', description: 'The table to look values up in.' },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params: z
    .strictObject({
      how: z.enum(['inner', 'left', 'right', 'full', 'semi', 'anti']).default('inner').meta({
        description:
          '`inner`: matching rows only; `left`/`right`/`full`: also unmatched rows of that side (or both), with NULLs; `semi`: left rows that have a match; `anti`: left rows that have none.',
      }),
      on: keyList('Key columns with the same name in both tables; they appear once in the output.', 'left').optional(),
      left_on: keyList('Key columns of the left table (when the names differ; pair with `right_on`).', 'left').optional(),
      right_on: keyList('Key columns of the right table, in the same order as `left_on`.', 'right').optional(),
    })
    .superRefine((p, issue) => {
      const pairs = p.left_on !== undefined || p.right_on !== undefined;
      if ((p.on !== undefined) === pairs) {
        issue.addIssue({ code: 'custom', message: 'give either `on`, or `left_on` with `right_on`' });
      } else if (pairs && (p.left_on === undefined || p.right_on === undefined)) {
        issue.addIssue({ code: 'custom', path: [p.left_on ? 'right_on' : 'left_on'], message: '`left_on` and `right_on` go together' });
      } else if (pairs && p.left_on!.length !== p.right_on!.length) {
        issue.addIssue({ code: 'custom', path: ['right_on'], message: '`left_on` and `right_on` must list the same number of columns' });
      }
    }),
  example: { how: 'left', on: ['species'] },
  async build(ctx) {
    const { how } = ctx.params;
    const leftColumns = await ctx.columns('left');
    const rightColumns = await ctx.columns('right');
    const leftNames = ctx.params.on ?? ctx.params.left_on ?? [];
    const rightNames = ctx.params.on ?? ctx.params.right_on ?? [];
    requireDistinct(leftNames, ctx.params.on ? '`on`' : '`left_on`');
    requireDistinct(rightNames, '`right_on`');
    const leftKeys = requireColumns(leftColumns, leftNames, ' in the left input');
    const rightKeys = requireColumns(rightColumns, rightNames, ' in the right input');
    const condition = leftKeys.map((k, i) => `${L}.${ident(k.name)} = ${R}.${ident(rightKeys[i]!.name)}`).join(' AND ');
    const from = `${ctx.input('left')} AS ${L} ${JOIN_SQL[how]} ${ctx.input('right')} AS ${R} ON ${condition}`;
    if (how === 'semi' || how === 'anti') return { out: `SELECT ${L}.* FROM ${from}` };

    const isKey = (c: ColumnInfo, keys: ColumnInfo[]) => ctx.params.on !== undefined && keys.some((k) => k.name === c.name);
    const list: string[] = [];
    const taken = new Set<string>();
    for (const column of leftColumns) {
      taken.add(column.name.toLowerCase());
      if (!isKey(column, leftKeys)) {
        list.push(`${L}.${ident(column.name)}`);
        continue;
      }
      // With `on` each key appears once, taken from whichever side has the row.
      const rightKey = rightKeys[leftKeys.findIndex((k) => k.name === column.name)]!;
      const l = `${L}.${ident(column.name)}`;
      const r = `${R}.${ident(rightKey.name)}`;
      const value = how === 'right' ? r : how === 'full' ? `COALESCE(${l}, ${r})` : l;
      list.push(`${value} AS ${ident(column.name)}`);
    }
    // Left names are all taken first, so a right column never takes a name a left column has.
    for (const column of rightColumns) {
      if (isKey(column, rightKeys)) continue;
      const name = rightName(column.name, taken);
      taken.add(name.toLowerCase());
      list.push(name === column.name ? `${R}.${ident(column.name)}` : `${R}.${ident(column.name)} AS ${ident(name)}`);
    }
    return { out: `SELECT ${list.join(', ')} FROM ${from}` };
  },
});
