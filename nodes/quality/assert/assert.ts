import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineTableNode, type CheckResult, type JsonValue } from '../../node-definition.js';
import { column } from '../../params.js';
import { count, requireColumns } from '../wording.js';
import { CHECK_KINDS, compileCheck, type ColumnCheck } from './column-checks.js';

const EXAMPLES = 5;

// Which optional fields each check kind takes, so `values` on a between check is an error, not ignored.
const FIELDS: Record<(typeof CHECK_KINDS)[number], readonly ('min' | 'max' | 'values' | 'pattern')[]> = {
  not_null: [],
  unique: [],
  between: ['min', 'max'],
  in_set: ['values'],
  matches: ['pattern'],
};

const bound = z.union([z.number(), z.string()]);

const checkSchema = z
  .strictObject({
    column: column('Column to check.'),
    check: z.enum(CHECK_KINDS).meta({ description: 'not_null, unique, between (min/max), in_set (values) or matches (pattern).' }),
    min: bound.optional().meta({ description: 'between: smallest allowed value (a number, or text such as a date).' }),
    max: bound.optional().meta({ description: 'between: largest allowed value.' }),
    values: z
      .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .min(1, 'give at least one allowed value')
      .optional()
      .meta({ description: 'in_set: the allowed values.' }),
    pattern: z.string().min(1, 'a pattern is required').optional().meta({ description: 'matches: a regular expression (RE2) the whole value must match.' }),
  })
  .superRefine((c, issue) => {
    const allowed = FIELDS[c.check];
    for (const field of ['min', 'max', 'values', 'pattern'] as const) {
      if (c[field] !== undefined && !allowed.includes(field)) issue.addIssue({ code: 'custom', path: [field], message: `\`${field}\` does not apply to a ${c.check} check` });
    }
    if (c.check === 'between' && c.min === undefined && c.max === undefined) issue.addIssue({ code: 'custom', message: 'a between check needs `min`, `max` or both' });
    if (c.check === 'between' && typeof c.min === 'number' && typeof c.max === 'number' && c.min > c.max) {
      issue.addIssue({ code: 'custom', path: ['max'], message: '`max` must not be smaller than `min`' });
    }
    if (c.check === 'in_set' && c.values === undefined) issue.addIssue({ code: 'custom', path: ['values'], message: 'an in_set check needs `values`' });
    if (c.check === 'matches' && c.pattern === undefined) issue.addIssue({ code: 'custom', path: ['pattern'], message: 'a matches check needs `pattern`' });
  });

const rowCountSchema = z
  .strictObject({
    min: z.number().int().min(0).optional().meta({ description: 'Fewest rows allowed.' }),
    max: z.number().int().min(0).optional().meta({ description: 'Most rows allowed.' }),
  })
  .refine((r) => r.min !== undefined || r.max !== undefined, 'give `min`, `max` or both')
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, '`max` must not be smaller than `min`');

export const assertNode = defineTableNode({
  kind: 'table',
  type: 'assert',
  version: 1,
  category: 'quality',
  label: 'Assert',
  description: 'Check rules on the data (no NULLs, unique, in a range, in a set, matching a pattern, row count) and fail or warn when they are broken; the table passes through unchanged.',
  aliases: ['check', 'validate', 'test', 'expect', 'constraint', 'data quality', 'great expectations'],
  inputs: [{ name: 'in', type: 'table' }],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    checks: z.array(checkSchema).default([]).meta({ description: 'Rules for columns, each {column, check, ...}.' }),
    row_count: rowCountSchema.optional().meta({ description: 'Allowed number of rows: {min, max}.' }),
    on_fail: z.enum(['error', 'warn']).default('error').meta({ description: 'error: stop the run when a check fails; warn: record it and go on.' }),
  }),
  example: {
    checks: [
      { column: 'species', check: 'not_null' },
      { column: 'body_mass_g', check: 'between', min: 2000, max: 7000 },
      { column: 'island', check: 'in_set', values: ['Biscoe', 'Dream', 'Torgersen'] },
    ],
    row_count: { min: 1 },
    on_fail: 'error',
  },
  async build(ctx) {
    requireColumns(await ctx.columns('in'), ctx.params.checks.map((c) => c.column));
    return { out: `SELECT * FROM ${ctx.input('in')}` };
  },
  async check(ctx) {
    const { checks, row_count: rowCount, on_fail: onFail } = ctx.params;
    const relation = ctx.output('out');
    const compiled = checks.map((c: ColumnCheck) => compileCheck(c));
    // One scan for every check: the row count plus a failing-row count per check.
    const aggregates = ['count(*) AS n', ...compiled.map((c, i) => `${c.failing} AS ${ident(`f${i}`)}`)];
    const [totals] = await ctx.query(`SELECT ${aggregates.join(', ')} FROM ${relation}`);
    const total = Number(totals?.n ?? 0);
    const results: CheckResult[] = [];
    for (const [i, check] of checks.entries()) {
      const rule = compiled[i];
      if (!rule) continue;
      const failing = Number(totals?.[`f${i}`] ?? 0);
      const result: CheckResult = { check: check.check, column: check.column, passed: failing === 0, detail: rule.detail(failing, total), failingRows: failing };
      if (failing > 0 && rule.examples) {
        result.examples = (await ctx.query(rule.examples(relation, EXAMPLES))).map((row) => row.value as JsonValue);
      }
      results.push(result);
    }
    if (rowCount) results.push(rowCountResult(total, rowCount));
    return { onFail, results };
  },
});

function rowCountResult(total: number, limits: { min?: number; max?: number }): CheckResult {
  const { min, max } = limits;
  const expected = [min !== undefined ? `at least ${min}` : undefined, max !== undefined ? `at most ${max}` : undefined].filter(Boolean).join(' and ');
  const passed = (min === undefined || total >= min) && (max === undefined || total <= max);
  return { check: 'row_count', passed, detail: `${count(total, 'row')}; expected ${expected}`, value: total };
}
