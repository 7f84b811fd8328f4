/**
 * The launcher against real child processes. Electron's utilityProcess cannot run here, so the
 * engine host runs in a plain Node child (test-support/node-engine-host.ts: the real host logic
 * and the real server) behind the launcher's EngineProcess interface, as main adapts the
 * utilityProcess behind it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineLauncher, EngineStartSuperseded, type EngineProcess } from './engine-launcher.js';
import { engineFolders, type EngineFolders } from './test-support/engine-folder.js';

const hostScript = fileURLToPath(new URL('./test-support/node-engine-host.ts', import.meta.url));
const tsLoader = fileURLToPath(new URL('../engine/workers/ts-source/register.mjs', import.meta.url));

interface Forked {
  child: ChildProcess;
  exitCode: Promise<number | null>;
}

function forker(args: () => string[]) {
  const forked: Forked[] = [];
  const forkHost = (): EngineProcess => {
    const child = fork(hostScript, args(), { execArgv: ['--import', tsLoader], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    forked.push({ child, exitCode });
    return {
      onMessage: (listener) => child.on('message', listener),
      // A killed process has no exit code; the utility process reports one, so stand in with -1.
      onExit: (listener) => child.on('exit', (code) => listener(code ?? -1)),
      postMessage: (message) => child.send(message),
      kill: () => void child.kill('SIGKILL'),
    };
  };
  return { forkHost, forked };
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

// Each real host is a fresh Node process loading the engine from source: seconds, more on a busy machine.
describe('EngineLauncher', { timeout: 120_000 }, () => {
  const made: EngineFolders[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (alive(child)) child.kill('SIGKILL');
    for (const folders of made.splice(0)) folders.remove();
  });
  const folders = () => {
    const f = engineFolders();
    made.push(f);
    return f;
  };
  const track = (forked: Forked[]) => children.push(...forked.map((f) => f.child));

  it('starts the engine host on a folder, reports where it listens, and stops it cleanly', async () => {
    const f = folders();
    const { forkHost, forked } = forker(() => ['real', f.staticDir]);
    const crashes: unknown[] = [];
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: (info) => crashes.push(info) });
    const engine = await launcher.start(f.root);
    track(forked);
    expect(engine).toMatchObject({ root: f.root, origin: `http://127.0.0.1:${engine.port}`, warnings: [] });
    expect(launcher.current).toBe(engine);
    expect((await fetch(engine.url, { redirect: 'manual' })).status).toBe(302);

    await launcher.stop();
    expect(await forked[0]!.exitCode).toBe(0);
    expect(launcher.current).toBeUndefined();
    expect(crashes).toEqual([]);
  });

  it('serving another folder stops the first engine before starting the next', async () => {
    const [a, b] = [folders(), folders()];
    const { forkHost, forked } = forker(() => ['real', a.staticDir]);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined });
    const first = await launcher.start(a.root);
    track(forked);
    const second = await launcher.start(b.root);
    track(forked);
    expect(await forked[0]!.exitCode).toBe(0);
    expect(second.root).toBe(b.root);
    expect(second.port).not.toBe(first.port);
    await expect(fetch(first.url)).rejects.toThrow();
    await launcher.stop();
  });

  it('a folder that cannot be served rejects with the reason, and the host is gone', async () => {
    const f = folders();
    const { forkHost, forked } = forker(() => ['real', f.staticDir]);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined });
    await expect(launcher.start(`${f.root}/missing`)).rejects.toThrow(/The engine could not open .*missing: .*is not a folder/);
    track(forked);
    await forked[0]!.exitCode;
    expect(launcher.current).toBeUndefined();
  });

  it('a host that exits while starting rejects with its exit code', async () => {
    const { forkHost, forked } = forker(() => ['exit', '3']);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined });
    await expect(launcher.start('/anywhere')).rejects.toThrow('The engine stopped while starting (exit code 3).');
    track(forked);
  });

  it('a host that never answers is given up after the timeout and killed', async () => {
    const { forkHost, forked } = forker(() => ['silent']);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined, readyTimeoutMs: 1_500 });
    await expect(launcher.start('/anywhere')).rejects.toThrow('The engine did not start within 2 s.');
    track(forked);
    await forked[0]!.exitCode;
    expect(alive(forked[0]!.child)).toBe(false);
  });

  it('reports a crash after the engine was ready (and forgets the dead engine)', async () => {
    const f = folders();
    const { forkHost, forked } = forker(() => ['real', f.staticDir]);
    const crashes: { root: string; code: number }[] = [];
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: (info) => crashes.push(info) });
    await launcher.start(f.root);
    track(forked);
    forked[0]!.child.kill('SIGKILL');
    await forked[0]!.exitCode;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(crashes).toEqual([{ root: f.root, code: -1 }]);
    expect(launcher.current).toBeUndefined();
  });

  it('kills a host that does not stop when asked', async () => {
    const { forkHost, forked } = forker(() => ['stubborn']);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined, stopTimeoutMs: 500 });
    await launcher.start('/anywhere');
    track(forked);
    const began = Date.now();
    await launcher.stop();
    expect(Date.now() - began).toBeGreaterThanOrEqual(450);
    expect(await forked[0]!.exitCode).toBeNull(); // killed, not exited
    expect(alive(forked[0]!.child)).toBe(false);
  });

  it('a second stop while one is under way waits for the same stop (quit right after the window closed)', async () => {
    const { forkHost, forked } = forker(() => ['stubborn']);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined, stopTimeoutMs: 500 });
    await launcher.start('/anywhere');
    track(forked);
    const first = launcher.stop();
    const began = Date.now();
    await launcher.stop();
    expect(Date.now() - began).toBeGreaterThanOrEqual(450);
    expect(alive(forked[0]!.child)).toBe(false);
    await first;
  });

  it('a start overtaken by a stop is superseded, not an error to show', async () => {
    const f = folders();
    const { forkHost, forked } = forker(() => ['real', f.staticDir]);
    const launcher = new EngineLauncher({ fork: forkHost, onCrash: () => undefined });
    const starting = launcher.start(f.root);
    const outcome = starting.then(
      () => 'started',
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await launcher.stop();
    track(forked);
    const result = await outcome;
    expect(result).toBeInstanceOf(EngineStartSuperseded);
    expect(launcher.current).toBeUndefined();
  });
});
