/**
 * `millrace serve [DIR] [--port N] [--no-open]`: the visual builder for the pipelines in DIR. Prints
 * one line, the URL with its session token, opens the browser, and serves until Ctrl+C.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../engine.js';
import { startServer } from '../../server/start-server.js';
import { openBrowser } from '../open-browser.js';
import { CliError, wholeNumber, type EngineFlags } from '../open-pipeline.js';

export interface ServeOptions extends EngineFlags {
  port?: string;
  /** False with --no-open. */
  open: boolean;
}

/** The built UI: dist/renderer of the package this file belongs to (it runs from dist/ or from source). */
export function uiFolder(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(dir, 'dist', 'renderer');
}

/** Resolves on the first Ctrl+C (or SIGTERM); a second one while closing exits at once. */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function listenError(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new CliError(`Port ${port} is already in use: choose another with --port, or leave --port out to pick a free one.`);
  if (code === 'EACCES') return new CliError(`Port ${port} needs privileges: choose a port above 1023, or leave --port out.`);
  return error;
}

export async function serveCommand(dir: string | undefined, options: ServeOptions): Promise<number> {
  const root = path.resolve(dir ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`${dir ?? root}: no such folder.`);
  const port = options.port === undefined ? 0 : wholeNumber(options.port, '--port');
  if (port > 65535) throw new CliError(`--port must be at most 65535, got ${port}.`);
  const engine = await createEngine({
    projectDir: root,
    memoryLimit: options.memoryLimit,
    threads: options.threads !== undefined ? wholeNumber(options.threads, '--threads') : undefined,
  });
  for (const warning of engine.warnings) process.stderr.write(`warning: ${warning}\n`);
  const staticDir = uiFolder();
  let server;
  try {
    server = await startServer({ root, port, staticDir, engine });
  } catch (error) {
    await engine.dispose();
    throw listenError(error, port);
  }
  // Listen for Ctrl+C / SIGTERM before announcing the URL: whoever reads it may stop us at once.
  const interrupted = untilInterrupted();
  process.stdout.write(`${server.url}\n`);
  if (!existsSync(path.join(staticDir, 'index.html'))) process.stderr.write('note: the UI is not built yet; run `npm run build` in the Millrace repository.\n');
  process.stderr.write(`Serving the pipelines in ${root}. Press Ctrl+C to stop.\n`);
  if (options.open) openBrowser(server.url);
  await interrupted;
  process.stderr.write('Stopping…\n');
  await server.close();
  await engine.dispose();
  return 0;
}
