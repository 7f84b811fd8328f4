/**
 * The WebSocket at /api/events: every engine event, as JSON, to every connected UI. The upgrade
 * is checked like any request (Host, Origin required, token). A client that cannot keep up is
 * dropped rather than letting its backlog grow or slowing the engine; the UI reconnects.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { API_PATHS, type EventMessage } from '../contract/api.js';
import type { Engine } from '../engine.js';
import type { Refusal, RequestGuard } from './request-guard.js';

/** Unsent bytes beyond which a client counts as stuck. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

function refuse(socket: Duplex, { status, reason }: Refusal | { status: 400 | 404; reason: string }): void {
  const body = JSON.stringify({ error: reason });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export class EventSocket {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly unsubscribe: () => void;

  constructor(
    engine: Engine,
    private readonly guard: RequestGuard,
    private readonly maxBufferedBytes = MAX_BUFFERED_BYTES,
  ) {
    this.unsubscribe = engine.on((event) => this.broadcast(event));
  }

  get clients(): number {
    return this.server.clients.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== API_PATHS.events) return refuse(socket, { status: 404, reason: `There is no WebSocket at ${pathname}.` });
    const refusal = this.guard.checkPlace(req, { requireOrigin: true }) ?? this.guard.checkToken(req);
    if (refusal) return refuse(socket, refusal);
    this.server.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      ws.on('message', () => undefined); // the UI sends nothing; anything sent is ignored
    });
  }

  broadcast(event: EventMessage): void {
    if (this.server.clients.size === 0) return;
    const text = JSON.stringify(event);
    for (const ws of this.server.clients) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > this.maxBufferedBytes) ws.terminate();
      else ws.send(text);
    }
  }

  close(): void {
    this.unsubscribe();
    // Terminate rather than wait for close handshakes: the server is going away.
    for (const ws of this.server.clients) ws.terminate();
    this.server.close();
  }
}
