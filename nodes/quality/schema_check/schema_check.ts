import { z } from 'zod';
import { defineTableNode, type CheckResult } from '../../node-definition.js';
import { typeMap } from '../../params.js';
import { count, listOf } from '../wording.js';
import { canonicalType, typeMatches } from './type-names.js';

export const schemaCheck = defineTableNode({
  kind: 'table',
  type: 'schema_check',
  version: 1,
  category: 'quality',
  label: 'Schema check',
  description: 'Check that the table has the columns and types you expect (INT matches INTEGER, STRING matches VARCHAR); the table passes through unchanged.',
  aliases: ['schema', 'columns', 'types', 'validate', 'contract', 'expect columns', 'data quality'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    columns: typeMap('Expected columns: name → type. A bare DECIMAL accepts any precision.').refine(
      (m) => Object.keys(m).length > 0,
      'give at least one column',
    ),
    strict: z.boolean().default(false).meta({ description: 'Also fail when the table has columns not listed here.' }),
    on_fail: z.enum(['error', 'warn']).default('error').meta({ description: 'error: stop the run when the schema differs; warn: record it and go on.' }),
  }),
  example: { columns: { species: 'VARCHAR', bill_length_mm: 'DOUBLE', year: 'INTEGER' }, strict: false },
  build: (ctx) => ({ out: `SELECT * FROM ${ctx.input('in')}` }),
  async check(ctx) {
    const { columns: expected, strict, on_fail: onFail } = ctx.params;
    const actual = await ctx.columns('in');
    const results: CheckResult[] = [];
    for (const [name, type] of Object.entries(expected)) {
      const found = actual.find((c) => c.name === name);
      if (!found) {
        const sameButCase = actual.find((c) => c.name.toLowerCase() === name.toLowerCase());
        const hint = sameButCase ? ` (there is "${sameButCase.name}", which differs only in upper/lower case)` : '';
        results.push({ check: 'exists', column: name, passed: false, detail: `column is missing${hint}; the table has ${listOf(actual.map((c) => c.name), 20)}` });
        continue;
      }
      const passed = typeMatches(type, found.type);
      const detail = passed ? `${found.type} as expected` : `expected ${canonicalType(type)}, found ${found.type}`;
      results.push({ check: 'type', column: name, passed, detail });
    }
    if (strict) {
      const listed = new Set(Object.keys(expected));
      const extra = actual.filter((c) => !listed.has(c.name)).map((c) => c.name);
      results.push(
        extra.length === 0
          ? { check: 'strict', passed: true, detail: 'no unexpected columns' }
          : { check: 'strict', passed: false, detail: `${count(extra.length, 'unexpected column')}: ${listOf(extra)}`, examples: extra.slice(0, 5) },
      );
    }
    return { onFail, results };
  },
});
