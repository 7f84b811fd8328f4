import { z } from 'zod';
import { expr, ident } from '../../../engine/sql/quote.js';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { columnList, expressionMap } from '../../params.js';
import { requireColumns, requireDistinct, sameName } from '../columns.js';

export const aggregate = defineTableNode({
  kind: 'table',
  type: 'aggregate',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'Group and summarise',
  description: 'Summarise rows per group (counts, means, sums, ...) into one row per group, sorted by the group columns.',
  aliases: ['group by', 'groupby', 'summarise', 'summarize', 'summary', 'count', 'sum', 'mean', 'average', 'rollup'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    group_by: columnList('Columns whose distinct combinations make the groups. Empty: one row for the whole table.').default([]),
    aggregations: expressionMap('Output column → DuckDB aggregate expression, e.g. `count(*)` or `avg("Body Mass (g)")`.'),
  }),
  example: { group_by: ['species', 'island'], aggregations: { n: 'count(*)', mean_mass: 'avg(body_mass_g)' } },
  async build(ctx) {
    const { group_by: groupBy, aggregations } = ctx.params;
    requireDistinct(groupBy, '`group_by`');
    const groups = requireColumns(await ctx.columns('in'), groupBy).map((c) => ident(c.name));
    const names = Object.keys(aggregations);
    const clash = names.find((n) => groupBy.some((g) => sameName(g, n)));
    if (clash !== undefined) {
      throw new NodeError(`"${clash}" is both a group column and an aggregation name; give the aggregation another name.`);
    }
    const measures = Object.entries(aggregations).map(([name, expression]) => `${expr(expression)} AS ${ident(name)}`);
    const select = `SELECT ${[...groups, ...measures].join(', ')} FROM ${ctx.input('in')}`;
    if (groups.length === 0) return { out: select };
    const order = groups.map((g) => `${g} ASC NULLS LAST`).join(', ');
    return { out: `${select} GROUP BY ${groups.join(', ')} ORDER BY ${order}` };
  },
});
