/**
 * Runs one job in a worker child process: the only place that spawns workers. The worker gets its
 * own process group (detached), so cancel and cleanup signal the whole group and leave no orphans.
 *
 * Cancel escalates: a `cancel` message on stdin, then SIGTERM to the group after a grace period,
 * then SIGKILL. However the process ends, the group is swept with SIGKILL afterwards.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import {
  encodeMessage,
  jobMessageSchema,
  PROTOCOL_VERSION,
  workerMessageSchema,
  type JobMessage,
  type JobMessageInput,
  type LogLevel,
  type ProgressMessage,
  type ResultMessage,
} from './protocol.js';
import {
  cancelledError,
  crashedError,
  killedError,
  silentExitError,
  spawnError,
  timeoutError,
  workerName,
  WorkerError,
} from './worker-errors.js';

/** How to start a worker (see nodes/ml/worker/launch.ts for the two kinds). */
export interface WorkerCommand {
  command: string;
  args: readonly string[];
  /** Shown in messages: "PyTorch", "built-in". */
  label: string;
  /** Added to the engine's environment. */
  env?: Record<string, string>;
  cwd?: string;
}

export interface WorkerLogEntry {
  level: LogLevel;
  message: string;
  /** `worker`: a log message; `stdout`: a stray non-protocol line; `stderr`: anything on stderr. */
  source: 'worker' | 'stdout' | 'stderr';
}

export interface StartWorkerOptions {
  command: WorkerCommand;
  job: JobMessageInput;
  onProgress?: (progress: ProgressMessage) => void;
  onLog?: (entry: WorkerLogEntry) => void;
  onHeartbeat?: () => void;
  /** Aborting it cancels the run. */
  signal?: AbortSignal;
  /** Silence (no line on stdout) longer than this stops the worker. Default 60 s. */
  heartbeatTimeoutMs?: number;
  /** Time between the cancel message and SIGTERM. Default 5 s. */
  cancelGraceMs?: number;
  /** Time between SIGTERM and SIGKILL. Default 3 s. */
  termGraceMs?: number;
}

export interface WorkerRun {
  readonly pid: number;
  readonly job: JobMessage;
  /** Resolves with the worker's result; rejects with a WorkerError. */
  readonly result: Promise<ResultMessage>;
  /** Resolves once the process and its group are gone. */
  readonly exited: Promise<void>;
  cancel(): Promise<void>;
}

const STDERR_LINES_KEPT = 20;

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (!(pid > 1)) return; // never signal -1 or -0/-1 (every process, or our own group) when the spawn failed
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function startWorker(options: StartWorkerOptions): WorkerRun {
  const job = jobMessageSchema.parse(options.job);
  const name = workerName(options.command.label, job.task);
  const heartbeatMs = options.heartbeatTimeoutMs ?? 60_000;
  const child = spawn(options.command.command, [...options.command.args], {
    cwd: options.command.cwd,
    env: { ...process.env, ...options.command.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid ?? -1;
  const stderrTail: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let result: ResultMessage | undefined;
  let failure: WorkerError | undefined;
  let cancelRequested = false;
  let finished = false;
  let spawnFailure: Error | undefined;
  let resolveExited: () => void = () => undefined;
  const exited = new Promise<void>((resolve) => (resolveExited = resolve));

  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  };
  const log = (level: LogLevel, message: string, source: WorkerLogEntry['source']): void => options.onLog?.({ level, message, source });
  const send = (line: string): void => {
    if (child.stdin.writable) child.stdin.write(line);
  };

  // Escalate from SIGTERM to SIGKILL; used by cancel and by the heartbeat watchdog.
  const terminate = (): void => {
    signalGroup(pid, 'SIGTERM');
    later(options.termGraceMs ?? 3_000, () => signalGroup(pid, 'SIGKILL'));
  };

  let heartbeat: NodeJS.Timeout | undefined;
  const armHeartbeat = (): void => {
    if (heartbeat !== undefined) clearTimeout(heartbeat);
    heartbeat = setTimeout(() => {
      if (finished) return;
      failure ??= timeoutError(name, heartbeatMs);
      terminate();
    }, heartbeatMs);
  };

  const cancel = (): Promise<void> => {
    if (!finished && !cancelRequested) {
      cancelRequested = true;
      send(encodeMessage({ type: 'cancel', protocol: PROTOCOL_VERSION, job_id: job.job_id }));
      later(options.cancelGraceMs ?? 5_000, terminate);
    }
    return exited;
  };

  const handleLine = (line: string): void => {
    armHeartbeat();
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      log('info', line, 'stdout');
      return;
    }
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const version = typeof raw === 'object' && raw !== null && 'protocol' in raw ? raw.protocol : undefined;
      if (version !== undefined && version !== PROTOCOL_VERSION && failure === undefined) {
        failure = new WorkerError(`The ${name} speaks protocol ${String(version)}; this Millrace speaks ${PROTOCOL_VERSION}.`, 'protocol');
        terminate();
      } else log('warn', `Ignored a malformed message from the worker: ${line.slice(0, 500)}`, 'stdout');
      return;
    }
    const message = parsed.data;
    if (message.job_id !== job.job_id) {
      log('warn', `Ignored a message for another job (${message.job_id}).`, 'stdout');
      return;
    }
    switch (message.type) {
      case 'progress':
        options.onProgress?.(message);
        break;
      case 'heartbeat':
        options.onHeartbeat?.();
        break;
      case 'log':
        log(message.level, message.message, 'worker');
        break;
      case 'result':
        result = message;
        child.stdin.end();
        break;
      case 'error':
        failure ??= new WorkerError(message.message, message.kind, message.detail);
        if (message.detail !== undefined) log('error', message.detail, 'worker');
        child.stdin.end();
        break;
    }
  };

  child.stdin.on('error', () => undefined); // EPIPE when the worker is already gone: its exit says why.
  createInterface({ input: child.stdout }).on('line', handleLine);
  createInterface({ input: child.stderr }).on('line', (line) => {
    armHeartbeat();
    stderrTail.push(line);
    if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
    log('warn', line, 'stderr');
  });
  child.on('error', (error) => {
    spawnFailure = error;
  });
  child.on('exit', () => signalGroup(pid, 'SIGKILL')); // sweep anything the worker left in its group

  const settled = new Promise<ResultMessage>((resolve, reject) => {
    child.on('close', (code, signal) => {
      finished = true;
      if (heartbeat !== undefined) clearTimeout(heartbeat);
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolveExited();
      if (spawnFailure !== undefined) reject(spawnError(name, options.command.command, spawnFailure));
      else if (cancelRequested) reject(failure?.kind === 'cancelled' ? failure : cancelledError(name));
      else if (failure !== undefined) reject(failure);
      else if (result !== undefined && code === 0) resolve(result);
      else if (signal !== null) reject(killedError(name, signal, stderrTail));
      else if (code !== 0 && code !== null) reject(crashedError(name, code, stderrTail));
      else reject(silentExitError(name));
    });
  });

  settled.catch(() => undefined); // a caller that only cancels must not crash Node with an unhandled rejection
  if (pid > 0) {
    armHeartbeat();
    send(encodeMessage(job)); // the job line first: a cancel may only follow it
  }
  const onAbort = (): void => void cancel();
  if (options.signal?.aborted) void cancel();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  return { pid, job, result: settled, exited, cancel };
}
