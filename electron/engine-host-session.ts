/**
 * What the engine host does, given its parent port: wait for `start`, start the engine server on
 * that folder, post `ready` (or `error`), and on `stop` close the server and exit. Kept apart from
 * the utilityProcess entry (engine-host.ts) so it runs under vitest with the real server.
 */
import { toHostSchema, type FromHost } from './engine-protocol.js';

/** Electron's process.parentPort, as far as used here. */
export interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: FromHost): void;
}

/** What is used of a MillraceServer (engine/server/start-server.ts). */
export interface ServerLike {
  url: string;
  port: number;
  token: string;
  engine: { readonly warnings: readonly string[] };
  close(): Promise<void>;
}

export type StartServer = (options: { root: string; staticDir: string }) => Promise<ServerLike>;

export interface EngineHostDeps {
  port: ParentPortLike;
  /** Loaded lazily: dist/engine/server/start-server.js's startServer. */
  loadStartServer: () => Promise<StartServer>;
  /** dist/renderer. */
  staticDir: string;
  exit: (code: number) => void;
  log?: (line: string) => void;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function runEngineHost(deps: EngineHostDeps): void {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let server: Promise<ServerLike | undefined> | undefined;
  let stopping = false;

  const start = (root: string) => {
    server = (async () => {
      try {
        const startServer = await deps.loadStartServer();
        const started = await startServer({ root, staticDir: deps.staticDir });
        for (const warning of started.engine.warnings) log(`millrace engine: warning: ${warning}`);
        deps.port.postMessage({ type: 'ready', url: started.url, port: started.port, token: started.token, warnings: [...started.engine.warnings] });
        return started;
      } catch (error) {
        deps.port.postMessage({ type: 'error', message: errorMessage(error) });
        return undefined;
      }
    })();
  };

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await (await server)?.close();
      deps.exit(0);
    } catch (error) {
      log(`millrace engine: stopping failed: ${errorMessage(error)}`);
      deps.exit(1);
    }
  };

  deps.port.on('message', ({ data }) => {
    const parsed = toHostSchema.safeParse(data);
    if (!parsed.success) return log(`millrace engine: ignored a malformed message from the app: ${JSON.stringify(data)?.slice(0, 200)}`);
    if (parsed.data.type === 'stop') return void stop();
    if (server !== undefined) return log('millrace engine: already serving; a second start is ignored (the app starts a new host per folder)');
    start(parsed.data.root);
  });
}
