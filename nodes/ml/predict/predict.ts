import { z } from 'zod';
import { ident, literalList } from '../../../engine/sql/quote.js';
import { defineWorkerNode, NodeError } from '../../node-definition.js';

export const predict = defineWorkerNode({
  kind: 'worker',
  type: 'predict',
  version: 1,
  category: 'ml',
  label: 'Predict',
  description: 'Score a table with a trained model: adds a prediction column (the class label, or the number) and, when asked, one probability column per class.',
  aliases: ['score', 'inference', 'apply model'],
  inputs: [
    { name: 'model', type: 'model' },
    { name: 'in', type: 'table' },
  ],
  outputs: [{ name: 'out', type: 'table' }],
  params: z.strictObject({
    output_column: z.string().min(1).default('prediction').meta({ description: 'Name of the column that receives the prediction.' }),
    probabilities: z.boolean().default(false).meta({ description: 'Classification: also add a `prob_<class>` column per class.' }),
  }),
  example: { output_column: 'prediction', probabilities: true },
  async execute(ctx) {
    const info = await ctx.modelInfo('model');
    const columns = await ctx.columns('in');
    const names = new Set(columns.map((c) => c.name));
    const missing = info.features.filter((f) => !names.has(f));
    if (missing.length) {
      throw new NodeError(
        `The model was trained on ${info.features.length} feature(s); ${missing.length} ${missing.length === 1 ? 'is' : 'are'} missing from the input: ${missing.map((m) => `"${m}"`).join(', ')}.`,
        'Apply the same transforms to this table as to the training data.',
      );
    }
    const numbered = await ctx.materialise(`SELECT row_number() OVER () - 1 AS __row, * FROM ${ctx.input('in')}`);
    const jobDir = await ctx.jobDir();
    await ctx.exportDataset(jobDir, { input: `(SELECT * FROM ${numbered} ORDER BY __row)` }, { features: info.features, task: null });
    const outputDir = `${jobDir}/out`;
    const wantProbabilities = ctx.params.probabilities && info.task === 'classification';
    const result = await ctx.runWorker({
      task: 'predict',
      jobDir,
      outputDir,
      worker: info.worker,
      params: { model_dir: ctx.modelInput('model'), probabilities: wantProbabilities },
    });
    const predictions = result.artifacts.predictions;
    if (!predictions) throw new Error('The worker wrote no predictions file.');
    const classes = info.classes ?? [];
    const probabilityColumns = classes.map((c) => `prob_${String(c)}`);
    const files = [{ path: predictions, columns: ['__prediction'] }];
    if (wantProbabilities && result.artifacts.probabilities) files.push({ path: result.artifacts.probabilities, columns: probabilityColumns });
    const scored = await ctx.stageNpy(files);
    const output = ident(ctx.params.output_column);
    const value =
      info.task === 'classification'
        ? `[${literalList(classes)}][CAST(p.__prediction AS INTEGER) + 1]`
        : 'p.__prediction';
    const replaced = [ctx.params.output_column, ...(wantProbabilities ? probabilityColumns : [])].filter((c) => names.has(c));
    const exclude = ['__row', ...replaced].map(ident).join(', ');
    const probs = wantProbabilities ? `, ${probabilityColumns.map((c) => `p.${ident(c)}`).join(', ')}` : '';
    return {
      tables: { out: `SELECT n.* EXCLUDE (${exclude}), ${value} AS ${output}${probs} FROM ${numbered} n JOIN ${scored} p USING (__row) ORDER BY n.__row` },
    };
  },
});
