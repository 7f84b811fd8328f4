import { expect, test } from 'vitest';
import { testCatalogue } from './fixtures/test-nodes.js';
import { formatPipeline } from './format-yaml.js';
import { loadPipelineText } from './load-yaml.js';

const base = `millrace: 1
name: x
description: hello
nodes:
  - id: report
    type: filter
    inputs: { in: clean }
    params: { condition: x > 1 }
  - id: penguins
    type: read_csv
    params:
      path: data/penguins.csv
      types: { year: INTEGER, b: DOUBLE }
  - id: e
    type: t_every
    inputs: { left: penguins }
    params:
      columns:
        - a
        - b
      sort:
        - { column: a }
        - column: b
          descending: true
      derive: { z: a, y: b }
  - id: clean
    type: filter
    inputs: { in: penguins }
    params:
      condition: |
        species IS NOT NULL
layout:
  penguins: { x: 0, y: 0 }
  e: { x: 1, y: 2 }
`;
/** Line 31 is inside the `|` block: a `#` there is text, not a comment. */
const insideBlockScalar = 31;

const fmt = (text: string) => {
  const { document } = loadPipelineText(text);
  if (!document) throw new Error(`does not load:\n${text}`);
  return formatPipeline(document, { source: text, catalogue: testCatalogue });
};

test('comments and blank lines anywhere: none lost, data unchanged, formatting idempotent (100 random placements)', () => {
  let state = 7;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * n);
  };
  const expected = loadPipelineText(fmt(base)).document;
  for (let trial = 0; trial < 100; trial++) {
    const out: string[] = [];
    base
      .trimEnd()
      .split('\n')
      .forEach((line, i) => {
        const n = i + 1;
        const indent = /^ */.exec(line)?.[0].length ?? 0;
        if (n !== insideBlockScalar && random(4) === 0) out.push(`${' '.repeat(random(2) ? indent : Math.max(0, indent - 2))}# own ${n}`);
        if (n !== insideBlockScalar && random(8) === 0) out.push('');
        out.push(n !== insideBlockScalar && random(4) === 0 ? `${line} # trail ${n}` : line);
      });
    if (random(3) === 0) out.push('# end');
    const text = `${out.join('\n')}\n`;
    const once = fmt(text);
    expect(fmt(once), text).toBe(once);
    expect(loadPipelineText(once).document, text).toEqual(expected);
    for (const comment of text.match(/# (own|trail) \d+|# end/g) ?? []) expect(once, text).toContain(comment);
  }
});
