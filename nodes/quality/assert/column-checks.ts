/**
 * Each assert check as SQL: an aggregate that counts failing rows (all checks share one scan),
 * a query for a few offending values (run only when the check failed), and the sentence for the report.
 * NULLs fail only not_null; the other checks look at the values that are there.
 */
import { ident, literal, literalList } from '../../../engine/sql/quote.js';
import { agree, count, listOf } from '../wording.js';

export const CHECK_KINDS = ['not_null', 'unique', 'between', 'in_set', 'matches'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export type SetValue = string | number | boolean | null;

export interface ColumnCheck {
  column: string;
  check: CheckKind;
  min?: number | string;
  max?: number | string;
  values?: SetValue[];
  pattern?: string;
}

export interface CompiledCheck {
  /** An aggregate expression: the number of failing rows. */
  failing: string;
  /** A query giving up to `limit` distinct offending values in a column `value`; none for not_null (they are all NULL). */
  examples?: (relation: string, limit: number) => string;
  detail(failing: number, total: number): string;
}

const VALUE = ident('value');

/** `SELECT DISTINCT` offending values, sorted so reports are stable from run to run. */
function offending(column: string, condition: string) {
  return (relation: string, limit: number) =>
    `SELECT DISTINCT ${ident(column)} AS ${VALUE} FROM ${relation} WHERE ${condition} ORDER BY ${VALUE} NULLS LAST LIMIT ${limit}`;
}

/** `3 of 10 rows are` / `1 of 10 rows is`. */
function someRows(failing: number, total: number): string {
  return `${failing} of ${count(total, 'row')} ${agree(failing, 'is', 'are')}`;
}

function shown(value: number | string): string {
  return String(value);
}

export function compileCheck(check: ColumnCheck): CompiledCheck {
  const c = ident(check.column);
  switch (check.check) {
    case 'not_null':
      return {
        failing: `count(*) FILTER (WHERE ${c} IS NULL)`,
        detail: (f, n) => (f === 0 ? 'no NULLs' : `${someRows(f, n)} NULL`),
      };
    case 'unique':
      return {
        // Rows beyond the first with the same value; NULLs are not values, as in a SQL UNIQUE constraint.
        failing: `count(${c}) - count(DISTINCT ${c})`,
        examples: (relation, limit) =>
          `SELECT ${c} AS ${VALUE} FROM ${relation} WHERE ${c} IS NOT NULL GROUP BY ${c} HAVING count(*) > 1 ORDER BY count(*) DESC, ${VALUE} LIMIT ${limit}`,
        detail: (f) => (f === 0 ? 'no value appears twice' : `${count(f, 'row')} ${agree(f, 'repeats a value', 'repeat values')} already seen in the column`),
      };
    case 'between': {
      const { min, max } = check;
      const outside = [min !== undefined ? `${c} < ${literal(min)}` : undefined, max !== undefined ? `${c} > ${literal(max)}` : undefined]
        .filter((part): part is string => part !== undefined)
        .join(' OR ');
      const range =
        min !== undefined && max !== undefined ? `between ${shown(min)} and ${shown(max)}` : min !== undefined ? `at least ${shown(min)}` : `at most ${shown(max ?? '')}`;
      return {
        failing: `count(*) FILTER (WHERE ${outside})`,
        examples: offending(check.column, outside),
        detail: (f, n) => (f === 0 ? `every value is ${range}` : `${someRows(f, n)} not ${range}`),
      };
    }
    case 'in_set': {
      const values = check.values ?? [];
      const allowed = values.filter((v): v is Exclude<SetValue, null> => v !== null);
      // NOT IN with no values would be a syntax error; with only NULL listed, any non-NULL value is outside the set.
      const outside = allowed.length > 0 ? `${c} NOT IN (${literalList(allowed)})` : `${c} IS NOT NULL`;
      return {
        failing: `count(*) FILTER (WHERE ${outside})`,
        examples: offending(check.column, outside),
        detail: (f, n) =>
          f === 0 ? 'every value is in the allowed set' : `${f} of ${count(n, 'row')} ${agree(f, 'has a value', 'have values')} outside the allowed set (${listOf(values)})`,
      };
    }
    case 'matches': {
      const pattern = check.pattern ?? '';
      const mismatch = `NOT regexp_full_match(CAST(${c} AS VARCHAR), ${literal(pattern)})`;
      return {
        failing: `count(*) FILTER (WHERE ${mismatch})`,
        examples: offending(check.column, mismatch),
        detail: (f, n) =>
          f === 0
            ? `every value matches the pattern ${pattern}`
            : `${f} of ${count(n, 'row')} ${agree(f, 'does', 'do')} not match the pattern ${pattern} (the whole value must match)`,
      };
    }
  }
}
