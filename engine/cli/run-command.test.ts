/** `millrace run` as a user runs it: a real process, progress on stderr, exit codes, `--node`. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli, tempProject } from '../test-support/cli-process.js';

const DATA = ['id,Body Mass (g),"say ""hi""",species', '1,3000,a,Adelie', '2,4200,,Gentoo', '3,,c,Adelie', '4,5100,d,Gentoo', ''].join('\n');

const PIPELINE = `millrace: 1
name: run-test
nodes:
  - id: birds
    type: read_csv
    params: { path: birds.csv }
  - id: heavy
    type: filter
    inputs: { in: birds }
    params: { condition: '"Body Mass (g)" > 3500' }
  - id: by_species
    type: aggregate
    inputs: { in: birds }
    params:
      group_by: [species]
      aggregations: { birds (n): count(*) }
  - id: heavy_file
    type: write_csv
    inputs: { in: heavy }
    params: { path: out/heavy.csv }
  - id: species_file
    type: write_csv
    inputs: { in: by_species }
    params: { path: out/species.csv }
`;

const FAILING = `millrace: 1
name: failing
nodes:
  - id: birds
    type: read_csv
    params: { path: birds.csv }
  - id: broken
    type: filter
    inputs: { in: birds }
    params: { condition: no_such_column > 1 }
  - id: broken_file
    type: write_csv
    inputs: { in: broken }
    params: { path: out/broken.csv }
`;

/** The progress lines of one node, e.g. `  ✓ heavy (filter) 2 rows × 4 cols in 12ms (not run before)`. */
const linesOf = (stderr: string, id: string) => stderr.split('\n').filter((l) => l.startsWith('  ') && l.includes(` ${id} (`));

beforeAll(ensureCliBuilt, 120_000);

describe('millrace run', () => {
  it('runs every node, reports running and done with row counts on stderr, writes the sinks and exits 0', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': PIPELINE });
    const result = await runCli(['run', 'pipeline.yaml'], { cwd: dir });
    expect(result.stderr).toMatch(/^Running run-test \(run [0-9a-f]{8}\)/);
    expect(result.code).toBe(0);
    for (const id of ['birds', 'heavy', 'by_species', 'heavy_file', 'species_file']) {
      expect(linesOf(result.stderr, id).some((l) => l.includes('running (not run before)')), id).toBe(true);
    }
    expect(linesOf(result.stderr, 'birds')).toContainEqual(expect.stringMatching(/✓ birds \(read_csv\) 4 rows × 4 cols in \d+(ms|\.\d+s) \(not run before\)$/));
    // heavy and by_species were computed inside their sinks' queries (fused, not kept): no counts of their own.
    expect(linesOf(result.stderr, 'heavy')).toContainEqual(expect.stringMatching(/✓ heavy \(filter\) within heavy_file in /));
    expect(linesOf(result.stderr, 'by_species')).toContainEqual(expect.stringMatching(/✓ by_species \(aggregate\) within species_file in /));
    expect(linesOf(result.stderr, 'heavy_file')).toContainEqual(expect.stringMatching(/✓ heavy_file \(write_csv\) 2 rows in /));
    expect(result.stderr).toMatch(/Run succeeded in .*: 5 done\.\n$/);
    expect(result.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'out/heavy.csv'), 'utf8')).toBe('id,Body Mass (g),"say ""hi""",species\n2,4200,,Gentoo\n4,5100,d,Gentoo\n');
    expect(readFileSync(path.join(dir, 'out/species.csv'), 'utf8')).toBe('species,birds (n)\nAdelie,2\nGentoo,2\n');
  });

  it('a second run in a new process takes every node from the cache and recomputes nothing', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': PIPELINE });
    expect((await runCli(['run', 'pipeline.yaml'], { cwd: dir })).code).toBe(0);
    const second = await runCli(['run', 'pipeline.yaml'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('running');
    expect(linesOf(second.stderr, 'birds')).toEqual([expect.stringMatching(/● birds \(read_csv\) cached 4 rows × 4 cols \(unchanged\)$/)]);
    expect(linesOf(second.stderr, 'heavy')).toEqual([expect.stringMatching(/● heavy \(filter\) cached within heavy_file \(unchanged\)$/)]);
    expect(second.stderr).toMatch(/Run succeeded in .*: 5 cached\.\n$/);
  });

  it('--json prints the run summary on stdout, with a status and a reason per node', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': PIPELINE });
    const result = await runCli(['run', 'pipeline.yaml', '--json', '--node', 'by_species'], { cwd: dir });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { status: string; nodes: { nodeId: string; status: string; reason: string; rows?: number }[] };
    expect(summary.status).toBe('succeeded');
    expect(summary.nodes.map(({ nodeId, status, reason, rows }) => ({ nodeId, status, reason, rows }))).toEqual([
      // birds is computed inside by_species' query (fused): no row count of its own.
      { nodeId: 'birds', status: 'done', reason: 'not run before', rows: undefined },
      { nodeId: 'by_species', status: 'done', reason: 'not run before', rows: 2 },
    ]);
  });

  it('a usage mistake (no file, unknown command) exits 2 with a pointer to --help', async () => {
    const dir = tempProject();
    const noFile = await runCli(['run'], { cwd: dir });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe("error: missing required argument 'file'\n(run `millrace --help` for usage)\n");
    const unknown = await runCli(['frobnicate'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command 'frobnicate'");
  });

  it('--node runs only that node and its ancestors', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': PIPELINE });
    const result = await runCli(['run', 'pipeline.yaml', '--node', 'heavy_file'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Running run-test up to heavy_file /);
    const mentioned = new Set([...result.stderr.matchAll(/^ {2}\S+ (\S+) \(/gm)].map((m) => m[1]));
    expect([...mentioned].sort()).toEqual(['birds', 'heavy', 'heavy_file']);
    expect(existsSync(path.join(dir, 'out/heavy.csv'))).toBe(true);
    expect(existsSync(path.join(dir, 'out/species.csv'))).toBe(false);
  });

  it('--node with an id that is not in the pipeline lists the nodes and exits 1', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': PIPELINE });
    const result = await runCli(['run', 'pipeline.yaml', '--node', 'heavy_fil'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('There is no node "heavy_fil" in run-test. Nodes: birds, heavy, by_species, heavy_file, species_file.');
  });

  it('a failing node exits 1 with one line naming the node and the cause, and no stack trace', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': FAILING });
    const result = await runCli(['run', 'pipeline.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    const last = lines[lines.length - 1]!;
    expect(last).toMatch(/^Run failed: broken \(filter\): .*Column "no_such_column" does not exist/);
    expect(lines.filter((l) => l.includes('✗ broken (filter) failed'))).toHaveLength(1);
    // The DuckDB message spans lines; each node's line and the closing cause stay one line each.
    expect(lines.every((l) => l.startsWith('Running') || l.startsWith('Run failed') || l.startsWith('  '))).toBe(true);
    expect(result.stderr).toMatch(/- broken_file \(write_csv\) skipped/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'out/broken.csv'))).toBe(false);
  });

  it('--debug still gives the failed node and its cause', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': FAILING });
    const result = await runCli(['run', 'pipeline.yaml', '--debug'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Run failed: broken (filter):');
  });

  it('a file that does not exist gives one clear line and exit 1', async () => {
    const dir = tempProject();
    const result = await runCli(['run', 'missing.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('missing.yaml: no such file.\n');
    expect(existsSync(path.join(dir, '.millrace'))).toBe(false);
  });

  it('a broken pipeline is not run: its errors are printed with line and column', async () => {
    const dir = tempProject({ 'birds.csv': DATA, 'pipeline.yaml': PIPELINE.replace('type: filter', 'type: filtr') });
    const result = await runCli(['run', 'pipeline.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pipeline.yaml:8:11: error [UNKNOWN_NODE_TYPE] Node "heavy" has unknown type "filtr". Did you mean "filter"?');
    expect(result.stderr.trimEnd().split('\n').pop()).toBe('pipeline.yaml: 1 error(s); nothing was run.');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
