/**
 * The small JSON files beside the `.npy` data: the job manifest the engine writes for a worker,
 * and the predictions manifest a predict job writes back. Both workers read and write these shapes.
 */
import { z } from 'zod';

export const mlTasks = ['classification', 'regression'] as const;
export type MlTask = (typeof mlTasks)[number];

/** A label class as it appeared in the target column. */
export const labelValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type LabelValue = z.infer<typeof labelValueSchema>;

export const arrayFileSchema = z.strictObject({
  /** Relative to the folder holding the manifest. */
  file: z.string().min(1),
  shape: z.array(z.number().int().min(0)).min(1).max(2),
  dtype: z.literal('float32'),
});
export type ArrayFile = z.infer<typeof arrayFileSchema>;

export const datasetEntrySchema = z.strictObject({
  rows: z.number().int().min(0),
  /** rows × features, in the manifest's feature order. */
  features: arrayFileSchema,
  /** rows: class indices into `classes` (classification) or values (regression). */
  target: arrayFileSchema.nullable(),
});
export type DatasetEntry = z.infer<typeof datasetEntrySchema>;

export const JOB_MANIFEST_FORMAT = 'millrace-job';

export const jobManifestSchema = z.strictObject({
  format: z.literal(JOB_MANIFEST_FORMAT),
  version: z.literal(1),
  /** null for prediction inputs: the model knows its task. */
  task: z.enum(mlTasks).nullable(),
  dtype: z.literal('float32'),
  features: z.array(z.string()).min(1),
  target: z.string().nullable(),
  /** Classification: the label of each class index the target holds. */
  classes: z.array(labelValueSchema).nullable(),
  /** `train` and optional `valid` for training; `input` for prediction. */
  datasets: z.record(z.string(), datasetEntrySchema),
});
export type JobManifest = z.infer<typeof jobManifestSchema>;

export const PREDICTIONS_MANIFEST_FORMAT = 'millrace-predictions';

export const predictionsManifestSchema = z.strictObject({
  format: z.literal(PREDICTIONS_MANIFEST_FORMAT),
  version: z.literal(1),
  task: z.enum(mlTasks),
  rows: z.number().int().min(0),
  /** Classification: `predictions` holds indices into these labels. */
  classes: z.array(labelValueSchema).nullable(),
  predictions: arrayFileSchema,
  /** rows × classes, columns in `classes` order; present when asked for. */
  probabilities: arrayFileSchema.nullable(),
});
export type PredictionsManifest = z.infer<typeof predictionsManifestSchema>;

export const MODEL_FORMAT = 'millrace-model';

/**
 * model.json in a model artifact folder, as both workers write it (the fields the engine reads for
 * the model registry; each worker adds its own: TorchScript file names, or the built-in worker's
 * weights and scaler).
 */
export const modelInfoSchema = z.looseObject({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(1),
  worker: z.enum(['torch', 'builtin']),
  task: z.enum(mlTasks),
  model: z.enum(['linear', 'logistic', 'mlp']),
  params: z.record(z.string(), z.unknown()),
  features: z.array(z.string()).min(1),
  target: z.string().nullable(),
  classes: z.array(labelValueSchema).nullable(),
  n_outputs: z.number().int().positive(),
  metrics: z.record(z.string(), z.number().nullable()),
  device: z.string(),
  created: z.string(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;
