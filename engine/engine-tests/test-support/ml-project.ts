/**
 * For the engine's machine-learning tests: synthetic CSV data (well-separated classes, a noisy
 * linear target), pipeline YAML that reads, splits, scales, trains, predicts and evaluates it, an
 * engine with a chosen Python, and ways to see the worker processes and model folders a run left.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import type { EngineEvent } from '../../contract/events.js';
import { createEngine, type Engine, type RunHandle } from '../../engine.js';
import { blobs, linear } from '../../workers/test-support/synthetic.js';
import type { Project } from './project.js';

/**
 * Timeout for tests that start PyTorch workers: each start imports torch (1–3 s of CPU), so on a
 * busy 2-core machine a test that takes 15 s alone can take several times that.
 */
export const SLOW = 120_000;

/** Feature names that need quoting everywhere: in CSV, YAML, SQL and the worker's manifest. */
export const CLASS_FEATURES = ['Beak Length (mm)', "O'Brien", 'say "hi"', 'x4'];
export const SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'];
export const REGRESSION_FEATURES = ['wind (m/s)', 'rain', 'sun'];
export const REGRESSION_TARGET = 'Max temp (°C)';

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** Three Gaussian blobs, centres far apart: any sensible classifier scores near 1. */
export function classificationCsv(rows: number, seed = 11): string {
  const data = blobs(rows, CLASS_FEATURES.length, SPECIES.length, seed, 5);
  const body = Array.from({ length: rows }, (_, r) => [
    ...data.columns.map((c) => (c[r] as number).toFixed(4)),
    SPECIES[data.target[r] as number] as string,
  ]);
  return csv([...CLASS_FEATURES, 'Species'], body);
}

/** A noisy linear target (R² of the true function ≈ 0.99) on features of different scales. */
export function regressionCsv(rows: number, seed = 5): string {
  const data = linear(rows, REGRESSION_FEATURES.length, seed, 0.2);
  const body = Array.from({ length: rows }, (_, r) => [...data.columns.map((c) => (c[r] as number).toFixed(4)), (data.target[r] as number).toFixed(4)]);
  return csv([...REGRESSION_FEATURES, REGRESSION_TARGET], body);
}

const yamlList = (names: string[]) => JSON.stringify(names);

export interface TrainOptions {
  model?: 'mlp' | 'logistic' | 'linear';
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  hidden?: number[];
  validationFraction?: number;
}

function trainParams(target: string, task: string, o: TrainOptions): string {
  const hidden = o.model === undefined || o.model === 'mlp' ? `, hidden_layers: [${(o.hidden ?? [16]).join(', ')}]` : '';
  const validation = o.validationFraction === undefined ? '' : `, validation_fraction: ${o.validationFraction}`;
  return `{ target: ${JSON.stringify(target)}, task: ${task}, model: ${o.model ?? 'mlp'}${hidden}, epochs: ${o.epochs ?? 8}, batch_size: ${o.batchSize ?? 32}, learning_rate: ${o.learningRate ?? 0.01}${validation}, seed: 7 }`;
}

/**
 * data (read_csv) → parts (split, stratified) → scaled_train / scaled_test (scale fitted on train)
 * → train → scored (predict) → quality (evaluate). `extra` is appended to the node list.
 */
export function classificationPipeline(options: TrainOptions & { file?: string; extra?: string } = {}): string {
  return `millrace: 1
name: species
nodes:
  - id: data
    type: read_csv
    params: { path: ${options.file ?? 'data/species.csv'} }
  - id: parts
    type: split
    inputs: { in: data }
    params: { fractions: { train: 0.8, test: 0.2 }, seed: 7, stratify: Species }
  - id: scaled_train
    type: scale
    inputs: { in: parts.train }
    params: { columns: ${yamlList(CLASS_FEATURES)}, method: standard }
  - id: scaled_test
    type: scale
    inputs: { in: parts.test, fit: parts.train }
    params: { columns: ${yamlList(CLASS_FEATURES)}, method: standard }
  - id: train
    type: train
    inputs: { train: scaled_train }
    params: ${trainParams('Species', 'classification', options)}
  - id: scored
    type: predict
    inputs: { model: train.model, in: scaled_test }
    params: { probabilities: true }
  - id: quality
    type: evaluate
    inputs: { in: scored }
    params: { target: Species }
${options.extra ?? ''}`;
}

/** data → parts (split) → scaled_train / scaled_test → train → scored → quality, for a number. */
export function regressionPipeline(options: TrainOptions & { extra?: string } = {}): string {
  return `millrace: 1
name: temperature
nodes:
  - id: data
    type: read_csv
    params: { path: data/temperature.csv }
  - id: parts
    type: split
    inputs: { in: data }
    params: { fractions: { train: 0.8, test: 0.2 }, seed: 7 }
  - id: scaled_train
    type: scale
    inputs: { in: parts.train }
    params: { columns: ${yamlList(REGRESSION_FEATURES)} }
  - id: scaled_test
    type: scale
    inputs: { in: parts.test, fit: parts.train }
    params: { columns: ${yamlList(REGRESSION_FEATURES)} }
  - id: train
    type: train
    inputs: { train: scaled_train }
    params: ${trainParams(REGRESSION_TARGET, 'regression', options)}
  - id: scored
    type: predict
    inputs: { model: train.model, in: scaled_test }
  - id: quality
    type: evaluate
    inputs: { in: scored }
    params: { target: ${JSON.stringify(REGRESSION_TARGET)} }
${options.extra ?? ''}`;
}

/** An engine on the project; `python: 'none'` forces the built-in worker. */
export function openMlEngine(project: Project, python: string, options: { concurrency?: number } = {}): Promise<Engine> {
  return createEngine({ projectDir: project.dir, threads: 2, memoryLimit: '1GB', python, ...options });
}

/** Every event the engine emits from now on. */
export function recordEvents(engine: Engine): EngineEvent[] {
  const events: EngineEvent[] = [];
  engine.on((event) => events.push(event));
  return events;
}

/** Resolves at the first training-progress event of `nodeId`; rejects if the run ends first (with its error). */
export function firstTrainingProgress(engine: Engine, run: RunHandle, nodeId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = engine.on((event) => {
      if (event.type === 'training-progress' && event.nodeId === nodeId) {
        off();
        resolve();
      }
    });
    void run.result.then((summary) => {
      off();
      reject(new Error(`the run ended (${summary.status}) before ${nodeId} reported progress: ${summary.error ?? ''}`));
    }, reject);
  });
}

/**
 * Worker processes started by this test process (its direct children; workers are spawned by the
 * engine running in it), so other test files' workers running at the same time are not counted.
 */
export function childWorkerPids(pattern = 'millrace_torch_worker|builtin-worker'): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', pattern], { encoding: 'utf8' }).trim().split('\n').map(Number);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // pgrep: nothing matched
    throw error;
  }
}

/** Entries of `.millrace/models` (published model folders and any `.partial-*` left behind). */
export function modelFolders(project: Project): string[] {
  const dir = project.file('.millrace/models');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** Worker job folders still in `.millrace/jobs` (each node removes its own when it ends). */
export function jobFolders(project: Project): string[] {
  const dir = project.file('.millrace/jobs');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** metric → value from evaluate's rows. */
export function metricValues(rows: Record<string, unknown>[]): Record<string, number | null> {
  return Object.fromEntries(rows.map((r) => [r.metric as string, r.value as number | null]));
}
