/**
 * Where the compiled pieces of the app lie, computed from the URL of a module in dist/electron/.
 * The same layout holds in the repository (dist/ beside package.json) and in a packaged app
 * (dist/ inside resources/app.asar), so nothing here depends on how the app was started.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  /** dist/electron/preload.cjs: the sandboxed preload (CommonJS). */
  preload: string;
  /** dist/electron/engine-host.js: the utilityProcess entry. */
  engineHost: string;
  /** dist/engine/server/start-server.js, as a URL for import(). */
  startServerModule: string;
  /** dist/renderer: the built UI the engine server serves. */
  rendererDir: string;
  /** examples/ of the repository (used when running unpackaged). */
  repoExamples: string;
}

/** `moduleUrl` is the import.meta.url of any module compiled into dist/electron/. */
export function appPaths(moduleUrl: string): AppPaths {
  const electronDir = path.dirname(fileURLToPath(moduleUrl));
  const dist = path.dirname(electronDir);
  return {
    preload: path.join(electronDir, 'preload.cjs'),
    engineHost: path.join(electronDir, 'engine-host.js'),
    startServerModule: new URL('../engine/server/start-server.js', moduleUrl).href,
    rendererDir: path.join(dist, 'renderer'),
    repoExamples: path.join(path.dirname(dist), 'examples'),
  };
}
