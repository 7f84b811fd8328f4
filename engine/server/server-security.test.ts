/**
 * A web page the user visits must not be able to drive the engine: each defence of the server,
 * tried with real HTTP and WebSocket requests against a real server.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startFixture, tryEvents, type ServerFixture } from './test-support/server-fixture.js';

let fx: ServerFixture;
let outside: string;
let port: number;
const host = () => `127.0.0.1:${port}`;
/** Headers of a well-behaved request from the UI, to change one at a time. */
const good = (extra: Record<string, string> = {}) => ({ Host: host(), Origin: fx.origin, 'X-Millrace-Token': fx.server.token, ...extra });
const json = (extra: Record<string, string> = {}) => ({ ...good(extra), 'Content-Type': 'application/json' });
const cookie = (value: string) => `millrace_token_${port}=${value}`;

beforeAll(async () => {
  fx = await startFixture();
  port = fx.server.port;
  outside = mkdtempSync(path.join(os.tmpdir(), 'millrace-outside-'));
  writeFileSync(path.join(outside, 'secret.yaml'), 'millrace: 1\nname: secret\nnodes: []\n');
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(fx.root, 'link.yaml'));
  symlinkSync(outside, path.join(fx.root, 'linked-dir'));
  writeFileSync(path.join(outside, 'ui-secret.js'), 'secret');
  symlinkSync(path.join(outside, 'ui-secret.js'), path.join(fx.staticDir, 'assets/leak.js'));
});

afterAll(async () => {
  await fx.close();
  rmSync(outside, { recursive: true, force: true });
});

describe('the session token', () => {
  it('an API request without a token is refused with 401 and a reason', async () => {
    const res = await rawRequest(port, { path: '/api/node-types', headers: { Host: host() } });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error).toMatch(/Missing session token/);
  });

  it('a wrong token is refused, in the header and in the cookie', async () => {
    const header = await rawRequest(port, { path: '/api/node-types', headers: good({ 'X-Millrace-Token': 'x'.repeat(43) }) });
    expect(header.status).toBe(401);
    expect(JSON.parse(header.body).error).toMatch(/Wrong session token/);
    const byCookie = await rawRequest(port, { path: '/api/node-types', headers: { Host: host(), Cookie: cookie('guess') } });
    expect(byCookie.status).toBe(401);
  });

  it('the right token in the header or the cookie is accepted', async () => {
    expect((await rawRequest(port, { path: '/api/node-types', headers: good() })).status).toBe(200);
    expect((await rawRequest(port, { path: '/api/node-types', headers: { Host: host(), Cookie: `other=1; ${cookie(fx.server.token)}` } })).status).toBe(200);
  });

  it('GET /?token= moves the token into an HttpOnly SameSite=Strict cookie and redirects to / without it', async () => {
    const res = await rawRequest(port, { path: `/?token=${fx.server.token}`, headers: { Host: host() } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const setCookie = res.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toBe(`${cookie(fx.server.token)}; HttpOnly; SameSite=Strict; Path=/`);
    // The cookie opens the page and the API.
    const page = await rawRequest(port, { path: '/', headers: { Host: host(), Cookie: cookie(fx.server.token) } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Millrace UI');
  });

  it('the token redirect never leads to another site', async () => {
    const res = await rawRequest(port, { path: `/.//evil.example/?token=${fx.server.token}`, headers: { Host: host() } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/evil.example/');
  });

  it('GET /?token= with a wrong token sets no cookie and answers 401', async () => {
    const res = await rawRequest(port, { path: '/?token=wrong', headers: { Host: host() } });
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('the page and its files are not served without the token', async () => {
    const page = await rawRequest(port, { path: '/', headers: { Host: host() } });
    expect(page.status).toBe(401);
    expect(page.body).toContain('millrace serve');
    expect(page.body).not.toContain('Millrace UI');
    expect((await rawRequest(port, { path: '/assets/app.js', headers: { Host: host() } })).status).toBe(401);
  });

  it('the printed URL carries a fresh 32-byte token', () => {
    expect(fx.server.url).toBe(`http://127.0.0.1:${port}/?token=${fx.server.token}`);
    expect(Buffer.from(fx.server.token, 'base64url')).toHaveLength(32);
  });
});

describe('Host and Origin', () => {
  it.each([
    ['a foreign host', 'evil.example:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['a rebinding name', 'attacker.localhost.example:PORT'],
  ])('a request naming %s in Host is refused with 403, even with the token', async (_what, value) => {
    const res = await rawRequest(port, { path: '/api/node-types', headers: good({ Host: value.replace('PORT', String(port)) }) });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/Host .* is not allowed/);
  });

  it('a request without a Host header is refused', async () => {
    const { Host: _omit, ...rest } = good();
    // Node's HTTP parser already answers 400 to an HTTP/1.1 request without Host; either way it is refused.
    expect([400, 403]).toContain((await rawRequest(port, { path: '/api/node-types', headers: rest })).status);
  });

  it('localhost:PORT is an allowed host and origin', async () => {
    const res = await rawRequest(port, { path: '/api/node-types', headers: good({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` }) });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a foreign origin', 'https://evil.example'],
    ['another port of this host', 'http://127.0.0.1:1'],
    ['https on this port', 'https://127.0.0.1:PORT'],
    ['the null origin', 'null'],
  ])('a request from %s is refused with 403', async (_what, origin) => {
    const get = await rawRequest(port, { path: '/api/node-types', headers: good({ Origin: origin.replace('PORT', String(port)) }) });
    expect(get.status).toBe(403);
    expect(JSON.parse(get.body).error).toMatch(/origin/);
    const post = await rawRequest(port, { path: '/api/pipelines/parse', method: 'POST', headers: json({ Origin: origin.replace('PORT', String(port)) }), body: '{"text":"millrace: 1"}' });
    expect(post.status).toBe(403);
  });

  it('a POST without an Origin header is refused, even with the token', async () => {
    const { Origin: _omit, ...rest } = json();
    const res = await rawRequest(port, { path: '/api/pipelines/parse', method: 'POST', headers: rest, body: '{"text":"millrace: 1"}' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error).toMatch(/Origin header/);
  });

  it('a request a browser marks as cross-site is refused', async () => {
    expect((await rawRequest(port, { path: '/api/node-types', headers: good({ 'Sec-Fetch-Site': 'cross-site' }) })).status).toBe(403);
    expect((await rawRequest(port, { path: '/api/node-types', headers: good({ 'Sec-Fetch-Site': 'same-site' }) })).status).toBe(403);
    expect((await rawRequest(port, { path: '/api/node-types', headers: good({ 'Sec-Fetch-Site': 'same-origin' }) })).status).toBe(200);
  });
});

describe('the events WebSocket', () => {
  it('opens with the cookie and this origin', async () => {
    expect((await tryEvents(port, { origin: fx.origin, headers: { Cookie: cookie(fx.server.token) } })).status).toBe(101);
  });

  it('is refused without a token, or with a wrong one', async () => {
    const none = await tryEvents(port, { origin: fx.origin });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error).toMatch(/token/);
    expect((await tryEvents(port, { origin: fx.origin, headers: { Cookie: cookie('wrong') } })).status).toBe(401);
  });

  it('is refused from a foreign or null origin, or without an origin', async () => {
    const auth = { Cookie: cookie(fx.server.token) };
    expect((await tryEvents(port, { origin: 'https://evil.example', headers: auth })).status).toBe(403);
    expect((await tryEvents(port, { origin: 'null', headers: auth })).status).toBe(403);
    expect((await tryEvents(port, { headers: auth })).status).toBe(403);
  });

  it('is refused with a foreign Host', async () => {
    expect((await tryEvents(port, { origin: fx.origin, headers: { Cookie: cookie(fx.server.token), Host: `evil.example:${port}` } })).status).toBe(403);
  });
});

describe('file access', () => {
  it.each([
    ['a parent path', '../escape.yaml'],
    ['a deeper escape', 'data/../../escape.yaml'],
    ['an absolute path', '/etc/hosts.yaml'],
    ['a symlink to a file outside', 'link.yaml'],
    ['a file under a symlinked folder outside', 'linked-dir/secret.yaml'],
  ])('opening %s is refused with 403', async (_what, file) => {
    const res = await fx.api(`/api/pipelines/file?path=${encodeURIComponent(file)}`);
    expect(res.status).toBe(403);
    expect(String(res.body.error)).toMatch(/outside the served folder/);
  });

  it.each([
    ['a parent path', '../escape.yaml'],
    ['an absolute path', path.join(os.tmpdir(), 'escape.yaml')],
    ['a path through a symlinked folder', 'linked-dir/new.yaml'],
  ])('saving to %s is refused with 403 and writes nothing', async (_what, file) => {
    const document = { millrace: 1, name: 'x', nodes: [] };
    const res = await fx.api('/api/pipelines/save', { path: file, document });
    expect(res.status).toBe(403);
    expect(existsSync(path.resolve(fx.root, file))).toBe(false);
    expect(existsSync(path.join(outside, 'new.yaml'))).toBe(false);
  });

  it('only .yaml and .yml files can be saved or opened', async () => {
    const document = { millrace: 1, name: 'x', nodes: [] };
    const res = await fx.api('/api/pipelines/save', { path: 'notes.txt', document });
    expect(res.status).toBe(403);
    expect(String(res.body.error)).toMatch(/only \.yaml and \.yml/);
    expect(existsSync(path.join(fx.root, 'notes.txt'))).toBe(false);
    expect((await fx.api('/api/pipelines/file?path=data/penguins.json')).status).toBe(403);
  });

  it('a path in a preview request is confined too', async () => {
    const document = { millrace: 1, name: 'x', nodes: [{ id: 'a', type: 'sql', params: { query: 'SELECT 1 AS one' } }] };
    const res = await fx.api('/api/preview', { document, node: 'a', path: '../../elsewhere/p.yaml' });
    expect(res.status).toBe(403);
  });

  it('static files are served only from the UI folder', async () => {
    const auth = { Host: host(), Cookie: cookie(fx.server.token) };
    expect((await rawRequest(port, { path: '/assets/app.js', headers: auth })).status).toBe(200);
    expect((await rawRequest(port, { path: '/..%2f..%2f..%2fetc%2fpasswd', headers: auth })).status).toBe(403);
    // Encoded dots are dot segments to the URL parser: this is just / again, never /etc/passwd.
    const dots = await rawRequest(port, { path: '/%2e%2e/%2e%2e/etc/passwd', headers: auth });
    expect(dots.body).not.toContain('root:');
    const leak = await rawRequest(port, { path: '/assets/leak.js', headers: auth });
    expect(leak.status).toBe(404);
    expect(leak.body).not.toContain('secret');
  });
});

describe('requests', () => {
  it('a body over 5 MB is refused with 413', async () => {
    const text = 'x'.repeat(6 * 1024 * 1024);
    const res = await fx.api('/api/pipelines/parse', { text });
    expect(res.status).toBe(413);
    expect(String(res.body.error)).toMatch(/larger than 5 MB/);
    // The server is still fine afterwards.
    expect((await fx.api('/api/node-types')).status).toBe(200);
  });

  it('a POST that is not JSON (a cross-site form) is refused', async () => {
    const res = await rawRequest(port, { path: '/api/pipelines/parse', method: 'POST', headers: good({ 'Content-Type': 'text/plain' }), body: '{"text":"millrace: 1"}' });
    expect(res.status).toBe(415);
  });

  it('GET never changes state: the routes that do answer only POST', async () => {
    for (const route of ['/api/pipelines/save', '/api/runs/abc/cancel', '/api/preview']) {
      const res = await fx.api(route);
      expect(res.status).toBe(405);
    }
    const res = await rawRequest(port, { path: '/api/node-types', method: 'PUT', headers: good() });
    expect(res.status).toBe(405);
  });

  it('a malformed escape in a path is an ordinary miss, not a crash', async () => {
    expect((await fx.api('/api/runs/%zz')).status).toBe(404);
  });

  it('a malformed body is a 400 with the reason, not a crash', async () => {
    const res = await rawRequest(port, { path: '/api/pipelines/parse', method: 'POST', headers: json(), body: '{"text": ' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/not valid JSON/);
    const wrong = await fx.api('/api/preview', { document: { millrace: 1, name: 'x', nodes: [] }, node: 'a', limit: -1 });
    expect(wrong.status).toBe(400);
    expect(String(wrong.body.error)).toMatch(/limit/);
  });
});

describe('response headers', () => {
  it('the page has a strict CSP, nosniff and no referrer', async () => {
    const res = await rawRequest(port, { path: '/', headers: { Host: host(), Cookie: cookie(fx.server.token) } });
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "worker-src 'self' blob:",
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('the network', () => {
  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of ['::1', ...others]) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });
});

describe('before the UI is built', () => {
  it('the page says the UI is not built and how to build it', async () => {
    const bare = await startFixture({ withUi: false });
    try {
      const res = await rawRequest(bare.server.port, { path: '/', headers: { Host: `127.0.0.1:${bare.server.port}`, Cookie: `millrace_token_${bare.server.port}=${bare.server.token}` } });
      expect(res.status).toBe(200);
      expect(res.body).toContain('not built');
      expect(res.body).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
