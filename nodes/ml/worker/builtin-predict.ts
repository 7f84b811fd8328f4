/** Prediction in the built-in worker, writing the same files as the PyTorch worker. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { modelInfoSchema, PREDICTIONS_MANIFEST_FORMAT, type PredictionsManifest } from '../../../engine/workers/manifest.js';
import { writeNpy } from '../../../engine/workers/npy.js';
import type { JobMessage } from '../../../engine/workers/protocol.js';
import { checkFinite, JobFailure, loadManifest, loadTable, readJson } from './builtin-job.js';
import { predictRows, standardise, type LinearState } from './builtin-models.js';
import type { JobHooks, JobOutcome } from './builtin-train.js';

const builtinModelSchema = modelInfoSchema.extend({
  worker: z.literal('builtin'),
  scaler: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }),
  target_scaler: z.object({ mean: z.number(), std: z.number() }).nullable(),
  weights: z.array(z.array(z.number())),
  bias: z.array(z.number()),
});

async function loadModel(modelDir: string): Promise<z.infer<typeof builtinModelSchema>> {
  const raw = await readJson(join(modelDir, 'model.json'), 'model description');
  const worker = typeof raw === 'object' && raw !== null && 'worker' in raw ? raw.worker : undefined;
  if (worker === 'torch') {
    throw new JobFailure('This model was trained by the PyTorch worker; predicting with it needs that Python with PyTorch (MILLRACE_PYTHON=/path/to/python).');
  }
  const parsed = builtinModelSchema.safeParse(raw);
  if (!parsed.success) throw new JobFailure(`${modelDir} is not a model the built-in worker wrote: ${parsed.error.message}`);
  return parsed.data;
}

/** Input column for each model feature; names the missing ones. */
export function featureOrder(modelFeatures: readonly string[], inputFeatures: readonly string[]): number[] {
  const missing = modelFeatures.filter((f) => !inputFeatures.includes(f));
  if (missing.length > 0) {
    throw new JobFailure(`The input lacks columns the model was trained on: ${missing.join(', ')}. The model expects: ${modelFeatures.join(', ')}.`);
  }
  return modelFeatures.map((f) => inputFeatures.indexOf(f));
}

export async function runBuiltinPredict(job: JobMessage & { task: 'predict' }, hooks: JobHooks): Promise<JobOutcome> {
  const model = await loadModel(job.params.model_dir);
  const loaded = await loadManifest(job);
  const columns = featureOrder(model.features, loaded.manifest.features);
  const input = await loadTable(loaded, 'input', false);
  if (input === null) throw new JobFailure('The prediction job folder has no `input` data set.');
  const f = model.features.length;
  const x = new Float32Array(input.rows * f);
  for (let r = 0; r < input.rows; r++) {
    for (let j = 0; j < f; j++) x[r * f + j] = input.x[r * input.cols + (columns[j] as number)] as number;
  }
  checkFinite({ x, y: input.y, rows: input.rows, cols: f }, model.features, 'prediction input');
  await hooks.checkpoint();
  const classification = model.task === 'classification';
  const state: LinearState = {
    classification, nFeatures: f, nOutputs: model.n_outputs, scaler: model.scaler, targetScaler: model.target_scaler,
    weights: Float64Array.from(model.weights.flat()), bias: Float64Array.from(model.bias),
  };
  const { values, probabilities } = predictRows(state, standardise(x, f, model.scaler), input.rows);
  const wantProbabilities = job.params.probabilities && classification;
  if (job.params.probabilities && !classification) hooks.log('warn', 'probabilities only apply to classification models; this one is a regression model.');
  await mkdir(job.output_dir, { recursive: true });
  const predPath = join(job.output_dir, 'predictions.npy');
  const probPath = join(job.output_dir, 'probabilities.npy');
  await writeNpy(predPath, [input.rows], values);
  if (wantProbabilities && probabilities !== null) await writeNpy(probPath, [input.rows, model.n_outputs], probabilities);
  const manifest: PredictionsManifest = {
    format: PREDICTIONS_MANIFEST_FORMAT, version: 1, task: model.task, rows: input.rows, classes: model.classes,
    predictions: { file: 'predictions.npy', shape: [input.rows], dtype: 'float32' },
    probabilities: wantProbabilities ? { file: 'probabilities.npy', shape: [input.rows, model.n_outputs], dtype: 'float32' } : null,
  };
  const manifestPath = join(job.output_dir, 'predictions.json');
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const artifacts: Record<string, string> = { predictions: predPath, manifest: manifestPath };
  if (wantProbabilities) artifacts.probabilities = probPath;
  return { metrics: { rows: input.rows }, artifacts, device: 'cpu', history: [] };
}
