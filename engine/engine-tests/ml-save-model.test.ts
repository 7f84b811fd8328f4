/** save_model through the engine: ONNX and TorchScript files of a model PyTorch trained. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Engine } from '../engine.js';
import { describeWithTorch } from '../workers/test-support/torch-python.js';
import { CLASS_FEATURES, classificationCsv, classificationPipeline, openMlEngine, SLOW, SPECIES } from './test-support/ml-project.js';
import { loadPipeline, storedRun, tempProject, type Project } from './test-support/project.js';

function saveNode(id: string, file: string, format: 'onnx' | 'torchscript'): string {
  return `  - id: ${id}
    type: save_model
    inputs: { model: train.model }
    params: { path: ${file}, format: ${format} }
`;
}

/** The raw outputs (logits, or values) of a TorchScript file for some rows, computed by PyTorch itself. */
function torchscriptOutputs(python: string, file: string, rows: number[][]): number[][] {
  const script = 'import json, sys, torch\nm = torch.jit.load(sys.argv[1])\nprint(json.dumps(m(torch.tensor(json.load(sys.stdin))).tolist()))';
  return JSON.parse(execFileSync(python, ['-c', script, file], { input: JSON.stringify(rows), encoding: 'utf8' })) as number[][];
}

const argmax = (values: number[]) => values.indexOf(Math.max(...values));

describeWithTorch('save_model', (python) => {
  let project: Project;
  let engine: Engine | undefined;
  beforeEach(() => {
    project = tempProject({ 'data/species.csv': classificationCsv(300) });
  });
  afterEach(async () => {
    await engine?.dispose();
    engine = undefined;
    project.remove();
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

  it('writes ONNX and TorchScript files of an mlp; the TorchScript predicts what predict did', async () => {
    project.write('species.yaml', classificationPipeline({ epochs: 4, extra: saveNode('to_onnx', 'out/model.onnx', 'onnx') + saveNode('to_torchscript', 'out/model.pt', 'torchscript') }));
    engine = await openMlEngine(project, python);
    const first = await run('species.yaml');
    expect(first.summary.error).toBeUndefined();
    expect(first.stored.withStatus('done')).toContain('to_onnx');

    const onnx = readFileSync(project.file('out/model.onnx'));
    expect(onnx.length).toBeGreaterThan(100);
    expect(onnx.includes('features')).toBe(true); // the input name the export gives
    expect(readFileSync(project.file('out/model.pt')).subarray(0, 2).toString()).toBe('PK'); // a TorchScript zip
    const { features, predictions } = await scoredRows('species.yaml', CLASS_FEATURES);
    expect(torchscriptOutputs(python, project.file('out/model.pt'), features).map((logits) => SPECIES[argmax(logits)])).toEqual(predictions);

    const second = await run('species.yaml');
    expect(second.stored.node('to_onnx')).toMatchObject({ status: 'cached', reason: 'unchanged, output files as written' });
    expect(second.stored.node('to_torchscript').status).toBe('cached');
  }, SLOW);
});
