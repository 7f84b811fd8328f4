/**
 * save_model of linear and logistic models the built-in worker trained (no Python): it fails saying
 * how to point Millrace at PyTorch, and once that is done it exports them (the PyTorch worker folds
 * their scaling into one layer) without retraining them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { describeWithTorch } from '../workers/test-support/torch-python.js';
import {
  CLASS_FEATURES,
  classificationCsv,
  classificationPipeline,
  modelFolders,
  openMlEngine,
  REGRESSION_FEATURES,
  regressionCsv,
  regressionPipeline,
  SLOW,
  SPECIES,
} from './test-support/ml-project.js';
import { loadPipeline, storedRun, tempProject, type Project } from './test-support/project.js';

function saveNode(id: string, file: string, format: 'onnx' | 'torchscript'): string {
  return `  - id: ${id}
    type: save_model
    inputs: { model: train.model }
    params: { path: ${file}, format: ${format} }
`;
}

/** The raw outputs (logits, or values) of TorchScript files for their rows, computed by PyTorch itself in one process. */
function torchscriptOutputs(python: string, jobs: { file: string; rows: number[][] }[]): number[][][] {
  const script = 'import json, sys, torch\nprint(json.dumps([torch.jit.load(j["file"])(torch.tensor(j["rows"])).tolist() for j in json.load(sys.stdin)]))';
  return JSON.parse(execFileSync(python, ['-c', script], { input: JSON.stringify(jobs), encoding: 'utf8' })) as number[][][];
}

const argmax = (values: number[]) => values.indexOf(Math.max(...values));

describeWithTorch('save_model of a model the built-in worker trained', (python) => {
  let project: Project;
  let engine: Engine | undefined;
  const savedPython = process.env.MILLRACE_PYTHON;
  beforeEach(() => {
    project = tempProject({ 'data/species.csv': classificationCsv(300), 'data/temperature.csv': regressionCsv(300) });
  });
  afterEach(async () => {
    await engine?.dispose();
    engine = undefined;
    project.remove();
    if (savedPython === undefined) delete process.env.MILLRACE_PYTHON;
    else process.env.MILLRACE_PYTHON = savedPython;
  });

  /** The scored test rows of `file`: features in training order, and the prediction column. */
  async function scoredRows(file: string, features: string[]): Promise<{ features: number[][]; predictions: unknown[] }> {
    const scored = await engine!.preview(await loadPipeline(engine!, project.file(file)), 'scored', { limit: 1000 });
    return { features: scored.rows.map((r) => features.map((f) => r[f] as number)), predictions: scored.rows.map((r) => r.prediction) };
  }

  const run = async (file: string) => {
    const summary = await engine!.run(await loadPipeline(engine!, project.file(file))).result;
    return { summary, stored: storedRun(engine!, summary.runId) };
  };

  it('exports built-in models once MILLRACE_PYTHON points at PyTorch, without retraining them', async () => {
    project.write('species.yaml', classificationPipeline({ model: 'logistic', epochs: 20, learningRate: 0.05, extra: saveNode('export', 'out/species.pt', 'torchscript') + saveNode('to_onnx', 'out/species.onnx', 'onnx') }));
    project.write('temperature.yaml', regressionPipeline({ model: 'linear', epochs: 30, learningRate: 0.05, extra: saveNode('export', 'out/temperature.pt', 'torchscript') }));
    delete process.env.MILLRACE_PYTHON; // else it would come before the project setting
    engine = await openMlEngine(project, 'none');
    for (const [file, exports] of [['species.yaml', ['export', 'to_onnx']], ['temperature.yaml', ['export']]] as const) {
      const without = await run(file);
      expect(without.stored.withStatus('failed')).toEqual(exports);
      expect(without.stored.node('export').error).toBe(
        "This needs PyTorch, but Python is turned off (the project's python setting is none). " +
          'Point Millrace at a Python with PyTorch: set MILLRACE_PYTHON=/path/to/python (e.g. a virtualenv with `pip install torch numpy`), then run again.',
      );
    }
    expect(modelFolders(project).filter((f) => f.startsWith('.partial-'))).toEqual([]);

    // Follow the advice: the project setting stays `none`, MILLRACE_PYTHON names the Python.
    process.env.MILLRACE_PYTHON = python;
    for (const [file, exports] of [['species.yaml', ['export', 'to_onnx']], ['temperature.yaml', ['export']]] as const) {
      const withTorch = await run(file);
      expect(withTorch.summary.error).toBeUndefined();
      expect(withTorch.stored.withStatus('done')).toEqual(exports);
    }
    expect(readFileSync(project.file('out/species.onnx')).includes('logits')).toBe(true); // the output name the export gives

    // Each built-in model's scaling is folded into the exported layer: it gives what its own predict gave.
    const species = await scoredRows('species.yaml', CLASS_FEATURES);
    const temperature = await scoredRows('temperature.yaml', REGRESSION_FEATURES);
    const [logits, values] = torchscriptOutputs(python, [
      { file: project.file('out/species.pt'), rows: species.features },
      { file: project.file('out/temperature.pt'), rows: temperature.features },
    ]);
    expect(logits!.map((row) => SPECIES[argmax(row)])).toEqual(species.predictions);
    expect(values).toHaveLength(temperature.predictions.length);
    values!.forEach(([v], i) => expect(v).toBeCloseTo(temperature.predictions[i] as number, 3));
  }, SLOW);
});
