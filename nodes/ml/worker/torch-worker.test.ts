import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { writeJobFolder } from '../../../engine/workers/job-folder.js';
import { predictParamsSchema, trainParamsSchema } from '../../../engine/workers/protocol.js';
import { accuracy, blobs, linear, rSquared, seeded } from '../../../engine/workers/test-support/synthetic.js';
import { closeStdinAfterFirstProgress, predict, processGroupGone, start, tempDir, train } from '../../../engine/workers/test-support/run-job.js';
import { describeWithTorch } from '../../../engine/workers/test-support/torch-python.js';
import { findTorchPython } from '../../../engine/workers/python-finder.js';
import type { WorkerError } from '../../../engine/workers/worker-errors.js';
import { torchWorkerCommand } from './launch.js';

const names = ['Beak Length (mm)', 'say "hi"', "O'Brien", 'd'];
const columns = (values: Float32Array[], order = names) => order.map((name) => ({ name, values: values[names.indexOf(name)] as Float32Array }));
const slice = (values: Float32Array[], from: number, to: number) => values.map((v) => v.slice(from, to));

async function failure(promise: Promise<unknown>): Promise<WorkerError> {
  try {
    await promise;
  } catch (error) {
    return error as WorkerError;
  }
  throw new Error('expected the job to fail');
}

describeWithTorch('PyTorch worker', (python) => {
  const command = torchWorkerCommand(python);
  const data = blobs(1800, 4, 3, 1);
  let dir = '';
  let trained: Awaited<ReturnType<typeof train>>;

  beforeAll(async () => {
    dir = await tempDir();
    trained = await train(command, dir, {
      task: 'classification', features: names, target: 'species', classes: ['Adelie', 'Chinstrap', 'Gentoo'],
      datasets: {
        train: { columns: columns(slice(data.columns, 0, 1500)), target: data.target.slice(0, 1500) },
        valid: { columns: columns(slice(data.columns, 1500, 1800)), target: data.target.slice(1500) },
      },
    }, { model: 'mlp', hidden_layers: [16], epochs: 4, batch_size: 64, learning_rate: 0.01, seed: 7 });
  });

  it('trains an mlp classifier to validation accuracy above 0.9, with one progress message per epoch', () => {
    const { result, progress } = trained;
    expect(result.metrics.val_accuracy).toBeGreaterThan(0.9);
    expect(progress.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
    for (const p of progress) {
      expect(p).toMatchObject({ epochs: 4, device: result.device, val_metric: { name: 'accuracy' } });
      expect(p.samples_per_s).toBeGreaterThan(0);
      expect(p.val_loss).toBeGreaterThan(0);
    }
    expect(result.history).toHaveLength(4);
    expect(existsSync(join(result.artifacts.model_dir ?? '', 'model.json'))).toBe(true);
  });

  it('predicts classes and probabilities for columns given in another order, with extra columns', async () => {
    const shuffled = [...names].reverse();
    const input = [...columns(slice(data.columns, 1500, 1800), shuffled), { name: 'extra', values: new Float32Array(300) }];
    const { predictions, probabilities } = await predict(command, join(dir, 'p1'), input, { model_dir: join(dir, 'model'), probabilities: true });
    expect(accuracy(predictions, data.target.slice(1500))).toBeGreaterThan(0.9);
    expect(probabilities).toHaveLength(900);
    const firstRow = Array.from(probabilities?.subarray(0, 3) ?? []);
    expect(firstRow.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('refuses to predict without the columns the model was trained on, naming them', async () => {
    const error = await failure(predict(command, join(dir, 'p2'), columns(slice(data.columns, 0, 10), ['d', 'say "hi"']), { model_dir: join(dir, 'model') }));
    expect(error.kind).toBe('bad_input');
    expect(error.message).toBe(`The input lacks columns the model was trained on: Beak Length (mm), O'Brien. The model expects: ${names.join(', ')}.`);
  });

  it('saves TorchScript that predicts like the worker, and exports ONNX', async () => {
    const script = [
      'import sys, torch',
      'm = torch.jit.load(sys.argv[1])',
      'x = torch.tensor([[float(v) for v in sys.argv[2].split(",")]])',
      'print(int(m(x).argmax(dim=1)))',
    ].join('\n');
    const row = data.columns.map((c) => c[1700]).join(',');
    const label = execFileSync(python, ['-c', script, join(dir, 'model', 'model.pt'), row], { encoding: 'utf8' }).trim();
    const { predictions } = await predict(command, join(dir, 'p3'), columns(slice(data.columns, 1700, 1701)), { model_dir: join(dir, 'model') });
    expect(Number(label)).toBe(predictions[0]);
    const { run } = start(command, { task: 'export', job_dir: dir, output_dir: dir, params: { model_dir: join(dir, 'model'), format: 'onnx', path: join(dir, 'model.onnx') } });
    expect((await run.result).artifacts.onnx).toBe(join(dir, 'model.onnx'));
    expect(existsSync(join(dir, 'model.onnx'))).toBe(true);
  });

  it('trains an mlp regression to R² above 0.9 on new rows, holding out a validation fraction', async () => {
    const rdir = await tempDir();
    const d = linear(2000, 3, 3);
    const { result, progress } = await train(command, rdir, {
      task: 'regression', features: ['a', 'b', 'c'], target: 'y',
      datasets: { train: { columns: ['a', 'b', 'c'].map((name, i) => ({ name, values: d.columns[i] as Float32Array })), target: d.target } },
    }, { model: 'mlp', hidden_layers: [32], epochs: 15, batch_size: 64, learning_rate: 0.01, validation_fraction: 0.2 });
    expect(result.metrics).toMatchObject({ rows_train: 1600, rows_valid: 400 });
    expect(progress.at(-1)?.val_metric?.name).toBe('rmse');
    const test = linear(500, 3, 4);
    const { predictions } = await predict(command, rdir, ['a', 'b', 'c'].map((name, i) => ({ name, values: test.columns[i] as Float32Array })), { model_dir: join(rdir, 'model') });
    expect(rSquared(predictions, test.target)).toBeGreaterThan(0.9);
  });

  it('stops early when the validation loss stops improving, keeping the best epoch', async () => {
    const random = seeded(5);
    const noise = (n: number) => Float32Array.from({ length: n }, () => random());
    const { result, progress } = await train(command, await tempDir(), {
      task: 'regression', features: ['a', 'b'], target: 'y',
      datasets: { train: { columns: [{ name: 'a', values: noise(300) }, { name: 'b', values: noise(300) }], target: noise(300) } },
    }, { model: 'mlp', hidden_layers: [64, 64], epochs: 60, batch_size: 16, learning_rate: 0.01, validation_fraction: 0.3, patience: 2 });
    expect(result.metrics.epochs_run).toBeLessThan(60);
    expect(progress).toHaveLength(result.metrics.epochs_run ?? 0);
    const best = Math.min(...progress.map((p) => p.val_loss ?? Infinity));
    expect(result.metrics.val_loss).toBe(best);
  });

  it('names the feature columns holding missing values', async () => {
    const values = data.columns.map((c) => c.slice(0, 100));
    (values[0] as Float32Array)[42] = Number.NaN;
    const error = await failure(train(command, await tempDir(), {
      task: 'classification', features: names, target: 'species', classes: ['a', 'b', 'c'],
      datasets: { train: { columns: columns(values), target: data.target.slice(0, 100) } },
    }, { model: 'logistic', epochs: 1 }));
    expect(error.message).toBe('Feature columns with missing or infinite values in the training data: Beak Length (mm). Fill them (fill_missing) or drop those rows (drop_missing) first.');
  });

  it('says so when CUDA is asked for and torch sees no GPU, or a model does not fit the task', async () => {
    const cuda = (await findTorchPython()).chosen?.info?.cudaAvailable ?? false;
    const small = { task: 'classification' as const, features: names, target: 'species', classes: ['a', 'b', 'c'],
      datasets: { train: { columns: columns(slice(data.columns, 0, 50)), target: data.target.slice(0, 50) } } };
    const wrongModel = await failure(train(command, await tempDir(), small, { model: 'linear', epochs: 1, device: cuda ? 'cuda:99' : 'cuda' }));
    expect(wrongModel.message).toBe('model linear predicts numbers (regression); for classification use model logistic or mlp.');
    const error = await failure(train(command, await tempDir(), small, { model: 'logistic', epochs: 1, device: cuda ? 'cuda:99' : 'cuda' }));
    expect(error.kind).toBe('bad_input');
    expect(error.message).toMatch(cuda ? /^device cuda:99 was asked for, but there (is|are) only \d+ GPU/ : /^device cuda was asked for, but this PyTorch .* sees no CUDA GPU\. Use device: auto or cpu/);
  });

  it('applies the same train and predict defaults as the protocol when driven from a job file', () => {
    const script = 'import json, sys; sys.path.insert(0, sys.argv[1]); import millrace_torch_worker as w; print(json.dumps([w.TRAIN_DEFAULTS, w.PREDICT_DEFAULTS]))';
    const [trainDefaults, predictDefaults] = JSON.parse(execFileSync(python, ['-B', '-c', script, import.meta.dirname], { encoding: 'utf8' })) as unknown[];
    const { model: _model, ...protocolTrain } = trainParamsSchema.parse({ model: 'mlp' });
    const { model_dir: _dir, ...protocolPredict } = predictParamsSchema.parse({ model_dir: 'm' });
    expect(trainDefaults).toEqual(protocolTrain);
    expect(predictDefaults).toEqual(protocolPredict);
  });

  describeLongRun(command);
});

/** Cancel and kill need a training that runs long enough to be interrupted. */
function describeLongRun(command: ReturnType<typeof torchWorkerCommand>): void {
  const big = blobs(20_000, 8, 2, 9);
  const longJobFolder = async () => {
    const dir = await tempDir();
    const features = Array.from({ length: 8 }, (_, i) => `f${i}`);
    await writeJobFolder(join(dir, 'job'), {
      task: 'classification', features, target: 'y', classes: [0, 1],
      datasets: { train: { columns: features.map((name, i) => ({ name, values: big.columns[i] as Float32Array })), target: big.target } },
    });
    const job = {
      task: 'train' as const, job_dir: join(dir, 'job'), output_dir: join(dir, 'model'),
      params: { model: 'mlp' as const, hidden_layers: [64, 64], epochs: 10_000, batch_size: 32 },
    };
    return { job };
  };
  const longJob = async () => start(command, (await longJobFolder()).job);

  it('cancels mid-training at the cancel message, leaving no process behind', async () => {
    const { run, progress } = await longJob();
    await expect.poll(() => progress.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const asked = Date.now();
    await run.cancel();
    const error = await failure(run.result);
    expect([error.kind, error.message]).toEqual(['cancelled', 'Training was cancelled.']);
    expect(Date.now() - asked).toBeLessThan(5_000); // stopped by the message, before SIGTERM was needed
    expect(processGroupGone(run.pid)).toBe(true);
  });

  it('stops by itself when the engine goes away mid-training (its stdin closes)', async () => {
    const { job } = await longJobFolder();
    const { code, last } = await closeStdinAfterFirstProgress(command, job);
    expect(code).toBe(1);
    expect(JSON.parse(last)).toMatchObject({ type: 'error', kind: 'cancelled' });
  });

  it('fails cleanly when the worker is killed with SIGKILL from outside', async () => {
    const { run, progress } = await longJob();
    await expect.poll(() => progress.length, { timeout: 30_000 }).toBeGreaterThan(0);
    process.kill(run.pid, 'SIGKILL');
    const error = await failure(run.result);
    expect(error.kind).toBe('killed');
    expect(error.message).toMatch(/^The PyTorch training worker was killed \(SIGKILL\) before it finished\./);
    expect(processGroupGone(run.pid)).toBe(true);
  });
}
