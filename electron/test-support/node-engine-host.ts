/**
 * The engine host's logic in a plain Node child process (child_process.fork with the TypeScript
 * loader), standing in for Electron's utilityProcess, which cannot run here: process.send and
 * process.on('message') play the parts of process.parentPort. argv[2] picks a behaviour:
 *   real <staticDir>   the real runEngineHost and startServer;
 *   exit <code>        exits at once, as a host that fails to load would;
 *   silent             never answers and ignores `stop`, as a hung host would;
 *   stubborn           says it is ready (at a made-up address) and then ignores `stop`.
 */
const [mode, arg] = process.argv.slice(2);

if (mode === 'exit') {
  process.exit(Number(arg));
} else if (mode === 'silent') {
  process.on('message', () => undefined);
} else if (mode === 'stubborn') {
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'start') process.send?.({ type: 'ready', url: 'http://127.0.0.1:9/?token=0123456789abcdef', port: 9, token: '0123456789abcdef', warnings: [] });
  });
} else {
  // Loaded only here: the other behaviours start at once, without the engine.
  const [{ startServer }, { runEngineHost }] = await Promise.all([import('../../engine/server/start-server.js'), import('../engine-host-session.js')]);
  runEngineHost({
    port: {
      on: (_event, listener) => process.on('message', (data: unknown) => listener({ data })),
      postMessage: (message) => process.send?.(message),
    },
    loadStartServer: async () => startServer,
    staticDir: arg ?? '',
    exit: (code) => process.exit(code),
    log: () => undefined,
  });
}
