/** For the run store's tests: store files in a temp folder, and child processes that use the real RunStore. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-fixtures');

export interface TempFolder {
  dir: string;
  /** A store file path inside the folder (not created). */
  file(name?: string): string;
  remove(): void;
}

export function tempFolder(): TempFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'millrace-run-store-'));
  return {
    dir,
    file: (name = 'runs.sqlite') => path.join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Start test-fixtures/<script> under plain Node, with the hook that lets it import the .ts source. */
export function startFixture(script: string, args: string[]): ChildProcess {
  const loader = pathToFileURL(path.join(fixtures, 'typescript-loader.mjs')).href;
  return spawn(process.execPath, ['--import', loader, path.join(fixtures, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The child's first line on stdout; rejects with its stderr if it exits first. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before writing a line: ${err}`)));
  });
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}
