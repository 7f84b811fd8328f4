import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../nodes/catalogue';
import { catalogueToJson, type NodeTypeJson } from '../../../nodes/catalogue-json';
import { fieldsFromSchema, type FieldSpec } from './field-model';
import { formFromParams, isFieldShown, paramsFromForm } from './form-state';

const catalogue = catalogueToJson(defaultCatalogue);
const nodeType = (type: string): NodeTypeJson => {
  const found = catalogue.nodeTypes.find((n) => n.type === type);
  if (!found) throw new Error(`no node type ${type}`);
  return found;
};
const fieldsOf = (type: string) => fieldsFromSchema(nodeType(type).params);
const field = (type: string, name: string): FieldSpec => {
  const found = fieldsOf(type).find((f) => f.name === name);
  if (!found) throw new Error(`no param ${type}.${name}`);
  return found;
};
const roundTrip = (type: string, params: Record<string, unknown>) => paramsFromForm(fieldsOf(type), formFromParams(fieldsOf(type), params));

/** A value for every field, awkward where it can be: names with spaces and quotes, strings that look like numbers. */
function sample(f: FieldSpec): unknown {
  switch (f.kind) {
    case 'text':
      return f.ui === 'sql-type' ? 'DECIMAL(10,2)' : f.ui === 'path' ? 'data/my file.csv' : `it's "x"`;
    case 'sql':
      return f.mode === 'query' ? 'SELECT "Body Mass (g)" FROM {{in}}\nWHERE x > 1' : `"Body Mass (g)" > 4000 AND island = 'Dream'`;
    case 'column':
      return 'Beak Length (mm)';
    case 'columns':
      return ['say "hi"', 'Beak Length (mm)', 'a'];
    case 'number':
      return f.integer ? 7 : 0.25;
    case 'boolean':
      return f.defaultValue === true ? false : true;
    case 'enum':
      return f.options[f.options.length - 1];
    case 'multi-enum':
      return [f.options[2], f.options[0]];
    case 'number-list':
      return [64, 32];
    case 'scalar':
      return f.types.includes('string') ? '42' : 42;
    case 'scalar-list':
      return ['a', '1', 1, true, null].filter((v) => (v === null ? f.types.includes('null') : f.types.includes(typeof v as 'string')));
    case 'tuple':
      return f.slots.map((s, i) => (s.nullable && i === 0 ? null : 3));
    case 'key-value': {
      const value = { text: 'new name', 'sql-expression': 'avg("Body Mass (g)")', 'sql-type': 'BIGINT', number: 0.7 }[f.value.kind];
      return { 'Beak Length (mm)': value, train: value };
    }
    case 'object':
      return Object.fromEntries(f.fields.map((sub) => [sub.name, sample(sub)]));
    case 'object-list': {
      const full = Object.fromEntries(f.fields.map((sub) => [sub.name, sample(sub)]));
      return f.shorthand ? ['plain column', full] : [full, { ...full }];
    }
    case 'json':
      return { a: 1 };
  }
}

describe('inspector field model', () => {
  it('maps every param of every built-in node type to a widget (none falls back to raw JSON)', () => {
    const fallbacks: string[] = [];
    const visit = (type: string, fields: FieldSpec[], prefix: string) => {
      for (const f of fields) {
        if (f.kind === 'json') fallbacks.push(`${type}.${prefix}${f.name}`);
        if (f.kind === 'object' || f.kind === 'object-list') visit(type, f.fields, `${prefix}${f.name}.`);
      }
    };
    for (const n of catalogue.nodeTypes) {
      const fields = fieldsFromSchema(n.params);
      const properties = Object.keys((n.params.properties ?? {}) as object);
      expect(fields.map((f) => f.name)).toEqual(properties);
      visit(n.type, fields, '');
    }
    expect(catalogue.nodeTypes.length).toBeGreaterThan(30);
    expect(fallbacks).toEqual([]);
  });

  it('gives every field its description as help text', () => {
    for (const n of catalogue.nodeTypes) for (const f of fieldsFromSchema(n.params)) expect(f.description, `${n.type}.${f.name}`).toBeTruthy();
  });

  it('picks the widget the param needs', () => {
    expect(field('filter', 'condition')).toMatchObject({ kind: 'sql', mode: 'expression', required: true });
    expect(field('sql', 'query')).toMatchObject({ kind: 'sql', mode: 'query' });
    expect(field('read_csv', 'path')).toMatchObject({ kind: 'text', ui: 'path' });
    expect(field('read_csv', 'header')).toMatchObject({ kind: 'boolean', defaultValue: true, required: false });
    expect(field('join', 'how')).toMatchObject({ kind: 'enum', options: ['inner', 'left', 'right', 'full', 'semi', 'anti'], defaultValue: 'inner' });
    expect(field('join', 'right_on')).toMatchObject({ kind: 'columns', input: 'right' });
    expect(field('drift', 'columns')).toMatchObject({ kind: 'columns', input: 'reference' });
    expect(field('pivot', 'values')).toMatchObject({ kind: 'column', input: 'in' });
    expect(field('train', 'target')).toMatchObject({ kind: 'column', input: 'train' });
    expect(field('limit', 'count')).toMatchObject({ kind: 'number', integer: true, minimum: 0 });
    expect(field('sample', 'fraction')).toMatchObject({ kind: 'number', integer: false, minimum: 0, maximum: 1 });
    expect(field('train', 'dropout')).toMatchObject({ kind: 'number', minimum: 0, exclusiveMaximum: 1 });
    expect(field('train', 'hidden_layers')).toMatchObject({ kind: 'number-list', integer: true, defaultValue: [64, 32] });
    expect(field('date_parts', 'parts')).toMatchObject({ kind: 'multi-enum' });
    expect(field('fill_missing', 'value')).toMatchObject({ kind: 'scalar', types: ['string', 'number', 'boolean'] });
    expect(field('split', 'fractions')).toMatchObject({ kind: 'key-value', value: { kind: 'number', exclusiveMinimum: 0 }, keyPattern: '^[A-Za-z_][A-Za-z0-9_-]*$' });
    expect(field('derive', 'columns')).toMatchObject({ kind: 'key-value', ui: 'expression-map', value: { kind: 'sql-expression' } });
    expect(field('cast', 'columns')).toMatchObject({ kind: 'key-value', ui: 'type-map', value: { kind: 'sql-type' } });
    expect(field('rename', 'columns')).toMatchObject({ kind: 'key-value', ui: 'column-map', value: { kind: 'text' } });
    expect(field('window', 'frame_rows')).toMatchObject({ kind: 'tuple', slots: [{ integer: true, nullable: true, minimum: 0 }, { integer: true, nullable: true }] });
  });

  it('builds repeatable sub-forms for lists of objects and nested forms for objects', () => {
    const by = field('sort', 'by');
    expect(by.kind).toBe('object-list');
    if (by.kind !== 'object-list') return;
    expect(by.fields.map((f) => [f.name, f.kind])).toEqual([
      ['column', 'column'],
      ['descending', 'boolean'],
      ['nulls_first', 'boolean'],
    ]);
    const checks = field('assert', 'checks');
    if (checks.kind !== 'object-list') throw new Error('checks is not a list of objects');
    expect(checks.fields.find((f) => f.name === 'values')).toMatchObject({ kind: 'scalar-list', types: ['string', 'number', 'boolean', 'null'] });
    expect(checks.fields.find((f) => f.name === 'min')).toMatchObject({ kind: 'scalar', types: ['number', 'string'] });
    const rowCount = field('assert', 'row_count');
    if (rowCount.kind !== 'object') throw new Error('row_count is not an object');
    expect(rowCount.fields.map((f) => [f.name, f.kind])).toEqual([
      ['min', 'number'],
      ['max', 'number'],
    ]);
  });

  it("reads window's order_by (names or {column, descending}) as sort keys whose column picks from the input", () => {
    const orderBy = field('window', 'order_by');
    expect(orderBy).toMatchObject({ kind: 'object-list', shorthand: 'column' });
    if (orderBy.kind !== 'object-list') return;
    expect(orderBy.fields[0]).toMatchObject({ name: 'column', kind: 'column', input: 'in' });
    expect(roundTrip('window', { columns: { r: 'rank()' }, order_by: ['day', { column: 'Sales ($)', descending: true }] })).toEqual({
      columns: { r: 'rank()' },
      order_by: ['day', { column: 'Sales ($)', descending: true }],
    });
  });
});

describe('params → form → params', () => {
  it('keeps every param of every built-in node type unchanged, with all params set', () => {
    for (const n of catalogue.nodeTypes) {
      const fields = fieldsFromSchema(n.params);
      const params = Object.fromEntries(fields.map((f) => [f.name, sample(f)]));
      expect(roundTrip(n.type, params), n.type).toEqual(params);
    }
  });

  it('keeps the params of every node in the example pipelines unchanged', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../examples');
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const doc = parse(readFileSync(path.join(dir, file), 'utf8')) as { nodes: { type: string; params?: Record<string, unknown> }[] };
      for (const node of doc.nodes) {
        const params = node.params ?? {};
        expect(roundTrip(node.type, params), `${file}: ${node.type}`).toEqual(params);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('keeps node type examples unchanged', () => {
    for (const n of catalogue.nodeTypes.filter((t) => t.example)) expect(roundTrip(n.type, n.example ?? {}), n.type).toEqual(n.example);
  });

  it('leaves out empty optional fields so the YAML stays minimal', () => {
    const fields = fieldsOf('read_csv');
    const form = formFromParams(fields, { path: 'a.csv', delimiter: ';', types: { x: 'INTEGER' } });
    form.drafts.delimiter = { kind: 'text', text: '' };
    form.drafts.types = { kind: 'rows', rows: [{ key: '', value: '' }] };
    expect(paramsFromForm(fields, form)).toEqual({ path: 'a.csv' });
  });

  it('keeps params the schema does not know, so a typo is shown rather than lost', () => {
    expect(roundTrip('filter', { condition: 'x > 1', conditon: 'y' })).toEqual({ condition: 'x > 1', conditon: 'y' });
  });

  it('keeps values that are not of the expected type, for validation to flag inline', () => {
    expect(roundTrip('limit', { count: 'ten' })).toEqual({ count: 'ten' });
    expect(roundTrip('split', { fractions: { train: '0.8x' } })).toEqual({ fractions: { train: '0.8x' } });
  });

  it('keeps text that looks like a number as text where a param takes both', () => {
    expect(roundTrip('fill_missing', { columns: ['a'], strategy: 'constant', value: '007' })).toEqual({ columns: ['a'], strategy: 'constant', value: '007' });
    expect(roundTrip('fill_missing', { columns: ['a'], strategy: 'constant', value: 7 })).toEqual({ columns: ['a'], strategy: 'constant', value: 7 });
    expect(roundTrip('fill_missing', { columns: ['a'], strategy: 'constant', value: false })).toEqual({ columns: ['a'], strategy: 'constant', value: false });
  });

  it('keeps an unbounded window frame side as null', () => {
    expect(roundTrip('window', { columns: { s: 'sum(x)' }, frame_rows: [null, 0] })).toEqual({ columns: { s: 'sum(x)' }, frame_rows: [null, 0] });
  });

  it('keeps map keys with spaces and quotes, in order', () => {
    const params = { columns: { 'Beak Length (mm)': 'beak', 'say "hi"': 'hi', "O'Brien": 'obrien' } };
    const back = roundTrip('rename', params);
    expect(back).toEqual(params);
    expect(Object.keys(back.columns as object)).toEqual(Object.keys(params.columns));
  });
});

describe('fields that matter for one choice only', () => {
  it('links params described as "<choice>: …" to the select offering that choice', () => {
    const links: string[] = [];
    for (const n of catalogue.nodeTypes) {
      const visit = (fields: FieldSpec[], prefix: string) => {
        for (const f of fields) {
          if (f.showWhen) links.push(`${n.type}.${prefix}${f.name} when ${f.showWhen.field}=${f.showWhen.value}`);
          if (f.kind === 'object' || f.kind === 'object-list') visit(f.fields, `${prefix}${f.name}.`);
        }
      };
      visit(fieldsFromSchema(n.params), '');
    }
    expect([...links].sort()).toEqual(
      [
      'drift.bins when method=psi',
      'assert.checks.min when check=between',
      'assert.checks.max when check=between',
      'assert.checks.values when check=in_set',
      'assert.checks.pattern when check=matches',
      'train.hidden_layers when model=mlp',
      'train.activation when model=mlp',
      'train.dropout when model=mlp',
      ].sort(),
    );
  });

  it('hides such a field for other choices unless it has a value', () => {
    const fields = fieldsOf('train');
    const hidden = (params: Record<string, unknown>) =>
      fields.filter((f) => !isFieldShown(f, fields, formFromParams(fields, params))).map((f) => f.name);
    expect(hidden({ target: 'y', task: 'classification' })).toEqual([]);
    expect(hidden({ target: 'y', task: 'classification', model: 'logistic' })).toEqual(['hidden_layers', 'activation', 'dropout']);
    expect(hidden({ target: 'y', task: 'classification', model: 'logistic', dropout: 0.1 })).toEqual(['hidden_layers', 'activation']);
  });
});
