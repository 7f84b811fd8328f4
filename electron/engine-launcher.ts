/**
 * Main's side of the engine host: forks it (utilityProcess.fork in the app), asks it to serve a
 * folder, waits for `ready` with a timeout, stops it before serving another folder or on quit,
 * and reports a crash after it was ready (the app then tells the user instead of showing a blank
 * window). The fork function is a parameter, so the logic is tested on plain Node processes.
 */
import { fromHostSchema, type EngineReady, type ToHost } from './engine-protocol.js';

/** The parts of Electron's UtilityProcess used here, as callbacks (main adapts the real one). */
export interface EngineProcess {
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  postMessage(message: ToHost): void;
  kill(): void;
}

export interface RunningEngine {
  root: string;
  /** http://127.0.0.1:PORT/?token=… */
  url: string;
  /** http://127.0.0.1:PORT: the only origin the window may show and IPC may come from. */
  origin: string;
  port: number;
  warnings: string[];
}

export interface EngineLauncherDeps {
  fork: () => EngineProcess;
  /** The engine stopped on its own after it was ready. */
  onCrash: (info: { root: string; code: number }) => void;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

/** A start given up because another start (or a stop) came first: nothing to tell the user. */
export class EngineStartSuperseded extends Error {
  constructor(root: string) {
    super(`Starting the engine on ${root} was given up for a newer request.`);
    this.name = 'EngineStartSuperseded';
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Child {
  process: EngineProcess;
  root: string;
  ready: boolean;
  stopping: boolean;
  exited: Promise<number>;
}

export class EngineLauncher {
  private child: Child | undefined;
  private engine: RunningEngine | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly deps: EngineLauncherDeps) {}

  /** The engine serving now, if any. */
  get current(): RunningEngine | undefined {
    return this.engine;
  }

  /** Stops the engine serving now (if any), then serves `root`. Rejects with a message for people. */
  async start(root: string): Promise<RunningEngine> {
    await this.stop();
    const proc = this.deps.fork();
    let exit: (code: number) => void = () => undefined;
    const child: Child = { process: proc, root, ready: false, stopping: false, exited: new Promise((resolve) => (exit = resolve)) };
    this.child = child;

    const ready = new Promise<EngineReady>((resolve, reject) => {
      proc.onMessage((message) => {
        const parsed = fromHostSchema.safeParse(message);
        if (!parsed.success) return;
        if (parsed.data.type === 'ready') resolve(parsed.data);
        else reject(new Error(`The engine could not open ${root}: ${parsed.data.message}`));
      });
      proc.onExit((code) => {
        exit(code);
        if (this.child === child) {
          this.child = undefined;
          this.engine = undefined;
        }
        if (!child.ready) reject(child.stopping ? new EngineStartSuperseded(root) : new Error(`The engine stopped while starting (exit code ${code}).`));
        else if (!child.stopping) this.deps.onCrash({ root, code });
      });
    });
    proc.postMessage({ type: 'start', root });

    const timeoutMs = this.deps.readyTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The engine did not start within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    });
    try {
      const message = await Promise.race([ready, timeout]);
      if (this.child !== child) throw new EngineStartSuperseded(root);
      child.ready = true;
      this.engine = { root, url: message.url, origin: new URL(message.url).origin, port: message.port, warnings: message.warnings };
      return this.engine;
    } catch (error) {
      child.stopping = true;
      proc.kill();
      if (this.child === child) this.child = undefined;
      // Gone before a retry opens the same folder (DuckDB allows one process per cache file).
      await Promise.race([child.exited, delay(2_000)]);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Asks the engine to close (runs cancelled, DuckDB closed); kills it if it does not exit in time.
   * Calls made while a stop is under way wait for that same stop.
   */
  stop(): Promise<void> {
    const child = this.child;
    if (child === undefined) return this.stopping ?? Promise.resolve();
    this.child = undefined;
    this.engine = undefined;
    const stopping = this.stopChild(child).finally(() => {
      if (this.stopping === stopping) this.stopping = undefined;
    });
    this.stopping = stopping;
    return stopping;
  }

  private async stopChild(child: Child): Promise<void> {
    child.stopping = true;
    try {
      child.process.postMessage({ type: 'stop' });
    } catch {
      // Already gone: the exit below settles at once.
    }
    const timeoutMs = this.deps.stopTimeoutMs ?? 10_000;
    const timedOut = Symbol('timed out');
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([child.exited, new Promise<symbol>((resolve) => (timer = setTimeout(() => resolve(timedOut), timeoutMs)))]);
    clearTimeout(timer);
    if (result === timedOut) {
      child.process.kill();
      await Promise.race([child.exited, delay(2_000)]);
    }
  }
}
