/**
 * The app's state and flows: which folder the engine serves, the window showing it, opening a
 * file (in the running UI when it is in the served folder, else by restarting the engine on its
 * folder), the save dialogs, recent files, and the actions behind the desktop bridge.
 */
import { app, dialog, shell, type MessageBoxOptions, type MessageBoxReturnValue } from 'electron';
import path from 'node:path';
import type { DesktopCommand, DocumentState, SavedFile } from '../engine/contract/desktop-bridge.js';
import { AppWindow } from './app-window.js';
import { EngineStartSuperseded, type EngineLauncher } from './engine-launcher.js';
import { choosePipeline, saveYamlAs } from './file-dialogs.js';
import type { DesktopActions } from './ipc-handlers.js';
import { pipelineFile } from './open-args.js';
import type { RecentFiles } from './recent-files.js';
import { savedFile } from './save-files.js';
import { isAllowedExternal } from './security.js';
import { placeFile, relativeInside, urlWithFile } from './workspace.js';

export interface DesktopSessionDeps {
  launcher: EngineLauncher;
  recent: RecentFiles;
  preload: string;
  dev: boolean;
  windowStateFile: string;
  /** The examples folder (may copy them on first use; throws when they are missing). */
  defaultRoot: () => string;
  /** The recent list changed: rebuild the menu. */
  onRecentChanged: () => void;
  onCloseCancelled: () => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class DesktopSession {
  private root: string | undefined;
  private win: AppWindow | undefined;
  private queue: Promise<void> = Promise.resolve();
  private lastRecorded: string | undefined;

  constructor(private readonly deps: DesktopSessionDeps) {}

  /** For the IPC sender check. */
  webContents(): unknown {
    return this.win?.destroyed === false ? this.win.window.webContents : undefined;
  }

  origin(): string | undefined {
    return this.deps.launcher.current?.origin;
  }

  get hasWindow(): boolean {
    return this.win?.destroyed === false;
  }

  send(command: DesktopCommand): void {
    this.win?.send(command);
  }

  focus(): void {
    this.win?.focus();
  }

  /** The examples folder (no file given), or the folder served last when the window was closed (macOS). */
  openDefault(): Promise<void> {
    return this.serve(() => this.root ?? this.deps.defaultRoot(), undefined);
  }

  /** Opens a pipeline file from the menu, the OS or the command line. */
  async openFile(file: string): Promise<void> {
    const absolute = pipelineFile(file, process.cwd());
    if (absolute === undefined) {
      return this.showError(`${file} cannot be opened.`, 'Millrace opens pipeline files (.yaml or .yml) that exist.');
    }
    this.recordRecent(absolute);
    const running = this.deps.launcher.current !== undefined && this.hasWindow;
    const placement = placeFile(running ? this.root : undefined, absolute);
    if (running && placement.kind === 'inside') {
      this.win?.send({ kind: 'open', path: placement.relative });
      this.win?.focus();
      return;
    }
    const target = placement.kind === 'elsewhere' ? placement : { root: path.dirname(absolute), relative: path.basename(absolute) };
    if (this.win === undefined || this.win.destroyed) return this.serve(() => target.root, target.relative);
    this.win.focus();
    await this.win.guard.confirm('open-other', () => void this.serve(() => target.root, target.relative));
  }

  /** Stops the engine (quit, or the window closed). */
  stop(): Promise<void> {
    return this.deps.launcher.stop();
  }

  /** The engine host died after it was ready: say so, and offer to restart it. */
  async engineCrashed(root: string, code: number): Promise<void> {
    const { response } = await this.messageBox({
      type: 'error',
      message: 'The Millrace engine stopped unexpectedly.',
      detail: `It was serving ${root} (exit code ${code}). Restart it to keep working; changes autosaved before the crash are offered back.`,
      buttons: ['Restart Engine', 'Quit'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (response !== 0) return app.quit();
    this.win?.guard.allowNextUnload(); // nothing more can be saved through a dead engine
    await this.serve(() => root, this.win?.guard.document?.path);
  }

  readonly actions: DesktopActions = {
    openPipelineDialog: async () => {
      const file = await choosePipeline(this.hasWindow ? this.win?.window : undefined, this.root);
      if (file !== undefined) await this.openFile(file);
    },
    savePipelineAs: async (suggestedName, yamlText) => {
      let saved: SavedFile | undefined;
      try {
        saved = await this.saveDialog('Save Pipeline As', suggestedName, yamlText);
      } finally {
        // Cancelled or failed: a close waiting on this save does not happen.
        if (saved === undefined) this.win?.guard.saveCancelled();
      }
      if (saved === undefined) return undefined;
      this.recordRecent(saved.absolutePath);
      // Saved outside the served folder: serve that folder (after this answer reaches the UI).
      if (saved.relativePath === undefined && this.win?.guard.savedElsewhere() === false) {
        setTimeout(() => void this.serve(() => path.dirname(saved.absolutePath), path.basename(saved.absolutePath)), 0);
      }
      return saved;
    },
    exportYaml: (suggestedName, yamlText) => this.saveDialog('Export YAML', suggestedName, yamlText),
    setDocumentState: (state: DocumentState) => {
      const relative = state.path;
      const absolute = relative === undefined || this.root === undefined ? undefined : path.resolve(this.root, relative);
      const inside = absolute !== undefined && this.root !== undefined && relativeInside(this.root, absolute) !== undefined;
      this.win?.showDocument(state, inside ? absolute : undefined);
      // A pipeline saved under a new name (or opened from the UI's own list) joins the recent files.
      if (inside && absolute !== this.lastRecorded && pipelineFile(absolute, this.root ?? '/') !== undefined) this.recordRecent(absolute);
    },
    openExternal: async (url) => {
      if (!isAllowedExternal(url)) return false;
      await shell.openExternal(url);
      return true;
    },
  };

  private async saveDialog(title: string, suggestedName: string, yamlText: string): Promise<SavedFile | undefined> {
    if (this.win === undefined || this.win.destroyed) return undefined;
    const file = await saveYamlAs(this.win.window, { title, folder: this.root, suggestedName, yamlText });
    return file === undefined ? undefined : savedFile(this.root, file);
  }

  private recordRecent(file: string): void {
    this.lastRecorded = file;
    this.deps.recent.add(file);
    if (process.platform === 'darwin' || process.platform === 'win32') app.addRecentDocument(file);
    this.deps.onRecentChanged();
  }

  private ensureWindow(): AppWindow {
    if (this.win !== undefined && !this.win.destroyed) return this.win;
    const win = new AppWindow({
      preload: this.deps.preload,
      dev: this.deps.dev,
      stateFile: this.deps.windowStateFile,
      origin: () => this.origin(),
      onClosed: () => {
        if (this.win === win) this.win = undefined;
        // Nothing to serve without a window (macOS keeps the app running): free DuckDB and the port.
        void this.deps.launcher.stop();
      },
      onCloseCancelled: this.deps.onCloseCancelled,
    });
    this.win = win;
    return win;
  }

  /** Serves a folder in the window, one change at a time; a folder that fails falls back to the examples. */
  private serve(root: () => string, relative: string | undefined): Promise<void> {
    // The window exists from now on (hidden until its page paints), so macOS 'activate' during
    // start-up does not start a second serve.
    this.ensureWindow();
    const run = async (): Promise<void> => {
      let folder: string | undefined;
      try {
        folder = root();
        const win = this.ensureWindow();
        const engine = await this.deps.launcher.start(folder);
        this.root = folder;
        if (!win.destroyed) await win.load(urlWithFile(engine.url, relative));
      } catch (error) {
        if (error instanceof EngineStartSuperseded) return;
        await this.startFailed(folder, error);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private async startFailed(folder: string | undefined, error: unknown): Promise<void> {
    let fallback: string | undefined;
    try {
      fallback = this.deps.defaultRoot();
    } catch {
      fallback = undefined;
    }
    if (folder !== undefined && fallback !== undefined && path.resolve(folder) !== path.resolve(fallback)) {
      await this.showError(`Millrace could not open ${folder}.`, `${message(error)}\n\nThe example pipelines open instead.`);
      try {
        const engine = await this.deps.launcher.start(fallback);
        this.root = fallback;
        const win = this.ensureWindow();
        if (!win.destroyed) await win.load(engine.url);
        return;
      } catch (fallbackError) {
        error = fallbackError;
      }
    }
    dialog.showErrorBox('Millrace could not start its engine', message(error));
    app.quit();
  }

  private async messageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
    const win = this.win;
    return win !== undefined && !win.destroyed && win.window.isVisible() ? dialog.showMessageBox(win.window, options) : dialog.showMessageBox(options);
  }

  private async showError(text: string, detail: string): Promise<void> {
    await this.messageBox({ type: 'error', message: text, detail, buttons: ['OK'], noLink: true });
  }
}
