/** Reading a job folder in the built-in worker: the manifest, the `.npy` inputs, the failure type. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, dirname } from 'node:path';
import { readNpy } from '../../../engine/workers/npy.js';
import { jobManifestSchema, type JobManifest } from '../../../engine/workers/manifest.js';
import type { ErrorKind, JobMessage } from '../../../engine/workers/protocol.js';
import type { Table } from './builtin-models.js';

/** Reported to the engine as an `error` message; the message is for people. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly kind: ErrorKind = 'bad_input',
  ) {
    super(message);
  }
}

export const MLP_NEEDS_PYTORCH =
  'The mlp model needs Python with PyTorch, and Millrace found none, so it used its built-in worker, which ' +
  'trains only linear and logistic models. Install PyTorch (e.g. `pip install torch`) and point Millrace at ' +
  'that Python: set MILLRACE_PYTHON=/path/to/python (or the project\'s python setting), then run again.';

export async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new JobFailure(`The ${what} ${path} does not exist.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JobFailure(`The ${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export interface LoadedManifest {
  manifest: JobManifest;
  folder: string;
}

export async function loadManifest(job: JobMessage): Promise<LoadedManifest> {
  const path = isAbsolute(job.manifest) ? job.manifest : join(job.job_dir, job.manifest);
  const parsed = jobManifestSchema.safeParse(await readJson(path, 'job manifest'));
  if (!parsed.success) throw new JobFailure(`${path} is not a valid Millrace job manifest: ${parsed.error.message}`);
  return { manifest: parsed.data, folder: dirname(path) };
}

async function readArray(folder: string, file: string, shape: number[], what: string): Promise<Float32Array> {
  const path = join(folder, file);
  let array;
  try {
    array = await readNpy(path);
  } catch (error) {
    throw new JobFailure(`Could not read the ${what} file ${path}: ${(error as Error).message}`);
  }
  if (array.shape.join(',') !== shape.join(',')) {
    throw new JobFailure(`${path} has shape (${array.shape.join(', ')}); the manifest says (${shape.join(', ')}).`);
  }
  return array.data;
}

/** A data set from the folder; null when the manifest has none by that name. */
export async function loadTable(loaded: LoadedManifest, name: string, needTarget: boolean): Promise<Table | null> {
  const entry = loaded.manifest.datasets[name];
  if (entry === undefined) return null;
  const x = await readArray(loaded.folder, entry.features.file, entry.features.shape, `${name} features`);
  let y: Float32Array = new Float32Array(0);
  if (needTarget) {
    if (entry.target === null) throw new JobFailure(`The ${name} data has no target column in the job folder.`);
    y = await readArray(loaded.folder, entry.target.file, entry.target.shape, `${name} target`);
  }
  return { x, y, rows: entry.rows, cols: loaded.manifest.features.length };
}

/** Missing values would poison training silently: name the columns instead. */
export function checkFinite(table: Table, names: readonly string[], where: string): void {
  const bad = new Set<string>();
  for (let i = 0; i < table.x.length; i++) {
    if (!Number.isFinite(table.x[i])) bad.add(names[i % table.cols] ?? String(i % table.cols));
  }
  if (bad.size > 0) {
    throw new JobFailure(
      `Feature columns with missing or infinite values in the ${where} data: ${[...bad].join(', ')}. ` +
        'Fill them (fill_missing) or drop those rows (drop_missing) first.',
    );
  }
}

export function checkLabels(table: Table, classes: number, where: string): void {
  for (const label of table.y) {
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new JobFailure(`The ${where} target holds ${label}, which is not a class index 0..${classes - 1} of the manifest's classes.`);
    }
  }
}
