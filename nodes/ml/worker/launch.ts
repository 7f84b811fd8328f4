/**
 * How to start each worker, as a WorkerCommand for engine/workers/worker-process.ts:
 * - the PyTorch worker: `<python> -u nodes/ml/worker/millrace_torch_worker.py --cancel-on-stdin-close`
 *   (job line on stdin) under the Python python-finder.ts chose;
 * - the built-in worker: `process.execPath dist/nodes/ml/worker/builtin-worker.js --cancel-on-stdin-close`
 *   in a build, or the TypeScript source through engine/workers/ts-source/register.mjs when running from source.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PythonChoice } from '../../../engine/workers/python-finder.js';
import type { WorkerCommand } from '../../../engine/workers/worker-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const fromSource = import.meta.url.endsWith('.ts');
/** The repository (or installed package) root: this file is nodes/ml/worker/ or dist/nodes/ml/worker/. */
const root = resolve(here, fromSource ? '../../..' : '../../../..');

export const TORCH_WORKER_SCRIPT = 'millrace_torch_worker.py';

/**
 * Python cannot read inside an Electron app.asar: the desktop package unpacks the worker scripts to
 * app.asar.unpacked/ at the same relative place (electron-builder.yml asarUnpack). Other paths are unchanged.
 */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** The Python worker script: beside this module when a build copies it, else in the source tree. */
export function torchWorkerScript(): string {
  const candidates = [join(here, TORCH_WORKER_SCRIPT), join(root, 'nodes', 'ml', 'worker', TORCH_WORKER_SCRIPT)].map(outsideAsar);
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error(`The PyTorch worker script is missing; looked in ${candidates.join(' and ')}.`);
  return found;
}

export function torchWorkerCommand(python: string): WorkerCommand {
  return {
    command: python,
    args: ['-u', torchWorkerScript(), '--cancel-on-stdin-close'],
    label: 'PyTorch',
    // torch's threads and OpenBLAS's own fight over the cores otherwise (several times slower on CPU).
    env: { OPENBLAS_NUM_THREADS: process.env.OPENBLAS_NUM_THREADS ?? '1', PYTHONUNBUFFERED: '1' },
  };
}

export function builtinWorkerCommand(): WorkerCommand {
  const args = fromSource
    ? ['--import', join(root, 'engine', 'workers', 'ts-source', 'register.mjs'), join(here, 'builtin-worker.ts')]
    : [join(here, 'builtin-worker.js')];
  args.push('--cancel-on-stdin-close');
  return { command: process.execPath, args, label: 'built-in' };
}

/**
 * The PyTorch worker when a Python with torch was found, else the built-in one (which trains
 * linear and logistic models and explains how to get PyTorch for an mlp).
 */
export function workerCommandFor(choice: PythonChoice): WorkerCommand {
  return choice.chosen !== null ? torchWorkerCommand(choice.chosen.path) : builtinWorkerCommand();
}
