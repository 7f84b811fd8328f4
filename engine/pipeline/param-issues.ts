/**
 * zod's issues → issues in plain words: `params.fractions.train: expected a number, got "0.8x"`,
 * each with the param's path so it can be placed on its YAML line.
 */
import type { z } from 'zod';
import { describeValue, issues, quoteList, type IssueText } from './issue-codes.js';

export interface ParamIssue {
  text: IssueText;
  path: (string | number)[];
  /** Whether the position to show is the key (unknown or missing params) or the value. */
  at: 'key' | 'value';
}

/** `fractions.train`, `by[0].column`, `columns["Beak Length (mm)"]` */
export function formatParamPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
  record: 'a map',
  map: 'a map',
  null: 'null',
};
const typeWords = (expected: string) => TYPE_WORDS[expected] ?? expected;

/** zod's built-in English messages; anything else was written by the node's author for people. */
const isDefaultMessage = (message: string) => /^(Invalid|Too small|Too big|Unrecognized key)/.test(message);

function bound(kind: 'at least' | 'at most', origin: string, limit: number | bigint, inclusive: boolean): string {
  if (origin === 'string') return limit === 1 && kind === 'at least' ? 'must not be empty' : `must be ${kind} ${limit} characters long`;
  if (origin === 'array' || origin === 'set') return `must have ${kind} ${limit} item${limit === 1 ? '' : 's'}`;
  if (inclusive) return `must be ${kind} ${limit}`;
  return `must be ${kind === 'at least' ? 'greater' : 'less'} than ${limit}`;
}

function unionWords(issue: z.core.$ZodIssueInvalidUnion): string {
  const expected = issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => typeWords((i as z.core.$ZodIssueInvalidType).expected)));
  const unique = [...new Set(expected)];
  return unique.length > 0 ? `expected ${unique.join(' or ')}` : 'does not match any of the allowed forms';
}

/** The plain-words detail of one zod issue (after the param path). */
function detail(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue ? `, got ${describeValue(issue.input)}` : '';
  const custom = !isDefaultMessage(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeWords(issue.expected)}${got}`;
    case 'too_small':
      return custom ? issue.message : `${bound('at least', issue.origin, issue.minimum, issue.inclusive ?? true)}${got}`;
    case 'too_big':
      return custom ? issue.message : `${bound('at most', issue.origin, issue.maximum, issue.inclusive ?? true)}${got}`;
    case 'invalid_value': {
      const values = issue.values.map((v) => (typeof v === 'string' ? v : String(v)));
      return values.length === 1 ? `expected ${quoteList(values)}${got}` : `expected one of ${values.join(', ')}${got}`;
    }
    case 'invalid_format':
      return custom ? `${issue.message}${got}` : `expected ${issue.format} format${got}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}${got}`;
    case 'invalid_union':
      return `${unionWords(issue)}${got}`;
    default:
      return custom ? issue.message : `${issue.message}${got}`;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Keys a schema declares at a path, for "did you mean" on unknown params. */
export type KeysAt = (path: readonly PropertyKey[]) => string[];

/**
 * A union whose value has the shape of exactly one option (`{column, descending}` among
 * `string | {column, descending}`): that option's issues say what is wrong; "matches none" does not.
 */
function matchingBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const wrongType = (branch: z.core.$ZodIssue[]) => branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0;
  const candidates = issue.errors.filter((branch) => !wrongType(branch));
  return candidates.length === 1 ? candidates[0] : undefined;
}

export function paramIssues(nodeId: string, raw: Record<string, unknown>, error: z.ZodError, keysAt: KeysAt): ParamIssue[] {
  const found: ParamIssue[] = [];
  const visit = (list: readonly z.core.$ZodIssue[], prefix: (string | number)[]) => {
    for (const issue of list) {
      const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
      const branch = issue.code === 'invalid_union' ? matchingBranch(issue) : undefined;
      if (branch) {
        visit(branch, path);
      } else if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const full = [...path, key];
          found.push({ text: issues.unknownParam(nodeId, formatParamPath(full), key, keysAt(path)), path: full, at: 'key' });
        }
      } else if (issue.code === 'invalid_type' && path.length > 0 && valueAt(raw, path) === undefined) {
        found.push({ text: issues.missingParam(nodeId, formatParamPath(path)), path, at: 'key' });
      } else {
        found.push({ text: issues.badParam(nodeId, formatParamPath(path), detail(issue)), path, at: 'value' });
      }
    }
  };
  visit(error.issues, []);
  return found;
}
