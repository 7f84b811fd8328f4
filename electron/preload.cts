/**
 * The preload: exposes window.millraceDesktop (the DesktopBridge of engine/contract/desktop-bridge.ts)
 * to the UI, and nothing else; the page never sees ipcRenderer or an IPC event.
 *
 * CommonJS (.cts → .cjs) because sandboxed preloads cannot be ES modules, and self-contained because
 * a sandboxed preload can require only 'electron': the channel names are therefore written out here,
 * and preload-channels.test.ts checks that they equal DESKTOP_CHANNELS.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopBridge, DesktopCommand, DocumentState, SavedFile } from '../engine/contract/desktop-bridge.js' with { 'resolution-mode': 'import' };

const CHANNELS = {
  openPipelineDialog: 'millrace:open-pipeline-dialog',
  savePipelineAs: 'millrace:save-pipeline-as',
  exportYaml: 'millrace:export-yaml',
  setDocumentState: 'millrace:set-document-state',
  openExternal: 'millrace:open-external',
  command: 'millrace:command',
} as const;

/** Commands that arrive before the UI subscribes (a file opened during start-up) wait here, a few at most. */
const MAX_QUEUED = 20;
let listener: ((command: DesktopCommand) => void) | undefined;
const queued: DesktopCommand[] = [];

ipcRenderer.on(CHANNELS.command, (_event: IpcRendererEvent, command: DesktopCommand) => {
  if (listener !== undefined) listener(command);
  else if (queued.length < MAX_QUEUED) queued.push(command);
});

const bridge: DesktopBridge = {
  platform: 'desktop',
  openPipelineDialog: () => ipcRenderer.invoke(CHANNELS.openPipelineDialog) as Promise<void>,
  savePipelineAs: (suggestedName: string, yamlText: string) =>
    ipcRenderer.invoke(CHANNELS.savePipelineAs, suggestedName, yamlText) as Promise<SavedFile | undefined>,
  exportYaml: (suggestedName: string, yamlText: string) => ipcRenderer.invoke(CHANNELS.exportYaml, suggestedName, yamlText) as Promise<SavedFile | undefined>,
  setDocumentState: (state: DocumentState) => {
    // Fire and forget for the UI; a refusal is a bug worth seeing in the console.
    // Only the three fields cross: whatever else the object carries stays in the page.
    const { path, name, dirty } = state;
    ipcRenderer.invoke(CHANNELS.setDocumentState, path === undefined ? { name, dirty } : { path, name, dirty }).catch((error: unknown) => {
      console.error('millraceDesktop.setDocumentState:', error);
    });
  },
  openExternal: (url: string) => ipcRenderer.invoke(CHANNELS.openExternal, url) as Promise<boolean>,
  onCommand: (next: (command: DesktopCommand) => void) => {
    listener = next;
    for (const command of queued.splice(0)) next(command);
    return () => {
      if (listener === next) listener = undefined;
    };
  },
};

contextBridge.exposeInMainWorld('millraceDesktop', bridge);
