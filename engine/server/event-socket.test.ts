/** The events socket under a client that stops reading: it is dropped, and broadcasting never waits for it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEngine, type Engine } from '../engine.js';
import { EventSocket } from './event-socket.js';
import { RequestGuard } from './request-guard.js';

let dir: string;
let engine: Engine;
let server: Server;
let events: EventSocket;
let port: number;
const TOKEN = 'test-token';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'millrace-events-'));
  engine = await createEngine({ projectDir: dir, threads: 1, memoryLimit: '256MB' });
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  events = new EventSocket(engine, new RequestGuard(port, TOKEN), 1024 * 1024);
  server.on('upgrade', (req, socket, head: Buffer) => events.handleUpgrade(req, socket, head));
});

afterAll(async () => {
  events.close();
  await new Promise((resolve) => server.close(resolve));
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A WebSocket client made by hand that completes the handshake and then never reads again. */
function stalledClient(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(
        [
          'GET /api/events HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          `Origin: http://127.0.0.1:${port}`,
          `Cookie: millrace_token_${port}=${TOKEN}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.once('data', (data: Buffer) => {
      if (!data.toString().startsWith('HTTP/1.1 101')) return reject(new Error(data.toString()));
      socket.pause();
      resolve(socket);
    });
    socket.on('error', () => undefined);
  });
}

it('a client that stops reading is dropped, while a client that reads gets every event', async () => {
  const reader = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { origin: `http://127.0.0.1:${port}`, headers: { Cookie: `millrace_token_${port}=${TOKEN}` } });
  let received = 0;
  reader.on('message', () => received++);
  await new Promise((resolve) => reader.once('open', resolve));
  const stalled = await stalledClient();
  expect(events.clients).toBe(2);

  const message = 'x'.repeat(256 * 1024);
  const started = Date.now();
  let broadcasts = 0;
  for (; broadcasts < 200 && events.clients > 1; broadcasts++) {
    events.broadcast({ type: 'log', runId: 'r', level: 'info', message });
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(events.clients).toBe(1);
  expect(broadcasts).toBeLessThan(200);
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect.poll(() => received, { timeout: 10_000 }).toBe(broadcasts);
  stalled.destroy();
  reader.terminate();
});
