/**
 * For the server tests: a real server on a free port over a temporary project folder (a copy of
 * examples/penguins.yaml and its data), a real engine, and requests as a browser would send them.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createEngine, type Engine } from '../../engine.js';
import { startServer, type MillraceServer } from '../start-server.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerFixture {
  server: MillraceServer;
  engine: Engine;
  /** The served folder. */
  root: string;
  /** The UI folder served as static files. */
  staticDir: string;
  origin: string;
  /** An API call as the UI makes it: token (header), Origin, JSON. Answers status and parsed body. */
  api<T = Record<string, unknown>>(pathAndQuery: string, body?: unknown, init?: { signal?: AbortSignal }): Promise<{ status: number; body: T }>;
  /** An events socket as the UI opens it (cookie and Origin), open and collecting messages. */
  openEvents(): Promise<{ socket: WebSocket; messages: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>Millrace UI</body></html>';

export async function startFixture(options: { withUi?: boolean } = {}): Promise<ServerFixture> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'millrace-serve-'));
  cpSync(path.join(repoRoot, 'examples/penguins.yaml'), path.join(root, 'penguins.yaml'));
  mkdirSync(path.join(root, 'data'));
  cpSync(path.join(repoRoot, 'examples/data/penguins.json'), path.join(root, 'data/penguins.json'));
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'millrace-ui-'));
  if (options.withUi !== false) {
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(staticDir, 'assets/app.js'), 'console.log("millrace");\n');
  }
  const engine = await createEngine({ projectDir: root, threads: 2, memoryLimit: '1GB' });
  const server = await startServer({ root, staticDir, engine });
  const origin = `http://127.0.0.1:${server.port}`;
  const base = `http://127.0.0.1:${server.port}`;
  return {
    server,
    engine,
    root,
    staticDir,
    origin,
    async api<T>(pathAndQuery: string, body?: unknown, init: { signal?: AbortSignal } = {}) {
      const response = await fetch(`${base}${pathAndQuery}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'X-Millrace-Token': server.token, Origin: origin, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: init.signal,
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
    },
    openEvents() {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, {
        origin,
        headers: { Cookie: `millrace_token_${server.port}=${server.token}` },
      });
      const messages: Record<string, unknown>[] = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data)) as Record<string, unknown>));
      return new Promise((resolve, reject) => {
        socket.once('open', () => resolve({ socket, messages }));
        socket.once('error', reject);
      });
    },
    async close() {
      await server.close();
      await engine.dispose();
      rmSync(root, { recursive: true, force: true });
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the headers given (fetch would not let a test forge Host). */
export function rawRequest(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Try a WebSocket upgrade; answers the HTTP status of the refusal, or 101 when it opened. */
export function tryEvents(port: number, options: { origin?: string; headers?: Record<string, string> }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { ...(options.origin ? { origin: options.origin } : {}), headers: options.headers ?? {} });
    socket.once('open', () => {
      socket.terminate();
      resolve({ status: 101, body: '' });
    });
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.once('error', (error) => reject(error));
  });
}
