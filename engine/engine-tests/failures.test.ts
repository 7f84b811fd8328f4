/**
 * When a node fails: a message that names the problem, its descendants skipped, independent
 * branches finished, the CLI's exit code and stderr; and data-quality checks that fail or warn.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { ensureCliBuilt, runCli } from '../test-support/cli-process.js';
import { openEngine, runFile, tempProject, type Project } from './test-support/project.js';

const PEOPLE = 'id,name,Score (pts)\n1,Ann,10\n2,Bo,20\n3,Cy,\n4,Di,3\n5,"O\'Brien",40\n';

/** Two branches from one source: `broken` (and what follows it) and `fine`. */
function branches(brokenParams: string): string {
  return `millrace: 1
name: failures
nodes:
  - id: people
    type: read_csv
    params: { path: data/people.csv }
  - id: broken
    type: derive
    inputs: { in: people }
    params: ${brokenParams}
  - id: after_broken
    type: filter
    inputs: { in: broken }
    params: { condition: id > 0 }
  - id: broken_out
    type: write_csv
    inputs: { in: after_broken }
    params: { path: out/broken.csv }
  - id: fine
    type: filter
    inputs: { in: people }
    params: { condition: '"Score (pts)" > 5' }
  - id: fine_out
    type: write_csv
    inputs: { in: fine }
    params: { path: out/fine.csv }
`;
}

const BAD_COLUMN = branches(`{ columns: { bonus: 'no_such_column + 1' } }`);

function quality(onFail: 'error' | 'warn'): string {
  return `millrace: 1
name: quality
nodes:
  - id: people
    type: read_csv
    params: { path: data/people.csv }
  - id: checked
    type: assert
    inputs: { in: people }
    params:
      checks:
        - { column: Score (pts), check: not_null }
        - { column: Score (pts), check: between, min: 0, max: 30 }
        - { column: id, check: unique }
      on_fail: ${onFail}
  - id: checked_out
    type: write_csv
    inputs: { in: checked }
    params: { path: out/checked.csv }
`;
}

describe('a failing node', () => {
  let project: Project;
  let engine: Engine;
  beforeEach(async () => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': BAD_COLUMN });
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('a bad SQL expression fails its node naming the problem, skips its descendants, and lets an independent branch finish', async () => {
    const run = await runFile(engine, project.file('pipeline.yaml'));
    expect(run.stored.run.status).toBe('failed');
    expect(run.node('broken')).toMatchObject({ status: 'failed', error: expect.stringMatching(/Column "no_such_column" does not exist/) });
    expect(run.node('after_broken')).toMatchObject({ status: 'skipped', reason: 'upstream broken did not finish' });
    expect(run.node('broken_out')).toMatchObject({ status: 'skipped', reason: 'upstream after_broken did not finish' });
    expect(run.withStatus('done')).toEqual(['fine', 'fine_out', 'people']);
    expect(run.stored.run.error).toMatch(/^broken \(derive\): .*Column "no_such_column" does not exist/);
    expect(run.stored.run.counts).toMatchObject({ failed: 1, skipped: 2, done: 3 });
    expect(readFileSync(project.file('out/fine.csv'), 'utf8')).toBe('id,name,Score (pts)\n1,Ann,10\n2,Bo,20\n5,O\'Brien,40\n');
    expect(existsSync(project.file('out/broken.csv'))).toBe(false);
  });

  it('a value that fails only while the data is read, inside a fused query, fails the step that computes it', async () => {
    // broken and after_broken are fused into the broken_out sink's query: the cast fails in the
    // middle of the sink's COPY, and the error must still name broken, not the sink.
    project.write('pipeline.yaml', branches(`{ columns: { as_number: 'CAST(name AS INTEGER)' } }`));
    const run = await runFile(engine, project.file('pipeline.yaml'));
    expect(run.stored.run.status).toBe('failed');
    expect(run.node('broken')).toMatchObject({ status: 'failed', error: expect.stringMatching(/Ann/) });
    expect(run.node('after_broken')).toMatchObject({ status: 'skipped', reason: 'upstream broken did not finish' });
    expect(run.node('broken_out')).toMatchObject({ status: 'skipped', reason: 'upstream after_broken did not finish' });
    expect(run.withStatus('done')).toEqual(['fine', 'fine_out', 'people']);
    expect(existsSync(project.file('out/broken.csv'))).toBe(false);
  });

  it('after the expression is fixed, only the failed branch runs', async () => {
    await runFile(engine, project.file('pipeline.yaml'));
    project.write('pipeline.yaml', branches(`{ columns: { bonus: '"Score (pts)" + 1' } }`));
    const run = await runFile(engine, project.file('pipeline.yaml'));
    expect(run.stored.run.status).toBe('succeeded');
    expect(run.withStatus('cached')).toEqual(['fine', 'fine_out', 'people']);
    expect(run.withStatus('done')).toEqual(['after_broken', 'broken', 'broken_out']);
    // It did run (and fail) last time, so the reason is what changed since, not "not run before".
    expect(run.node('broken').reason).toBe('params changed');
  });

  it('a missing source file fails with a clear error naming the file', async () => {
    project.write('pipeline.yaml', BAD_COLUMN.replace('data/people.csv', 'data/nobody.csv'));
    const run = await runFile(engine, project.file('pipeline.yaml'));
    expect(run.stored.run.status).toBe('failed');
    expect(run.node('people').error).toBe(`File not found: "${project.file('data/nobody.csv')}". Check the path; relative paths start from the pipeline file's folder.`);
    expect(run.withStatus('skipped')).toEqual(['after_broken', 'broken', 'broken_out', 'fine', 'fine_out']);
  });
});

describe('data-quality checks', () => {
  let project: Project;
  let engine: Engine;
  beforeEach(async () => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'error.yaml': quality('error'), 'warn.yaml': quality('warn') });
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('on_fail: error fails the node, listing each failed check with example values', async () => {
    const run = await runFile(engine, project.file('error.yaml'));
    expect(run.stored.run.status).toBe('failed');
    const error = run.node('checked').error ?? '';
    expect(run.node('checked').status).toBe('failed');
    expect(error).toMatch(/^2 data-quality check\(s\) failed:/);
    expect(error).toMatch(/Score \(pts\): not_null — 1 of 5 rows is NULL/);
    expect(error).toMatch(/Score \(pts\): between — 1 of 5 rows is not between 0 and 30 \(e\.g\. 40\)/);
    expect(error).not.toMatch(/unique/);
    expect(run.node('checked_out')).toMatchObject({ status: 'skipped' });
    expect(existsSync(project.file('out/checked.csv'))).toBe(false);

    const results = run.stored.quality.map((q) => [q.column, q.check, q.passed, q.failingRows]);
    expect(results).toEqual([
      ['Score (pts)', 'not_null', false, 1],
      ['Score (pts)', 'between', false, 1],
      ['id', 'unique', true, 0],
    ]);
    expect(run.stored.quality[1]!.examples).toEqual([40]);

    // Served from the cache the next time, it fails the same way (a cached output is not a pass).
    const again = await runFile(engine, project.file('error.yaml'));
    expect(again.stored.run.status).toBe('failed');
    expect(again.node('checked')).toMatchObject({ status: 'failed', error });
    expect(again.stored.quality).toHaveLength(3);
  });

  it('on_fail: warn lets the run succeed, with the warnings in the summary and the results in the run store', async () => {
    const run = await runFile(engine, project.file('warn.yaml'));
    expect(run.stored.run.status).toBe('succeeded');
    expect(run.node('checked').status).toBe('done');
    const summary = run.summary.nodes.find((n) => n.nodeId === 'checked');
    expect(summary).toMatchObject({ failedChecks: 2 });
    expect(summary?.warnings).toEqual([
      'Score (pts): not_null — 1 of 5 rows is NULL',
      'Score (pts): between — 1 of 5 rows is not between 0 and 30 (e.g. 40)',
    ]);
    expect(run.stored.quality.filter((q) => !q.passed).map((q) => q.check)).toEqual(['not_null', 'between']);
    expect(readFileSync(project.file('out/checked.csv'), 'utf8').split('\n')).toHaveLength(7); // header, 5 rows, final newline

    // A cached quality node records its results again for the new run.
    const again = await runFile(engine, project.file('warn.yaml'));
    expect(again.node('checked').status).toBe('cached');
    expect(again.stored.quality.map((q) => q.passed)).toEqual([false, false, true]);
    expect(again.summary.nodes.find((n) => n.nodeId === 'checked')?.warnings).toHaveLength(2);
  });
});

describe('failures in `millrace run`', () => {
  let project: Project;
  beforeAll(ensureCliBuilt, 120_000);
  beforeEach(() => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'pipeline.yaml': BAD_COLUMN });
  });
  afterEach(() => project.remove());

  it('a failing node: exit 1, stderr names the node and the cause, no stack trace, the other branch is written', async () => {
    for (const flags of [[], ['--debug']]) {
      const result = await runCli(['run', 'pipeline.yaml', ...flags], { cwd: project.dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\nRun failed: broken \(derive\): .*Column "no_such_column" does not exist/);
      // A node failure is the pipeline's problem, not the program's: no stack trace even with --debug.
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toMatch(/--debug/);
      expect(existsSync(project.file('out/fine.csv'))).toBe(true);
    }
  });

  it('an unexpected error is one line, with the stack trace only under --debug', async () => {
    // A file where the state folder should be: the engine cannot start.
    project.write('.millrace', 'not a folder');
    const plain = await runCli(['run', 'pipeline.yaml'], { cwd: project.dir });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/^millrace: .*\.millrace/);
    expect(plain.stderr).toMatch(/\(run again with --debug for details\)\n$/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);

    const debug = await runCli(['run', 'pipeline.yaml', '--debug'], { cwd: project.dir });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at .*createEngine/);
  });
});
