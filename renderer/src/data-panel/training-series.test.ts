import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/contract/api';
import type { TrainingProgress } from './types';
import { addProgress, reduceTrainingEvent, seriesFromHistory } from './training-series';

const progress = (epoch: number, loss: number, valLoss: number | null = null): TrainingProgress => ({ epoch, epochs: 3, loss, valLoss, valMetric: valLoss === null ? null : { name: 'accuracy', value: 1 - valLoss }, samplesPerSecond: 1000, device: 'cuda:0' });

describe('training curves', () => {
  it("reads the train node's history table, sorted by epoch, with the metric named after its column", () => {
    const s = seriesFromHistory(
      [{ name: 'epoch', type: 'BIGINT' }, { name: 'train_loss', type: 'DOUBLE' }, { name: 'val_loss', type: 'DOUBLE' }, { name: 'val_accuracy', type: 'DOUBLE' }, { name: 'device', type: 'VARCHAR' }],
      [
        { epoch: 2, train_loss: 0.5, val_loss: 0.6, val_accuracy: 0.8, device: 'cpu' },
        { epoch: 1, train_loss: 0.9, val_loss: null, val_accuracy: null, device: 'cpu' },
        { epoch: null, train_loss: 1, val_loss: 1, val_accuracy: 1, device: 'cpu' },
      ],
    );
    expect(s.points).toEqual([{ epoch: 1, loss: 0.9, valLoss: null, valMetric: null }, { epoch: 2, loss: 0.5, valLoss: 0.6, valMetric: 0.8 }]);
    expect(s.metricName).toBe('accuracy');
    expect(s.device).toBe('cpu');
  });

  it('has no metric when the history has no validation values', () => {
    const s = seriesFromHistory([{ name: 'epoch', type: 'BIGINT' }, { name: 'train_loss', type: 'DOUBLE' }, { name: 'val_metric', type: 'DOUBLE' }], [{ epoch: 1, train_loss: 0.4, val_metric: null }]);
    expect(s.metricName).toBeNull();
  });

  it('extends a live curve and lets a repeated epoch replace the older report', () => {
    let s = addProgress(undefined, progress(1, 0.9));
    s = addProgress(s, progress(2, 0.7, 0.75));
    s = addProgress(s, progress(2, 0.65, 0.7));
    expect(s.points.map((p) => [p.epoch, p.loss])).toEqual([[1, 0.9], [2, 0.65]]);
    expect(s.metricName).toBe('accuracy');
    expect(s.device).toBe('cuda:0');
    expect(s.epochs).toBe(3);
  });

  it('keeps live curves per node and clears a node when a new run starts it', () => {
    const tp = (nodeId: string, p: TrainingProgress): EngineEvent => ({ type: 'training-progress', runId: 'r', nodeId, progress: p });
    let state = reduceTrainingEvent({}, tp('model', progress(1, 0.9)));
    state = reduceTrainingEvent(state, tp('other model', progress(1, 0.5)));
    expect(Object.keys(state).sort()).toEqual(['model', 'other model']);
    const unrelated = reduceTrainingEvent(state, { type: 'log', runId: 'r', level: 'info', message: 'hi' });
    expect(unrelated).toBe(state);
    state = reduceTrainingEvent(state, { type: 'run-started', runId: 'r2', pipeline: 'p', nodes: [{ nodeId: 'model', nodeType: 'train', fingerprint: 'f' }] });
    expect(Object.keys(state)).toEqual(['other model']);
  });

  it('marks a live curve finished when its node stops running', () => {
    const node = (status: 'running' | 'done') => ({ type: 'node-status' as const, runId: 'r', node: { nodeId: 'model', nodeType: 'train', status, reason: '' } });
    let state = reduceTrainingEvent({}, { type: 'training-progress', runId: 'r', nodeId: 'model', progress: progress(1, 0.9) });
    state = reduceTrainingEvent(state, node('running'));
    expect(state.model?.finished).toBeUndefined();
    state = reduceTrainingEvent(state, node('done'));
    expect(state.model?.finished).toBe(true);
    expect(reduceTrainingEvent(state, node('done'))).toBe(state);
  });
});
