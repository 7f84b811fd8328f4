/**
 * The engine host: the entry of the utilityProcess that main forks (dist/electron/engine-host.js).
 * DuckDB, the run store and the training workers live here, outside the main process, so a busy
 * or crashing engine never freezes the window or the menus.
 */
import { appPaths } from './app-paths.js';
import { runEngineHost, type StartServer } from './engine-host-session.js';

// The built-in training worker is spawned with process.execPath, which is Electron here, not
// Node: this makes Electron run it as plain Node (requires the RunAsNode fuse left on).
process.env.ELECTRON_RUN_AS_NODE = '1';

const parentPort = process.parentPort;
if (parentPort === undefined) {
  process.stderr.write('millrace: engine-host.js runs inside the Millrace desktop app (an Electron utility process), not on its own.\n');
  process.exit(2);
}

const paths = appPaths(import.meta.url);

runEngineHost({
  port: {
    on: (event, listener) => parentPort.on(event, listener),
    postMessage: (message) => parentPort.postMessage(message),
  },
  // dist/engine/server/start-server.js beside dist/electron/, in the repository and inside app.asar alike.
  loadStartServer: async () => ((await import(paths.startServerModule)) as { startServer: StartServer }).startServer,
  staticDir: paths.rendererDir,
  exit: (code) => process.exit(code),
});
