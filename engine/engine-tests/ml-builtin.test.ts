/**
 * Without Python (`python: 'none'`, as MILLRACE_PYTHON=none): linear and logistic models train in
 * the built-in Node worker through the same pipeline; an mlp, or exporting a built-in model, fails
 * with a message that says how to get PyTorch.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import {
  childWorkerPids,
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
} from './test-support/ml-project.js';
import { loadPipeline, storedRun, tempProject, type Project } from './test-support/project.js';

const LOGISTIC = { model: 'logistic', epochs: 20, learningRate: 0.05 } as const;

/** Nothing left to score: a predict and evaluate over zero rows. */
const EMPTY_BRANCH = `  - id: none_left
    type: filter
    inputs: { in: scaled_test }
    params: { condition: 'false' }
  - id: scored_empty
    type: predict
    inputs: { model: train.model, in: none_left }
    params: { probabilities: true }
  - id: quality_empty
    type: evaluate
    inputs: { in: scored_empty }
    params: { target: Species }
`;

const SAVE_MODEL = `  - id: export
    type: save_model
    inputs: { model: train.model }
    params: { path: out/model.onnx, format: onnx }
`;

describe('machine learning without Python (the built-in worker)', () => {
  let project: Project;
  let engine: Engine;
  // MILLRACE_PYTHON comes before the project setting: unset, so `python: 'none'` decides here.
  const savedPython = process.env.MILLRACE_PYTHON;
  beforeAll(async () => {
    delete process.env.MILLRACE_PYTHON;
    project = tempProject({
      'data/species.csv': classificationCsv(600),
      'data/temperature.csv': regressionCsv(500),
      'species.yaml': classificationPipeline(LOGISTIC),
      'empty.yaml': classificationPipeline({ ...LOGISTIC, extra: EMPTY_BRANCH }),
      'temperature.yaml': regressionPipeline({ model: 'linear', epochs: 30, learningRate: 0.05 }),
      'mlp.yaml': classificationPipeline({ model: 'mlp', epochs: 2 }),
      'export.yaml': classificationPipeline({ ...LOGISTIC, extra: SAVE_MODEL }),
    });
    engine = await openMlEngine(project, 'none');
  }, SLOW);
  afterAll(async () => {
    await engine.dispose();
    project.remove();
    if (savedPython !== undefined) process.env.MILLRACE_PYTHON = savedPython;
  });

  async function runFile(file: string) {
    const pipeline = await loadPipeline(engine, project.file(file));
    const summary = await engine.run(pipeline).result;
    return { summary, pipeline, stored: storedRun(engine, summary.runId) };
  }

  it('trains a logistic classifier to accuracy ≥ 0.9, with progress, metrics and a registered model', async () => {
    const events = recordEvents(engine);
    const { summary, pipeline } = await runFile('species.yaml');
    expect(summary.error).toBeUndefined();
    expect(summary.status).toBe('succeeded');
    const metrics = metricValues((await engine.preview(pipeline, 'quality')).rows);
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(metrics.log_loss).toBeLessThan(0.5);

    expect(events.filter((e) => e.type === 'training-progress').map((e) => (e.type === 'training-progress' ? e.progress.epoch : 0))).toHaveLength(20);
    expect(engine.runStore.listMetrics(summary.runId, 'train').filter((m) => m.name === 'loss')).toHaveLength(20);
    const [model] = engine.runStore.listModels({ runId: summary.runId });
    expect(model).toMatchObject({ nodeId: 'train', device: 'cpu', params: { model: 'logistic' } });
    const info = JSON.parse(readFileSync(path.join(model!.artifactPath, 'model.json'), 'utf8')) as { worker: string; classes: string[] };
    expect(info).toMatchObject({ worker: 'builtin', classes: ['Adelie', 'Chinstrap', 'Gentoo'] });
  });

  it('predicts on an empty table: no rows, the prediction and probability columns, NULL metrics', async () => {
    const { summary, pipeline, stored } = await runFile('empty.yaml');
    expect(summary.error).toBeUndefined();
    expect(stored.node('train').status).toBe('cached');
    const scored = await engine.preview(pipeline, 'scored_empty');
    expect(scored.rows).toEqual([]);
    expect(scored.columns.slice(-4)).toEqual([
      { name: 'prediction', type: 'VARCHAR' },
      { name: 'prob_Adelie', type: 'DOUBLE' },
      { name: 'prob_Chinstrap', type: 'DOUBLE' },
      { name: 'prob_Gentoo', type: 'DOUBLE' },
    ]);
    expect(metricValues((await engine.preview(pipeline, 'quality_empty')).rows)).toMatchObject({ accuracy: null, rows: 0 });
  });

  it('trains a linear regression to R² ≥ 0.9', async () => {
    const { summary, pipeline } = await runFile('temperature.yaml');
    expect(summary.error).toBeUndefined();
    const metrics = metricValues((await engine.preview(pipeline, 'quality')).rows);
    expect(metrics.r2).toBeGreaterThanOrEqual(0.9);
    expect(metrics.rows).toBe(100);
  });

  it('fails an mlp with a message that says how to point Millrace at a Python with PyTorch', async () => {
    const { summary, stored } = await runFile('mlp.yaml');
    expect(summary.status).toBe('failed');
    expect(stored.node('train').error).toBe(
      "This needs PyTorch, but Python is turned off (the project's python setting is none). " +
        'Point Millrace at a Python with PyTorch: set MILLRACE_PYTHON=/path/to/python (e.g. a virtualenv with `pip install torch numpy`), then run again.',
    );
    expect(stored.withStatus('skipped')).toEqual(['quality', 'scored']);
  });

  it('fails save_model of a built-in model, saying how to point Millrace at PyTorch, and writes no file', async () => {
    const { summary, stored } = await runFile('export.yaml');
    expect(summary.status).toBe('failed');
    expect(stored.node('train').status).toBe('cached');
    expect(stored.node('export').error).toBe(
      "This needs PyTorch, but Python is turned off (the project's python setting is none). " +
        'Point Millrace at a Python with PyTorch: set MILLRACE_PYTHON=/path/to/python (e.g. a virtualenv with `pip install torch numpy`), then run again.',
    );
    expect(stored.node('quality').status).toBe('cached');
    expect(existsSync(project.file('out')) ? readdirSync(project.file('out')) : []).toEqual([]);
  });

  it('leaves no worker process, job folder or partial model folder behind', () => {
    expect(childWorkerPids()).toEqual([]);
    expect(jobFolders(project)).toEqual([]);
    expect(modelFolders(project).filter((f) => f.startsWith('.partial-'))).toEqual([]);
  });
});
