import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npyHeader, NpyWriter, readNpy, writeNpy } from './npy.js';
import { tempDir } from './test-support/run-job.js';
import { describeWithTorch } from './test-support/torch-python.js';

describe('npy files', () => {
  it('pads the header so the data starts on a 64-byte boundary, ending in a newline', () => {
    for (const shape of [[0], [7], [1_000_000, 20], [3, 123456789]] as const) {
      const header = npyHeader(shape);
      expect(header.length % 64).toBe(0);
      expect(header[header.length - 1]).toBe(0x0a);
      expect(Buffer.from(header).toString('latin1')).toContain(shape.length === 1 ? `(${shape[0]},)` : `(${shape[0]}, ${shape[1]})`);
    }
  });

  it('round-trips a matrix written in chunks and a vector', async () => {
    const dir = await tempDir();
    const writer = await NpyWriter.create(join(dir, 'm.npy'), [3, 2]);
    await writer.write(Float32Array.from([1, 2, 3, 4]));
    await writer.write(Float32Array.from([5, -6.5]));
    await writer.close();
    expect(await readNpy(join(dir, 'm.npy'))).toEqual({ shape: [3, 2], data: Float32Array.from([1, 2, 3, 4, 5, -6.5]) });
    await writeNpy(join(dir, 'v.npy'), [2], Float32Array.from([Number.NaN, 1e30]));
    const v = await readNpy(join(dir, 'v.npy'));
    expect(v.shape).toEqual([2]);
    expect(Number.isNaN(v.data[0])).toBe(true);
    expect(v.data[1]).toBeCloseTo(1e30, -25);
  });

  it('refuses more values than the declared shape, and a short file on close', async () => {
    const dir = await tempDir();
    const over = await NpyWriter.create(join(dir, 'over.npy'), [2]);
    await expect(over.write(new Float32Array(3))).rejects.toThrow(/more values than its declared shape \(2,\)/);
    await over.abandon();
    const short = await NpyWriter.create(join(dir, 'short.npy'), [2, 2]);
    await short.write(new Float32Array(2));
    await expect(short.close()).rejects.toThrow(/wrote 2 values but its header promises 4/);
  });

  it('reads a file with a non-float32 dtype as an error', async () => {
    const dir = await tempDir();
    await writeNpy(join(dir, 'x.npy'), [1], new Float32Array(1));
    const bytes = await readFile(join(dir, 'x.npy'));
    const forged = Buffer.from(bytes.toString('latin1').replace("'<f4'", "'<i4'"), 'latin1');
    await writeFile(join(dir, 'y.npy'), forged);
    await expect(readNpy(join(dir, 'y.npy'))).rejects.toThrow(/holds <i4 values; expected float32/);
  });
});

describeWithTorch('npy files in numpy', (python) => {
  it('numpy memory-maps a streamed file with the right shape, dtype and values', async () => {
    const dir = await tempDir();
    const rows = 10_000;
    const writer = await NpyWriter.create(join(dir, 'big.npy'), [rows, 3]);
    for (let start = 0; start < rows; start += 4096) {
      const n = Math.min(4096, rows - start);
      const chunk = new Float32Array(n * 3);
      for (let i = 0; i < n; i++) chunk.set([start + i, -(start + i), 0.5], i * 3);
      await writer.write(chunk);
    }
    await writer.close();
    const script = [
      'import json, sys, numpy as np',
      "a = np.load(sys.argv[1], mmap_mode='r')",
      'print(json.dumps({"memmap": isinstance(a, np.memmap), "shape": list(a.shape), "dtype": str(a.dtype),',
      ' "c": bool(a.flags.c_contiguous), "row": a[9999].tolist(), "sum0": float(a[:, 0].sum(dtype=np.float64))}))',
    ].join('\n');
    const out = JSON.parse(execFileSync(python, ['-c', script, join(dir, 'big.npy')], { encoding: 'utf8' })) as unknown;
    expect(out).toEqual({ memmap: true, shape: [rows, 3], dtype: 'float32', c: true, row: [9999, -9999, 0.5], sum0: (rows * (rows - 1)) / 2 });
  });
});
