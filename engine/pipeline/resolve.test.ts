import { describe, expect, test } from 'vitest';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import type { PipelineDocument, PipelineIssue } from './document.js';
import { testCatalogue } from './fixtures/test-nodes.js';
import { loadPipelineText } from './load-yaml.js';
import { canConnect, resolvePipeline } from './resolve.js';

const head = 'millrace: 1\nname: test\nnodes:\n';

/** Load and resolve YAML text; every issue from both steps. */
function check(nodesYaml: string, catalogue = defaultCatalogue) {
  const loaded = loadPipelineText(head + nodesYaml, { file: 'p.yaml' });
  expect(loaded.document, JSON.stringify(loaded.issues)).toBeDefined();
  const resolved = resolvePipeline(loaded.document as PipelineDocument, catalogue, { positions: loaded.positions, baseDir: '/data', file: 'p.yaml' });
  return { ...resolved, issues: [...loaded.issues, ...resolved.issues] };
}

function oneIssue(nodesYaml: string, code: string, catalogue = defaultCatalogue): PipelineIssue {
  const { issues, pipeline } = check(nodesYaml, catalogue);
  const found = issues.filter((i) => i.code === code);
  expect(found, JSON.stringify(issues, null, 2)).toHaveLength(1);
  expect(pipeline).toBeUndefined();
  return found[0] as PipelineIssue;
}

const source = '  - id: src\n    type: read_csv\n    params: { path: data.csv }\n';

describe('resolvePipeline', () => {
  test('resolves a valid pipeline: defaults applied, inputs typed, stable topological order', () => {
    const { pipeline, issues } = check(
      `  - id: late\n    type: filter\n    inputs: { in: src }\n    params: { condition: x > 1 }\n${source}  - id: other\n    type: read_csv\n    label: Other\n    params: { path: other.csv }\n`,
    );
    expect(issues).toEqual([]);
    expect(pipeline?.order).toEqual(['src', 'late', 'other']);
    expect(pipeline?.baseDir).toBe('/data');
    expect(pipeline?.file).toBe('p.yaml');
    const late = pipeline?.nodes.get('late');
    expect(late?.inputs).toEqual({ in: { node: 'src', port: 'out', type: 'table' } });
    expect(late?.outputs).toEqual([{ name: 'out', type: 'table' }]);
    expect(pipeline?.nodes.get('src')?.params).toMatchObject({ path: 'data.csv', header: true });
    expect(pipeline?.nodes.get('src')?.rawParams).toEqual({ path: 'data.csv' });
    expect(pipeline?.nodes.get('other')?.label).toBe('Other');
  });

  test('BAD_NODE_ID names the node and the id line', () => {
    const issue = oneIssue('  - id: "my node"\n    type: read_csv\n    params: { path: a.csv }\n', 'BAD_NODE_ID');
    expect(issue).toMatchObject({ nodeId: 'my node', line: 4, column: 9, file: 'p.yaml' });
  });

  test('DUPLICATE_ID points at the second node and mentions the first line', () => {
    const issue = oneIssue(`${source}${source}`, 'DUPLICATE_ID');
    expect(issue).toMatchObject({ nodeId: 'src', line: 7, column: 9 });
    expect(issue.message).toContain('line 4');
  });

  test('UNKNOWN_NODE_TYPE suggests the closest type, or the type an alias belongs to', () => {
    const typo = oneIssue('  - id: a\n    type: fliter\n', 'UNKNOWN_NODE_TYPE');
    expect(typo).toMatchObject({ nodeId: 'a', line: 5, column: 11 });
    expect(typo.message).toContain('Did you mean "filter"?');
    expect(oneIssue('  - id: a\n    type: where\n', 'UNKNOWN_NODE_TYPE').message).toContain('Did you mean "filter"?');
    expect(oneIssue('  - id: a\n    type: zzzzzzzz\n', 'UNKNOWN_NODE_TYPE').message).not.toContain('Did you mean');
  });

  test('BAD_PARAM says the param path and what was wrong, in plain words, at the value', () => {
    const issue = oneIssue('  - id: parts\n    type: t_parts\n    inputs: {}\n    params: { parts: { train: 0.8x, test: 0.2 } }\n', 'BAD_PARAM', testCatalogue);
    expect(issue).toMatchObject({ nodeId: 'parts', param: 'parts.train', line: 7, column: 31 });
    expect(issue.message).toBe('Node "parts": params.parts.train: expected a number, got "0.8x"');
    const header = oneIssue('  - id: a\n    type: read_csv\n    params: { path: a.csv, header: "yes" }\n', 'BAD_PARAM');
    expect(header.message).toContain('params.header: expected true or false, got "yes"');
    const empty = oneIssue('  - id: a\n    type: filter\n    inputs: { in: a2 }\n    params: { condition: "  " }\n  - id: a2\n    type: read_csv\n    params: { path: a.csv }\n', 'BAD_PARAM');
    expect(empty.message).toContain('params.condition: an expression is required');
  });

  test('UNKNOWN_PARAM names the param at its key, with a suggestion', () => {
    const issue = oneIssue('  - id: a\n    type: read_csv\n    params:\n      path: a.csv\n      delimeter: ";"\n', 'UNKNOWN_PARAM');
    expect(issue).toMatchObject({ nodeId: 'a', param: 'delimeter', line: 8, column: 7 });
    expect(issue.message).toContain('Did you mean "delimiter"?');
    expect(issue.hint).toContain('path, delimiter, header, types');
  });

  test('UNKNOWN_PARAM inside a list of objects gives the full path', () => {
    const issue = oneIssue('  - id: a\n    type: t_every\n    inputs: { left: a0 }\n    params: { sort: [{ column: x, desending: true }] }\n  - id: a0\n    type: read_csv\n    params: { path: a.csv }\n', 'UNKNOWN_PARAM', testCatalogue);
    expect(issue).toMatchObject({ param: 'sort[0].desending', line: 7, column: 35 });
    expect(issue.message).toContain('Did you mean "descending"?');
  });

  test('a union of a name or an object: the issue is the one the object form has', () => {
    const every = (params: string) => `  - id: a\n    type: t_every\n    inputs: { left: a0 }\n    params: ${params}\n  - id: a0\n    type: read_csv\n    params: { path: a.csv }\n`;
    const { issues } = check(every('{ order: [x, { colum: y }] }'), testCatalogue);
    expect(issues.map((i) => [i.code, i.param, i.line])).toEqual([
      ['MISSING_PARAM', 'order[1].column', 7],
      ['UNKNOWN_PARAM', 'order[1].colum', 7],
    ]);
    expect(issues[1]?.message).toContain('Did you mean "column"?');
    expect(oneIssue(every('{ order: [5] }'), 'BAD_PARAM', testCatalogue).message).toContain('params.order[0]: expected text or a map, got 5');
  });

  test('MISSING_PARAM names the param, at the params key (or the node when there is none)', () => {
    const issue = oneIssue('  - id: a\n    type: read_csv\n    params: { header: false }\n', 'MISSING_PARAM');
    expect(issue).toMatchObject({ nodeId: 'a', param: 'path', line: 6, column: 5 });
    expect(oneIssue('  - id: a\n    type: read_csv\n', 'MISSING_PARAM')).toMatchObject({ line: 4, column: 5 });
  });

  test('UNKNOWN_INPUT_PORT at the port name, listing the ports', () => {
    const issue = oneIssue(`${source}  - id: f\n    type: filter\n    inputs: { in: src, input: src }\n    params: { condition: x }\n`, 'UNKNOWN_INPUT_PORT');
    expect(issue).toMatchObject({ nodeId: 'f', port: 'input', line: 9, column: 24 });
    expect(issue.hint).toContain('in');
  });

  test('MISSING_INPUT for a required port; optional ports may stay unconnected', () => {
    const issue = oneIssue('  - id: f\n    type: filter\n    params: { condition: x }\n', 'MISSING_INPUT');
    expect(issue).toMatchObject({ nodeId: 'f', port: 'in', line: 4, column: 5 });
    const { issues } = check(`${source}  - id: t\n    type: t_train\n    inputs: { train: src }\n    params: { target: y }\n`, testCatalogue);
    expect(issues).toEqual([]);
  });

  test('DANGLING_INPUT at the reference, suggesting the id meant', () => {
    const issue = oneIssue(`${source}  - id: f\n    type: filter\n    inputs: { in: scr }\n    params: { condition: x }\n`, 'DANGLING_INPUT');
    expect(issue).toMatchObject({ nodeId: 'f', port: 'in', line: 9, column: 19 });
    expect(issue.message).toContain('Did you mean "src"?');
  });

  test('UNKNOWN_OUTPUT_PORT when the node exists but has no such output', () => {
    const issue = oneIssue(`${source}  - id: f\n    type: filter\n    inputs: { in: src.rows }\n    params: { condition: x }\n`, 'UNKNOWN_OUTPUT_PORT');
    expect(issue).toMatchObject({ nodeId: 'f', port: 'in', line: 9, column: 19 });
    expect(issue.message).toContain('"src" (read_csv) has no output port "rows"');
  });

  test('outputs that depend on params: parts.valid exists only when `parts` names it', () => {
    const parts = (names: string) => `${source}  - id: parts\n    type: t_parts\n    inputs: { in: src }\n    params: { parts: { ${names} } }\n`;
    const reader = '  - id: f\n    type: filter\n    inputs: { in: parts.valid }\n    params: { condition: x }\n';
    expect(check(parts('train: 0.7, valid: 0.3') + reader, testCatalogue).issues).toEqual([]);
    const issue = oneIssue(parts('train: 0.7, test: 0.3') + reader, 'UNKNOWN_OUTPUT_PORT', testCatalogue);
    expect(issue.hint).toContain('train, test');
    // A bare reference means `.out`, which such a node does not have.
    expect(oneIssue(`${parts('train: 1')}  - id: f\n    type: filter\n    inputs: { in: parts }\n    params: { condition: x }\n`, 'UNKNOWN_OUTPUT_PORT', testCatalogue).message).toContain('no output port "out"');
  });

  test('variadic nodes accept any valid input name as a table input, and refuse bad names', () => {
    const { pipeline, issues } = check(`${source}  - id: q\n    type: t_query\n    inputs: { flights: src, Airports_2: src }\n    params: { query: SELECT 1 }\n`, testCatalogue);
    expect(issues).toEqual([]);
    expect(pipeline?.nodes.get('q')?.inputs.Airports_2).toEqual({ node: 'src', port: 'out', type: 'table' });
    const bad = oneIssue(`${source}  - id: q\n    type: t_query\n    inputs: { my-input: src }\n    params: { query: SELECT 1 }\n`, 'UNKNOWN_INPUT_PORT', testCatalogue);
    expect(bad).toMatchObject({ nodeId: 'q', port: 'my-input', line: 9 });
  });

  test('PORT_TYPE_MISMATCH: a model output into a table port, and a table into a model port', () => {
    // t_train / t_predict are test fixtures (real definitions): the built-in catalogue has no model ports yet.
    const train = `${source}  - id: m\n    type: t_train\n    inputs: { train: src }\n    params: { target: y }\n`;
    const intoTable = oneIssue(`${train}  - id: f\n    type: filter\n    inputs: { in: m.model }\n    params: { condition: x }\n`, 'PORT_TYPE_MISMATCH', testCatalogue);
    expect(intoTable).toMatchObject({ nodeId: 'f', port: 'in', line: 13, column: 19 });
    expect(intoTable.message).toContain('takes a table, but "m.model" is a model');
    const intoModel = oneIssue(`${train}  - id: p\n    type: t_predict\n    inputs: { model: m.history, in: src }\n`, 'PORT_TYPE_MISMATCH', testCatalogue);
    expect(intoModel).toMatchObject({ nodeId: 'p', port: 'model', line: 13, column: 22 });
    expect(check(`${train}  - id: p\n    type: t_predict\n    inputs: { model: m.model, in: src }\n`, testCatalogue).issues).toEqual([]);
  });

  test('CYCLE names the nodes on the cycle in order, at the input that closes it', () => {
    const cycle = (id: string, from: string) => `  - id: ${id}\n    type: filter\n    inputs: { in: ${from} }\n    params: { condition: x }\n`;
    const issue = oneIssue(cycle('a', 'c') + cycle('b', 'a') + cycle('c', 'b'), 'CYCLE');
    expect(issue.message).toContain('a → b → c → a');
    expect(issue).toMatchObject({ nodeId: 'a', port: 'in', line: 6, column: 19 });
    expect(oneIssue(cycle('self', 'self'), 'CYCLE').message).toContain('self → self');
  });

  test('LAYOUT_UNKNOWN_NODE is a warning: the pipeline still resolves', () => {
    const loaded = loadPipelineText(`${head}${source}layout:\n  src: { x: 0, y: 0 }\n  gone: { x: 1, y: 1 }\n`);
    const { pipeline, issues } = resolvePipeline(loaded.document as PipelineDocument, defaultCatalogue, { positions: loaded.positions, baseDir: '.' });
    expect(issues).toMatchObject([{ code: 'LAYOUT_UNKNOWN_NODE', severity: 'warning', nodeId: 'gone', line: 9, column: 3 }]);
    expect(pipeline).toBeDefined();
  });

  test('collects every issue, not just the first', () => {
    const { issues } = check(
      '  - id: a\n    type: read_csv\n    params: { pth: a.csv }\n  - id: b\n    type: nope\n  - id: c\n    type: filter\n    inputs: { in: zz }\n  - id: c\n    type: filter\n    inputs: { in: a }\n    params: { condition: x }\n',
    );
    // In file order.
    expect(issues.map((i) => [i.code, i.nodeId, i.line])).toEqual([
      ['MISSING_PARAM', 'a', 6],
      ['UNKNOWN_PARAM', 'a', 6],
      ['UNKNOWN_NODE_TYPE', 'b', 8],
      ['MISSING_PARAM', 'c', 9],
      ['DANGLING_INPUT', 'c', 11],
      ['DUPLICATE_ID', 'c', 12],
    ]);
  });

  test('works on a document built in memory (no positions): issues name the node, without lines', () => {
    const document: PipelineDocument = { millrace: 1, name: 'x', nodes: [{ id: 'f', type: 'filter', inputs: { in: 'ghost' }, params: { condition: 'x' } }] };
    const { issues } = resolvePipeline(document, defaultCatalogue, { baseDir: '.' });
    expect(issues).toEqual([expect.objectContaining({ code: 'DANGLING_INPUT', nodeId: 'f', port: 'in' })]);
    expect(issues[0]?.line).toBeUndefined();
  });

  test('a long chain resolves without recursion limits', () => {
    const nodes: PipelineDocument['nodes'] = [{ id: 'src', type: 'read_csv', inputs: {}, params: { path: 'a.csv' } }];
    for (let i = 0; i < 5_000; i++) nodes.push({ id: `f${i}`, type: 'filter', inputs: { in: i === 0 ? 'src' : `f${i - 1}` }, params: { condition: 'x' } });
    const { pipeline, issues } = resolvePipeline({ millrace: 1, name: 'chain', nodes: nodes.reverse() }, defaultCatalogue, { baseDir: '.' });
    expect(issues).toEqual([]);
    expect(pipeline?.order[0]).toBe('src');
    expect(pipeline?.order.at(-1)).toBe('f4999');
  });
});

describe('canConnect', () => {
  const document: PipelineDocument = {
    millrace: 1,
    name: 'x',
    nodes: [
      { id: 'src', type: 'read_csv', inputs: {}, params: { path: 'a.csv' } },
      { id: 'a', type: 'filter', inputs: { in: 'src' }, params: { condition: 'x' } },
      { id: 'b', type: 'filter', inputs: { in: 'a' }, params: { condition: 'x' } },
      { id: 'c', type: 'filter', inputs: {}, params: { condition: 'x' } },
      { id: 'm', type: 't_train', inputs: {}, params: { target: 'y' } },
      { id: 'p', type: 't_parts', inputs: {}, params: { parts: { fit: 0.5, holdout: 0.5 } } },
      { id: 'q', type: 't_query', inputs: { first: 'src' }, params: { query: 'SELECT 1' } },
    ],
  };
  const connect = (from: string, to: string) => {
    const [fromNode, fromPort = 'out'] = from.split('.') as [string, string?];
    const [toNode, toPort = 'in'] = to.split('.') as [string, string?];
    return canConnect(document, testCatalogue, { node: fromNode, port: fromPort }, { node: toNode, port: toPort });
  };

  test('accepts a free table input from a table output', () => {
    expect(connect('b', 'c')).toEqual({ ok: true });
    expect(connect('p.holdout', 'c')).toEqual({ ok: true });
    expect(connect('a', 'q.second')).toEqual({ ok: true });
  });

  test('refuses a self-loop', () => {
    expect(connect('c', 'c')).toMatchObject({ ok: false, code: 'SELF_LOOP' });
  });

  test('refuses a type mismatch', () => {
    expect(connect('m.model', 'c')).toMatchObject({ ok: false, code: 'PORT_TYPE_MISMATCH', reason: expect.stringContaining('takes a table') });
  });

  test('refuses an input that is already connected', () => {
    expect(connect('c', 'b')).toMatchObject({ ok: false, code: 'ALREADY_CONNECTED', reason: expect.stringContaining('"a.out"') });
  });

  test('refuses a connection that would close a cycle, showing it', () => {
    const document2: PipelineDocument = { ...document, nodes: document.nodes.map((n) => (n.id === 'src' ? { ...n, type: 'filter', params: { condition: 'x' } } : n)) };
    const result = canConnect(document2, testCatalogue, { node: 'b', port: 'out' }, { node: 'src', port: 'in' });
    expect(result).toEqual({ ok: false, code: 'CYCLE', reason: 'That would make a cycle: src → a → b → src.' });
  });

  test('refuses ports that do not exist (outputs from params, too)', () => {
    expect(connect('p.train', 'c')).toMatchObject({ ok: false, code: 'UNKNOWN_OUTPUT_PORT' });
    expect(connect('a', 'c.other')).toMatchObject({ ok: false, code: 'UNKNOWN_INPUT_PORT' });
    expect(connect('a', 'q.bad-name')).toMatchObject({ ok: false, code: 'UNKNOWN_INPUT_PORT' });
    expect(connect('ghost', 'c')).toMatchObject({ ok: false, code: 'UNKNOWN_NODE' });
  });
});
