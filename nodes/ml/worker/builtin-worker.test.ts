import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeJobFolder } from '../../../engine/workers/job-folder.js';
import { accuracy, blobs, linear, rSquared } from '../../../engine/workers/test-support/synthetic.js';
import { closeStdinAfterFirstProgress, predict, processGroupGone, start, tempDir, train } from '../../../engine/workers/test-support/run-job.js';
import type { WorkerError } from '../../../engine/workers/worker-errors.js';
import { builtinWorkerCommand } from './launch.js';

const command = builtinWorkerCommand();
const names = ['Flipper Length (mm)', 'say "hi"', "O'Brien"];
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

describe('built-in worker', () => {
  // Raw, unscaled features (one in the thousands): the worker standardises them itself.
  const data = blobs(1200, 3, 3, 11);
  data.columns[0] = (data.columns[0] as Float32Array).map((v) => 5000 + 1000 * v);
  let dir = '';
  let trained: Awaited<ReturnType<typeof train>>;
  const spec = () => ({
    task: 'classification' as const, features: names, target: 'species', classes: ['Adelie', 'Chinstrap', 'Gentoo'],
    datasets: {
      train: { columns: columns(slice(data.columns, 0, 1000)), target: data.target.slice(0, 1000) },
      valid: { columns: columns(slice(data.columns, 1000, 1200)), target: data.target.slice(1000) },
    },
  });

  beforeAll(async () => {
    dir = await tempDir();
    trained = await train(command, dir, spec(), { model: 'logistic', epochs: 5, batch_size: 32, learning_rate: 0.05, seed: 3 });
  });

  it('trains multinomial logistic regression to validation accuracy above 0.9, with progress every epoch', () => {
    expect(trained.result.metrics.val_accuracy).toBeGreaterThan(0.9);
    expect(trained.result.device).toBe('cpu');
    expect(trained.progress.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(trained.progress.every((p) => p.val_metric?.name === 'accuracy' && p.samples_per_s > 0)).toBe(true);
  });

  it('stores the scaler and the contract in model.json', async () => {
    const info = JSON.parse(await readFile(join(dir, 'model', 'model.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ worker: 'builtin', task: 'classification', model: 'logistic', features: names, classes: ['Adelie', 'Chinstrap', 'Gentoo'], n_outputs: 3 });
    expect((info.scaler as { mean: number[] }).mean[0]).toBeGreaterThan(1000);
  });

  it('trains the same model again from the same seed', async () => {
    const again = await train(command, await tempDir(), spec(), { model: 'logistic', epochs: 5, batch_size: 32, learning_rate: 0.05, seed: 3 });
    expect(again.result.history).toEqual(trained.result.history);
  });

  it('predicts classes and probabilities from reordered columns, and names missing ones', async () => {
    const input = columns(slice(data.columns, 1000, 1200), [...names].reverse());
    const { predictions, probabilities } = await predict(command, join(dir, 'p1'), input, { model_dir: join(dir, 'model'), probabilities: true });
    expect(accuracy(predictions, data.target.slice(1000))).toBeGreaterThan(0.9);
    expect(probabilities).toHaveLength(600);
    const error = await failure(predict(command, join(dir, 'p2'), columns(slice(data.columns, 0, 5), ['say "hi"']), { model_dir: join(dir, 'model') }));
    expect(error.message).toBe(`The input lacks columns the model was trained on: Flipper Length (mm), O'Brien. The model expects: ${names.join(', ')}.`);
  });

  it('trains linear regression to R² above 0.9 on new rows', async () => {
    const rdir = await tempDir();
    const d = linear(2000, 4, 21);
    const features = ['a', 'b', 'c', 'd'];
    const { result } = await train(command, rdir, {
      task: 'regression', features, target: 'y',
      datasets: { train: { columns: features.map((name, i) => ({ name, values: d.columns[i] as Float32Array })), target: d.target } },
    }, { model: 'linear', epochs: 10, batch_size: 32, learning_rate: 0.05, validation_fraction: 0.2, patience: 3 });
    expect(result.metrics.val_rmse).toBeLessThan(0.5);
    const test = linear(400, 4, 22);
    const { predictions } = await predict(command, rdir, features.map((name, i) => ({ name, values: test.columns[i] as Float32Array })), { model_dir: join(rdir, 'model') });
    expect(rSquared(predictions, test.target)).toBeGreaterThan(0.9);
  });

  it('refuses an mlp, saying how to point Millrace at a Python with PyTorch', async () => {
    const error = await failure(train(command, await tempDir(), spec(), { model: 'mlp' }));
    expect(error.kind).toBe('bad_input');
    expect(error.message).toContain('The mlp model needs Python with PyTorch');
    expect(error.message).toContain('MILLRACE_PYTHON=/path/to/python');
  });

  it('refuses to export ONNX or TorchScript', async () => {
    const { run } = start(command, { task: 'export', job_dir: dir, output_dir: dir, params: { model_dir: join(dir, 'model'), format: 'onnx', path: join(dir, 'm.onnx') } });
    expect((await failure(run.result)).message).toMatch(/^Saving a model as onnx needs Python with PyTorch/);
  });

  describe('interrupted', () => {
    const big = blobs(50_000, 10, 4, 5);
    const longJobFolder = async () => {
      const jdir = await tempDir();
      const features = Array.from({ length: 10 }, (_, i) => `f${i}`);
      await writeJobFolder(join(jdir, 'job'), {
        task: 'classification', features, target: 'y', classes: ['a', 'b', 'c', 'd'],
        datasets: { train: { columns: features.map((name, i) => ({ name, values: big.columns[i] as Float32Array })), target: big.target } },
      });
      return { task: 'train' as const, job_dir: join(jdir, 'job'), output_dir: join(jdir, 'model'), params: { model: 'logistic' as const, epochs: 100_000, batch_size: 8 } };
    };
    const longJob = async () => start(command, await longJobFolder());

    it('cancels mid-training at the cancel message, leaving no process behind', async () => {
      const { run, progress } = await longJob();
      await expect.poll(() => progress.length, { timeout: 30_000 }).toBeGreaterThan(0);
      const asked = Date.now();
      await run.cancel();
      expect((await failure(run.result)).kind).toBe('cancelled');
      expect(Date.now() - asked).toBeLessThan(5_000);
      expect(processGroupGone(run.pid)).toBe(true);
    });

    it('stops by itself when the engine goes away mid-training (its stdin closes)', async () => {
      const { code, last } = await closeStdinAfterFirstProgress(command, await longJobFolder());
      expect(code).toBe(1);
      expect(JSON.parse(last)).toMatchObject({ type: 'error', kind: 'cancelled' });
    });

    it('fails cleanly when killed with SIGKILL from outside', async () => {
      const { run, progress } = await longJob();
      await expect.poll(() => progress.length, { timeout: 30_000 }).toBeGreaterThan(0);
      process.kill(run.pid, 'SIGKILL');
      expect((await failure(run.result)).message).toMatch(/^The built-in training worker was killed \(SIGKILL\) before it finished\./);
      expect(processGroupGone(run.pid)).toBe(true);
    });
  });
});
