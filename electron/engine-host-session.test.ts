/**
 * The engine host's logic against the real engine server, in this process. The parent port is a
 * stand-in for Electron's process.parentPort (an EventEmitter delivering { data } and recording
 * what is posted): Electron cannot run here.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../engine/server/start-server.js';
import { runEngineHost, type ServerLike, type StartServer } from './engine-host-session.js';
import type { FromHost } from './engine-protocol.js';
import { engineFolders, type EngineFolders } from './test-support/engine-folder.js';

// The real startServer is what the host loads.
const realStartServer: StartServer = startServer;

function host(staticDir: string, start: StartServer = realStartServer) {
  const emitter = new EventEmitter();
  const posted: FromHost[] = [];
  const exits: number[] = [];
  const logs: string[] = [];
  let started: ServerLike | undefined;
  runEngineHost({
    port: { on: (event, listener) => emitter.on(event, listener), postMessage: (message) => posted.push(message) },
    loadStartServer: async () => async (options) => (started = await start(options)),
    staticDir,
    exit: (code) => exits.push(code),
    log: (line) => logs.push(line),
  });
  const send = (data: unknown) => emitter.emit('message', { data });
  const until = async (what: () => boolean) => {
    for (let i = 0; i < 600 && !what(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  return { send, posted, exits, logs, until, server: () => started };
}

describe('runEngineHost', () => {
  let folders: EngineFolders | undefined;
  afterEach(() => folders?.remove());

  it('serves the folder it is told to and posts where; stop closes the server and exits 0', async () => {
    folders = engineFolders();
    const h = host(folders.staticDir);
    h.send({ type: 'start', root: folders.root });
    await h.until(() => h.posted.length > 0);
    const ready = h.posted[0];
    expect(ready).toMatchObject({ type: 'ready', warnings: [] });
    if (ready?.type !== 'ready') throw new Error('not ready');
    expect(ready.url).toBe(`http://127.0.0.1:${ready.port}/?token=${ready.token}`);
    // The real server: the token in the address is exchanged for the session cookie.
    const answer = await fetch(ready.url, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('set-cookie')).toContain(`millrace_token_${ready.port}=`);

    h.send({ type: 'stop' });
    await h.until(() => h.exits.length > 0);
    expect(h.exits).toEqual([0]);
    await expect(fetch(ready.url)).rejects.toThrow();
  });

  it('posts an error people can read when the folder cannot be served', async () => {
    folders = engineFolders();
    const h = host(folders.staticDir);
    h.send({ type: 'start', root: `${folders.root}/no such folder` });
    await h.until(() => h.posted.length > 0);
    expect(h.posted).toEqual([{ type: 'error', message: expect.stringMatching(/no such folder is not a folder/) }]);
    h.send({ type: 'stop' });
    await h.until(() => h.exits.length > 0);
    expect(h.exits).toEqual([0]);
  });

  it('ignores malformed messages and a second start, saying so in its log', async () => {
    folders = engineFolders();
    let starts = 0;
    const h = host(folders.staticDir, async (options) => {
      starts++;
      return realStartServer(options);
    });
    h.send('start');
    h.send({ type: 'start' });
    h.send({ type: 'start', root: folders.root, extra: 1 });
    h.send({ type: 'start', root: folders.root });
    h.send({ type: 'start', root: folders.root });
    await h.until(() => h.posted.length > 0);
    expect(starts).toBe(1);
    expect(h.logs.filter((line) => line.includes('malformed'))).toHaveLength(3);
    expect(h.logs.some((line) => line.includes('second start is ignored'))).toBe(true);
    h.send({ type: 'stop' });
    await h.until(() => h.exits.length > 0);
  });

  it('a stop that arrives while the engine is starting waits for it and closes it', async () => {
    folders = engineFolders();
    const h = host(folders.staticDir);
    h.send({ type: 'start', root: folders.root });
    h.send({ type: 'stop' });
    h.send({ type: 'stop' }); // a second stop is harmless
    await h.until(() => h.exits.length > 0);
    expect(h.exits).toEqual([0]);
    const ready = h.posted[0];
    if (ready?.type === 'ready') await expect(fetch(ready.url)).rejects.toThrow();
  });
});
