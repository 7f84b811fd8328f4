import { z } from 'zod';
import { defineWorkerNode } from '../../node-definition.js';
import { filePath } from '../../params.js';

export const saveModel = defineWorkerNode({
  kind: 'worker',
  type: 'save_model',
  version: 1,
  category: 'ml',
  label: 'Save model',
  description: 'Write a trained model to a file to serve it elsewhere: TorchScript (load with torch.jit.load) or ONNX. Needs PyTorch.',
  aliases: ['export model', 'onnx', 'torchscript', 'deploy'],
  inputs: [{ name: 'model', type: 'model' }],
  outputs: [],
  params: z.strictObject({
    path: filePath('File to write, relative to the pipeline file (e.g. out/model.onnx).'),
    format: z.enum(['torchscript', 'onnx']).default('onnx').meta({ description: 'torchscript (.pt) or onnx (.onnx). Both output raw scores (logits for classifiers).' }),
  }),
  example: { path: 'out/penguins.onnx', format: 'onnx' },
  targets: (params, resolvePath) => [resolvePath(params.path)],
  async execute(ctx) {
    // Exporting runs in the PyTorch worker, also for a model the built-in worker trained (it folds
    // that model's scaling into one linear layer); without PyTorch, runWorker says how to get it.
    await ctx.modelInfo('model'); // a clear error when the model folder is not a Millrace model
    const target = ctx.resolvePath(ctx.params.path);
    const jobDir = await ctx.jobDir();
    await ctx.writeFileAtomically(target, async (temporary) => {
      await ctx.runWorker({
        task: 'export',
        jobDir,
        outputDir: jobDir,
        worker: 'torch',
        params: { model_dir: ctx.modelInput('model'), format: ctx.params.format, path: temporary },
      });
    });
    ctx.log(`wrote ${ctx.params.format} model to ${ctx.params.path}`);
    return { tables: {} };
  },
});
