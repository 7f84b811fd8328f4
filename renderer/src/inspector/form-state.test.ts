import { describe, expect, it } from 'vitest';
import type { PipelineIssue } from '../../../engine/pipeline/document';
import { fieldFromSchema, type FieldSpec } from './field-model';
import { draftFromValue, sameJson, valueFromDraft } from './form-state';
import { rowKeyProblem } from './key-value-rows';
import { formatParamPath, issuesAt, issuesWithin, unplacedIssues } from './param-path';
import { boundsText, numberFromText, numberListFromText, numberProblem, scalarFromText, textFromScalar } from './value-text';

const numberField = fieldFromSchema('x', { type: 'number', minimum: 0 }, false);
const edit = (f: FieldSpec, text: string) => valueFromDraft(f, { kind: 'text', text });

describe('form values typed by the user', () => {
  it('reads a number box as a number while typing, and keeps what is not a number', () => {
    expect(edit(numberField, '0.')).toBe(0);
    expect(edit(numberField, '-1.5e3')).toBe(-1500);
    expect(edit(numberField, ' 12 ')).toBe(12);
    expect(edit(numberField, '')).toBeUndefined();
    expect(edit(numberField, '12abc')).toBe('12abc');
    expect(numberFromText('1,5')).toBe('1,5');
  });

  it('reads a list of numbers separated by commas or spaces', () => {
    expect(numberListFromText('64, 32')).toEqual([64, 32]);
    expect(numberListFromText('128 64 ,32')).toEqual([128, 64, 32]);
    expect(numberListFromText('  ')).toBeUndefined();
    expect(numberListFromText('64, x')).toEqual([64, 'x']);
  });

  it('types a value of several allowed types as YAML would, with quotes forcing text', () => {
    const types = ['string', 'number', 'boolean'] as const;
    expect(scalarFromText('42', types)).toBe(42);
    expect(scalarFromText('"42"', types)).toBe('42');
    expect(scalarFromText('true', types)).toBe(true);
    expect(scalarFromText('n/a', types)).toBe('n/a');
    expect(scalarFromText('true', ['string', 'number'])).toBe('true');
    expect(scalarFromText('null', ['string', 'null'])).toBeNull();
    expect(textFromScalar('42', types)).toBe('"42"');
    expect(textFromScalar('true', types)).toBe('"true"');
    expect(textFromScalar('true', ['string', 'number'])).toBe('true');
    expect(textFromScalar('2024-01-01', types)).toBe('2024-01-01');
    expect(textFromScalar('', types)).toBe('""');
    expect(scalarFromText(textFromScalar('', types), types)).toBe('');
  });

  it('drops empty chips and map rows without a key, and keeps map rows whose value is still empty', () => {
    const list = fieldFromSchema('c', { type: 'array', items: { type: 'string' }, ui: 'columns' }, false);
    expect(valueFromDraft(list, { kind: 'list', items: ['a', '', 'b'] })).toEqual(['a', 'b']);
    expect(valueFromDraft(list, { kind: 'list', items: [] })).toBeUndefined();
    const map = fieldFromSchema('m', { type: 'object', additionalProperties: { type: 'string', ui: 'sql-expression' }, ui: 'expression-map' }, true);
    expect(valueFromDraft(map, { kind: 'rows', rows: [{ key: 'total', value: '' }, { key: '', value: 'x + 1' }] })).toEqual({ total: '' });
  });

  it('turns a nested object with no values into no param at all', () => {
    const rowCount = fieldFromSchema('row_count', { type: 'object', properties: { min: { type: 'integer' }, max: { type: 'integer' } } }, false);
    expect(valueFromDraft(rowCount, draftFromValue(rowCount, {}))).toBeUndefined();
    expect(valueFromDraft(rowCount, draftFromValue(rowCount, { max: 10 }))).toEqual({ max: 10 });
  });

  it('keeps a new, still empty item of a list of objects so its sub-form stays on screen', () => {
    const by = fieldFromSchema('by', { type: 'array', items: { type: 'object', properties: { column: { type: 'string', ui: 'column' } }, required: ['column'] } }, true);
    const draft = draftFromValue(by, [{ column: 'a' }]);
    if (draft.kind !== 'objects') throw new Error('not a list of objects');
    expect(valueFromDraft(by, { kind: 'objects', forms: [...draft.forms, { drafts: {}, extra: {} }] })).toEqual([{ column: 'a' }, {}]);
  });
});

describe('param paths of issues', () => {
  const issue = (param: string | undefined): PipelineIssue => ({ code: 'BAD_PARAM', severity: 'error', message: param ?? 'node', nodeId: 'n', ...(param ? { param } : {}) });

  it('writes paths as the engine does', () => {
    expect(formatParamPath(['fractions', 'train'])).toBe('fractions.train');
    expect(formatParamPath(['by', 0, 'column'])).toBe('by[0].column');
    expect(formatParamPath(['columns', 'Beak Length (mm)'])).toBe('columns["Beak Length (mm)"]');
    expect(formatParamPath(['types', 'say "hi"'])).toBe('types["say \\"hi\\""]');
  });

  it('places each issue at its field, and the rest at the top of the form', () => {
    const issues = [issue('by[0].column'), issue('by'), issue('fractions.train'), issue('columns["a b"]'), issue(undefined), issue('bogus')];
    expect(issuesAt(issues, ['by', 0, 'column']).map((i) => i.param)).toEqual(['by[0].column']);
    expect(issuesAt(issues, ['by']).map((i) => i.param)).toEqual(['by']);
    expect(issuesWithin(issues, ['fractions']).map((i) => i.param)).toEqual(['fractions.train']);
    expect(issuesWithin(issues, ['columns']).map((i) => i.param)).toEqual(['columns["a b"]']);
    expect(issuesWithin(issues, ['by']).map((i) => i.param)).toEqual(['by[0].column', 'by']);
    expect(unplacedIssues(issues, ['by', 'fractions', 'columns']).map((i) => i.message)).toEqual(['node', 'bogus']);
  });
});

describe('sameJson', () => {
  it('ignores key order and undefined keys, not values', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});

describe('number bounds', () => {
  it('describes the allowed range and flags numbers outside it at once', () => {
    expect(boundsText({ minimum: 0, maximum: 1 })).toBe('0 – 1');
    expect(boundsText({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toBe('≥ 0');
    expect(boundsText({ exclusiveMinimum: 0 })).toBe('> 0');
    expect(boundsText({ minimum: 0, exclusiveMaximum: 1 })).toBe('≥ 0, < 1');
    expect(boundsText({})).toBeUndefined();
    const fraction = { integer: false, minimum: 0, maximum: 1 };
    expect(numberProblem(0.5, fraction)).toBeUndefined();
    expect(numberProblem(1.5, fraction)).toBe('Must be 0 – 1.');
    expect(numberProblem('abc', fraction)).toBe('Enter a number.');
    expect(numberProblem(2.5, { integer: true, minimum: 0 })).toBe('Enter a whole number.');
    expect(numberProblem(0, { integer: false, exclusiveMinimum: 0 })).toBe('Must be > 0.');
    expect(numberProblem(undefined, fraction)).toBeUndefined();
  });
});

describe('map rows', () => {
  it('flags a row without a name, a repeated name and a name the pattern refuses', () => {
    const rows = [
      { key: 'train', value: '0.8' },
      { key: '', value: '0.1' },
      { key: 'train', value: '0.1' },
      { key: 'bad name', value: '0.1' },
      { key: '', value: '' },
    ];
    const pattern = '^[A-Za-z_][A-Za-z0-9_-]*$';
    expect(rows.map((_, i) => rowKeyProblem(rows, i, pattern))).toEqual([
      undefined,
      'Give this row a name.',
      '"train" is already listed above.',
      'Use letters, digits, _ and - (starting with a letter or _).',
      undefined,
    ]);
    expect(rowKeyProblem(rows, 3, undefined)).toBeUndefined();
    expect(rowKeyProblem(rows, 3, '^[a-z]+$')).toBe('"bad name" is not allowed here (pattern ^[a-z]+$).');
  });
});
