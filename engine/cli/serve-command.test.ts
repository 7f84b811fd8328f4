/** `millrace serve` as a user runs it: one line with the URL, a working server, a clean stop on Ctrl+C. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, repoRoot, runCli, tempProject } from '../test-support/cli-process.js';

const PIPELINE = 'millrace: 1\nname: hello\nnodes:\n  - id: one\n    type: sql\n    params: { query: SELECT 1 AS one }\n';

interface Serving {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const started: Serving[] = [];

function serve(dir: string, extra: string[] = []): Promise<Serving> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/millrace.js'), 'serve', dir, '--no-open', ...extra], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 20_000);
    child.stdout.on('data', () => {
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      const serving = { child, url: stdout.split('\n')[0]!, stdout: () => stdout, stderr: () => stderr, exited };
      started.push(serving);
      resolve(serving);
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
}

beforeAll(() => ensureCliBuilt(), 180_000);

afterEach(() => {
  for (const s of started.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

describe('millrace serve', () => {
  it('prints one line with the URL and its token, serves the API, and stops cleanly on Ctrl+C', async () => {
    const dir = tempProject({ 'hello.yaml': PIPELINE });
    try {
      const s = await serve(dir);
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/.exec(s.url);
      expect(match, s.url).not.toBeNull();
      const [, port, token] = match!;
      const base = `http://127.0.0.1:${port}`;
      const list = await fetch(`${base}/api/pipelines`, { headers: { 'X-Millrace-Token': token! } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { pipelines: { path: string }[] }).pipelines.map((p) => p.path)).toEqual(['hello.yaml']);
      expect((await fetch(`${base}/api/pipelines`)).status).toBe(401);
      const bootstrap = await fetch(s.url, { redirect: 'manual' });
      expect(bootstrap.status).toBe(302);

      s.child.kill('SIGINT');
      expect(await s.exited).toBe(0);
      expect(s.stdout()).toBe(`${s.url}\n`);
      await expect(fetch(`${base}/api/pipelines`)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('listens on the port given with --port, and says so clearly when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const dir = tempProject({ 'hello.yaml': PIPELINE });
    try {
      const result = await runCli(['serve', dir, '--no-open', '--port', String(taken)], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${taken} is already in use`);
      expect(result.stdout).toBe('');
      blocker.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const s = await serve(dir, ['--port', String(taken)]);
      expect(s.url.startsWith(`http://127.0.0.1:${taken}/?token=`)).toBe(true);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder that does not exist', async () => {
    const result = await runCli(['serve', 'no/such/folder', '--no-open'], { cwd: repoRoot });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no/such/folder: no such folder.');
  });
});
