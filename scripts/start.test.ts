/**
 * `node scripts/start.js` where no Electron binary exists (forced with an empty override folder, so
 * this holds on a machine that has one): one line saying why, then a working `millrace serve`, and a
 * clean stop when start.js is told to stop.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, repoRoot, tempProject } from '../engine/test-support/cli-process.js';

const PIPELINE = 'millrace: 1\nname: hello\nnodes:\n  - id: one\n    type: sql\n    params: { query: SELECT 1 AS one }\n';
const made: string[] = [];

beforeAll(() => ensureCliBuilt(), 180_000);
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('npm start without Electron', () => {
  it('explains in one line, serves the folder in the browser, and passes a stop on to it', async () => {
    const noElectron = mkdtempSync(path.join(os.tmpdir(), 'millrace-no-electron-'));
    const project = tempProject({ 'hello.yaml': PIPELINE }, 'millrace start ');
    made.push(noElectron, project);
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/start.js'), project, '--no-open', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron, INIT_CWD: repoRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 30_000);
        child.stdout.on('data', () => {
          if (!stdout.includes('\n')) return;
          clearTimeout(timer);
          resolve(stdout.split('\n')[0]!);
        });
        void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });

      const [first] = stderr.split('\n');
      expect(first).toBe(
        `millrace: no Electron binary here (ELECTRON_OVERRIDE_DIST_PATH has no electron in ${noElectron}) — opening the same app in your browser with \`millrace serve ${path.relative(repoRoot, project)}\` instead.`,
      );
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+)$/.exec(url);
      expect(match, url).not.toBeNull();
      const list = await fetch(`http://127.0.0.1:${match![1]}/api/pipelines`, { headers: { 'X-Millrace-Token': match![2]! } });
      expect(((await list.json()) as { pipelines: { path: string }[] }).pipelines.map((p) => p.path)).toEqual(['hello.yaml']);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('Stopping…');
      await expect(fetch(`http://127.0.0.1:${match![1]}/api/pipelines`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
