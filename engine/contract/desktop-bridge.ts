/**
 * The desktop bridge: the only functions the Electron preload exposes to the UI, as
 * `window.millraceDesktop`. Types only (plus the channel names), shared by electron/ (main process
 * and preload) and the renderer, so the three cannot drift. In the browser (`millrace serve`)
 * the bridge is absent and the UI falls back to browser equivalents (file input, download).
 *
 * Direction UI → main: one function per desktop action, each an `ipcRenderer.invoke` on its own
 * channel. Direction main → UI: menu commands, delivered to the one `onCommand` listener.
 */

/** What the application menu (or the OS: a file opened from the desktop) asks the UI to do. */
export type DesktopCommand =
  | { kind: 'new' }
  /** Open this pipeline, given relative to the folder the engine serves. */
  | { kind: 'open'; path: string }
  | { kind: 'save' }
  | { kind: 'save-as' }
  | { kind: 'export-yaml' }
  | { kind: 'close' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'auto-layout' }
  | { kind: 'run-all' }
  | { kind: 'run-to-selected' }
  | { kind: 'cancel-run' }
  | { kind: 'show-shortcuts' };

/** What the window title and the close prompt need to know about the open pipeline. */
export interface DocumentState {
  /** Relative to the served folder; undefined for a pipeline never saved. */
  path?: string;
  /** The pipeline's name, for the title when it has no file yet. */
  name: string;
  /** Unsaved changes. */
  dirty: boolean;
}

/** A file the user picked in a native save dialog and the desktop wrote: where it now lives. */
export interface SavedFile {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Relative to the served folder when it is inside it (the UI can then keep working on it). */
  relativePath?: string;
}

export interface DesktopBridge {
  readonly platform: 'desktop';
  /** Native open dialog; the main process then opens the chosen file (a `{ kind: 'open' }` command). */
  openPipelineDialog(): Promise<void>;
  /** Native save dialog for a pipeline's YAML text; undefined when the user cancelled. */
  savePipelineAs(suggestedName: string, yamlText: string): Promise<SavedFile | undefined>;
  /** Native save dialog for an export (the file stays where the user put it). */
  exportYaml(suggestedName: string, yamlText: string): Promise<SavedFile | undefined>;
  /** Keeps the window title, the recent files and the close prompt up to date. */
  setDocumentState(state: DocumentState): void;
  /** Opens an http(s) link in the user's browser, if its host is on the allowlist. */
  openExternal(url: string): Promise<boolean>;
  /** Subscribes to menu commands; returns the unsubscribe function. One listener at a time. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}

/** IPC channel names, one per action. */
export const DESKTOP_CHANNELS = {
  openPipelineDialog: 'millrace:open-pipeline-dialog',
  savePipelineAs: 'millrace:save-pipeline-as',
  exportYaml: 'millrace:export-yaml',
  setDocumentState: 'millrace:set-document-state',
  openExternal: 'millrace:open-external',
  command: 'millrace:command',
} as const;
