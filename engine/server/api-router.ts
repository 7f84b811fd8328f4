/**
 * Dispatch of /api requests to their handlers. Each request is handled on its own: whatever it
 * throws becomes a JSON error answer, and a client that goes away aborts the work done for it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse } from './error-response.js';
import { sendError, sendJson } from './http-io.js';
import { autosaveRoutes } from './routes/autosave-routes.js';
import { dataRoutes } from './routes/data-routes.js';
import { pipelineRoutes } from './routes/pipeline-routes.js';
import type { Route, ServerContext } from './routes/route.js';
import { runRoutes } from './routes/run-routes.js';

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

const routes = [...pipelineRoutes, ...dataRoutes, ...runRoutes, ...autosaveRoutes].map(compile);

/** A malformed escape (`%zz`) is kept as written: the handler then finds nothing by that name. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function match(pathname: string): { route: CompiledRoute; params: Record<string, string> }[] {
  return routes.flatMap((route) => {
    const found = route.pattern.exec(pathname);
    if (!found) return [];
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      params[name] = safeDecode(found[i + 1] ?? '');
    });
    return [{ route, params }];
  });
}

export class ApiRouter {
  /** Work for requests still being answered, aborted when the server closes. */
  private readonly inflight = new Map<AbortController, Promise<void>>();

  constructor(private readonly context: ServerContext) {}

  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const controller = new AbortController();
    const work = this.dispatch(req, res, url, controller).finally(() => this.inflight.delete(controller));
    this.inflight.set(controller, work);
    return work;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, url: URL, controller: AbortController): Promise<void> {
    const matches = match(url.pathname);
    if (matches.length === 0) return sendError(res, 404, `There is no API path ${url.pathname}.`);
    const found = matches.find((m) => m.route.method === req.method);
    if (!found) {
      res.setHeader('Allow', [...new Set(matches.map((m) => m.route.method))].join(', '));
      return sendError(res, 405, `${req.method ?? ''} is not allowed on ${url.pathname}.`);
    }
    // 'close' before the answer was sent: the client went away (the UI abandoned a preview).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const body = await found.route.handler({ req, url, params: found.params, signal: controller.signal, context: this.context });
      sendJson(res, 200, body);
    } catch (error) {
      if (controller.signal.aborted && res.destroyed) return; // nobody is listening any more
      const { status, body, unexpected } = errorResponse(error);
      if (unexpected) process.stderr.write(`millrace serve: ${req.method} ${url.pathname}: ${body.error}\n${error instanceof Error && process.env.MILLRACE_DEBUG ? `${error.stack}\n` : ''}`);
      // The body may be unread (refused before reading it): close the connection instead of draining it.
      if (!req.complete) res.setHeader('Connection', 'close');
      sendJson(res, status, body);
    }
  }

  /** Requests being handled now. */
  get active(): number {
    return this.inflight.size;
  }

  /** Abort the work of every request still open and wait (up to `timeoutMs`) for it to stop. */
  async abortAll(timeoutMs = 10_000): Promise<void> {
    for (const controller of this.inflight.keys()) controller.abort();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled(this.inflight.values()), timeout]);
    clearTimeout(timer);
  }
}
