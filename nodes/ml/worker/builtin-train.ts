/** Training in the built-in worker: the same job, progress and artifact shape as the PyTorch worker. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MODEL_FORMAT } from '../../../engine/workers/manifest.js';
import type { HistoryRow, JobMessage, LogLevel, ProgressMessage, TrainParams } from '../../../engine/workers/protocol.js';
import { checkFinite, checkLabels, JobFailure, loadManifest, loadTable, MLP_NEEDS_PYTORCH } from './builtin-job.js';
import {
  Adam,
  evaluate,
  fitScaler,
  seededRandom,
  shuffleInPlace,
  standardise,
  trainBatch,
  type LinearState,
  type Table,
} from './builtin-models.js';

export interface JobHooks {
  progress(progress: Omit<ProgressMessage, 'type' | 'protocol' | 'job_id'>): void;
  log(level: LogLevel, message: string): void;
  /** Called every batch: yields to the event loop now and then, and throws when cancelled. */
  checkpoint(): Promise<void>;
}

export interface JobOutcome {
  metrics: Record<string, number | null>;
  artifacts: Record<string, string>;
  device: string;
  history: HistoryRow[];
}

function takeRows(table: Table, rows: Uint32Array): Table {
  const x = new Float32Array(rows.length * table.cols);
  const y = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    x.set(table.x.subarray(r * table.cols, (r + 1) * table.cols), i * table.cols);
    y[i] = table.y[r] as number;
  });
  return { x, y, rows: rows.length, cols: table.cols };
}

function holdOut(table: Table, fraction: number, seed: number): [Table, Table] {
  const nValid = Math.round(table.rows * fraction);
  if (nValid < 1 || nValid >= table.rows) {
    throw new JobFailure(`validation_fraction ${fraction} of ${table.rows} rows leaves no validation or no training rows.`);
  }
  const order = Uint32Array.from({ length: table.rows }, (_, i) => i);
  shuffleInPlace(order, seededRandom(seed ^ 0x5eed));
  const valid = order.slice(0, nValid).sort();
  const train = order.slice(nValid).sort();
  return [takeRows(table, train), takeRows(table, valid)];
}

export async function runBuiltinTrain(job: JobMessage & { task: 'train' }, hooks: JobHooks): Promise<JobOutcome> {
  const params: TrainParams = job.params;
  if (params.model === 'mlp') throw new JobFailure(MLP_NEEDS_PYTORCH);
  const loaded = await loadManifest(job);
  const { task, classes, features } = loaded.manifest;
  if (task === null) throw new JobFailure('The job manifest has no task (classification or regression).');
  if (params.model === 'linear' && task === 'classification') {
    throw new JobFailure('model linear predicts numbers (regression); for classification use model logistic or mlp.');
  }
  if (params.model === 'logistic' && task === 'regression') {
    throw new JobFailure('model logistic predicts classes (classification); for regression use model linear or mlp.');
  }
  if (params.device.startsWith('cuda')) {
    throw new JobFailure(`device ${params.device} needs PyTorch; the built-in worker trains on the CPU. Use device: auto or cpu.`);
  }
  const classification = task === 'classification';
  const nOutputs = classification ? (classes?.length ?? 0) : 1;
  if (classification && nOutputs < 2) throw new JobFailure('Classification needs at least two classes in the target.');
  let train = await loadTable(loaded, 'train', true);
  if (train === null || train.rows === 0) throw new JobFailure('The training data has no rows.');
  let valid = await loadTable(loaded, 'valid', true);
  for (const [table, where] of [[train, 'training'], [valid, 'validation']] as const) {
    if (table === null) continue;
    checkFinite(table, features, where);
    if (classification) checkLabels(table, nOutputs, where);
  }
  if (valid === null && params.validation_fraction > 0) [train, valid] = holdOut(train, params.validation_fraction, params.seed);
  hooks.log('info', `Training ${params.model} ${task} in the built-in worker (no PyTorch), ${train.rows} rows x ${features.length} features.`);

  const scaler = fitScaler(train);
  const xs = standardise(train.x, train.cols, scaler);
  const xv = valid === null ? null : standardise(valid.x, valid.cols, scaler);
  let targetScaler: LinearState['targetScaler'] = null;
  let y = train.y;
  if (!classification) {
    const t = fitScaler({ x: train.y, y: train.y, rows: train.rows, cols: 1 });
    targetScaler = { mean: t.mean[0] as number, std: t.std[0] as number };
    y = standardise(train.y, 1, t);
  }
  const state: LinearState = {
    classification, nFeatures: features.length, nOutputs, scaler, targetScaler,
    weights: new Float64Array(nOutputs * features.length), bias: new Float64Array(nOutputs),
  };
  const optimiser = new Adam(state.weights.length + state.bias.length, params.learning_rate, params.weight_decay);
  const gradW = new Float64Array(state.weights.length);
  const gradB = new Float64Array(state.bias.length);
  const order = Uint32Array.from({ length: train.rows }, (_, i) => i);
  const random = seededRandom(params.seed);
  const lossScale = targetScaler === null ? 1 : targetScaler.std ** 2; // report MSE in target units
  const history: HistoryRow[] = [];
  let best = Infinity;
  let bestEpoch: number | null = null;
  let bestState: { weights: Float64Array; bias: Float64Array } | null = null;
  let stale = 0;
  let step = 0;
  for (let epoch = 1; epoch <= params.epochs; epoch++) {
    const started = performance.now();
    shuffleInPlace(order, random);
    let lossSum = 0;
    for (let start = 0; start < train.rows; start += params.batch_size) {
      await hooks.checkpoint();
      lossSum += trainBatch(state, xs, y, order, start, Math.min(start + params.batch_size, train.rows), optimiser, gradW, gradB);
      step += 1;
    }
    const trainSeconds = (performance.now() - started) / 1000;
    const loss = (lossSum / train.rows) * lossScale;
    if (!Number.isFinite(loss)) {
      throw new JobFailure(`Training diverged: the loss became ${loss} in epoch ${epoch}. Lower learning_rate (now ${params.learning_rate}).`);
    }
    const scored = valid !== null && xv !== null ? evaluate(state, xv, valid.y, valid.rows) : null;
    const row: HistoryRow = { epoch, loss, val_loss: scored?.loss ?? null, val_metric: scored?.metric ?? null };
    history.push(row);
    hooks.progress({
      ...row, epochs: params.epochs, step, samples_per_s: train.rows / Math.max(trainSeconds, 1e-9),
      epoch_time_s: (performance.now() - started) / 1000, device: 'cpu',
    });
    if (scored !== null) {
      if (scored.loss < best) {
        [best, bestEpoch, stale] = [scored.loss, epoch, 0];
        bestState = { weights: state.weights.slice(), bias: state.bias.slice() };
      } else if (params.patience !== null && ++stale >= params.patience) {
        hooks.log('info', `Early stop after epoch ${epoch}: no better validation loss for ${params.patience} epochs; keeping epoch ${bestEpoch}.`);
        break;
      }
    }
  }
  if (bestState !== null) {
    state.weights.set(bestState.weights);
    state.bias.set(bestState.bias);
  }
  const last = history[history.length - 1] as HistoryRow;
  const chosen = history.find((r) => r.epoch === bestEpoch) ?? last;
  const metrics: Record<string, number | null> = {
    train_loss: chosen.loss, val_loss: chosen.val_loss, best_epoch: bestEpoch ?? last.epoch, epochs_run: last.epoch,
    rows_train: train.rows, rows_valid: valid?.rows ?? 0, batch_size: params.batch_size,
  };
  if (chosen.val_metric !== null) metrics[`val_${chosen.val_metric.name}`] = chosen.val_metric.value;
  await mkdir(job.output_dir, { recursive: true });
  const info = {
    format: MODEL_FORMAT, version: 1, worker: 'builtin', task, model: params.model, params, features,
    target: loaded.manifest.target, classes: classification ? classes : null, n_outputs: nOutputs, metrics,
    device: 'cpu', outputs: classification ? 'logits' : 'value', created: new Date().toISOString(),
    node_version: process.version,
    scaler, target_scaler: targetScaler,
    weights: Array.from({ length: nOutputs }, (_, o) => Array.from(state.weights.subarray(o * features.length, (o + 1) * features.length))),
    bias: Array.from(state.bias),
  };
  const modelJson = join(job.output_dir, 'model.json');
  await writeFile(modelJson, `${JSON.stringify(info, null, 2)}\n`);
  return { metrics, artifacts: { model_dir: job.output_dir, model_json: modelJson }, device: 'cpu', history };
}
