/**
 * Stand-ins for the platform tests. The real desktop bridge is Electron's preload (contextBridge in a
 * sandboxed renderer), which cannot run under vitest or on machines without an Electron binary; the
 * fake bridge records calls and answers like the main process would. The fake commands record what
 * the platform asked of them (the real ones are exercised by the Playwright suite).
 */
import type { DesktopBridge, DesktopCommand, DocumentState, SavedFile } from '../../../engine/contract/desktop-bridge';
import type { Commands, YamlFile } from '../app/commands';
import { emptyDocument } from '../store/slices/document-slice';

export type Call = [string, ...unknown[]];

export interface FakeBridge extends DesktopBridge {
  calls: Call[];
  states: DocumentState[];
  /** What the next save/export dialog answers (undefined: the user cancelled). */
  answer: SavedFile | undefined;
  /** Whether openExternal finds the link on its allowlist. */
  allowLinks: boolean;
  /** Sends a menu command as the main process would. */
  send(command: DesktopCommand): void;
  listeners(): number;
}

export function fakeBridge(): FakeBridge {
  const listeners = new Set<(command: DesktopCommand) => void>();
  const bridge: FakeBridge = {
    platform: 'desktop',
    calls: [],
    states: [],
    answer: undefined,
    allowLinks: true,
    async openPipelineDialog() {
      bridge.calls.push(['openPipelineDialog']);
    },
    async savePipelineAs(name, text) {
      bridge.calls.push(['savePipelineAs', name, text]);
      return bridge.answer;
    },
    async exportYaml(name, text) {
      bridge.calls.push(['exportYaml', name, text]);
      return bridge.answer;
    },
    setDocumentState(state) {
      bridge.states.push(state);
    },
    async openExternal(url) {
      bridge.calls.push(['openExternal', url]);
      return bridge.allowLinks;
    },
    onCommand(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    send: (command) => listeners.forEach((listener) => listener(command)),
    listeners: () => listeners.size,
  };
  return bridge;
}

export const YAML_FILE: YamlFile = { fileName: 'Beak Length (mm).yaml', text: 'millrace: 1\nname: Beak Length (mm)\nnodes: []\n', document: emptyDocument('Beak Length (mm)') };

/** `file: null` stands for a pipeline the engine cannot format. */
export function fakeCommands(file: YamlFile | null = YAML_FILE): Commands & { calls: Call[] } {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) =>
      void calls.push([name, ...args]);
  return {
    calls,
    openPath: async (path) => (calls.push(['openPath', path]), true),
    newPipeline: () => void calls.push(['newPipeline']),
    continueUntitled: record('continueUntitled'),
    save: record('save'),
    saveAs: async (path) => (calls.push(['saveAs', path]), true),
    importYaml: record('importYaml'),
    exportYaml: record('exportYaml'),
    yamlFile: async () => (calls.push(['yamlFile']), file ?? undefined),
    adoptSaved: record('adoptSaved'),
    run: record('run'),
    cancelRun: record('cancelRun'),
    restoreAutosave: () => void calls.push(['restoreAutosave']),
    discardAutosave: () => void calls.push(['discardAutosave']),
    closePipeline: () => void calls.push(['closePipeline']),
  };
}
