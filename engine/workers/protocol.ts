/**
 * The worker protocol, version 1: one JSON object per line on stdio. The engine writes a `job`
 * (and maybe a `cancel`) on the worker's stdin; the worker writes progress, heartbeats, logs and
 * exactly one `result` or `error` on stdout. Every message carries the protocol version and the
 * job id. Bulk data never goes through the pipe: it lives in the job folder (see job-folder.ts).
 *
 * Both workers (PyTorch: nodes/ml/worker/millrace_torch_worker.py; built-in:
 * nodes/ml/worker/builtin-worker.ts) speak exactly this; field names are snake_case so the
 * Python side reads naturally.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

const envelope = {
  protocol: z.literal(PROTOCOL_VERSION),
  job_id: z.string().min(1),
};

export const modelKinds = ['linear', 'logistic', 'mlp'] as const;
export type ModelKind = (typeof modelKinds)[number];

export const deviceSchema = z
  .string()
  .regex(/^(auto|cpu|cuda|cuda:\d+)$/, 'device must be auto, cpu, cuda or cuda:N (e.g. cuda:1)');

export const trainParamsSchema = z.strictObject({
  model: z.enum(modelKinds),
  hidden_layers: z.array(z.number().int().positive()).default([64, 32]),
  activation: z.enum(['relu', 'gelu', 'tanh']).default('relu'),
  dropout: z.number().min(0).lt(1).default(0),
  epochs: z.number().int().positive().default(20),
  batch_size: z.number().int().positive().default(256),
  learning_rate: z.number().positive().default(0.01),
  weight_decay: z.number().min(0).default(0),
  seed: z.number().int().min(0).default(0),
  device: deviceSchema.default('auto'),
  /** Held out of `train` for validation when the job folder has no `valid` data set. */
  validation_fraction: z.number().min(0).lt(1).default(0),
  /** Stop after this many epochs without a better validation loss; null trains all epochs. */
  patience: z.number().int().positive().nullable().default(null),
});
export type TrainParams = z.infer<typeof trainParamsSchema>;

export const predictParamsSchema = z.strictObject({
  /** The artifact folder a train job wrote. */
  model_dir: z.string().min(1),
  probabilities: z.boolean().default(false),
  batch_size: z.number().int().positive().default(65536),
  device: deviceSchema.default('auto'),
});
export type PredictParams = z.infer<typeof predictParamsSchema>;

export const exportParamsSchema = z.strictObject({
  model_dir: z.string().min(1),
  format: z.enum(['torchscript', 'onnx']),
  /** The file to write. */
  path: z.string().min(1),
});
export type ExportParams = z.infer<typeof exportParamsSchema>;

const jobPaths = {
  ...envelope,
  type: z.literal('job'),
  /** The job folder: the manifest's file names are relative to it. */
  job_dir: z.string().min(1),
  /** The manifest, absolute or relative to job_dir. */
  manifest: z.string().min(1).default('manifest.json'),
  /** Where the worker writes its outputs (the artifact for train, the predictions for predict). */
  output_dir: z.string().min(1),
};

export const jobMessageSchema = z.discriminatedUnion('task', [
  z.strictObject({ ...jobPaths, task: z.literal('train'), params: trainParamsSchema }),
  z.strictObject({ ...jobPaths, task: z.literal('predict'), params: predictParamsSchema }),
  z.strictObject({ ...jobPaths, task: z.literal('export'), params: exportParamsSchema }),
]);
export type JobMessage = z.infer<typeof jobMessageSchema>;
/** A job as the engine builds it: defaults may be left out. */
export type JobMessageInput = z.input<typeof jobMessageSchema>;

export const cancelMessageSchema = z.strictObject({ ...envelope, type: z.literal('cancel') });
export type CancelMessage = z.infer<typeof cancelMessageSchema>;

const metricSchema = z.strictObject({ name: z.string(), value: z.number() });

export const progressMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('progress'),
  epoch: z.number().int().positive(),
  epochs: z.number().int().positive(),
  /** Optimiser steps taken so far, over all epochs. */
  step: z.number().int().min(0),
  /** Mean training loss of the epoch. */
  loss: z.number(),
  val_loss: z.number().nullable(),
  /** accuracy (classification) or rmse (regression) on the validation data. */
  val_metric: metricSchema.nullable(),
  samples_per_s: z.number().min(0),
  epoch_time_s: z.number().min(0),
  device: z.string(),
});
export type ProgressMessage = z.infer<typeof progressMessageSchema>;

export const heartbeatMessageSchema = z.strictObject({ ...envelope, type: z.literal('heartbeat') });
export type HeartbeatMessage = z.infer<typeof heartbeatMessageSchema>;

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];
export const logMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('log'),
  level: z.enum(logLevels),
  message: z.string(),
});
export type LogMessage = z.infer<typeof logMessageSchema>;

export const historyRowSchema = z.strictObject({
  epoch: z.number().int().positive(),
  loss: z.number(),
  val_loss: z.number().nullable(),
  val_metric: metricSchema.nullable(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

export const resultMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('result'),
  /** e.g. train_loss, val_loss, val_accuracy | val_rmse, best_epoch, epochs_run; rows for predict. */
  metrics: z.record(z.string(), z.number().nullable()),
  /** Named output paths: model_dir, model, model_json (train); predictions, probabilities, manifest (predict). */
  artifacts: z.record(z.string(), z.string()),
  device: z.string(),
  /** One row per epoch trained (train jobs); the same figures the progress messages carried. */
  history: z.array(historyRowSchema).default([]),
});
export type ResultMessage = z.infer<typeof resultMessageSchema>;

export const errorKinds = ['oom', 'bad_input', 'internal', 'cancelled'] as const;
export type ErrorKind = (typeof errorKinds)[number];
export const errorMessageSchema = z.strictObject({
  ...envelope,
  type: z.literal('error'),
  /** For people: what went wrong and what to do. */
  message: z.string(),
  kind: z.enum(errorKinds),
  /** A traceback or other detail for the log, not for the headline. */
  detail: z.string().optional(),
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

export const workerMessageSchema = z.discriminatedUnion('type', [
  progressMessageSchema,
  heartbeatMessageSchema,
  logMessageSchema,
  resultMessageSchema,
  errorMessageSchema,
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

export const engineMessageSchema = z.union([jobMessageSchema, cancelMessageSchema]);
export type EngineMessage = z.infer<typeof engineMessageSchema>;

/** One protocol line (no embedded newlines: JSON.stringify escapes them). */
export function encodeMessage(message: EngineMessage | WorkerMessage): string {
  return `${JSON.stringify(message)}\n`;
}
