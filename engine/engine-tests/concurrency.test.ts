/**
 * Several things at once in one engine: independent branches computing in parallel, the same
 * pipeline run twice at the same time, and the engine disposed while a run is in progress.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { RunStore } from '../run-store/run-store.js';
import { loadPipeline, openEngine, runFile, SMALL_CSV, slowPipeline, slowQuery, storedRun, tempProject, whenStatus, type Project } from './test-support/project.js';

const TWO_SLOW = `millrace: 1
name: two-slow
nodes:
  - id: left
    type: sql
    params: { query: '${slowQuery(300_000)}' }
  - id: right
    type: sql
    params: { query: '${slowQuery(300_001)}' }
`;

describe('one engine, several things at once', () => {
  let project: Project;
  let engine: Engine;
  beforeEach(async () => {
    project = tempProject({ 'data/small.csv': SMALL_CSV, 'pipeline.yaml': slowPipeline(4_000), 'two-slow.yaml': TWO_SLOW });
    engine = await openEngine(project);
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('independent branches compute at the same time, and one cancel stops them both', async () => {
    const pipeline = await loadPipeline(engine, project.file('two-slow.yaml'));
    const handle = engine.run(pipeline);
    // Neither can finish for minutes: both running means they run side by side.
    await Promise.all([whenStatus(engine, handle.runId, 'left', 'running'), whenStatus(engine, handle.runId, 'right', 'running')]);
    const cancelledAt = Date.now();
    handle.cancel();
    expect((await handle.result).status).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    expect(storedRun(engine, handle.runId).withStatus('cancelled')).toEqual(['left', 'right']);
  });

  it('the same pipeline run twice at once: both runs succeed, and a third finds everything cached', async () => {
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const [first, second] = await Promise.all([engine.run(pipeline).result, engine.run(pipeline).result]);
    expect([first.status, second.status, first.error ?? second.error]).toEqual(['succeeded', 'succeeded', undefined]);
    for (const summary of [first, second]) {
      expect(storedRun(engine, summary.runId).stored.run.counts).toMatchObject({ failed: 0, skipped: 0, total: 5 });
    }
    const third = await runFile(engine, project.file('pipeline.yaml'));
    expect(third.withStatus('cached')).toEqual(['doubled', 'quick', 'quick_out', 'slow', 'slow_out']);
  });

  it('disposing the engine mid-run cancels the run and records its end before the run store closes', async () => {
    project.write('pipeline.yaml', slowPipeline());
    const pipeline = await loadPipeline(engine, project.file('pipeline.yaml'));
    const handle = engine.run(pipeline);
    await whenStatus(engine, handle.runId, 'slow', 'running');
    const disposing = Date.now();
    await engine.dispose();
    expect(Date.now() - disposing).toBeLessThan(2000);
    expect((await handle.result).status).toBe('cancelled');

    // Read by a store of its own: this process is alive, so recovery would not have fixed a run left "running".
    const store = RunStore.open(project.file('.millrace/runs.sqlite'));
    try {
      expect(store.recoveredRuns).toEqual([]);
      expect(store.getRun(handle.runId)?.run.status).toBe('cancelled');
    } finally {
      store.close();
    }
    engine = await openEngine(project); // for afterEach
  });
});
