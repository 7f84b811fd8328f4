/**
 * The local engine server behind `millrace serve`: the built UI and the engine API (HTTP for
 * requests, a WebSocket for events) for the pipelines in one folder, on 127.0.0.1 only, for
 * whoever holds the per-launch token.
 *
 *   const server = await startServer({ root: 'examples', staticDir: 'dist/renderer' });
 *   console.log(server.url);   // http://127.0.0.1:PORT/?token=…
 *   await server.close();
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { createEngine, type Engine } from '../engine.js';
import { errorMessage } from '../execute/error-message.js';
import { ApiRouter } from './api-router.js';
import { EventSocket } from './event-socket.js';
import { sendError } from './http-io.js';
import { ProjectFiles } from './project-files.js';
import { RequestGuard } from './request-guard.js';
import { requestHandler } from './request-handler.js';
import { RunTracker } from './run-tracker.js';

export interface ServerOptions {
  /** The folder whose pipelines are served; file access is confined to it. */
  root: string;
  /** 0 or undefined: a free port. */
  port?: number;
  /** Only the loopback address: the server is never reachable from another machine. */
  host?: '127.0.0.1';
  /** The built UI (dist/renderer). */
  staticDir: string;
  /** An engine opened on `root`; the caller then disposes it. Default: one is created (and disposed on close). */
  engine?: Engine;
}

export interface MillraceServer {
  /** `http://127.0.0.1:PORT/?token=…`: the address to open. */
  url: string;
  port: number;
  token: string;
  engine: Engine;
  /** What the server is busy with: API requests being answered, runs going, event sockets open. */
  activity(): { requests: number; runs: number; sockets: number };
  /** Stop accepting requests, cancel runs and open requests, close sockets, dispose an engine it created. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<MillraceServer> {
  const root = path.resolve(options.root);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${root} is not a folder.`);
  const engine = options.engine ?? (await createEngine({ projectDir: root }));
  const token = randomBytes(32).toString('base64url');
  const runs = new RunTracker(engine);
  const router = new ApiRouter({ engine, files: new ProjectFiles(root), runs, autosaveDir: path.join(root, '.millrace', 'autosave') });
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if (!options.engine) await engine.dispose();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(port, token);
  const events = new EventSocket(engine, guard);

  const handle = requestHandler({ port, guard, router, staticDir: options.staticDir });

  // Attached right after listening resolves, before any connection can have been read.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      // One bad request never takes the server down.
      process.stderr.write(`millrace serve: ${req.method} ${req.url}: ${errorMessage(error)}\n`);
      if (!res.headersSent) sendError(res, 500, `The server failed: ${errorMessage(error)}`);
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => events.handleUpgrade(req, socket, head));
  server.on('error', (error) => process.stderr.write(`millrace serve: ${errorMessage(error)}\n`));

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      events.close();
      await Promise.all([router.abortAll(), runs.stopAll()]);
      server.closeAllConnections();
      await stopped;
      if (!options.engine) await engine.dispose();
    })());

  const activity = () => ({ requests: router.active, runs: runs.running, sockets: events.clients });
  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, token, engine, activity, close };
}
