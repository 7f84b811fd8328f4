/**
 * Case 6b: the PyTorch worker's epoch time against a plain hand-written PyTorch loop on the same
 * data, by nodes/ml/worker/gpu_check.py (worker and loop in one script, first epoch left out as
 * warm-up). The target (≤ 1.1×) is for a GPU; on a machine without one it runs on the CPU, small.
 */
import path from 'node:path';
import { measurement } from '../bench-types.js';
import type { BenchCase, BenchContext } from '../bench-context.js';
import { compareCase, unmeasuredCase } from '../case-result.js';
import { repoRoot } from '../paths.js';
import { runPython } from '../python-env.js';

const TARGET = { ratio: 1.1 };

export interface GpuCheckFigures {
  device: string;
  worker: number[];
  plain: number[];
}

function secondsList(stdout: string, label: string): number[] {
  const line = new RegExp(`^${label} epoch times \\(s\\): (.*)$`, 'm').exec(stdout)?.[1];
  if (line === undefined) throw new Error(`gpu_check.py printed no "${label} epoch times" line.`);
  return line.split(',').map((s) => Number(s.trim()));
}

/** Reads gpu_check.py's summary lines. */
export function parseGpuCheck(stdout: string): GpuCheckFigures {
  const device = /^device used by the worker: (.*)$/m.exec(stdout)?.[1]?.trim() ?? 'unknown';
  return { device, worker: secondsList(stdout, 'worker'), plain: secondsList(stdout, 'plain ') };
}

/** Sizes: the script's own 1M × 20, mlp 256-256, 5 epochs takes many minutes on 2 CPU cores; a GPU takes seconds. */
function sizes(context: BenchContext): { rows: number; epochs: number; hidden: string } {
  if (context.options.quick) return { rows: 20_000, epochs: 2, hidden: '64,64' };
  return { rows: Math.min(context.dataset.rows, 100_000), epochs: 3, hidden: '128,128' };
}

const steady = (times: number[]) => (times.length > 1 ? times.slice(1) : times);

export const workerCase: BenchCase = {
  id: 'worker',
  title: 'Worker epoch time vs plain PyTorch',
  async run(context) {
    const { python } = context;
    if (python.python === null || python.torch === null || python.numpy === null) {
      return [unmeasuredCase('worker-epoch', this.title, TARGET, 'PyTorch not present for /usr/bin/python3 (or BENCH_PYTHON)')];
    }
    const { rows, epochs, hidden } = sizes(context);
    const script = path.join(repoRoot, 'nodes', 'ml', 'worker', 'gpu_check.py');
    const stdout = await runPython(python.python, [script, '--rows', String(rows), '--epochs', String(epochs), '--hidden', hidden]);
    const figures = parseGpuCheck(stdout);
    const onGpu = figures.device.startsWith('cuda');
    return [
      compareCase({
        id: 'worker-epoch',
        title: `${this.title} (${rows.toLocaleString('en')} × 20, mlp ${hidden}, device ${figures.device})`,
        ours: measurement('Millrace PyTorch worker, s/epoch', 's', steady(figures.worker)),
        reference: measurement('plain PyTorch loop, s/epoch', 's', steady(figures.plain)),
        target: TARGET,
        note: `${epochs} epochs each, first left out as warm-up; torch ${python.torch}. ${onGpu ? 'On the GPU.' : 'On the CPU: the target is meant for a GPU (run gpu_check.py on a GPU machine).'}`,
      }),
    ];
  },
};
