/**
 * One HTTP request, from the door to its answer: security headers, Host/Origin checks, the token
 * (bootstrapped from `?token=` into a cookie), then the API or the UI's static files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRouter } from './api-router.js';
import { sendError } from './http-io.js';
import type { Refusal, RequestGuard } from './request-guard.js';
import { securityHeaders } from './security-headers.js';
import { htmlPage, sendHtml, serveStatic } from './static-files.js';

const isApi = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

function refuse(res: ServerResponse, api: boolean, { status, reason }: Refusal): void {
  if (api) sendError(res, status, reason);
  else sendHtml(res, status, htmlPage(status === 401 ? 'Millrace: sign-in needed' : 'Millrace: request refused', [reason]));
}

export function requestHandler({ port, guard, router, staticDir }: { port: number; guard: RequestGuard; router: ApiRouter; staticDir: string }) {
  const headers = securityHeaders(port);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const target = req.url ?? '';
    if (!target.startsWith('/')) return sendError(res, 400, 'Bad request target.');
    const url = new URL(target, `http://127.0.0.1:${port}`);
    const api = isApi(url.pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, HEAD, POST');
      return sendError(res, 405, `${req.method ?? ''} is not allowed.`);
    }
    // State changes must say where they come from (browsers always do).
    const placeRefusal = guard.checkPlace(req, { requireOrigin: req.method === 'POST' });
    if (placeRefusal) return refuse(res, api, placeRefusal);
    if (api) {
      const refusal = guard.checkToken(req);
      if (refusal) return refuse(res, true, refusal);
      return router.handle(req, res, url);
    }
    if (req.method === 'POST') return sendError(res, 405, 'POST is only for /api paths.');
    const given = url.searchParams.get('token');
    if (given !== null) {
      // The token moves from the address bar into an HttpOnly cookie; the page reloads without it.
      if (!guard.tokenMatches(given)) return refuse(res, false, { status: 401, reason: 'Wrong session token: open the address that `millrace serve` printed.' });
      url.searchParams.delete('token');
      // One leading slash: `//host` would send the browser to another site.
      const location = `${url.pathname.replace(/^[/\\]+/, '/')}${url.search}`;
      res.writeHead(302, { Location: location, 'Set-Cookie': guard.cookie(), 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    const refusal = guard.checkToken(req);
    if (refusal) return refuse(res, false, refusal);
    return serveStatic(req, res, url, staticDir);
  };
}
