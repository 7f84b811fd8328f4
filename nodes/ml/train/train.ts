import { z } from 'zod';
import { ident } from '../../../engine/sql/quote.js';
import { defineWorkerNode, NodeError, type ColumnInfo } from '../../node-definition.js';
import { column, columnList } from '../../params.js';
import { isNumericType } from '../../transforms/columns.js';

/** Columns a model can take as numbers: numeric types and booleans (as 0/1). */
const isModelInput = (type: string) => isNumericType(type) || type === 'BOOLEAN';

export const trainParams = z
  .strictObject({
    target: column('The column to predict.', 'train'),
    features: columnList('Input columns. Default: every other numeric or boolean column.', 'train').optional(),
    task: z.enum(['classification', 'regression']).meta({ description: 'classification: predict a category; regression: predict a number.' }),
    model: z.enum(['linear', 'logistic', 'mlp']).default('mlp').meta({ description: 'linear (regression), logistic (classification) or mlp (a neural network; needs PyTorch).' }),
    hidden_layers: z.array(z.number().int().positive()).min(1).default([64, 32]).meta({ description: 'mlp: units per hidden layer.' }),
    activation: z.enum(['relu', 'gelu', 'tanh']).default('relu').meta({ description: 'mlp: activation function.' }),
    dropout: z.number().min(0).lt(1).default(0).meta({ description: 'mlp: dropout rate between layers.' }),
    epochs: z.number().int().positive().max(100_000).default(50).meta({ description: 'Passes over the training data.' }),
    batch_size: z.number().int().positive().default(256).meta({ description: 'Rows per optimiser step.' }),
    learning_rate: z.number().positive().default(0.01).meta({ description: 'Adam learning rate.' }),
    weight_decay: z.number().min(0).default(0).meta({ description: 'L2 regularisation.' }),
    validation_fraction: z.number().min(0).lt(1).default(0).meta({ description: 'Share of `train` held out for validation when no `valid` input is connected.' }),
    patience: z.number().int().positive().optional().meta({ description: 'Early stopping: stop after this many epochs without a better validation loss.' }),
    seed: z.number().int().min(0).default(0).meta({ description: 'Random seed: the same seed on the same device gives the same model.' }),
    device: z.string().regex(/^(auto|cpu|cuda|cuda:\d+)$/, 'must be auto, cpu, cuda or cuda:N').default('auto').meta({ description: 'auto uses the GPU when there is one.' }),
  })
  .superRefine((p, ctx) => {
    if (p.model === 'linear' && p.task !== 'regression') ctx.addIssue({ code: 'custom', path: ['model'], message: 'linear is a regression model; use logistic or mlp for classification' });
    if (p.model === 'logistic' && p.task !== 'classification') ctx.addIssue({ code: 'custom', path: ['model'], message: 'logistic is a classification model; use linear or mlp for regression' });
  });

function pickFeatures(columns: ColumnInfo[], target: string, features: string[] | undefined): string[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (!byName.has(target)) throw new NodeError(`The target column "${target}" is not in the training data. Columns: ${columns.map((c) => c.name).join(', ')}.`);
  if (features) {
    const missing = features.filter((f) => !byName.has(f));
    if (missing.length) throw new NodeError(`Feature column(s) ${missing.map((m) => `"${m}"`).join(', ')} are not in the training data.`);
    const bad = features.filter((f) => !isModelInput(byName.get(f)!.type));
    if (bad.length) throw new NodeError(`Feature column(s) ${bad.map((b) => `"${b}" (${byName.get(b)!.type})`).join(', ')} are not numeric.`, 'Encode them first with one_hot or label_encode.');
    return features;
  }
  const picked = columns.filter((c) => c.name !== target && isModelInput(c.type)).map((c) => c.name);
  if (picked.length === 0) throw new NodeError('The training data has no numeric or boolean columns besides the target.', 'Encode text columns with one_hot or label_encode first.');
  return picked;
}

export const train = defineWorkerNode({
  kind: 'worker',
  type: 'train',
  version: 1,
  category: 'ml',
  label: 'Train model',
  description: 'Train a linear, logistic or neural-network (MLP) model in a worker process, on the GPU when there is one; outputs the model and its per-epoch history.',
  aliases: ['fit', 'model', 'neural network', 'mlp', 'regression', 'classifier', 'pytorch', 'gpu'],
  inputs: [
    { name: 'train', type: 'table' },
    { name: 'valid', type: 'table', optional: true, description: 'Validation rows for early stopping and validation metrics.' },
  ],
  outputs: [
    { name: 'model', type: 'model' },
    { name: 'history', type: 'table', description: 'One row per epoch: train loss, validation loss and metric.' },
  ],
  params: trainParams,
  example: { target: 'Species', task: 'classification', model: 'mlp', hidden_layers: [32, 16], epochs: 60, seed: 7 },
  async execute(ctx) {
    const p = ctx.params;
    const columns = await ctx.columns('train');
    const features = pickFeatures(columns, p.target, p.features);
    const targetType = columns.find((c) => c.name === p.target)!.type;
    if (p.task === 'regression' && !isModelInput(targetType)) {
      throw new NodeError(`Regression needs a numeric target, but "${p.target}" is ${targetType}.`, 'Use task: classification for categories.');
    }
    const datasets: Record<string, string> = { train: ctx.input('train') };
    if (ctx.hasInput('valid')) datasets.valid = ctx.input('valid');
    let classes: (string | number | boolean)[] | undefined;
    if (p.task === 'classification') {
      const union = Object.values(datasets).map((rel) => `SELECT ${ident(p.target)} AS c FROM ${rel}`).join(' UNION ');
      const rows = await ctx.query(`SELECT DISTINCT c FROM (${union}) WHERE c IS NOT NULL ORDER BY c`);
      classes = rows.map((r) => r.c as string | number | boolean);
      if (classes.length < 2) throw new NodeError(`Classification needs at least two classes in "${p.target}"; found ${classes.length}.`);
      if (classes.length > 1000) throw new NodeError(`"${p.target}" has ${classes.length} classes; is it really a category? Use task: regression for numbers.`);
    }
    const jobDir = await ctx.jobDir();
    const exported = await ctx.exportDataset(jobDir, datasets, { features, target: p.target, classes, task: p.task });
    if ((exported.rows.train ?? 0) === 0) throw new NodeError('The training data is empty.');
    ctx.log(`training ${p.model} (${p.task}) on ${exported.rows.train} rows × ${features.length} features: ${features.join(', ')}`);
    const outputDir = ctx.modelOutputDir('model');
    const result = await ctx.runWorker({
      task: 'train',
      jobDir,
      outputDir,
      worker: p.model === 'mlp' ? 'torch' : 'auto',
      params: {
        model: p.model,
        hidden_layers: p.hidden_layers,
        activation: p.activation,
        dropout: p.dropout,
        epochs: p.epochs,
        batch_size: p.batch_size,
        learning_rate: p.learning_rate,
        weight_decay: p.weight_decay,
        seed: p.seed,
        device: p.device,
        validation_fraction: p.validation_fraction,
        patience: p.patience ?? null,
      },
    });
    ctx.log(`trained on ${result.device}: ${Object.entries(result.metrics).map(([k, v]) => `${k}=${v === null ? 'n/a' : Number(v.toPrecision(4))}`).join(', ')}`);
    ctx.registerModel({ artifactDir: outputDir, params: p, metrics: result.metrics, device: result.device });
    const metricName = result.history.find((h) => h.val_metric)?.val_metric?.name ?? 'metric';
    const history = await ctx.stageTable(
      [
        { name: 'epoch', type: 'BIGINT' },
        { name: 'train_loss', type: 'DOUBLE' },
        { name: 'val_loss', type: 'DOUBLE' },
        { name: `val_${metricName}`, type: 'DOUBLE' },
        { name: 'device', type: 'VARCHAR' },
      ],
      result.history.map((h) => [h.epoch, h.loss, h.val_loss, h.val_metric?.value ?? null, result.device]),
    );
    return { tables: { history: `SELECT * FROM ${history} ORDER BY epoch` } };
  },
});

