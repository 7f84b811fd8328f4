/**
 * A training interrupted mid-way, through the real engine: cancelled by the user, or its worker
 * killed from outside. Either way no process and no half-written model folder may be left, and a
 * killed worker fails only its own node.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { processGroupGone } from '../workers/test-support/run-job.js';
import { describeWithTorch } from '../workers/test-support/torch-python.js';
import {
  childWorkerPids,
  classificationCsv,
  classificationPipeline,
  firstTrainingProgress,
  jobFolders,
  modelFolders,
  openMlEngine,
  SLOW,
} from './test-support/ml-project.js';
import { loadPipeline, storedRun, tempProject, type Project } from './test-support/project.js';

/** Far more epochs than a test waits for, in small batches: training runs until it is stopped. */
const ENDLESS = { epochs: 100_000, batchSize: 8, hidden: [64, 64] };

/** An independent branch: species counts written to a CSV, listed after the training nodes. */
const REPORT_BRANCH = `  - id: by_species
    type: aggregate
    inputs: { in: data }
    params: { group_by: [Species], aggregations: { n: count(*) } }
  - id: report
    type: write_csv
    inputs: { in: by_species }
    params: { path: out/species.csv }
`;

function expectNothingLeft(project: Project, pid: number): void {
  expect(childWorkerPids()).toEqual([]);
  expect(processGroupGone(pid)).toBe(true);
  expect(modelFolders(project)).toEqual([]); // no .partial-* folder, and no model was published
  expect(jobFolders(project)).toEqual([]);
}

/** The one PyTorch worker this test process is running. */
function theTorchWorker(): number {
  const pids = childWorkerPids('millrace_torch_worker');
  expect(pids).toHaveLength(1);
  return pids[0]!;
}

describeWithTorch('interrupting a training run', (python) => {
  let project: Project;
  let engine: Engine;
  beforeEach(() => {
    project = tempProject({ 'data/species.csv': classificationCsv(2000), 'species.yaml': classificationPipeline({ ...ENDLESS, extra: REPORT_BRANCH }) });
  });
  afterEach(async () => {
    await engine.dispose();
    project.remove();
  });

  it('cancel mid-training ends the run cancelled within seconds, leaving no worker and no partial model', async () => {
    engine = await openMlEngine(project, python);
    const handle = engine.run(await loadPipeline(engine, project.file('species.yaml')));
    await firstTrainingProgress(engine, handle, 'train');
    const pid = theTorchWorker();

    const asked = Date.now();
    handle.cancel();
    const summary = await handle.result;
    expect(Date.now() - asked).toBeLessThan(4_500); // the cancel message stops it; SIGTERM would come only after 5 s
    expect(summary.status).toBe('cancelled');
    const statuses = Object.fromEntries(summary.nodes.map((n) => [n.nodeId, n.status]));
    expect(statuses).toMatchObject({ train: 'cancelled', scored: 'cancelled', quality: 'cancelled' });
    expect(summary.nodes.find((n) => n.nodeId === 'train')?.error).toBeUndefined();
    expect(storedRun(engine, summary.runId).stored.run.status).toBe('cancelled');
    expectNothingLeft(project, pid);
  }, SLOW);

  it('a worker killed with SIGKILL fails its node clearly while an independent branch still completes', async () => {
    // One node at a time: the report branch, listed after train, can only start once train has ended.
    engine = await openMlEngine(project, python, { concurrency: 1 });
    const order: string[] = [];
    engine.on((event) => {
      if (event.type === 'node-status' && event.node.status !== 'pending') order.push(`${event.node.nodeId}:${event.node.status}`);
    });
    const handle = engine.run(await loadPipeline(engine, project.file('species.yaml')));
    await firstTrainingProgress(engine, handle, 'train');
    const pid = theTorchWorker();

    process.kill(pid, 'SIGKILL');
    const summary = await handle.result;
    expect(summary.status).toBe('failed');
    const train = storedRun(engine, summary.runId).node('train');
    expect(train.status).toBe('failed');
    expect(train.error).toMatch(/^The PyTorch training worker was killed \(SIGKILL\) before it finished\. This usually means something outside Millrace stopped it/);
    expect(summary.error).toBe(`train (train): ${train.error}`);
    const statuses = Object.fromEntries(summary.nodes.map((n) => [n.nodeId, n.status]));
    expect(statuses).toMatchObject({ scored: 'skipped', quality: 'skipped', by_species: 'done', report: 'done' });
    expect(order.indexOf('train:failed')).toBeGreaterThan(order.indexOf('train:running'));
    expect(order.indexOf('by_species:running')).toBeGreaterThan(order.indexOf('train:failed'));
    expect(existsSync(project.file('out/species.csv'))).toBe(true);
    expectNothingLeft(project, pid);
  }, SLOW);
});
