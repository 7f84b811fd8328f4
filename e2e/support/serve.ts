/**
 * Start `millrace serve` (the built CLI, as a user would) on a temp copy of examples/ and hand back
 * its URL with the token. Stopped with SIGTERM so it disposes the engine cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ServedProject {
  url: string;
  origin: string;
  root: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function serveExamples(): Promise<ServedProject> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'millrace-e2e-'));
  cpSync(path.join(repoRoot, 'examples'), root, {
    recursive: true,
    filter: (source) => !/[\\/](\.millrace|out)([\\/]|$)/.test(source),
  });
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/millrace.js'), 'serve', root, '--no-open', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`millrace serve printed no URL in 30 s. stderr:\n${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`millrace serve exited (${code}) before printing its URL. stderr:\n${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    root,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
