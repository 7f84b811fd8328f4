/**
 * For the engine's behaviour tests: the real `millrace` command (bin/millrace.js → dist/) in a
 * child process that a test can signal (Ctrl+C) or kill mid-run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../test-support/cli-process.js';

// Building dist/ is shared with the CLI's own tests (one lock for both).
export { ensureCliBuilt as ensureBuilt } from '../../test-support/cli-process.js';

const bin = path.join(repoRoot, 'bin', 'millrace.js');

export interface CliProcess {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Resolves when stderr has a line matching `pattern`; rejects if the process exits first. */
  waitForStderr(pattern: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start `millrace ARGS…` in `cwd`; it is killed after `timeoutMs` whatever happens. */
export function startCli(args: string[], cwd: string, timeoutMs = 40_000): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of [...waiters]) if (w.pattern.test(err)) w.resolve();
  });
  // A test that times out never reaches its cleanup: never leave a slow run computing behind it.
  const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitForStderr(pattern) {
      if (pattern.test(err)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`millrace exited (${code ?? signal}) before printing ${pattern}:\n${err}`)));
      });
    },
  };
}
