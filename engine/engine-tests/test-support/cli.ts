/**
 * For the engine's behaviour tests: the real `millrace` command (bin/millrace.js → dist/) in a
 * child process, so "a new process" really is one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = path.join(root, 'bin', 'millrace.js');
const builtCli = path.join(root, 'dist', 'engine', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Build dist/ when it is missing or older than the engine and node sources (`npm test` builds
 * first, so there this is a check). A lock folder keeps two test files from building at once.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = path.join(root, 'dist', '.engine-tests-build.lock');
  const stale = () => !existsSync(builtCli) || statSync(builtCli).mtimeMs < Math.max(newestSource(path.join(root, 'engine')), newestSource(path.join(root, 'nodes')));
  if (!stale()) return;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250)); // another test file is building
      if (!stale()) return;
    }
  }
  try {
    if (stale()) {
      // Type errors elsewhere in a work-in-progress tree do not stop tsc from emitting, so only a missing CLI is fatal.
      const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
      if (!existsSync(builtCli)) throw new Error(`npm run build did not produce ${builtCli}:\n${build.stdout}${build.stderr}`);
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface CliProcess {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Resolves when stderr has a line matching `pattern`; rejects if the process exits first. */
  waitForStderr(pattern: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startCli(args: string[], cwd: string): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    for (const w of [...waiters]) if (w.pattern.test(err)) w.resolve();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
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

/** Run the CLI to the end. */
export async function runCli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = startCli(args, cwd);
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}
