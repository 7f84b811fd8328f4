import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PipelineIssue } from './document.js';
import { loadPipelineFile, loadPipelineText, MAX_FILE_BYTES } from './load-yaml.js';

const only = (issues: PipelineIssue[], code: string) => issues.filter((i) => i.code === code);

function oneIssue(text: string, code: string): PipelineIssue {
  const { issues } = loadPipelineText(text);
  const found = only(issues, code);
  expect(found, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return found[0] as PipelineIssue;
}

const valid = `millrace: 1
name: penguins
description: Penguin species.
nodes:
  - id: penguins
    type: read_csv
    label: Penguins
    params: { path: data/penguins.csv, types: { "Beak Length (mm)": DOUBLE } }
  - id: heavy
    type: filter
    inputs: { in: penguins }
    params:
      condition: '"Body Mass (g)" > 4000'
layout:
  penguins: { x: 0, y: 0 }
  heavy: { x: 240, y: 0.5 }
`;

describe('loadPipelineText', () => {
  test('reads a valid file into a plain document', () => {
    const { document, issues } = loadPipelineText(valid);
    expect(issues).toEqual([]);
    expect(document).toEqual({
      millrace: 1,
      name: 'penguins',
      description: 'Penguin species.',
      nodes: [
        { id: 'penguins', type: 'read_csv', label: 'Penguins', inputs: {}, params: { path: 'data/penguins.csv', types: { 'Beak Length (mm)': 'DOUBLE' } } },
        { id: 'heavy', type: 'filter', inputs: { in: 'penguins' }, params: { condition: '"Body Mass (g)" > 4000' } },
      ],
      layout: { penguins: { x: 0, y: 0 }, heavy: { x: 240, y: 0.5 } },
    });
  });

  test('empty params, inputs and layout written as nothing read as empty', () => {
    const { document, issues } = loadPipelineText('millrace: 1\nname: x\nnodes:\n  - id: a\n    type: read_csv\n    params:\n    inputs:\n');
    expect(issues).toEqual([]);
    expect(document?.nodes[0]).toEqual({ id: 'a', type: 'read_csv', inputs: {}, params: {} });
  });

  test('FILE_TOO_LARGE is refused before parsing, with the size', () => {
    const text = `millrace: 1\nname: x\nnodes: []\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    const started = performance.now();
    const issue = oneIssue(text, 'FILE_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(500);
    expect(issue.message).toContain(`${Buffer.byteLength(text)} bytes`);
    expect(issue.line).toBe(1);
  });

  test('FILE_TOO_LARGE counts bytes, not characters', () => {
    const text = `millrace: 1\nname: x\nnodes: []\ndescription: "${'é'.repeat(3_000_000)}"\n`; // 3 M characters, 6 MB
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(oneIssue(text, 'FILE_TOO_LARGE').message).toContain(`${Buffer.byteLength(text)} bytes`);
  });

  test('YAML_SYNTAX names the line and column', () => {
    const { issues, document } = loadPipelineText('millrace: 1\nname: x\nnodes:\n  - id: a\n    params: { path: [1, 2 }\n');
    expect(document).toBeUndefined();
    expect(issues[0]).toMatchObject({ code: 'YAML_SYNTAX', severity: 'error', line: 5, column: 27 });
    expect(loadPipelineText('millrace: 1\nname: "unclosed\n').document).toBeUndefined();
  });

  test('tabs as indentation are a YAML_SYNTAX error on their line', () => {
    const issue = oneIssue('millrace: 1\nname: x\nnodes:\n\t- id: a\n', 'YAML_SYNTAX');
    expect(issue.line).toBe(4);
  });

  test('a key written twice is DUPLICATE_KEY, naming the key', () => {
    const issue = oneIssue('millrace: 1\nname: x\nnodes:\n  - id: a\n    type: read_csv\n    "type": filter\n', 'DUPLICATE_KEY');
    expect(issue).toMatchObject({ line: 6, column: 5 });
    expect(issue.message).toContain('"type"');
  });

  test('ALIAS_LIMIT: a billion-laughs document is refused in well under a second', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, next] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `millrace: 1\nname: lol\nnodes: []\ndescription:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const started = performance.now();
    const issue = oneIssue(text, 'ALIAS_LIMIT');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issue.line).toBe(6); // the first alias
  });

  test('a few aliases for reuse are fine', () => {
    const { document, issues } = loadPipelineText(
      'millrace: 1\nname: x\nnodes:\n  - id: a\n    type: t\n    params: { columns: &cols [x, y] }\n  - id: b\n    type: t\n    params: { columns: *cols }\n',
    );
    expect(issues).toEqual([]);
    expect(document?.nodes[1]?.params).toEqual({ columns: ['x', 'y'] });
  });

  test('TOO_COMPLEX: deep flow nesting is refused quickly, without exhausting memory', () => {
    const started = performance.now();
    const issue = oneIssue(`millrace: 1\nname: x\nnodes: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'TOO_COMPLEX');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issue.line).toBe(3);
  });

  test('TOO_COMPLEX: deep block nesting on one line (- - - ...) is refused quickly', () => {
    const started = performance.now();
    oneIssue(`millrace: 1\nname: x\nnodes:\n  ${'- '.repeat(1_000_000)}x\n`, 'TOO_COMPLEX');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('TOO_COMPLEX: deep indentation-nested maps are refused', () => {
    const lines = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`);
    const issue = oneIssue(`millrace: 1\nname: x\nnodes: []\ndescription:\n${lines.map((l) => `  ${l}`).join('\n')} 1\n`, 'TOO_COMPLEX');
    expect(issue.line).toBe(4 + 64); // the first value nested too deep
  });

  test('TOO_COMPLEX: a file with too many values is refused before parsing', () => {
    const started = performance.now();
    const issue = oneIssue(`millrace: 1\nname: x\nnodes: []\ndescription: [${Array(200_000).fill('1').join(',')}]\n`, 'TOO_COMPLEX');
    // The parser would take many seconds over this; the lexer stops at the limit.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(issue.message).toContain('values');
  });

  test('unknown YAML tags are errors, not silently strings', () => {
    const issue = oneIssue('millrace: 1\nname: x\nnodes: []\ndescription: !python/object foo\n', 'YAML_SYNTAX');
    expect(issue.line).toBe(4);
    expect(issue.message).toContain('!python/object');
  });

  test('UNKNOWN_KEY at the top level, in a node and in the layout, each placed', () => {
    const text = 'millrace: 1\nname: x\nversion: 2\nnodes:\n  - id: a\n    type: read_csv\n    lable: A\nlayout:\n  a: { x: 1, y: 2, z: 3 }\n';
    const { issues, document } = loadPipelineText(text);
    const unknown = only(issues, 'UNKNOWN_KEY');
    expect(unknown.map((i) => [i.nodeId, i.line, i.column])).toEqual([
      [undefined, 3, 1],
      ['a', 7, 5],
      ['a', 9, 20],
    ]);
    expect(unknown[1]?.message).toContain('Did you mean "label"?');
    // Only unknown keys: the document is still there (without them), so resolve can report more.
    expect(document?.nodes[0]).toEqual({ id: 'a', type: 'read_csv', inputs: {}, params: {} });
  });

  test('MISSING_KEY for required keys, at the enclosing map', () => {
    const top = oneIssue('millrace: 1\nnodes: []\n', 'MISSING_KEY');
    expect(top.message).toContain('"name"');
    const node = oneIssue('millrace: 1\nname: x\nnodes:\n  - id: a\n    label: A\n', 'MISSING_KEY');
    expect(node).toMatchObject({ line: 4, column: 5 });
    expect(node.message).toContain('"type"');
    expect(oneIssue('name: x\nnodes: []\n', 'MISSING_KEY').hint).toContain('millrace: 1');
    expect(loadPipelineText('millrace: 1\nnodes: []\n').document).toBeUndefined();
  });

  test('BAD_FORMAT_VERSION for a newer or nonsensical format', () => {
    expect(oneIssue('millrace: 2\nname: x\nnodes: []\n', 'BAD_FORMAT_VERSION')).toMatchObject({ line: 1, column: 11 });
    expect(oneIssue('millrace: 2\nname: x\nnodes: []\n', 'BAD_FORMAT_VERSION').message).toContain('format 2');
    expect(oneIssue('millrace: "1"\nname: x\nnodes: []\n', 'BAD_FORMAT_VERSION').message).toContain('"1"');
  });

  test('BAD_VALUE for values of the wrong kind', () => {
    expect(oneIssue('millrace: 1\nname: [x]\nnodes: []\n', 'BAD_VALUE')).toMatchObject({ line: 2, column: 7 });
    expect(oneIssue('millrace: 1\nname: x\nnodes: { a: 1 }\n', 'BAD_VALUE').line).toBe(3);
    expect(oneIssue('millrace: 1\nname: x\nnodes:\n  - id: a\n    type: t\n    inputs: { in: [b] }\n', 'BAD_VALUE')).toMatchObject({ nodeId: 'a', line: 6, column: 19 });
    expect(oneIssue('millrace: 1\nname: x\nnodes:\n  - id: a\n    type: t\n    params: [1]\n', 'BAD_VALUE')).toMatchObject({ nodeId: 'a', line: 6 });
    expect(oneIssue('millrace: 1\nname: x\nnodes: []\nlayout:\n  a: { x: "left", y: 0 }\n', 'BAD_VALUE')).toMatchObject({ nodeId: 'a', line: 5, column: 11 });
    expect(oneIssue('', 'BAD_VALUE').message).toContain('empty');
    expect(oneIssue('- a\n- b\n', 'BAD_VALUE').message).toContain('got a list');
  });

  test('file name travels into every issue', () => {
    const { issues } = loadPipelineText('millrace: 1\nname: x\nnodes: []\nextra: 1\n', { file: 'pipe.yaml' });
    expect(issues[0]).toMatchObject({ code: 'UNKNOWN_KEY', file: 'pipe.yaml', line: 4, column: 1 });
  });
});

describe('SourcePositions', () => {
  const { positions } = loadPipelineText(valid);

  test('finds nodes, node keys, params, inputs and layout entries', () => {
    expect(positions.node('heavy')).toEqual({ line: 9, column: 5 });
    expect(positions.node(1)).toEqual({ line: 9, column: 5 });
    expect(positions.nodeKey('heavy', 'params')).toEqual({ line: 12, column: 5 });
    expect(positions.param('heavy', ['condition'])).toEqual({ line: 13, column: 18 });
    expect(positions.param('heavy', ['condition'], 'key')).toEqual({ line: 13, column: 7 });
    expect(positions.param('penguins', ['types', 'Beak Length (mm)'])).toEqual({ line: 8, column: 69 });
    expect(positions.input('heavy', 'in')).toEqual({ line: 11, column: 19 });
    expect(positions.input('heavy', 'in', 'key')).toEqual({ line: 11, column: 15 });
    expect(positions.layout('heavy')).toEqual({ line: 16, column: 3 });
    expect(positions.key('layout')).toEqual({ line: 14, column: 1 });
  });

  test('falls back to the closest enclosing position', () => {
    expect(positions.param('penguins', ['types', 'missing'])).toEqual({ line: 8, column: 40 }); // the `types` key
    expect(positions.param('penguins', ['nope'])).toEqual({ line: 8, column: 5 }); // the `params` key
    expect(positions.input('penguins', 'in')).toEqual({ line: 5, column: 5 }); // the node: it has no inputs
    expect(positions.node('ghost')).toEqual({ line: 4, column: 1 }); // the `nodes` key
  });
});

describe('loadPipelineFile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'millrace-load-'));

  test('loads a file and names it in issues', async () => {
    const file = path.join(dir, 'pipe.yaml');
    writeFileSync(file, 'millrace: 1\nname: x\nnodes: []\nextra: 1\n');
    const { document, issues } = await loadPipelineFile(file);
    expect(document?.name).toBe('x');
    expect(issues[0]).toMatchObject({ code: 'UNKNOWN_KEY', file, line: 4 });
  });

  test('refuses a file over the limit from its size, without reading it', async () => {
    const file = path.join(dir, 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 64 * 1024 * 1024); // sparse: reading it would take a while, stat does not
    const started = performance.now();
    const { issues, document } = await loadPipelineFile(file);
    expect(performance.now() - started).toBeLessThan(200);
    expect(document).toBeUndefined();
    expect(issues).toMatchObject([{ code: 'FILE_TOO_LARGE', file }]);
  });

  test('a missing file is FILE_UNREADABLE', async () => {
    const { issues } = await loadPipelineFile(path.join(dir, 'nope.yaml'));
    expect(issues).toMatchObject([{ code: 'FILE_UNREADABLE', severity: 'error' }]);
    expect(issues[0]?.message).toContain('no such file');
  });
});
