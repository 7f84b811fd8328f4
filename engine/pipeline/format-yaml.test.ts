import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import type { PipelineDocument, PipelineNode } from './document.js';
import { testCatalogue } from './fixtures/test-nodes.js';
import { canonicalNodeOrder, formatPipeline } from './format-yaml.js';
import { loadPipelineText } from './load-yaml.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fmt = (document: PipelineDocument, source?: string) => formatPipeline(document, source === undefined ? { catalogue: testCatalogue } : { catalogue: testCatalogue, source });

function load(text: string): PipelineDocument {
  const { document, issues } = loadPipelineText(text);
  expect(issues.filter((i) => i.severity === 'error'), text).toEqual([]);
  if (!document) throw new Error('no document');
  return document;
}

/** The promises of the formatter, for one document. */
function expectCanonical(document: PipelineDocument): string {
  const text = fmt(document);
  // Nothing lost or changed; only the node order may differ (readers after what they read).
  expect(load(text)).toEqual({ ...document, nodes: canonicalNodeOrder(document.nodes) });
  expect(fmt(load(text))).toBe(text); // formatting is idempotent
  return text;
}

const node = (id: string, type: string, params: Record<string, unknown> = {}, inputs: Record<string, string> = {}): PipelineNode => ({ id, type, inputs, params });

describe('formatPipeline', () => {
  test('writes the canonical form: key order, flow style for short maps, topological node order, layout last', () => {
    const document: PipelineDocument = {
      layout: { clean: { x: 200, y: 0 }, penguins: { x: 0, y: 0 } },
      nodes: [
        { inputs: { in: 'penguins' }, params: { condition: '"Body Mass (g)" > 4000' }, type: 'filter', id: 'clean', label: 'Heavy ones' },
        { params: { types: { year: 'INTEGER' }, path: 'data/penguins.csv' }, inputs: {}, type: 'read_csv', id: 'penguins' },
        { id: 'parts', type: 't_parts', inputs: { in: 'clean' }, params: { seed: 7, parts: { train: 0.8, test: 0.2 } } },
      ],
      description: 'Predict penguin species from body measurements.',
      name: 'penguin-species',
      millrace: 1,
    };
    expect(expectCanonical(document)).toBe(`millrace: 1
name: penguin-species
description: Predict penguin species from body measurements.
nodes:
  - id: penguins
    type: read_csv
    params: { path: data/penguins.csv, types: { year: INTEGER } }
  - id: clean
    type: filter
    label: Heavy ones
    inputs: { in: penguins }
    params: { condition: '"Body Mass (g)" > 4000' }
  - id: parts
    type: t_parts
    inputs: { in: clean }
    params: { parts: { train: 0.8, test: 0.2 }, seed: 7 }
layout:
  penguins: { x: 0, y: 0 }
  clean: { x: 200, y: 0 }
`);
  });

  test('node order is stable: independent nodes keep their order, readers move after what they read', () => {
    const document: PipelineDocument = {
      millrace: 1,
      name: 'order',
      nodes: [
        node('report', 'filter', { condition: 'x' }, { in: 'b' }),
        node('a', 'read_csv', { path: 'a.csv' }),
        node('b', 'filter', { condition: 'x' }, { in: 'a' }),
        node('z', 'read_csv', { path: 'z.csv' }),
      ],
    };
    const text = expectCanonical(document);
    expect([...text.matchAll(/- id: (\w+)/g)].map((m) => m[1])).toEqual(['a', 'b', 'report', 'z']);
  });

  test('params follow the declared order; maps with user-chosen keys keep the user order; inputs follow the declared ports', () => {
    const document: PipelineDocument = {
      millrace: 1,
      name: 'orders',
      nodes: [
        node('l', 'read_csv', { path: 'l.csv' }),
        node('r', 'read_csv', { path: 'r.csv' }),
        node(
          'e',
          't_every',
          {
            query: 'SELECT 1',
            derive: { zeta: 'a + 1', alpha: 'b * 2', 'Beak Length (mm)': 'c' },
            sort: [{ descending: true, column: 'z' }],
            count: 3,
            text: 'hello',
          },
          { right: 'r', left: 'l' },
        ),
      ],
    };
    const text = expectCanonical(document);
    expect(text).toContain('inputs: { left: l, right: r }');
    expect(text).toContain(`    params:
      text: hello
      count: 3
      derive: { zeta: a + 1, alpha: b * 2, Beak Length (mm): c }
      sort: [ { column: z, descending: true } ]
      query: SELECT 1
`);
  });

  test('long params go to block style, one level at a time; multi-line strings become | blocks', () => {
    const document: PipelineDocument = {
      millrace: 1,
      name: 'long',
      description: 'First line.\nSecond line.\n',
      nodes: [
        node('src', 'read_csv', { path: 'data/a-rather-long-directory-name/with/several/levels/penguins-2024-final.csv', types: { year: 'INTEGER', 'Body Mass (g)': 'DOUBLE' } }),
        node('q', 't_query', { query: 'SELECT species, avg("Body Mass (g)") AS mass\nFROM {{in}}\nGROUP BY 1\n' }, { in: 'src' }),
        node('q2', 't_query', { query: 'SELECT 1\nFROM t' }, { in: 'src' }),
      ],
    };
    const text = expectCanonical(document);
    expect(text).toContain(`description: |
  First line.
  Second line.
`);
    expect(text).toContain(`    params:
      path: data/a-rather-long-directory-name/with/several/levels/penguins-2024-final.csv
      types: { year: INTEGER, Body Mass (g): DOUBLE }
`);
    expect(text).toContain(`    params:
      query: |
        SELECT species, avg("Body Mass (g)") AS mass
        FROM {{in}}
        GROUP BY 1
`);
    expect(text).toContain(`      query: |-
        SELECT 1
        FROM t
`);
  });

  test('every kind of param value survives, in every combination of styles', () => {
    const values = ['a', 1, 2.5, -0.001, 1e21, true, false, null, '', 'x y'];
    const document: PipelineDocument = {
      millrace: 1,
      name: 'every',
      nodes: [
        node('l', 'read_csv', { path: 'l.csv', header: false, delimiter: ';' }),
        node(
          'e',
          't_every',
          {
            text: 'plain text',
            count: 12,
            ratio: 0.25,
            flag: false,
            how: 'left',
            columns: ['a', 'Beak Length (mm)', 'say "hi"', "O'Brien"],
            derive: { ratio: '"Beak Length (mm)" / "Beak Depth (mm)"', 'O\'Brien': "'x'" },
            types: {},
            sort: [{ column: 'a' }, { column: 'b', descending: true }],
            range: { min: -1, max: 1e3 },
            values,
            query: 'WITH t AS (\n  SELECT * FROM {{left}}\n)\nSELECT * FROM t\n',
          },
          { left: 'l' },
        ),
        node('empty', 't_every', { columns: [], derive: {} }, { left: 'l' }),
        node('many', 't_every', { values: Array.from({ length: 40 }, (_, i) => `value_${i}`) }, { left: 'l' }),
      ],
      layout: { l: { x: -10.5, y: 1e6 }, e: { x: 0, y: 0 } },
    };
    const text = expectCanonical(document);
    expect(text).toContain('params: { columns: [], derive: {} }');
    expect(text).toMatch(/values:\n {8}- value_0\n/);
  });

  test('keys and strings that need quoting round-trip exactly', () => {
    const tricky = [
      'Beak Length (mm)',
      '"quoted"',
      "O'Brien",
      'say "hi" to O\'Brien',
      'yes',
      'no',
      'on',
      'off',
      'y',
      'null',
      '~',
      'true',
      'False',
      '1e3',
      '0x1F',
      '0o17',
      '.5',
      '1_000',
      '12:30',
      '2024-01-01',
      '{not a map}',
      '[not a list]',
      '*not an alias',
      '&not an anchor',
      '!not a tag',
      '%percent',
      '@at',
      '`tick',
      '# not a comment',
      'a # b',
      'a: b',
      'a, b',
      '- dash',
      '? question',
      '|pipe',
      '>gt',
      ' leading space',
      'trailing space ',
      'tab\there',
      'line\nbreak',
      'ends with newline\n',
      'two trailing newlines\n\n',
      '\nleading newline',
      'bell \u0007',
      'ünïcödé ✓',
      '',
      '---',
      '...',
      '=',
      '<<',
    ];
    const document: PipelineDocument = {
      millrace: 1,
      name: 'quoting',
      nodes: [
        node('l', 'read_csv', { path: 'l.csv' }),
        node('e', 't_every', { columns: tricky, derive: Object.fromEntries(tricky.map((s, i) => [s, `expr ${i}`])), values: tricky }, { left: 'l' }),
        node('e2', 't_every', { derive: Object.fromEntries(tricky.map((s, i) => [`k${i}`, s])) }, { left: 'l' }),
        ...tricky.map((s, i) => ({ ...node(`s${i}`, 't_every', { text: s }, { left: 'l' }), label: s })),
      ],
    };
    const text = expectCanonical(document);
    // YAML 1.1 readers (PyYAML) would turn these into booleans: they are quoted.
    expect(text).toContain('text: "yes"');
    expect(text).toContain('text: "off"');
  });

  test('random strings round-trip (fixed seed)', () => {
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const alphabet = ['a', 'Z', '0', '9', ' ', ' ', ':', '#', '-', '?', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\\', '\n', '\t', '.', 'é', '\u2028'];
    const strings = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    const document: PipelineDocument = {
      millrace: 1,
      name: 'random',
      nodes: [node('l', 'read_csv', { path: 'l.csv' }), node('e', 't_every', { values: strings, derive: Object.fromEntries(strings.map((s) => [s, s])) }, { left: 'l' })],
    };
    expectCanonical(document);
  });

  test('numbers keep their value: integers, floats, exponents, negative zero, infinities', () => {
    const document: PipelineDocument = {
      millrace: 1,
      name: 'numbers',
      nodes: [node('l', 'read_csv', { path: 'l.csv' }), node('e', 't_every', { values: [0, -0, 1.5, 2 ** 53, 1e-7, 1e300, Infinity, -Infinity, 0.1 + 0.2] }, { left: 'l' })],
    };
    expectCanonical(document);
  });

  test('a pipeline with a cycle or a dangling input still formats (it is being edited), idempotently', () => {
    const document: PipelineDocument = {
      millrace: 1,
      name: 'broken',
      nodes: [node('b', 'filter', { condition: 'x' }, { in: 'a' }), node('a', 'filter', { condition: 'x' }, { in: 'b' }), node('c', 'filter', {}, { in: 'ghost' }), node('c', 'mystery', { z: 1, a: 2 })],
      layout: { ghost: { x: 1, y: 1 } },
    };
    expectCanonical(document);
  });

  test('the example params of every built-in node type format canonically', () => {
    for (const def of defaultCatalogue.all()) {
      const inputs = Object.fromEntries(def.inputs.map((p) => [p.name, 'src']));
      const document: PipelineDocument = { millrace: 1, name: def.type, nodes: [node('src', 'read_csv', { path: 'a.csv' }), node('n', def.type, (def.example ?? {}) as Record<string, unknown>, inputs)] };
      const text = formatPipeline(document);
      expect(load(text), def.type).toEqual({ ...document, nodes: canonicalNodeOrder(document.nodes) });
      expect(formatPipeline(load(text)), def.type).toBe(text);
    }
  });
});

describe('canonical files', () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.yaml'));

  test.each(files)('%s is canonical: load → format gives the same bytes', (file) => {
    const text = readFileSync(path.join(fixtures, file), 'utf8');
    const document = load(text);
    expect(fmt(document, text)).toBe(text);
    if (!text.includes('#')) expect(fmt(document)).toBe(text);
  });
});

describe('comments', () => {
  const source = `# Penguin species pipeline.

millrace: 1
name: penguins # short name
nodes:
  - id: report
    type: filter
    inputs: { in: clean }
    params: { condition: x > 1 } # keep it simple

  # Where the data comes from.
  # (Two lines.)
  - id: penguins
    type: read_csv
    params:
      # Relative to this file.
      path: data/penguins.csv
      types: { year: INTEGER } # the rest is detected
  - id: clean
    type: filter
    inputs: { in: penguins }
    params:
      condition: |
        species IS NOT NULL -- a SQL comment, not a YAML one
        # nor is this
layout:
  penguins: { x: 0, y: 0 } # top left
# End of file.
`;

  test('are kept on what they annotate when nodes and keys move', () => {
    const text = fmt(load(source), source);
    expect(text).toBe(`# Penguin species pipeline.

millrace: 1
name: penguins # short name
nodes:
  # Where the data comes from.
  # (Two lines.)
  - id: penguins
    type: read_csv
    params:
      # Relative to this file.
      path: data/penguins.csv
      types: { year: INTEGER } # the rest is detected
  - id: clean
    type: filter
    inputs: { in: penguins }
    params:
      condition: |
        species IS NOT NULL -- a SQL comment, not a YAML one
        # nor is this
  - id: report
    type: filter
    inputs: { in: clean }
    params: { condition: x > 1 } # keep it simple
layout:
  penguins: { x: 0, y: 0 } # top left

# End of file.
`);
    const document = load(source);
    expect(load(text)).toEqual({ ...document, nodes: canonicalNodeOrder(document.nodes) });
    expect(fmt(load(text), text)).toBe(text);
  });

  test('a comment on something deleted is dropped; the rest stay', () => {
    const document = load(source);
    document.nodes = document.nodes.filter((n) => n.id !== 'penguins');
    const text = fmt(document, source);
    expect(text).not.toContain('Where the data comes from');
    expect(text).toContain('# keep it simple');
    expect(fmt(load(text), text)).toBe(text);
  });

  test('comments inside a flow map that is written on several lines keep it in block style', () => {
    const text = `millrace: 1
name: x
nodes:
  - id: a
    type: read_csv
    params: {
      path: a.csv, # the file
      header: false
    }
`;
    const out = fmt(load(text), text);
    expect(out).toBe(`millrace: 1
name: x
nodes:
  - id: a
    type: read_csv
    params:
      path: a.csv # the file
      header: false
`);
    expect(fmt(load(out), out)).toBe(out);
  });

  test('idempotent for comments in every position', () => {
    const positions = [
      '# a\nmillrace: 1\nname: x\nnodes: []\n',
      'millrace: 1 # a\nname: x\nnodes: [] # b\n# c\n',
      'millrace: 1\nname: x\nnodes: # a\n  - id: a # b\n    # c\n    type: read_csv # d\n    params: # e\n      path: a.csv # f\n    # g\n  # h\n# i\nlayout: # j\n  a: { x: 1, y: 2 } # k\n  # l\n',
      'millrace: 1\nname: x\nnodes:\n  - id: a\n    type: t_every\n    inputs: { left: a }\n    params:\n      columns:\n        - a # first\n        # before b\n        - b\n      sort:\n        - { column: a } # one\n',
      // Blank lines: above a first entry (meaningless), between entries out of canonical order, between entries.
      'millrace: 1\nname: x\nnodes:\n\n  - id: a\n    type: read_csv\n    params:\n\n      path: a.csv\n',
      'millrace: 1\nname: x\nnodes:\n  - id: a\n    type: read_csv\n    params:\n      header: false\n\n      path: a.csv\n',
      'millrace: 1\nname: x\nnodes:\n  - id: a\n    type: read_csv\n    params:\n      path: a.csv\n\n      header: false\n\n\n  - id: b\n    type: read_csv\n    params: { path: b.csv }\n',
      // Windows line endings.
      'millrace: 1\r\nname: x # the name\r\nnodes:\r\n  # first\r\n  - id: a\r\n    type: read_csv\r\n    params: { path: a.csv }\r\n',
    ];
    for (const text of positions) {
      const once = fmt(load(text), text);
      expect(load(once), text).toEqual(load(text)); // already in canonical node order
      expect(fmt(load(once), once), text).toBe(once);
    }
  });
});
