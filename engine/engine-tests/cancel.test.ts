/**
 * Cancelling a run mid-query: it stops at once, the run store says cancelled with no node left
 * running, no output (or partial output) is on disk, and the next run finds a consistent cache.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { RunStore } from '../run-store/run-store.js';
import { ensureBuilt, startCli } from './test-support/cli.js';
import { loadPipeline, openEngine, runFile, SMALL_CSV, slowPipeline, storedRun, tempProject, whenStatus, type Project } from './test-support/project.js';

/** What the slow query's count(*) is: pairs (a, b) below n with 7a + b divisible by 13. */
function pairsDivisibleBy13(n: number): number {
  let total = 0;
  for (let a = 0; a < n; a++) {
    const r = (13 - ((7 * a) % 13)) % 13; // b ≡ -7a (mod 13)
    total += Math.floor((n - 1 - r) / 13) + 1;
  }
  return total;
}

const partialFiles = (project: Project) => (existsSync(project.file('out')) ? readdirSync(project.file('out')).filter((f) => f.includes('partial')) : []);

describe('cancelling a run through the engine', () => {
  let project: Project;
  let engine: Engine;
  beforeEach(async () => {
    // n = 12 000: a second or two of work, so the run after the cancelled one can finish.
    project = tempProject({ 'data/small.csv': SMALL_CSV, 'pipeline.yaml': slowPipeline(12_000) });
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('stops the running query promptly and leaves a cancelled run, no output, and a cache the next run can use', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const handle = engine.run(pipeline);
    await Promise.all([whenStatus(engine, handle.runId, 'slow', 'running'), whenStatus(engine, handle.runId, 'quick_out', 'done')]);

    const cancelledAt = Date.now();
    expect(engine.cancel(handle.runId)).toBe(true);
    const summary = await handle.result;
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    expect(summary.status).toBe('cancelled');

    const run = storedRun(engine, handle.runId);
    expect(run.stored.run.status).toBe('cancelled');
    expect(run.stored.run.endedAt).not.toBeNull();
    expect(run.withStatus('running')).toEqual([]);
    expect(run.withStatus('pending')).toEqual([]);
    expect(run.withStatus('cancelled')).toEqual(['doubled', 'slow', 'slow_out']);
    expect(run.withStatus('done')).toEqual(['quick', 'quick_out']);
    expect(existsSync(project.file('out/slow.csv'))).toBe(false);
    expect(partialFiles(project)).toEqual([]);
    expect(engine.cancel(handle.runId)).toBe(false); // the run is over

    const next = await runFile(engine, project.file('pipeline.yaml'));
    expect(next.stored.run.status).toBe('succeeded');
    expect(next.withStatus('cached')).toEqual(['quick', 'quick_out']);
    expect(next.withStatus('done')).toEqual(['doubled', 'slow', 'slow_out']);
    // The cancelled query left nothing behind that could pass for its result.
    expect(next.node('slow').reason).toBe('not run before');
    const [header, row] = readFileSync(project.file('out/slow.csv'), 'utf8').trim().split('\n');
    expect(header).toBe('n,s,twice');
    const [n, , twice] = row!.split(',').map(Number);
    expect(n).toBe(pairsDivisibleBy13(12_000));
    expect(twice).toBe(2 * n!);
    expect(partialFiles(project)).toEqual([]);
  });

  it('the run handle cancels too, and an abort signal passed to run does the same', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const handle = engine.run(pipeline);
    await whenStatus(engine, handle.runId, 'slow', 'running');
    let cancelledAt = Date.now();
    handle.cancel();
    expect((await handle.result).status).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    expect(storedRun(engine, handle.runId).stored.run.status).toBe('cancelled');

    const controller = new AbortController();
    const second = engine.run(pipeline, { signal: controller.signal });
    await whenStatus(engine, second.runId, 'slow', 'running');
    cancelledAt = Date.now();
    controller.abort();
    expect((await second.result).status).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    const stored = storedRun(engine, second.runId);
    expect(stored.stored.run.status).toBe('cancelled');
    expect(stored.withStatus('running')).toEqual([]);
  });

  it('a run cancelled before it starts any node ends cancelled with every node cancelled', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const handle = engine.run(pipeline);
    handle.cancel();
    const summary = await handle.result;
    expect(summary.status).toBe('cancelled');
    const run = storedRun(engine, handle.runId);
    expect(run.stored.run.status).toBe('cancelled');
    expect(run.stored.nodes.map((n) => n.status).every((s) => s === 'cancelled')).toBe(true);
    expect(existsSync(project.file('out'))).toBe(false);
  });
});

describe('Ctrl+C in `millrace run`', () => {
  let project: Project;
  beforeAll(ensureBuilt, 120_000);
  beforeEach(() => {
    project = tempProject({ 'data/small.csv': SMALL_CSV, 'pipeline.yaml': slowPipeline() });
  });
  afterEach(() => project.remove());

  it('cancels the run: exit code 130, the stored run is cancelled, no output is written', async () => {
    const cli = startCli(['run', 'pipeline.yaml', '--threads', '2'], project.dir);
    try {
      await cli.waitForStderr(/… slow \(sql\) running/);
      const interruptedAt = Date.now();
      cli.child.kill('SIGINT');
      const { code } = await cli.exited;
      expect(Date.now() - interruptedAt).toBeLessThan(5000);
      expect(code, cli.stderr()).toBe(130);
      expect(cli.stderr()).toMatch(/Cancelling…/);
      expect(cli.stderr()).toMatch(/Run cancelled after .*No output was half-written\.\n$/);
    } finally {
      cli.child.kill('SIGKILL');
    }

    const store = RunStore.open(project.file('.millrace/runs.sqlite'));
    try {
      const [run] = store.listRuns();
      expect(run?.status).toBe('cancelled');
      expect(store.recoveredRuns).toEqual([]); // ended by the process itself, not by recovery
      const nodes = store.getRun(run!.id)!.nodes;
      expect(nodes.filter((n) => n.status === 'running' || n.status === 'pending')).toEqual([]);
      expect(nodes.find((n) => n.nodeId === 'slow')?.status).toBe('cancelled');
    } finally {
      store.close();
    }
    expect(existsSync(project.file('out/slow.csv'))).toBe(false);
    expect(partialFiles(project)).toEqual([]);
  });
});
