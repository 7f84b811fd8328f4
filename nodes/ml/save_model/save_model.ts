import { z } from 'zod';
import { defineWorkerNode, NodeError } from '../../node-definition.js';
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
    const info = await ctx.modelInfo('model');
    if (info.worker !== 'torch') {
      throw new NodeError(
        `This ${info.model} model was trained by the built-in worker (no PyTorch was found), which cannot export ${ctx.params.format}.`,
        'Install PyTorch (or set MILLRACE_PYTHON) and run again: the model retrains with PyTorch and can then be saved.',
      );
    }
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
