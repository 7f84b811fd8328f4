/**
 * The built UI (dist/renderer), served only from inside its folder. Paths without an extension
 * fall back to index.html (the UI routes itself); until the UI is built, a page says how to build it.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function htmlPage(title: string, paragraphs: string[]): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escape(title)}</title></head>\n<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto"><h1>${escape(title)}</h1>\n${body}</body></html>\n`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-store' });
  res.end(html);
}

const NOT_BUILT = htmlPage('Millrace: the UI is not built', [
  'The engine is running, but the web UI has not been built yet.',
  'Build it with `npm run build` in the Millrace repository, then reload this page.',
]);

async function realFileInside(root: string, candidate: string): Promise<string | undefined> {
  try {
    const real = await realpath(candidate);
    const rel = path.relative(root, real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, staticDir: string): Promise<void> {
  const root = await realpath(staticDir).catch(() => undefined);
  const index = root === undefined ? undefined : await realFileInside(root, path.join(root, 'index.html'));
  if (root === undefined || index === undefined) return sendHtml(res, url.pathname === '/' ? 200 : 404, NOT_BUILT);

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return sendHtml(res, 400, htmlPage('Bad request', ['The address is not valid.']));
  }
  if (pathname.includes('\0')) return sendHtml(res, 400, htmlPage('Bad request', ['The address is not valid.']));
  const lexical = path.resolve(root, `.${pathname}`);
  const rel = path.relative(root, lexical);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return sendHtml(res, 403, htmlPage('Forbidden', ['That file is outside the UI folder.']));

  let file = await realFileInside(root, lexical);
  if (file === undefined && (await realFileInside(root, path.join(lexical, 'index.html')))) file = path.join(lexical, 'index.html');
  if (file === undefined && path.extname(pathname) === '') file = index; // a UI route
  if (file === undefined) return sendHtml(res, 404, htmlPage('Not found', [`There is no ${pathname}.`]));

  const info = await stat(file);
  const hashed = path.relative(root, file).split(path.sep)[0] === 'assets';
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Vite puts content-hashed files in assets/: they never change under one name.
    'Cache-Control': hashed ? 'private, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
