/**
 * Run the real `millrace` command line in a child process, as a user would: `node bin/millrace.js …`.
 * The CLI runs from dist/, so `ensureCliBuilt()` (call it in a beforeAll) compiles it first when
 * any source is newer than the build. Test files run two at a time: a lock folder keeps two of them
 * from running tsc over the same dist/ at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const cliEntry = path.join(repoRoot, 'dist/engine/cli/main.js');
const launcher = path.join(repoRoot, 'bin/millrace.js');
const lockDir = path.join(repoRoot, 'dist/.build-lock');

/** Newest modification time of the sources that the build compiles (tests and test support excluded). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support' && entry.name !== 'node_modules') newest = Math.max(newest, newestSource(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function buildIsFresh(): boolean {
  if (!existsSync(cliEntry)) return false;
  const built = statSync(cliEntry).mtimeMs;
  return ['engine', 'nodes'].every((dir) => newestSource(path.join(repoRoot, dir)) <= built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function ensureCliBuilt(): Promise<void> {
  if (buildIsFresh()) return;
  mkdirSync(path.dirname(lockDir), { recursive: true });
  for (const started = Date.now(); ; ) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes was left by a killed run.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`Timed out waiting for the build lock ${lockDir}.`);
      await sleep(250);
    }
  }
  try {
    if (buildIsFresh()) return;
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, encoding: 'utf8' });
    // Status 2 is "type errors, but the JavaScript was written": `npm test` reports type errors in its
    // own typecheck step, so a type error elsewhere in the tree need not fail every CLI test too.
    if (result.status === 2 && existsSync(cliEntry)) process.stderr.write(`warning: the build has type errors:\n${result.stdout}`);
    else if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `millrace ARGS…` in `cwd`; resolves when the process exits (never rejects on a non-zero exit). */
export function runCli(args: string[], options: { cwd: string; timeoutMs?: number } = { cwd: repoRoot }): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [launcher, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 50_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A fresh temporary folder holding `files` (relative path → text). */
export function tempProject(files: Record<string, string> = {}, prefix = 'millrace-cli-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A copy of a folder in a temporary place (without its .millrace/ state and out/ files). */
export function tempCopy(folder: string, prefix = 'millrace-copy-'): string {
  const root = path.resolve(folder);
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(root, dir, {
    recursive: true,
    filter: (source) => path.dirname(source) !== root || !['.millrace', 'out'].includes(path.basename(source)),
  });
  return dir;
}
