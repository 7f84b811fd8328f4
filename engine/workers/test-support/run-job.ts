/** Runs real worker jobs for tests: writes a job folder, starts the worker, collects what it sent. */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeJobFolder, type JobFolderSpec } from '../job-folder.js';
import type { z } from 'zod';
import { encodeMessage, jobMessageSchema, type JobMessageInput, type predictParamsSchema, type ProgressMessage, type ResultMessage, type trainParamsSchema } from '../protocol.js';
import { startWorker, type WorkerCommand, type WorkerLogEntry, type WorkerRun } from '../worker-process.js';
import { readNpy } from '../npy.js';

export function tempDir(prefix = 'millrace-worker-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export interface CollectedRun {
  run: WorkerRun;
  progress: ProgressMessage[];
  logs: WorkerLogEntry[];
}

let jobCounter = 0;

type JobBody = JobMessageInput extends infer J ? (J extends JobMessageInput ? Omit<J, 'type' | 'protocol' | 'job_id'> : never) : never;

export function start(command: WorkerCommand, job: JobBody): CollectedRun {
  const progress: ProgressMessage[] = [];
  const logs: WorkerLogEntry[] = [];
  const run = startWorker({
    command,
    job: { ...job, type: 'job', protocol: 1, job_id: `test-${process.pid}-${++jobCounter}` },
    onProgress: (p) => progress.push(p),
    onLog: (l) => logs.push(l),
  });
  return { run, progress, logs };
}

/** Writes the job folder in `dir/job` and trains into `dir/model`. */
export async function train(
  command: WorkerCommand,
  dir: string,
  spec: JobFolderSpec,
  params: z.input<typeof trainParamsSchema>,
): Promise<CollectedRun & { result: ResultMessage }> {
  await writeJobFolder(join(dir, 'job'), spec);
  const collected = start(command, { task: 'train', job_dir: join(dir, 'job'), output_dir: join(dir, 'model'), params });
  return { ...collected, result: await collected.run.result };
}

/** Writes `dir/input` from the columns and predicts into `dir/predictions`; returns the predictions. */
export async function predict(
  command: WorkerCommand,
  dir: string,
  columns: { name: string; values: Float32Array }[],
  params: z.input<typeof predictParamsSchema>,
): Promise<{ result: ResultMessage; predictions: Float32Array; probabilities: Float32Array | null }> {
  await writeJobFolder(join(dir, 'input'), { task: null, features: columns.map((c) => c.name), datasets: { input: { columns } } });
  const { run } = start(command, { task: 'predict', job_dir: join(dir, 'input'), output_dir: join(dir, 'predictions'), params });
  const result = await run.result;
  const predictions = (await readNpy(join(dir, 'predictions', 'predictions.npy'))).data;
  const probabilities = result.artifacts.probabilities === undefined ? null : (await readNpy(result.artifacts.probabilities)).data;
  return { result, predictions, probabilities };
}

/** True when neither the process nor any member of its process group exists any more. */
export function processGroupGone(pid: number): boolean {
  for (const target of [pid, -pid]) {
    try {
      process.kill(target, 0);
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') return false;
    }
  }
  return true;
}

/**
 * Plays an engine that dies mid-training: starts the worker without worker-process.ts, waits for
 * its first progress line, then closes its stdin. Resolves with the worker's exit code and last line.
 */
export function closeStdinAfterFirstProgress(command: WorkerCommand, job: JobBody): Promise<{ code: number | null; last: string }> {
  const child = spawn(command.command, [...command.args], { env: { ...process.env, ...command.env }, stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.write(encodeMessage(jobMessageSchema.parse({ ...job, type: 'job', protocol: 1, job_id: `orphan-${++jobCounter}` })));
  let last = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    last = line;
    if (line.includes('"progress"')) child.stdin.end();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, last })));
}
