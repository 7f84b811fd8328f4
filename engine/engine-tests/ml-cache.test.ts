/**
 * Train and predict are cached like any node: an unchanged pipeline starts no worker at all, and a
 * changed train param retrains exactly train and what depends on it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EngineEvent } from '../contract/events.js';
import type { Engine } from '../engine.js';
import { describeWithTorch } from '../workers/test-support/torch-python.js';
import { classificationCsv, classificationPipeline, metricValues, modelFolders, openMlEngine, SLOW } from './test-support/ml-project.js';
import { loadPipeline, storedRun, tempProject, type Project, type StoredRun } from './test-support/project.js';

const ALL = ['data', 'parts', 'quality', 'scaled_test', 'scaled_train', 'scored', 'train'];

describeWithTorch('caching trained models', (python) => {
  let project: Project;
  let engine: Engine;
  let events: EngineEvent[] = [];

  /** Run species.yaml; `events` then holds only this run's events. */
  async function run(): Promise<StoredRun> {
    events = [];
    const summary = await engine.run(await loadPipeline(engine, project.file('species.yaml'))).result;
    expect(summary.error).toBeUndefined();
    return storedRun(engine, summary.runId);
  }
  /** Evidence that a node's executor ran: its log lines, training progress, a registered model. */
  const workerActivity = (nodeIds: string[]) =>
    events.filter((e) => (e.type === 'log' || e.type === 'training-progress' || e.type === 'model-registered') && nodeIds.includes(e.nodeId ?? ''));
  const recomputed = (r: StoredRun) => r.stored.nodes.filter((n) => n.status !== 'cached').map((n) => n.nodeId).sort();

  beforeAll(async () => {
    project = tempProject({ 'data/species.csv': classificationCsv(300), 'species.yaml': classificationPipeline({ epochs: 3 }) });
    engine = await openMlEngine(project, python);
    engine.on((event) => events.push(event));
  }, SLOW);
  afterAll(async () => {
    await engine.dispose();
    project.remove();
  });

  it('a second run trains nothing and starts no worker: train and predict are cached', async () => {
    const first = await run();
    expect(first.withStatus('done')).toEqual(ALL);
    expect(workerActivity(['train', 'scored']).length).toBeGreaterThan(0);
    const firstAccuracy = metricValues((await engine.preview(await loadPipeline(engine, project.file('species.yaml')), 'quality')).rows).accuracy;

    const second = await run();
    expect(second.withStatus('cached')).toEqual(ALL);
    expect(second.node('train').reason).toBe('unchanged');
    expect(workerActivity(['train', 'scored'])).toEqual([]);
    expect(engine.runStore.listModels({ runId: second.stored.run.id })).toEqual([]);
    expect(engine.runStore.listMetrics(second.stored.run.id)).toEqual([]);
    expect(modelFolders(project)).toHaveLength(1);
    const secondAccuracy = metricValues((await engine.preview(await loadPipeline(engine, project.file('species.yaml')), 'quality')).rows).accuracy;
    expect(secondAccuracy).toBe(firstAccuracy);
  }, SLOW);

  it('changing a train param retrains only train and its descendants, saying why', async () => {
    project.write('species.yaml', classificationPipeline({ epochs: 4 }));
    const rerun = await run();
    expect(recomputed(rerun)).toEqual(['quality', 'scored', 'train']);
    expect(Object.fromEntries(['train', 'scored', 'quality'].map((id) => [id, rerun.node(id).reason]))).toEqual({
      train: 'params changed',
      scored: 'upstream train changed',
      quality: 'upstream scored changed',
    });
    const progress = events.flatMap((e) => (e.type === 'training-progress' ? [e.progress.epoch] : []));
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(modelFolders(project)).toHaveLength(2);

    // Back to the old value: that model is still on disk, so nothing trains again.
    project.write('species.yaml', classificationPipeline({ epochs: 3 }));
    const back = await run();
    expect(back.withStatus('cached')).toEqual(ALL);
    expect(workerActivity(['train'])).toEqual([]);
  }, SLOW);

  it('a model folder deleted by hand is trained again instead of being served from the cache', async () => {
    const [model] = engine.runStore.listModels({ nodeId: 'train' }).filter((m) => m.params.epochs === 3);
    expect(model).toBeDefined();
    rmSync(model!.artifactPath, { recursive: true });
    const rerun = await run();
    expect(rerun.node('train').status).toBe('done');
    expect(rerun.node('train').reason).toBe('cached output missing');
    expect(modelFolders(project)).toHaveLength(2);
  }, SLOW);
});
