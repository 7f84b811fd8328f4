import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLabels, writeJobFolder, type TableChunk } from './job-folder.js';
import { jobManifestSchema } from './manifest.js';
import { readNpy } from './npy.js';
import { tempDir } from './test-support/run-job.js';
import { describeWithTorch } from './test-support/torch-python.js';

const awkward = ['Beak Length (mm)', 'say "hi"', "O'Brien"];

/** Column-major chunks as DuckDB would hand them out: value = row * 10 + column. */
async function* chunks(rows: number, size: number): AsyncGenerator<TableChunk> {
  for (let start = 0; start < rows; start += size) {
    const n = Math.min(size, rows - start);
    const features = awkward.map((_, c) => Float32Array.from({ length: n }, (_, i) => (start + i) * 10 + c));
    yield { features, target: Float32Array.from({ length: n }, (_, i) => (start + i) % 2) };
  }
}

describe('writeJobFolder', () => {
  it('interleaves column-major chunks into C-order rows and writes the manifest last', async () => {
    const dir = await tempDir();
    const manifest = await writeJobFolder(dir, {
      task: 'classification', features: awkward, target: 'species', classes: ['Adelie', 'Gentoo'],
      datasets: { train: { rows: 2500, chunks: chunks(2500, 1024) } },
    });
    expect(manifest.datasets.train).toEqual({
      rows: 2500,
      features: { file: 'train_features.npy', shape: [2500, 3], dtype: 'float32' },
      target: { file: 'train_target.npy', shape: [2500], dtype: 'float32' },
    });
    const onDisk = jobManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    expect(onDisk.features).toEqual(awkward);
    expect(onDisk.classes).toEqual(['Adelie', 'Gentoo']);
    const features = await readNpy(join(dir, 'train_features.npy'));
    expect(Array.from(features.data.subarray(2000 * 3, 2000 * 3 + 3))).toEqual([20000, 20001, 20002]);
  });

  it('takes whole in-memory columns too, and an input set without a target', async () => {
    const dir = await tempDir();
    const manifest = await writeJobFolder(dir, {
      task: null, features: ['a', 'b'],
      datasets: { input: { columns: [{ name: 'a', values: Float32Array.from([1, 2]) }, { name: 'b', values: Float32Array.from([3, 4]) }] } },
    });
    expect(manifest.datasets.input?.target).toBeNull();
    expect(Array.from((await readNpy(join(dir, 'input_features.npy'))).data)).toEqual([1, 3, 2, 4]);
  });

  it('fails, without a manifest, when the chunks hold fewer rows than promised', async () => {
    const dir = await tempDir();
    await expect(
      writeJobFolder(dir, { task: 'regression', features: awkward, target: 'y', datasets: { train: { rows: 3000, chunks: chunks(2500, 1000) } } }),
    ).rejects.toThrow('Data set "train" promised 3000 rows but its chunks held 2500.');
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });

  it('says what is wrong with a chunk, a column list or a missing target', async () => {
    const dir = await tempDir();
    await expect(
      writeJobFolder(dir, { task: 'regression', features: ['a'], target: 'y', datasets: { train: { rows: 1, chunks: [{ features: [new Float32Array(1)] }] } } }),
    ).rejects.toThrow('A chunk of "train" has no target values for 1 rows.');
    await expect(
      writeJobFolder(dir, { task: null, features: ['a', 'b'], datasets: { input: { columns: [{ name: 'b', values: new Float32Array(1) }] } } }),
    ).rejects.toThrow('Data set "input" has columns b; the job\'s features are a, b (same order).');
    await expect(writeJobFolder(dir, { task: 'classification', features: ['a'], target: 'y', classes: ['x'], datasets: {} })).rejects.toThrow(
      'A classification job needs the label classes (at least two).',
    );
  });
});

describe('encodeLabels', () => {
  it('encodes labels as indices into sorted classes', () => {
    expect(encodeLabels(['b', 'a', 'c', 'a'])).toEqual({ classes: ['a', 'b', 'c'], indices: Float32Array.from([1, 0, 2, 0]) });
    expect(encodeLabels([10, 2, 10]).classes).toEqual([2, 10]);
  });

  it('refuses a missing label, naming the row', () => {
    expect(() => encodeLabels(['a', null])).toThrow('The target is empty (NULL) in row 2; drop or fill those rows first.');
  });
});

describeWithTorch('job folders in numpy', (python) => {
  it('numpy memory-maps the features and target with the manifest shapes and the right values', async () => {
    const dir = await tempDir();
    await writeJobFolder(dir, {
      task: 'classification', features: awkward, target: 'species', classes: ['x', 'y'],
      datasets: { train: { rows: 5000, chunks: chunks(5000, 777) } },
    });
    const script = [
      'import json, os, sys, numpy as np',
      'd = sys.argv[1]; m = json.load(open(os.path.join(d, "manifest.json")))',
      't = m["datasets"]["train"]',
      'x = np.load(os.path.join(d, t["features"]["file"]), mmap_mode="r")',
      'y = np.load(os.path.join(d, t["target"]["file"]), mmap_mode="r")',
      'print(json.dumps({"shapes": [list(x.shape), list(y.shape)], "ok_shape": list(x.shape) == t["features"]["shape"],',
      ' "memmap": isinstance(x, np.memmap), "x4321": x[4321].tolist(), "y": y[:4].tolist(), "cols": m["features"]}))',
    ].join('\n');
    const out = JSON.parse(execFileSync(python, ['-c', script, dir], { encoding: 'utf8' })) as unknown;
    expect(out).toEqual({ shapes: [[5000, 3], [5000]], ok_shape: true, memmap: true, x4321: [43210, 43211, 43212], y: [0, 1, 0, 1], cols: awkward });
  });
});
