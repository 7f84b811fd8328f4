import { z } from 'zod';
import { defineTableNode, NodeError } from '../../node-definition.js';
import { sqlQuery } from '../../params.js';

const params = z.strictObject({
  query: sqlQuery('A DuckDB SELECT that names its inputs as `{{port}}`, e.g. `SELECT origin, avg(delay) FROM {{in}} GROUP BY 1`.'),
});

type Params = z.output<typeof params>;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const PORT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Replace each `{{ port }}` by the relation behind that input. */
export function substituteInputs(query: string, relationFor: (port: string) => string | undefined, connected: readonly string[]): string {
  return query.replace(PLACEHOLDER, (placeholder, inner: string) => {
    const port = inner.trim();
    if (!PORT_NAME.test(port)) {
      throw new NodeError(`${placeholder} is not a valid input placeholder: write the input's name in double braces, e.g. {{in}}.`);
    }
    const relation = relationFor(port);
    if (relation === undefined) {
      const names = connected.length > 0 ? connected.map((c) => `{{${c}}}`).join(', ') : 'none';
      throw new NodeError(`The query uses {{${port}}}, but no input "${port}" is connected. Connected inputs: ${names}.`);
    }
    return relation;
  });
}

export const sql = defineTableNode({
  kind: 'table',
  type: 'sql',
  costly: true,
  version: 1,
  category: 'transform',
  label: 'SQL query',
  description: 'Run your own DuckDB SELECT over any number of named inputs, written as `{{name}}` in the query.',
  aliases: ['query', 'select', 'duckdb', 'custom', 'code'],
  inputs: [],
  variadicInputs: true,
  outputs: [{ name: 'out', type: 'table' }],
  params,
  example: { query: 'SELECT origin, avg(delay) AS mean_delay FROM {{in}} GROUP BY origin' },
  build(ctx) {
    const p: Params = ctx.params;
    const connected = ctx.connectedInputs();
    const query = substituteInputs(p.query, (port) => (ctx.hasInput(port) ? ctx.input(port) : undefined), connected);
    // A trailing `;` is habit from SQL consoles; anything after it would be a second statement, which the engine refuses.
    return { out: query.replace(/(\s*;)+\s*$/, '').trimEnd() };
  },
});
