/**
 * The built-in worker: a Node child process that speaks the worker protocol (engine/workers/protocol.ts)
 * and trains linear and logistic models without Python, so the examples run out of the box.
 *
 * Start it with `process.execPath <this file compiled to .js>`; nodes/ml/worker/launch.ts resolves
 * the path (and runs the TypeScript source through a loader in tests). It reads one job line on
 * stdin; a later `{"type":"cancel"}` line or SIGTERM stops it with an error of kind `cancelled`, and
 * so does stdin closing with --cancel-on-stdin-close (the engine passes it: if it dies, so does this).
 */
import { createInterface } from 'node:readline';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  encodeMessage,
  jobMessageSchema,
  PROTOCOL_VERSION,
  type JobMessage,
  type WorkerMessage,
} from '../../../engine/workers/protocol.js';
import { JobFailure } from './builtin-job.js';
import { runBuiltinPredict } from './builtin-predict.js';
import { runBuiltinTrain, type JobHooks, type JobOutcome } from './builtin-train.js';

const HEARTBEAT_MS = 2_000;
const YIELD_EVERY_MS = 50;

type Body<M> = M extends WorkerMessage ? Omit<M, 'protocol' | 'job_id'> : never;

function writeLine(line: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(line, () => resolve()));
}

async function runJob(job: JobMessage, hooks: JobHooks): Promise<JobOutcome> {
  switch (job.task) {
    case 'train':
      return runBuiltinTrain(job, hooks);
    case 'predict':
      return runBuiltinPredict(job, hooks);
    case 'export':
      throw new JobFailure(
        `Saving a model as ${job.params.format} needs Python with PyTorch; the built-in worker can't. Install PyTorch and set MILLRACE_PYTHON=/path/to/python.`,
      );
  }
}

async function serve(job: JobMessage, isCancelled: () => boolean): Promise<number> {
  const send = (body: Body<WorkerMessage>): Promise<void> =>
    writeLine(encodeMessage({ ...body, protocol: PROTOCOL_VERSION, job_id: job.job_id } as WorkerMessage));
  const heartbeat = setInterval(() => void send({ type: 'heartbeat' }), HEARTBEAT_MS);
  let lastYield = performance.now();
  const hooks: JobHooks = {
    progress: (progress) => void send({ type: 'progress', ...progress }),
    log: (level, message) => void send({ type: 'log', level, message }),
    checkpoint: async () => {
      // The loops are synchronous maths: yield now and then so stdin (cancel) and the heartbeat get a turn.
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      if (isCancelled()) throw new JobFailure('Training was cancelled.', 'cancelled');
    },
  };
  try {
    const outcome = await runJob(job, hooks);
    await send({ type: 'result', ...outcome });
    return 0;
  } catch (error) {
    if (error instanceof JobFailure) await send({ type: 'error', message: error.message, kind: error.kind });
    else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      await send({ type: 'error', message: `The built-in worker failed: ${String(error)}`, kind: 'internal', detail });
    }
    return 1;
  } finally {
    clearInterval(heartbeat);
  }
}

function main(): void {
  const cancelOnStdinClose = process.argv.includes('--cancel-on-stdin-close');
  let cancelled = false;
  let started = false;
  process.on('SIGTERM', () => {
    cancelled = true;
    if (!started) process.exit(1);
  });
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (started) {
      try {
        if ((JSON.parse(line) as { type?: unknown }).type === 'cancel') cancelled = true;
      } catch {
        // not a protocol line: ignore
      }
      return;
    }
    started = true;
    let job: JobMessage;
    try {
      job = jobMessageSchema.parse(JSON.parse(line));
    } catch (error) {
      process.stderr.write(`millrace built-in worker: the first line is not a valid job: ${String(error)}\n`);
      process.exit(2);
    }
    void serve(job, () => cancelled).then((code) => process.exit(code));
  });
  lines.on('close', () => {
    // The engine ends stdin only after the result; a close before that means it died: stop, no orphan.
    if (cancelOnStdinClose) cancelled = true;
    if (!started) {
      process.stderr.write('millrace built-in worker: stdin closed before a job arrived\n');
      process.exit(2);
    }
  });
}

main();
