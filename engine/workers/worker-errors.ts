/** How a worker run can fail, in words a person can act on. */
import type { ErrorKind, JobMessage } from './protocol.js';

/** The worker's own error kinds, plus the ways a process can fail without saying why. */
export type WorkerFailureKind = ErrorKind | 'crashed' | 'killed' | 'timeout' | 'protocol' | 'spawn';

export class WorkerError extends Error {
  constructor(
    message: string,
    readonly kind: WorkerFailureKind,
    /** A traceback or the end of stderr, for the log. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** "PyTorch training worker", "built-in prediction worker". */
export function workerName(label: string, task: JobMessage['task']): string {
  const noun = task === 'train' ? 'training' : task === 'predict' ? 'prediction' : 'export';
  return `${label} ${noun} worker`;
}

function tail(stderr: readonly string[]): string {
  return stderr.length === 0 ? '' : ` Its last output: ${stderr.slice(-3).join(' | ')}`;
}

export function killedError(name: string, signal: NodeJS.Signals, stderr: readonly string[]): WorkerError {
  const why =
    signal === 'SIGKILL'
      ? ' This usually means something outside Millrace stopped it, often the system running out of memory; try a smaller batch_size or fewer rows.'
      : '';
  return new WorkerError(`The ${name} was killed (${signal}) before it finished.${why}${tail(stderr)}`, 'killed', stderr.join('\n'));
}

export function crashedError(name: string, code: number, stderr: readonly string[]): WorkerError {
  return new WorkerError(`The ${name} stopped with exit code ${code} before it finished.${tail(stderr)}`, 'crashed', stderr.join('\n'));
}

export function silentExitError(name: string): WorkerError {
  return new WorkerError(`The ${name} exited without sending a result; it may be a different version than this Millrace expects.`, 'protocol');
}

export function timeoutError(name: string, silentMs: number): WorkerError {
  const seconds = Number((silentMs / 1000).toFixed(silentMs < 10_000 ? 1 : 0));
  return new WorkerError(
    `The ${name} sent nothing for ${seconds} s (no heartbeat), so it was stopped. It may be stuck; run it again, and if it recurs report it with the node's log.`,
    'timeout',
  );
}

export function cancelledError(name: string): WorkerError {
  return new WorkerError(`The ${name} was cancelled.`, 'cancelled');
}

export function spawnError(name: string, command: string, cause: Error): WorkerError {
  return new WorkerError(`Could not start the ${name} (${command}): ${cause.message}`, 'spawn');
}
