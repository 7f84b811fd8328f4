/**
 * Training in a real pipeline with the PyTorch worker: read a CSV, split, scale, train an MLP,
 * predict and evaluate; what lands in the run store and the model registry; previews of worker
 * nodes; a prediction input that lacks a feature.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineEvent, RunSummary } from '../contract/events.js';
import type { Engine } from '../engine.js';
import { describeWithTorch } from '../workers/test-support/torch-python.js';
import {
  childWorkerPids,
  CLASS_FEATURES,
  classificationCsv,
  classificationPipeline,
  jobFolders,
  metricValues,
  modelFolders,
  openMlEngine,
  recordEvents,
  regressionCsv,
  regressionPipeline,
  SLOW,
  SPECIES,
} from './test-support/ml-project.js';
import { loadPipeline, storedRun, tempProject, type Project } from './test-support/project.js';

const EPOCHS = 8;
/** A fifth of the training rows held out: validation loss and accuracy every epoch. */
const TRAIN = { epochs: EPOCHS, validationFraction: 0.2 };

describeWithTorch('a classification pipeline trained with PyTorch', (python) => {
  let project: Project;
  let engine: Engine;
  let summary: RunSummary;
  let events: EngineEvent[];
  let previewBeforeRun: unknown;
  /** Whether the registered model's folder was complete when the registry heard of it. */
  const modelFolderAtRegistration: boolean[] = [];

  beforeAll(async () => {
    project = tempProject({ 'data/species.csv': classificationCsv(600), 'species.yaml': classificationPipeline(TRAIN) });
    engine = await openMlEngine(project, python);
    const pipeline = await loadPipeline(engine, project.file('species.yaml'));
    previewBeforeRun = await engine.preview(pipeline, 'scored').catch((error: unknown) => error);
    events = recordEvents(engine);
    engine.on((event) => {
      if (event.type === 'model-registered') modelFolderAtRegistration.push(existsSync(path.join(event.artifactDir, 'model.json')));
    });
    summary = await engine.run(pipeline).result;
  }, SLOW);
  afterAll(async () => {
    await engine.dispose();
    project.remove();
  });

  const preview = async (nodeId: string, port?: string) => {
    const pipeline = await loadPipeline(engine, project.file('species.yaml'));
    return engine.preview(pipeline, nodeId, { port, limit: 1000 });
  };

  it('runs read_csv → split → scale → train (mlp) → predict → evaluate to accuracy ≥ 0.9', async () => {
    expect(summary.error).toBeUndefined();
    expect(summary.status).toBe('succeeded');
    const stored = storedRun(engine, summary.runId);
    expect(stored.withStatus('done')).toEqual(['quality', 'scaled_test', 'scaled_train', 'scored', 'train']);
    // The preview before the run computed the split once for the scale steps (they read their
    // input twice) and kept it in memory: the run starts from it.
    expect(stored.node('parts')).toMatchObject({ status: 'cached', reason: 'unchanged; kept in memory by an earlier preview or run' });
    const metrics = metricValues((await preview('quality')).rows);
    expect(metrics.rows).toBe(120);
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(metrics.f1_macro).toBeGreaterThanOrEqual(0.9);
    expect(metrics.log_loss).toBeGreaterThan(0);
    expect(metrics.log_loss).toBeLessThan(0.5);
  });

  it('predict keeps the input columns and adds the class label and per-class probabilities summing to 1', async () => {
    const scored = await preview('scored');
    expect(scored.columns.map((c) => c.name)).toEqual([...CLASS_FEATURES, 'Species', 'prediction', ...SPECIES.map((s) => `prob_${s}`)]);
    expect(scored.rows).toHaveLength(120);
    for (const row of scored.rows) {
      expect(SPECIES).toContain(row.prediction);
      const total = SPECIES.reduce((sum, s) => sum + (row[`prob_${s}`] as number), 0);
      expect(total).toBeCloseTo(1, 4);
    }
  });

  it('train outputs one history row per epoch, with validation loss and accuracy and the device it trained on', async () => {
    const history = await preview('train', 'history');
    expect(history.columns.map((c) => c.name)).toEqual(['epoch', 'train_loss', 'val_loss', 'val_accuracy', 'device']);
    expect(history.rows.map((r) => r.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(history.rows.every((r) => r.device === 'cpu' && typeof r.train_loss === 'number' && typeof r.val_loss === 'number')).toBe(true);
    expect(history.rows.at(-1)!.val_accuracy as number).toBeGreaterThanOrEqual(0.9);
    // Well-separated classes: the loss falls.
    expect(history.rows.at(-1)!.train_loss as number).toBeLessThan(history.rows[0]!.train_loss as number);
  });

  it('streams training progress as events while train runs, one per epoch', () => {
    const index = (predicate: (e: EngineEvent) => boolean) => events.findIndex(predicate);
    const progress = events.flatMap((e) => (e.type === 'training-progress' && e.nodeId === 'train' ? [e.progress] : []));
    expect(progress.map((p) => p.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(progress.every((p) => p.epochs === EPOCHS && p.device === 'cpu' && p.loss > 0 && p.samplesPerSecond > 0)).toBe(true);
    const started = index((e) => e.type === 'node-status' && e.node.nodeId === 'train' && e.node.status === 'running');
    const done = index((e) => e.type === 'node-status' && e.node.nodeId === 'train' && e.node.status === 'done');
    const first = index((e) => e.type === 'training-progress');
    const last = events.findLastIndex((e) => e.type === 'training-progress');
    expect(started).toBeGreaterThanOrEqual(0);
    expect(started < first && last < done).toBe(true);
  });

  it('records the loss of every epoch in the run store', () => {
    const metrics = engine.runStore.listMetrics(summary.runId, 'train');
    const losses = metrics.filter((m) => m.name === 'loss');
    expect(losses.map((m) => m.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    expect(losses.every((m) => m.value > 0 && m.nodeId === 'train')).toBe(true);
    for (const name of ['val_loss', 'val_accuracy', 'samples_per_s']) expect(metrics.filter((m) => m.name === name), name).toHaveLength(EPOCHS);
  });

  it('registers the model with its run, params, device, metrics and a complete artifact folder', () => {
    const models = engine.runStore.listModels({ runId: summary.runId });
    expect(models).toHaveLength(1);
    const [model] = models;
    expect(model).toMatchObject({ nodeId: 'train', device: 'cpu', params: { model: 'mlp', target: 'Species', epochs: EPOCHS, hidden_layers: [16] } });
    expect(model!.metrics).toMatchObject({ epochs_run: EPOCHS, rows_train: 384, rows_valid: 96 });
    expect(model!.metrics.val_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(model!.dataFingerprint).toMatch(/\w/);
    expect(existsSync(path.join(model!.artifactPath, 'model.json'))).toBe(true);
    expect(path.dirname(model!.artifactPath)).toBe(project.file('.millrace/models'));
    expect(modelFolderAtRegistration).toEqual([true]);
  });

  it('leaves no worker process, job folder or partial model folder behind', () => {
    expect(childWorkerPids()).toEqual([]);
    expect(jobFolders(project)).toEqual([]);
    expect(modelFolders(project).filter((f) => f.startsWith('.partial-'))).toEqual([]);
  });

  it('previewing predict before it ran says to run the pipeline first', async () => {
    expect(previewBeforeRun).toBeInstanceOf(Error);
    expect((previewBeforeRun as Error).message).toBe(
      'Upstream node "train" (train) runs in a worker process and has not run yet: run the pipeline (or run to "scored") first.',
    );
    // The model is trained, but this predict (other params) has not run.
    project.write('species.yaml', classificationPipeline(TRAIN).replace('params: { probabilities: true }', 'params: { probabilities: false }'));
    await expect(preview('scored')).rejects.toThrow('"scored" (predict) runs in a worker process: run the pipeline (or run to this node) to see its output.');
    project.write('species.yaml', classificationPipeline(TRAIN));
  });

  it('fails a predict whose input lacks features the model was trained on, naming them', async () => {
    const extra = `  - id: narrow
    type: select
    inputs: { in: scaled_test }
    params: { exclude: ${JSON.stringify(CLASS_FEATURES.slice(1, 3))} }
  - id: scored_narrow
    type: predict
    inputs: { model: train.model, in: narrow }
`;
    project.write('narrow.yaml', classificationPipeline({ ...TRAIN, extra }));
    const result = await engine.run(await loadPipeline(engine, project.file('narrow.yaml'))).result;
    expect(result.status).toBe('failed');
    const failed = result.nodes.find((n) => n.nodeId === 'scored_narrow');
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toBe(
      `The model was trained on 4 feature(s); 2 are missing from the input: "O'Brien", "say "hi"". Apply the same transforms to this table as to the training data.`,
    );
    // The trained model was reused, not retrained.
    expect(result.nodes.find((n) => n.nodeId === 'train')?.status).toBe('cached');
    expect(storedRun(engine, result.runId).node('scored_narrow').error).toBe(failed?.error);
  });
});

describeWithTorch('a regression pipeline trained with PyTorch', (python) => {
  let project: Project;
  let engine: Engine;
  beforeAll(async () => {
    project = tempProject({ 'data/temperature.csv': regressionCsv(500), 'temperature.yaml': regressionPipeline({ epochs: 30 }) });
    engine = await openMlEngine(project, python);
  });
  afterAll(async () => {
    await engine.dispose();
    project.remove();
  });

  it('trains an mlp to R² ≥ 0.9 on held-out rows', async () => {
    const pipeline = await loadPipeline(engine, project.file('temperature.yaml'));
    const summary = await engine.run(pipeline).result;
    expect(summary.error).toBeUndefined();
    expect(summary.status).toBe('succeeded');
    const metrics = metricValues((await engine.preview(pipeline, 'quality')).rows);
    expect(metrics.rows).toBe(100);
    expect(metrics.r2).toBeGreaterThanOrEqual(0.9);
    expect(metrics.rmse).toBeGreaterThan(0);
    expect((await engine.preview(pipeline, 'quality', { port: 'confusion' })).rows).toEqual([]);
    const scored = await engine.preview(pipeline, 'scored');
    expect(scored.columns.at(-1)).toEqual({ name: 'prediction', type: 'DOUBLE' });
  }, SLOW);
});

describe('machine-learning test data', () => {
  it('writes feature names that need quoting as valid CSV', () => {
    expect(classificationCsv(3).split('\n')[0]).toBe(`Beak Length (mm),O'Brien,"say ""hi""",x4,Species`);
  });
});
