/**
 * The preload, checked without Electron: its source is compiled to CommonJS as the build does and
 * run in a vm context whose `require('electron')` hands out stand-ins for contextBridge and
 * ipcRenderer (recording what is exposed, invoked and subscribed). The contract's channel names
 * are compared with the ones the preload writes out (it cannot import them: sandboxed preloads
 * can require nothing but 'electron').
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS, type DesktopBridge, type DesktopCommand } from '../engine/contract/desktop-bridge.js';

const source = readFileSync(fileURLToPath(new URL('./preload.cts', import.meta.url)), 'utf8');
const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023 } }).outputText;

interface Loaded {
  bridge: DesktopBridge;
  exposedAs: string;
  invoked: { channel: string; args: unknown[] }[];
  /** Delivers a message on a channel as main's webContents.send would. */
  emit(channel: string, ...args: unknown[]): void;
  required: string[];
  errors: unknown[][];
}

function loadPreload(answer: (channel: string) => Promise<unknown> = async () => undefined): Loaded {
  const invoked: Loaded['invoked'] = [];
  const listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  const required: string[] = [];
  const errors: unknown[][] = [];
  let exposed: { name: string; api: DesktopBridge } | undefined;
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: DesktopBridge) => (exposed = { name, api }) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return answer(channel);
      },
      on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    },
  };
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  const console = { error: (...args: unknown[]) => errors.push(args) };
  vm.runInNewContext(compiled, { require, module, exports: module.exports, console });
  if (exposed === undefined) throw new Error('the preload exposed nothing');
  return {
    bridge: exposed.api,
    exposedAs: exposed.name,
    invoked,
    required,
    errors,
    emit: (channel, ...args) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc event' }, ...args);
    },
  };
}

describe('preload', () => {
  it("writes out exactly the contract's channel names", () => {
    const block = /const CHANNELS = \{([\s\S]*?)\} as const;/.exec(source)?.[1];
    expect(block, 'the CHANNELS object in preload.cts').toBeDefined();
    const written = Object.fromEntries([...block!.matchAll(/(\w+):\s*'([^']+)'/g)].map((m) => [m[1], m[2]]));
    expect(written).toEqual({ ...DESKTOP_CHANNELS });
  });

  it("requires nothing but 'electron' once compiled, and imports only types from the contract", () => {
    expect([...compiled.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    const valueImports = [...source.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(valueImports).toEqual(['electron']);
  });

  it('exposes window.millraceDesktop with exactly the bridge functions', () => {
    const { bridge, exposedAs, required } = loadPreload();
    expect(exposedAs).toBe('millraceDesktop');
    expect(required).toEqual(['electron']);
    expect(Object.keys(bridge).sort()).toEqual(['exportYaml', 'onCommand', 'openExternal', 'openPipelineDialog', 'platform', 'savePipelineAs', 'setDocumentState']);
    expect(bridge.platform).toBe('desktop');
  });

  it('each action invokes its own channel with its arguments and answers what main answered', async () => {
    const answers: Record<string, unknown> = {
      [DESKTOP_CHANNELS.savePipelineAs]: { absolutePath: '/w/p.yaml', relativePath: 'p.yaml' },
      [DESKTOP_CHANNELS.openExternal]: true,
    };
    const { bridge, invoked } = loadPreload(async (channel) => answers[channel]);
    await bridge.openPipelineDialog();
    await expect(bridge.savePipelineAs('p.yaml', 'millrace: 1\n')).resolves.toEqual({ absolutePath: '/w/p.yaml', relativePath: 'p.yaml' });
    await expect(bridge.exportYaml('p.yaml', 'x')).resolves.toBeUndefined();
    await expect(bridge.openExternal('https://duckdb.org/')).resolves.toBe(true);
    expect(invoked).toEqual([
      { channel: DESKTOP_CHANNELS.openPipelineDialog, args: [] },
      { channel: DESKTOP_CHANNELS.savePipelineAs, args: ['p.yaml', 'millrace: 1\n'] },
      { channel: DESKTOP_CHANNELS.exportYaml, args: ['p.yaml', 'x'] },
      { channel: DESKTOP_CHANNELS.openExternal, args: ['https://duckdb.org/'] },
    ]);
  });

  it('setDocumentState sends only path, name and dirty, and logs a refusal instead of throwing', async () => {
    const { bridge, invoked, errors } = loadPreload(async () => {
      throw new Error('Refused');
    });
    bridge.setDocumentState({ path: 'a.yaml', name: 'A', dirty: true, extra: 'page data' } as never);
    bridge.setDocumentState({ name: 'B', dirty: false });
    expect(invoked).toEqual([
      { channel: DESKTOP_CHANNELS.setDocumentState, args: [{ path: 'a.yaml', name: 'A', dirty: true }] },
      { channel: DESKTOP_CHANNELS.setDocumentState, args: [{ name: 'B', dirty: false }] },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveLength(2);
  });

  it('delivers commands to one listener at a time, without the IPC event; unsubscribe stops them', () => {
    const { bridge, emit } = loadPreload();
    const first: DesktopCommand[] = [];
    const second: DesktopCommand[] = [];
    const unsubscribeFirst = bridge.onCommand((command) => first.push(command));
    emit(DESKTOP_CHANNELS.command, { kind: 'save' });
    const unsubscribeSecond = bridge.onCommand((command) => second.push(command));
    emit(DESKTOP_CHANNELS.command, { kind: 'run-all' });
    unsubscribeFirst(); // stale: must not remove the current listener
    emit(DESKTOP_CHANNELS.command, { kind: 'undo' });
    unsubscribeSecond();
    emit(DESKTOP_CHANNELS.command, { kind: 'redo' });
    expect(first).toEqual([{ kind: 'save' }]);
    expect(second).toEqual([{ kind: 'run-all' }, { kind: 'undo' }]);
  });

  it('keeps commands that arrive before the UI subscribes (at most 20) and hands them over in order', () => {
    const { bridge, emit } = loadPreload();
    emit(DESKTOP_CHANNELS.command, { kind: 'open', path: 'a.yaml' });
    for (let i = 0; i < 30; i++) emit(DESKTOP_CHANNELS.command, { kind: 'save' });
    const got: DesktopCommand[] = [];
    bridge.onCommand((command) => got.push(command));
    expect(got).toHaveLength(20);
    expect(got[0]).toEqual({ kind: 'open', path: 'a.yaml' });
    // Handed over once only.
    const again: DesktopCommand[] = [];
    bridge.onCommand((command) => again.push(command));
    expect(again).toEqual([]);
  });
});
