/**
 * `millrace validate` on good and broken files, in a real process: every error is one
 * compiler-style line `file:line:col: error [CODE] …` naming the node, and the exit code is 1.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli, tempProject } from '../test-support/cli-process.js';

const HEADER = 'millrace: 1\nname: checks\nnodes:\n';
const SOURCE = '  - id: src\n    type: read_csv\n    params: { path: data.csv }\n'; // lines 4-6

/** Validate `nodes` (YAML for the node list after the `src` node, starting on line 7). */
async function validate(yaml: string, args: string[] = []) {
  const dir = tempProject({ 'data.csv': 'a,b\n1,x\n', 'pipeline.yaml': yaml });
  return runCli(['validate', 'pipeline.yaml', ...args], { cwd: dir });
}

const withNodes = (nodes: string) => `${HEADER}${SOURCE}${nodes}`;

beforeAll(ensureCliBuilt, 120_000);

describe('millrace validate', () => {
  it('says a valid file is valid and exits 0', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    inputs: { in: src }\n    params: { condition: a > 0 }\n'));
    expect(result.stderr).toBe('✓ pipeline.yaml is valid: 2 nodes.\n');
    expect(result.code).toBe(0);
  });

  it('an unknown node type names the node, its line and column, and suggests the closest type', async () => {
    const result = await validate(withNodes('  - id: big\n    type: fillter\n    inputs: { in: src }\n    params: { condition: a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:8:11: error [UNKNOWN_NODE_TYPE] Node "big" has unknown type "fillter". Did you mean "filter"?');
    expect(result.stderr).toMatch(/✗ pipeline\.yaml: 1 error\(s\)\.\n$/);
  });

  it('an unknown node type that is another name for a node type suggests that type (drop_nulls → drop_missing)', async () => {
    const result = await validate(withNodes('  - id: clean\n    type: drop_nulls\n    inputs: { in: src }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:8:11: error [UNKNOWN_NODE_TYPE] Node "clean" has unknown type "drop_nulls". Did you mean "drop_missing"?');
  });

  it('an unknown param names the node and the param, with a suggestion and the params there are', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    inputs: { in: src }\n    params: { conditon: a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:10:15: error [UNKNOWN_PARAM] Node "big": unknown param "conditon". Did you mean "condition"?\n  Params here: condition.');
  });

  it('a missing required param names the node and the param', async () => {
    const result = await validate(withNodes('  - id: first\n    type: limit\n    inputs: { in: src }\n    params: { offset: 2 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pipeline\.yaml:10:\d+: error \[MISSING_PARAM\] Node "first": missing required param "count"\./);
  });

  it('a param with a bad value gives the rule in plain words', async () => {
    const result = await validate(withNodes('  - id: parts\n    type: split\n    inputs: { in: src }\n    params: { fractions: { train: 0.8, test: 0.3 } }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pipeline\.yaml:10:\d+: error \[BAD_PARAM\] Node "parts": params\.fractions: the fractions must add up to 1, but they add up to 1\.1/);
  });

  it('an input naming a node that does not exist names both, with a suggestion', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    inputs: { in: scr }\n    params: { condition: a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:9:19: error [DANGLING_INPUT] Node "big": input "in" reads from "scr", but there is no node "scr". Did you mean "src"?');
  });

  it('an input reading an output port that does not exist lists the ports there are', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    inputs: { in: src.rows }\n    params: { condition: a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'pipeline.yaml:9:19: error [UNKNOWN_OUTPUT_PORT] Node "big": input "in" reads from "src.rows", but "src" (read_csv) has no output port "rows".\n  Its output ports: out',
    );
  });

  it('an input port the node type does not have, and a required input left unconnected, are both errors', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    inputs: { inn: src }\n    params: { condition: a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:9:15: error [UNKNOWN_INPUT_PORT] Node "big" (filter) has no input port "inn". Did you mean "in"?');
    expect(result.stderr).toMatch(/pipeline\.yaml:\d+:\d+: error \[MISSING_INPUT\] Node "big" \(filter\): required input "in" is not connected\./);
  });

  it('a model output wired into a table input names the node, the port and both types', async () => {
    const nodes =
      '  - id: model\n    type: train\n    inputs: { train: src }\n    params: { target: a, task: regression, model: linear }\n' +
      '  - id: big\n    type: filter\n    inputs: { in: model.model }\n    params: { condition: a > 0 }\n';
    const result = await validate(withNodes(nodes));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:13:19: error [PORT_TYPE_MISMATCH] Node "big": input "in" takes a table, but "model.model" is a model.');
  });

  it('a duplicate id names the id and the line of its first use', async () => {
    const result = await validate(withNodes('  - id: src\n    type: limit\n    params: { count: 1 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:7:9: error [DUPLICATE_ID] Node id "src" is used twice (first on line 4).');
  });

  it('a cycle names every node on it, in order', async () => {
    const nodes =
      '  - id: a\n    type: filter\n    inputs: { in: c }\n    params: { condition: "true" }\n' +
      '  - id: b\n    type: filter\n    inputs: { in: a }\n    params: { condition: "true" }\n' +
      '  - id: c\n    type: filter\n    inputs: { in: b }\n    params: { condition: "true" }\n';
    const result = await validate(withNodes(nodes));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pipeline\.yaml:\d+:\d+: error \[CYCLE\] The pipeline has a cycle: (a → b → c → a|b → c → a → b|c → a → b → c)\./);
  });

  it('malformed YAML gives the line and column of the syntax error', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n   params: { condition: a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pipeline\.yaml:9:1: error \[YAML_SYNTAX\] YAML syntax error: /);
  });

  it('an unclosed quote is a YAML syntax error, not a crash', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    params: { condition: "a > 0 }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pipeline\.yaml:\d+:\d+: error \[YAML_SYNTAX\] YAML syntax error: Missing closing "quote/m);
  });

  it('a duplicate key is an error at the second key, naming it', async () => {
    const result = await validate(withNodes('  - id: big\n    type: filter\n    type: limit\n    inputs: { in: src }\n'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:9:5: error [DUPLICATE_KEY] The key "type" appears twice in the same map.');
  });

  it('an alias bomb is refused at once, with the line of the first alias', async () => {
    const lines = ['millrace: 1', 'name: bomb', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('nodes: []');
    const result = await validate(`${lines.join('\n')}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:4:10: error [ALIAS_LIMIT] The file expands YAML aliases (*name) into more than 100 copies');
    expect(result.ms).toBeLessThan(10_000);
  });

  it('every error in a file is reported, each on its own line with its node', async () => {
    const nodes =
      '  - id: one\n    type: fillter\n    inputs: { in: src }\n' +
      '  - id: two\n    type: filter\n    inputs: { in: nowhere }\n    params: { condition: a > 0 }\n';
    const result = await validate(withNodes(nodes));
    expect(result.code).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.includes(': error ['));
    expect(errors).toEqual([expect.stringMatching(/^pipeline\.yaml:8:11: .*"one"/), expect.stringMatching(/^pipeline\.yaml:12:19: .*"two"/)]);
    expect(result.stderr).toMatch(/2 error\(s\)\.\n$/);
  });

  it('--json prints {valid, issues} with code, node, line and column', async () => {
    const result = await validate(withNodes('  - id: big\n    type: fillter\n    inputs: { in: src }\n'), ['--json']);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { valid: boolean; issues: Record<string, unknown>[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', severity: 'error', nodeId: 'big', line: 8, column: 11 })]);
  });

  it('a file that does not exist is one clear error', async () => {
    const dir = tempProject();
    const result = await runCli(['validate', 'nope.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^nope\.yaml:1:1: error \[FILE_UNREADABLE\] Cannot read ".*nope\.yaml": no such file\.\n/);
  });
});
