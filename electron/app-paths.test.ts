import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths.js';

describe('appPaths', () => {
  it('from dist/electron in the repository: preload, host, server module, UI and examples', () => {
    const repo = path.resolve('/home/me/millrace');
    const paths = appPaths(pathToFileURL(path.join(repo, 'dist', 'electron', 'main.js')).href);
    expect(paths).toEqual({
      preload: path.join(repo, 'dist', 'electron', 'preload.cjs'),
      engineHost: path.join(repo, 'dist', 'electron', 'engine-host.js'),
      startServerModule: pathToFileURL(path.join(repo, 'dist', 'engine', 'server', 'start-server.js')).href,
      rendererDir: path.join(repo, 'dist', 'renderer'),
      repoExamples: path.join(repo, 'examples'),
    });
  });

  it('inside a packaged app.asar (with spaces in the install path) everything stays inside the archive', () => {
    const asar = path.resolve('/opt/My Apps/Millrace/resources/app.asar');
    const paths = appPaths(pathToFileURL(path.join(asar, 'dist', 'electron', 'engine-host.js')).href);
    for (const file of [paths.preload, paths.engineHost, paths.rendererDir]) expect(file.startsWith(`${asar}${path.sep}`), file).toBe(true);
    expect(paths.startServerModule).toBe(pathToFileURL(path.join(asar, 'dist', 'engine', 'server', 'start-server.js')).href);
  });
});
