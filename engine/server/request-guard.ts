/**
 * Who may talk to the server: a web page the user happens to visit must not be able to drive the
 * engine. Every request must name this server exactly in Host (no DNS rebinding), come from this
 * origin when it says where it comes from (no cross-site requests; state changes and the WebSocket
 * must say), and carry the session token (cookie or header).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-millrace-token';

export interface Refusal {
  status: 401 | 403;
  reason: string;
}

/** Cookie names ignore ports: one per port, so two servers on one machine do not log each other out. */
export function tokenCookieName(port: number): string {
  return `millrace_token_${port}`;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

export class RequestGuard {
  readonly hosts: Set<string>;
  readonly origins: Set<string>;

  constructor(
    readonly port: number,
    private readonly token: string,
  ) {
    this.hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.origins = new Set([...this.hosts].map((h) => `http://${h}`));
  }

  /** Constant-time comparison, so the token cannot be guessed a character at a time. */
  tokenMatches(given: string | undefined): boolean {
    return given !== undefined && given.length > 0 && timingSafeEqual(digest(given), digest(this.token));
  }

  cookie(): string {
    return `${tokenCookieName(this.port)}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Host, Origin and Sec-Fetch-Site: checked on every request and on the WebSocket upgrade. */
  checkPlace(req: IncomingMessage, options: { requireOrigin: boolean }): Refusal | undefined {
    const host = req.headers.host;
    if (host === undefined || !this.hosts.has(host)) {
      return { status: 403, reason: `Host "${host ?? ''}" is not allowed: use http://127.0.0.1:${this.port}.` };
    }
    const origin = req.headers.origin;
    if (origin === undefined) {
      if (options.requireOrigin) return { status: 403, reason: 'This request must carry an Origin header.' };
    } else if (!this.origins.has(origin)) {
      return { status: 403, reason: `Requests from origin "${origin}" are not allowed.` };
    }
    // Browsers say where a request comes from; another site (or another port of this host) is refused.
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return { status: 403, reason: `Cross-site requests are not allowed (Sec-Fetch-Site: ${site}).` };
    }
    return undefined;
  }

  /** The session token, from the cookie or the X-Millrace-Token header. */
  checkToken(req: IncomingMessage): Refusal | undefined {
    const header = req.headers[TOKEN_HEADER];
    const given = typeof header === 'string' ? header : parseCookies(req.headers.cookie).get(tokenCookieName(this.port));
    if (given === undefined) return { status: 401, reason: 'Missing session token: open the address that `millrace serve` printed.' };
    if (!this.tokenMatches(given)) return { status: 401, reason: 'Wrong session token: open the address that `millrace serve` printed.' };
    return undefined;
  }
}
