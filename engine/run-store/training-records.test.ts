import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunStore } from './run-store.js';
import { tempFolder, type TempFolder } from './test-support/store-files.js';

describe('RunStore training metrics and model registry', () => {
  let folder: TempFolder;
  let store: RunStore;
  let runId: string;
  beforeEach(() => {
    folder = tempFolder();
    store = RunStore.open(folder.file());
    runId = store.startRun({ pipelineName: 'penguins', file: 'penguins.yaml' });
  });
  afterEach(() => {
    store.close();
    folder.remove();
  });

  it('keeps metrics per epoch and step in the order they came, per node', () => {
    store.recordMetrics(runId, 'train', [
      { epoch: 1, name: 'loss', value: 0.9 },
      { epoch: 1, name: 'accuracy', value: 0.5 },
    ]);
    store.recordMetric(runId, 'train', { epoch: 2, step: 40, name: 'loss', value: 0.4 });
    store.recordMetric(runId, 'train 2', { epoch: 1, name: 'loss', value: 1.5 });
    const metrics = store.listMetrics(runId, 'train');
    expect(metrics.map((m) => [m.epoch, m.step, m.name, m.value])).toEqual([
      [1, null, 'loss', 0.9],
      [1, null, 'accuracy', 0.5],
      [2, 40, 'loss', 0.4],
    ]);
    expect(metrics[0]).toMatchObject({ runId, nodeId: 'train' });
    expect(store.listMetrics(runId)).toHaveLength(4);
  });

  it('gives back a diverged (NaN) loss as NaN', () => {
    store.recordMetric(runId, 'train', { epoch: 3, name: 'loss', value: Number.NaN });
    expect(store.listMetrics(runId)[0]?.value).toBeNaN();
  });

  it('registers models with their params, data fingerprint, metrics, artifact and device, newest first', () => {
    const first = store.registerModel({
      runId,
      nodeId: 'train',
      params: { model: 'mlp', hidden_layers: [64, 32], target: 'Beak Length (mm)' },
      dataFingerprint: 'data-1',
      metrics: { accuracy: 0.93, log_loss: Number.NaN },
      artifactPath: '/project/.millrace/models/m1.pt',
      device: 'cuda:0',
    });
    const second = store.registerModel({
      runId,
      nodeId: 'train logistic',
      params: { model: 'logistic' },
      dataFingerprint: null,
      metrics: {},
      artifactPath: '/project/.millrace/models/m2.pt',
      device: 'cpu',
    });
    expect(store.listModels().map((m) => m.id)).toEqual([second, first]);
    const [model] = store.listModels({ runId, nodeId: 'train' });
    expect(model).toMatchObject({
      id: first,
      runId,
      nodeId: 'train',
      params: { model: 'mlp', hidden_layers: [64, 32], target: 'Beak Length (mm)' },
      dataFingerprint: 'data-1',
      artifactPath: '/project/.millrace/models/m1.pt',
      device: 'cuda:0',
    });
    expect(model?.metrics.accuracy).toBe(0.93);
    expect(model?.metrics.log_loss).toBeNaN();
    expect(store.listModels({ limit: 1 })).toHaveLength(1);
  });

  it('refuses metrics and models for a run it does not have', () => {
    expect(() => store.recordMetric('nope', 'train', { epoch: 1, name: 'loss', value: 1 })).toThrow(/not in the run history/);
    expect(() =>
      store.registerModel({ runId: 'nope', nodeId: 't', params: {}, dataFingerprint: null, metrics: {}, artifactPath: 'x', device: 'cpu' }),
    ).toThrow(/not in the run history/);
  });
});
