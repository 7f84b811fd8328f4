import { describe, expect, it } from 'vitest';
import { startWorker, type WorkerCommand, type WorkerLogEntry } from './worker-process.js';
import { processGroupGone } from './test-support/run-job.js';
import type { WorkerError } from './worker-errors.js';

/**
 * Scripted workers: real Node processes that misbehave in ways the real workers rarely do
 * (ignore SIGTERM, leave a grandchild, go silent, speak another protocol), to test the process layer.
 */
function scripted(body: string): WorkerCommand {
  const script = `
    const send = (m) => process.stdout.write(JSON.stringify({ protocol: 1, job_id: globalThis.jobId, ...m }) + '\\n');
    require('readline').createInterface({ input: process.stdin }).once('line', (line) => {
      globalThis.jobId = JSON.parse(line).job_id;
      ${body}
    });`;
  return { command: process.execPath, args: ['-e', script], label: 'test' };
}

const job = { type: 'job', protocol: 1, job_id: 'job-1', task: 'train', job_dir: '/tmp', output_dir: '/tmp', params: { model: 'linear' } } as const;

async function failure(promise: Promise<unknown>): Promise<WorkerError> {
  try {
    await promise;
  } catch (error) {
    return error as WorkerError;
  }
  throw new Error('expected the worker to fail');
}

describe('worker processes', () => {
  it('escalates a cancel the worker ignores to SIGTERM then SIGKILL, leaving no process in its group', async () => {
    const logs: WorkerLogEntry[] = [];
    const run = startWorker({
      command: scripted(`
        process.on('SIGTERM', () => send({ type: 'log', level: 'info', message: 'ignoring SIGTERM' }));
        const child = require('child_process').spawn('sleep', ['60'], { stdio: 'ignore' });
        send({ type: 'log', level: 'info', message: 'grandchild ' + child.pid });
        setInterval(() => send({ type: 'heartbeat' }), 50);`),
      job,
      onLog: (entry) => logs.push(entry),
      cancelGraceMs: 200,
      termGraceMs: 300,
    });
    await expect.poll(() => logs.find((l) => l.message.startsWith('grandchild'))).toBeDefined();
    const grandchild = Number(logs.find((l) => l.message.startsWith('grandchild'))?.message.split(' ')[1]);
    await run.cancel();
    expect((await failure(run.result)).kind).toBe('cancelled');
    expect(logs.some((l) => l.message === 'ignoring SIGTERM')).toBe(true);
    expect(processGroupGone(run.pid)).toBe(true);
    expect(processGroupGone(grandchild)).toBe(true);
  });

  it('turns stray stdout lines and stderr into logs and resolves with the result', async () => {
    const logs: WorkerLogEntry[] = [];
    const run = startWorker({
      command: scripted(`
        console.log('not json');
        console.error('a warning on stderr');
        send({ type: 'result', metrics: { rows: 1 }, artifacts: {}, device: 'cpu' });
        process.stdin.destroy();`),
      job,
      onLog: (entry) => logs.push(entry),
    });
    expect((await run.result).metrics).toEqual({ rows: 1 });
    expect(logs).toContainEqual({ level: 'info', message: 'not json', source: 'stdout' });
    expect(logs).toContainEqual({ level: 'warn', message: 'a warning on stderr', source: 'stderr' });
  });

  it('rejects with the worker error message and kind', async () => {
    const run = startWorker({ command: scripted(`send({ type: 'error', message: 'GPU ran out of memory', kind: 'oom' }); process.exit(1);`), job });
    const error = await failure(run.result);
    expect([error.kind, error.message]).toEqual(['oom', 'GPU ran out of memory']);
  });

  it('reports a crash with the exit code and the end of stderr', async () => {
    const run = startWorker({ command: scripted(`console.error('Segmentation fault (core dumped)'); process.exit(139);`), job });
    const error = await failure(run.result);
    expect(error.kind).toBe('crashed');
    expect(error.message).toBe('The test training worker stopped with exit code 139 before it finished. Its last output: Segmentation fault (core dumped)');
  });

  it('stops a worker that goes silent past the heartbeat timeout', async () => {
    const run = startWorker({ command: scripted(`setInterval(() => {}, 1000);`), job, heartbeatTimeoutMs: 300, termGraceMs: 200 });
    const error = await failure(run.result);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('sent nothing for 0.3 s (no heartbeat)');
    expect(processGroupGone(run.pid)).toBe(true);
  });

  it('fails clearly on a worker that speaks another protocol version', async () => {
    const run = startWorker({
      command: scripted(`process.stdout.write(JSON.stringify({ type: 'heartbeat', protocol: 2, job_id: globalThis.jobId }) + '\\n'); setInterval(() => {}, 1000);`),
      job,
    });
    expect((await failure(run.result)).message).toBe('The test training worker speaks protocol 2; this Millrace speaks 1.');
  });

  it('says it could not start a worker whose program does not exist', async () => {
    const run = startWorker({ command: { command: '/nonexistent/python3', args: [], label: 'PyTorch' }, job });
    const error = await failure(run.result);
    expect(error.kind).toBe('spawn');
    expect(error.message).toMatch(/^Could not start the PyTorch training worker \(\/nonexistent\/python3\): .*ENOENT/);
  });

  it('cancels when the abort signal fires', async () => {
    const controller = new AbortController();
    const run = startWorker({ command: scripted(`setInterval(() => send({ type: 'heartbeat' }), 50);`), job, signal: controller.signal, cancelGraceMs: 100 });
    setTimeout(() => controller.abort(), 200);
    expect((await failure(run.result)).kind).toBe('cancelled');
    expect(processGroupGone(run.pid)).toBe(true);
  });
});
