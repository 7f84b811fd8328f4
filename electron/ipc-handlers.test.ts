/**
 * The IPC handlers, called as ipcMain would call them. Electron cannot run here, so the events are
 * plain objects shaped like Electron's IpcMainInvokeEvent (sender: the webContents; senderFrame:
 * the frame, with its url and its parent): a stand-in for the parts the handlers read.
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP_CHANNELS, type DocumentState } from '../engine/contract/desktop-bridge.js';
import { createIpcHandlers, MAX_YAML_CHARS, registerIpcHandlers, senderRefusal, type DesktopActions, type IpcHandler, type InvokeEventLike } from './ipc-handlers.js';

const ORIGIN = 'http://127.0.0.1:40123';
const ourContents = { id: 1 };
const otherContents = { id: 2 };

function event(overrides: { sender?: unknown; url?: string; parent?: unknown; frame?: null } = {}): InvokeEventLike {
  const frame = overrides.frame === null ? null : { url: overrides.url ?? `${ORIGIN}/?file=penguins.yaml`, parent: overrides.parent ?? null };
  return { sender: overrides.sender ?? ourContents, senderFrame: frame };
}

function setup({ engineRunning = true } = {}) {
  const origin = engineRunning ? ORIGIN : undefined;
  const calls: { action: string; args: unknown[] }[] = [];
  const actions: DesktopActions = {
    openPipelineDialog: async () => void calls.push({ action: 'openPipelineDialog', args: [] }),
    savePipelineAs: async (...args) => {
      calls.push({ action: 'savePipelineAs', args });
      return { absolutePath: '/w/p.yaml', relativePath: 'p.yaml' };
    },
    exportYaml: async (...args) => {
      calls.push({ action: 'exportYaml', args });
      return undefined;
    },
    setDocumentState: (...args) => void calls.push({ action: 'setDocumentState', args }),
    openExternal: async (...args) => {
      calls.push({ action: 'openExternal', args });
      return true;
    },
  };
  const handlers = createIpcHandlers({ webContents: () => ourContents, origin: () => origin }, actions);
  const call = (channel: string, e: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers[channel];
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(e, ...args);
  };
  return { handlers, calls, call };
}

describe('createIpcHandlers', () => {
  it('has one handler per request channel of DESKTOP_CHANNELS (and none for the command channel)', () => {
    const { handlers } = setup();
    const { command, ...requests } = DESKTOP_CHANNELS;
    expect(Object.keys(handlers).sort()).toEqual(Object.values(requests).sort());
    expect(handlers[command]).toBeUndefined();
  });

  it('good calls from our window reach the actions with their arguments and answer their results', async () => {
    const { calls, call } = setup();
    const state: DocumentState = { path: 'sub dir/penguins.yaml', name: 'Penguins "v2"', dirty: true };
    await expect(call(DESKTOP_CHANNELS.openPipelineDialog, event())).resolves.toBeUndefined();
    await expect(call(DESKTOP_CHANNELS.savePipelineAs, event(), 'p.yaml', 'millrace: 1\n')).resolves.toEqual({ absolutePath: '/w/p.yaml', relativePath: 'p.yaml' });
    await expect(call(DESKTOP_CHANNELS.exportYaml, event(), 'p.yaml', '')).resolves.toBeUndefined();
    await call(DESKTOP_CHANNELS.setDocumentState, event(), state);
    await call(DESKTOP_CHANNELS.setDocumentState, event(), { name: 'untitled', dirty: false });
    await expect(call(DESKTOP_CHANNELS.openExternal, event(), 'https://duckdb.org/')).resolves.toBe(true);
    expect(calls).toEqual([
      { action: 'openPipelineDialog', args: [] },
      { action: 'savePipelineAs', args: ['p.yaml', 'millrace: 1\n'] },
      { action: 'exportYaml', args: ['p.yaml', ''] },
      { action: 'setDocumentState', args: [state] },
      { action: 'setDocumentState', args: [{ name: 'untitled', dirty: false }] },
      { action: 'openExternal', args: ['https://duckdb.org/'] },
    ]);
  });

  it('refuses a foreign sender before looking at the arguments, on every channel', async () => {
    const foreign: [string, InvokeEventLike][] = [
      ['another webContents', event({ sender: otherContents })],
      ['a page of another origin', event({ url: 'https://evil.example/' })],
      ['our host on another port', event({ url: 'http://127.0.0.1:40124/' })],
      ['localhost instead of 127.0.0.1', event({ url: 'http://localhost:40123/' })],
      ['a file: page', event({ url: 'file:///tmp/x.html' })],
      ['a sub-frame of our page', event({ parent: { url: `${ORIGIN}/` } })],
      ['a frame that is gone', event({ frame: null })],
    ];
    const { command: _command, ...requests } = DESKTOP_CHANNELS;
    for (const channel of Object.values(requests)) {
      for (const [what, e] of foreign) {
        const { calls, call } = setup();
        await expect(call(channel, e, 'p.yaml', 'x'), `${channel}: ${what}`).rejects.toThrow(/^Refused millrace:/);
        expect(calls, `${channel}: ${what}`).toEqual([]);
      }
    }
  });

  it('refuses everyone while the engine is not running (no origin to compare with)', async () => {
    const { calls, call } = setup({ engineRunning: false });
    await expect(call(DESKTOP_CHANNELS.openPipelineDialog, event())).rejects.toThrow(/not on the engine \(not running\)/);
    expect(calls).toEqual([]);
  });

  it('says why a sender was refused', () => {
    const trusted = { webContents: () => ourContents, origin: () => ORIGIN };
    expect(senderRefusal(event(), trusted)).toBeUndefined();
    expect(senderRefusal(event({ sender: otherContents }), trusted)).toMatch(/did not come from the Millrace window/);
    expect(senderRefusal(event({ url: 'https://evil.example/x' }), trusted)).toMatch(/on https:\/\/evil\.example, not on the engine/);
    expect(senderRefusal(event({ parent: {} }), trusted)).toMatch(/sub-frame/);
    expect(senderRefusal(event({ frame: null }), trusted)).toMatch(/gone/);
    expect(senderRefusal(event({ url: 'not a url' }), trusted)).toMatch(/has no origin/);
    expect(senderRefusal(event(), { webContents: () => undefined, origin: () => ORIGIN })).toMatch(/did not come from/);
  });

  it('refuses bad payloads with a message naming the channel, and never calls the action', async () => {
    const bad: [string, unknown[]][] = [
      [DESKTOP_CHANNELS.openPipelineDialog, ['extra']],
      [DESKTOP_CHANNELS.savePipelineAs, []],
      [DESKTOP_CHANNELS.savePipelineAs, ['p.yaml']],
      [DESKTOP_CHANNELS.savePipelineAs, [42, 'text']],
      [DESKTOP_CHANNELS.savePipelineAs, ['', 'text']],
      [DESKTOP_CHANNELS.savePipelineAs, ['a'.repeat(256), 'text']],
      [DESKTOP_CHANNELS.savePipelineAs, ['p\0.yaml', 'text']],
      [DESKTOP_CHANNELS.savePipelineAs, ['p.yaml', 'x'.repeat(MAX_YAML_CHARS + 1)]],
      [DESKTOP_CHANNELS.savePipelineAs, ['p.yaml', 'text', 'extra']],
      [DESKTOP_CHANNELS.exportYaml, ['p.yaml', { yaml: 'x' }]],
      [DESKTOP_CHANNELS.setDocumentState, [{ name: 'x' }]],
      [DESKTOP_CHANNELS.setDocumentState, [{ name: 'x', dirty: 'yes' }]],
      [DESKTOP_CHANNELS.setDocumentState, [{ name: 'x', dirty: false, path: 7 }]],
      [DESKTOP_CHANNELS.setDocumentState, [{ name: 'x', dirty: false, path: '' }]],
      [DESKTOP_CHANNELS.setDocumentState, [{ name: 'x', dirty: false, extra: true }]],
      [DESKTOP_CHANNELS.setDocumentState, [{ name: 'x'.repeat(501), dirty: false }]],
      [DESKTOP_CHANNELS.setDocumentState, [null]],
      [DESKTOP_CHANNELS.openExternal, []],
      [DESKTOP_CHANNELS.openExternal, ['']],
      [DESKTOP_CHANNELS.openExternal, [`https://github.com/${'a'.repeat(2048)}`]],
      [DESKTOP_CHANNELS.openExternal, [{ toString: () => 'https://github.com' }]],
    ];
    for (const [channel, args] of bad) {
      const { calls, call } = setup();
      await expect(call(channel, event(), ...args), `${channel} ${JSON.stringify(args).slice(0, 80)}`).rejects.toThrow(`Refused ${channel}: bad arguments`);
      expect(calls).toEqual([]);
    }
  });

  it('passes an action failure back to the UI as the rejection', async () => {
    const handlers = createIpcHandlers(
      { webContents: () => ourContents, origin: () => ORIGIN },
      {
        openPipelineDialog: async () => undefined,
        savePipelineAs: async () => {
          throw new Error('The disk is full.');
        },
        exportYaml: async () => undefined,
        setDocumentState: () => undefined,
        openExternal: async () => false,
      },
    );
    await expect(handlers[DESKTOP_CHANNELS.savePipelineAs]!(event(), 'p.yaml', 'x')).rejects.toThrow('The disk is full.');
  });
});

describe('registerIpcHandlers', () => {
  it('registers each channel once and removes them all', () => {
    const registered = new Map<string, IpcHandler>();
    const ipc = {
      handle: (channel: string, listener: IpcHandler) => {
        if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
        registered.set(channel, listener);
      },
      removeHandler: (channel: string) => void registered.delete(channel),
    };
    const { handlers } = setup();
    const remove = registerIpcHandlers(ipc, handlers);
    expect([...registered.keys()].sort()).toEqual(Object.keys(handlers).sort());
    remove();
    expect(registered.size).toBe(0);
  });
});
