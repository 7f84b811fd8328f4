/**
 * The persistent cache outlives the process: a second `millrace run` in a new process, and an
 * engine opened afterwards, recompute nothing (checked through the run store).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from '../run-store/run-store.js';
import { ensureCliBuilt, runCli } from '../test-support/cli-process.js';
import { ALL, CITIES, PEOPLE, pipeline } from './test-support/cache-fixture.js';
import { openEngine, runFile, storedRun, tempProject, type Project } from './test-support/project.js';

describe('the persistent cache across processes', () => {
  let project: Project;
  beforeAll(ensureCliBuilt, 120_000);
  beforeEach(() => {
    project = tempProject({ 'data/people.csv': PEOPLE, 'data/cities.json': CITIES, 'pipeline.yaml': pipeline() });
  });
  afterEach(() => project.remove());

  it('a second `millrace run` in a new process recomputes nothing', async () => {
    const first = await runCli(['run', 'pipeline.yaml', '--threads', '2'], { cwd: project.dir });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(['run', 'pipeline.yaml', '--threads', '2'], { cwd: project.dir });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/8 cached/);
    expect(second.stderr).not.toMatch(/running/);

    const store = RunStore.open(project.file('.millrace/runs.sqlite'));
    try {
      const [latest, earlier] = store.listRuns();
      expect(earlier?.counts).toMatchObject({ total: 8, done: 8 });
      expect(latest?.counts).toMatchObject({ total: 8, cached: 8 });
      expect(latest?.pid).not.toBe(earlier?.pid);
    } finally {
      store.close();
    }

    // And the engine in this process, opened afterwards, finds the same cache.
    const engine = await openEngine(project);
    try {
      const third = await runFile(engine, project.file('pipeline.yaml'));
      expect(third.withStatus('cached')).toEqual(ALL);
      expect(storedRun(engine, third.summary.runId).stored.run.counts.cached).toBe(8);
    } finally {
      await engine.dispose();
    }
  });
});
