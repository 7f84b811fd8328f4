/**
 * A `millrace run` process that dies mid-run (killed, or quit with a second Ctrl+C) never leaves
 * its run marked running: the next engine on the project shows it interrupted, and the cache the
 * dead process was writing is still usable.
 */
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_ERROR } from '../run-store/recover-interrupted.js';
import { ensureBuilt, startCli, type CliProcess } from './test-support/cli.js';
import { openEngine, runFile, SMALL_CSV, slowPipeline, tempProject, type Project } from './test-support/project.js';

describe('a run whose process died', () => {
  let project: Project;
  let cli: CliProcess | undefined;
  beforeAll(ensureBuilt, 120_000);
  beforeEach(() => {
    project = tempProject({ 'data/small.csv': SMALL_CSV, 'pipeline.yaml': slowPipeline() });
  });
  afterEach(() => {
    cli?.child.kill('SIGKILL');
    project.remove();
  });

  /** Start the slow pipeline in a child process and wait until its slow node is computing (and the quick branch is done). */
  async function startSlowRun(): Promise<CliProcess> {
    cli = startCli(['run', 'pipeline.yaml', '--threads', '2'], project.dir);
    await cli.waitForStderr(/… slow \(sql\) running/);
    await cli.waitForStderr(/✓ quick_out \(write_csv\)/);
    return cli;
  }

  it('SIGKILL mid-run: the next engine on the project marks the run interrupted, not running', async () => {
    const child = await startSlowRun();
    child.child.kill('SIGKILL');
    expect(await child.exited).toMatchObject({ signal: 'SIGKILL' });

    const engine = await openEngine(project);
    try {
      // The dead process no longer holds the cache file.
      expect(engine.warnings).toEqual([]);
      const runs = engine.runStore.listRuns();
      expect(runs).toHaveLength(1);
      const [run] = runs;
      expect(engine.runStore.recoveredRuns).toEqual([run!.id]);
      expect(run).toMatchObject({ status: 'interrupted', error: INTERRUPTED_ERROR });
      expect(run!.endedAt).not.toBeNull();
      const nodes = engine.runStore.getRun(run!.id)!.nodes;
      const status = Object.fromEntries(nodes.map((n) => [n.nodeId, n.status]));
      expect(status).toEqual({ quick: 'done', quick_out: 'done', slow: 'cancelled', doubled: 'cancelled', slow_out: 'cancelled' });
      expect(existsSync(project.file('out/slow.csv'))).toBe(false);
      // The sink was writing when the process died: at most its hidden partial file is left, which
      // the next write of that file removes (write_csv's tests check that).
      expect(readdirSync(project.file('out')).filter((f) => !f.startsWith('.'))).toEqual(['quick.csv']);

      // What the killed process had committed to the cache survives it; nothing else pretends to.
      const again = await runFile(engine, project.file('pipeline.yaml'), { target: 'quick_out' });
      expect(again.stored.run.status).toBe('succeeded');
      expect(again.withStatus('cached')).toEqual(['quick', 'quick_out']);
    } finally {
      await engine.dispose();
    }
  });

  it('a second Ctrl+C quits at once, and the run it left is shown interrupted', async () => {
    const child = await startSlowRun();
    child.child.kill('SIGINT');
    await child.waitForStderr(/Cancelling…/);
    child.child.kill('SIGINT');
    const { code } = await child.exited;
    expect(code).toBe(130);

    const engine = await openEngine(project);
    try {
      const [run] = engine.runStore.listRuns();
      expect(['cancelled', 'interrupted']).toContain(run?.status);
      const nodes = engine.runStore.getRun(run!.id)!.nodes;
      expect(nodes.filter((n) => n.status === 'running' || n.status === 'pending')).toEqual([]);
    } finally {
      await engine.dispose();
    }
  });
});
