/** `millrace fmt` in a real process: canonical form, idempotence, `--check`, and broken files left alone. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPipelineText } from '../pipeline/load-yaml.js';
import type { PipelineDocument } from '../pipeline/document.js';
import { ensureCliBuilt, runCli, tempProject } from '../test-support/cli-process.js';

/** Keys out of order, nodes before their inputs, layout first, block and flow mixed, a comment. */
const MESSY = `layout:
  out_file: {y: 100, x: 300}
  src: {x: 0, y: 0}
nodes:
  - params:
      path: out/result.csv
    inputs:
      in: big
    type: write_csv
    id: out_file
  - type: filter
    id: big
    params:
      condition: '"Body Mass (g)" > 4000'
    inputs: {in: src}
  - id: src
    params: {types: {year: INTEGER}, path: data.csv}
    type: read_csv
name: messy   # the name
millrace: 1
`;

const CANONICAL = `millrace: 1
name: messy # the name
nodes:
  - id: src
    type: read_csv
    params: { path: data.csv, types: { year: INTEGER } }
  - id: big
    type: filter
    inputs: { in: src }
    params: { condition: '"Body Mass (g)" > 4000' }
  - id: out_file
    type: write_csv
    inputs: { in: big }
    params: { path: out/result.csv }
layout:
  src: { x: 0, y: 0 }
  out_file: { x: 300, y: 100 }
`;

/** The pipeline a text loads to, with nodes keyed by id (formatting may reorder them, never change them). */
function pipelineOf(text: string): Omit<PipelineDocument, 'nodes'> & { nodes: Record<string, unknown> } {
  const loaded = loadPipelineText(text);
  expect(loaded.issues).toEqual([]);
  const document = loaded.document!;
  return { ...document, nodes: Object.fromEntries(document.nodes.map((n) => [n.id, n])) };
}

beforeAll(ensureCliBuilt, 120_000);

describe('millrace fmt', () => {
  it('rewrites a file in canonical form: key order, nodes after their inputs, layout last, comments kept', async () => {
    const dir = tempProject({ 'p.yaml': MESSY });
    const result = await runCli(['fmt', 'p.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('formatted p.yaml\n');
    const after = readFileSync(path.join(dir, 'p.yaml'), 'utf8');
    expect(after).toBe(CANONICAL);
    expect(pipelineOf(after)).toEqual(pipelineOf(MESSY));
  });

  it('formatting twice changes nothing', async () => {
    const dir = tempProject({ 'p.yaml': MESSY });
    await runCli(['fmt', 'p.yaml'], { cwd: dir });
    const once = readFileSync(path.join(dir, 'p.yaml'), 'utf8');
    const again = await runCli(['fmt', 'p.yaml'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('p.yaml already formatted\n');
    expect(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe(once);
  });

  it('--check exits 1 on an unformatted file without touching it, and 0 once it is formatted', async () => {
    const dir = tempProject({ 'p.yaml': MESSY, 'q.yaml': CANONICAL });
    const before = await runCli(['fmt', '--check', 'p.yaml', 'q.yaml'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stderr).toBe('✗ p.yaml is not in canonical form (run: millrace fmt p.yaml)\n');
    expect(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe(MESSY);
    await runCli(['fmt', 'p.yaml'], { cwd: dir });
    const after = await runCli(['fmt', '--check', 'p.yaml', 'q.yaml'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
  });

  it('--stdout prints the canonical text and leaves the file as it was', async () => {
    const dir = tempProject({ 'p.yaml': MESSY });
    const result = await runCli(['fmt', '--stdout', 'p.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(CANONICAL);
    expect(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe(MESSY);
  });

  it('a file with errors is not rewritten: its errors are printed and fmt exits 1', async () => {
    const broken = MESSY.replace('millrace: 1', 'millrace: 1\nmillrace: 2');
    const dir = tempProject({ 'p.yaml': broken });
    const result = await runCli(['fmt', 'p.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('p.yaml:21:1: error [DUPLICATE_KEY] The key "millrace" appears twice in the same map.');
    expect(result.stderr).toContain('✗ p.yaml: not formatted, fix the errors above first.');
    expect(readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe(broken);
  });

  it('a file that does not exist gives a clear error, not a stack trace', async () => {
    const dir = tempProject();
    const result = await runCli(['fmt', 'nope.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✗ nope.yaml: no such file.\n');
  });
});
