import { describe, expect, test } from 'vitest';
import { closest, describeValue, editDistance, formatIssue, issues, placeIssue, quoteList } from './issue-codes.js';
import { formatParamPath } from './param-issues.js';

describe('did you mean', () => {
  test('edit distance counts a swap of neighbours once', () => {
    expect(editDistance('filter', 'filter')).toBe(0);
    expect(editDistance('lable', 'label')).toBe(1);
    expect(editDistance('fliter', 'filter')).toBe(1);
    expect(editDistance('read_cvs', 'read_csv')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('suggests only plausible typos, ignoring case', () => {
    expect(closest('Filter', ['filter', 'select'])).toBe('filter');
    expect(closest('slect', ['filter', 'select'])).toBe('select');
    expect(closest('x', ['filter', 'select'])).toBeUndefined();
    expect(closest('aggregate_everything', ['aggregate'])).toBeUndefined();
  });
});

describe('message parts', () => {
  test('values are named as people would name them', () => {
    expect(describeValue('0.8x')).toBe('"0.8x"');
    expect(describeValue(5)).toBe('5');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({ a: 1 })).toBe('a map');
    expect(describeValue(null)).toBe('null (an empty value)');
    expect(describeValue('x'.repeat(100))).toHaveLength(62);
  });

  test('param paths read naturally, quoting keys that are not plain names', () => {
    expect(formatParamPath(['fractions', 'train'])).toBe('fractions.train');
    expect(formatParamPath(['by', 0, 'column'])).toBe('by[0].column');
    expect(formatParamPath(['columns', 'Beak Length (mm)'])).toBe('columns["Beak Length (mm)"]');
    expect(formatParamPath(['types', 'say "hi"'])).toBe('types["say \\"hi\\""]');
  });

  test('lists join with "and"', () => {
    expect(quoteList(['a'])).toBe('"a"');
    expect(quoteList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
  });

  test('a cycle is written along the data flow and back to its start', () => {
    expect(issues.cycle(['a', 'b', 'c']).message).toContain('a → b → c → a');
  });
});

describe('formatIssue', () => {
  test('one line a terminal user can click, with the hint below', () => {
    const issue = placeIssue(issues.missingInput('clean', 'filter', 'in'), { nodeId: 'clean', file: 'p.yaml', position: { line: 12, column: 5 } });
    expect(formatIssue(issue)).toBe('p.yaml:12:5: error [MISSING_INPUT] Node "clean" (filter): required input "in" is not connected.\n  Connect it under `inputs: { in: <node id> }`.');
  });

  test('without a place, just the issue', () => {
    expect(formatIssue(placeIssue(issues.layoutUnknownNode('x')))).toMatch(/^warning \[LAYOUT_UNKNOWN_NODE\] /);
  });
});
