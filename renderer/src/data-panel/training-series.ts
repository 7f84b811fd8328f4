/**
 * A training node's loss curve: per-epoch train loss, validation loss and validation metric,
 * from the node's `history` output or live from `training-progress` events.
 */
import type { ColumnInfo, EngineEvent, JsonRow } from '../../../engine/contract/api';
import type { JsonValue, TrainingProgress } from './types';

export interface EpochPoint {
  epoch: number;
  loss: number | null;
  valLoss: number | null;
  valMetric: number | null;
}

export interface TrainingSeries {
  points: EpochPoint[];
  metricName: string | null;
  /** Epochs planned (live only). */
  epochs?: number;
  device?: string;
  samplesPerSecond?: number;
  /** Live only: the node has finished (done, failed or cancelled) since these epochs came in. */
  finished?: boolean;
}

function toNumber(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Read the `history` table (epoch, train_loss, val_loss, val_<metric>, device). */
export function seriesFromHistory(columns: ColumnInfo[], rows: JsonRow[]): TrainingSeries {
  const names = columns.map((c) => c.name);
  const lossColumn = ['train_loss', 'loss'].find((n) => names.includes(n));
  const metricColumn = names.find((n) => n.startsWith('val_') && n !== 'val_loss');
  const points = rows
    .map((row) => ({
      epoch: toNumber(row.epoch),
      loss: lossColumn ? toNumber(row[lossColumn]) : null,
      valLoss: toNumber(row.val_loss),
      valMetric: metricColumn ? toNumber(row[metricColumn]) : null,
    }))
    .filter((p): p is EpochPoint => p.epoch !== null)
    .sort((a, b) => a.epoch - b.epoch);
  const device = rows.find((r) => typeof r.device === 'string')?.device;
  const hasMetric = metricColumn !== undefined && points.some((p) => p.valMetric !== null);
  return { points, metricName: hasMetric ? metricColumn.slice('val_'.length) : null, ...(typeof device === 'string' ? { device } : {}) };
}

/** Add one progress report (an epoch may be reported again: the newest wins). */
export function addProgress(series: TrainingSeries | undefined, progress: TrainingProgress): TrainingSeries {
  const point: EpochPoint = { epoch: progress.epoch, loss: progress.loss, valLoss: progress.valLoss, valMetric: progress.valMetric?.value ?? null };
  const points = (series?.points ?? []).filter((p) => p.epoch !== progress.epoch);
  points.push(point);
  points.sort((a, b) => a.epoch - b.epoch);
  return {
    points,
    metricName: progress.valMetric?.name ?? series?.metricName ?? null,
    epochs: progress.epochs,
    device: progress.device,
    samplesPerSecond: progress.samplesPerSecond,
  };
}

export type LiveTraining = Readonly<Record<string, TrainingSeries>>;

/** Live curves per node: a run that starts a node clears its old curve; progress extends it. */
export function reduceTrainingEvent(state: LiveTraining, event: EngineEvent): LiveTraining {
  if (event.type === 'run-started') {
    const started = new Set(event.nodes.map((n) => n.nodeId));
    if (!Object.keys(state).some((id) => started.has(id))) return state;
    return Object.fromEntries(Object.entries(state).filter(([id]) => !started.has(id)));
  }
  if (event.type === 'training-progress') return { ...state, [event.nodeId]: addProgress(state[event.nodeId], event.progress) };
  if (event.type === 'node-status') {
    const series = state[event.node.nodeId];
    const over = event.node.status !== 'running' && event.node.status !== 'pending';
    if (series && over && !series.finished) return { ...state, [event.node.nodeId]: { ...series, finished: true } };
  }
  return state;
}
