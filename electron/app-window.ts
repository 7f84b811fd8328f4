/**
 * The one Millrace window: created with the secure options and the remembered bounds, titled from
 * the UI's DocumentState, closed only after the unsaved-changes question, its bounds saved on close.
 */
import { BrowserWindow, dialog, screen } from 'electron';
import { DESKTOP_CHANNELS, type DesktopCommand, type DocumentState } from '../engine/contract/desktop-bridge.js';
import { unsavedAnswer, unsavedPrompt, windowTitle, type LeaveReason, type UnsavedAnswer } from './document-title.js';
import { isOwnOrigin } from './security.js';
import { UnsavedGuard } from './unsaved-guard.js';
import { windowOptions } from './window-options.js';
import { readWindowState, restoreWindow, writeWindowState } from './window-state.js';

export interface AppWindowDeps {
  preload: string;
  dev: boolean;
  /** userData/window-state.json. */
  stateFile: string;
  /** The engine server's origin now (undefined while it is not running). */
  origin(): string | undefined;
  /** The window is gone. */
  onClosed(): void;
  /** The user chose Cancel when asked about unsaved changes on close (a quit in progress stops). */
  onCloseCancelled(): void;
}

export class AppWindow {
  readonly window: BrowserWindow;
  readonly guard: UnsavedGuard;

  constructor(private readonly deps: AppWindowDeps) {
    const restored = restoreWindow(readWindowState(deps.stateFile), [screen.getPrimaryDisplay(), ...screen.getAllDisplays()]);
    this.window = new BrowserWindow(windowOptions({ preload: deps.preload, bounds: restored.bounds, devTools: deps.dev }));
    const win = this.window;
    if (restored.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());

    this.guard = new UnsavedGuard({ ask: (state, reason) => this.ask(state, reason), send: (command) => this.send(command) });

    // Our title (from the DocumentState), not the page's <title>.
    win.on('page-title-updated', (event) => event.preventDefault());
    win.on('close', (event) => {
      if (this.guard.mayProceed()) {
        this.saveBounds();
        return;
      }
      event.preventDefault();
      void this.guard.confirm('close', () => win.close()).then((outcome) => {
        if (outcome === 'cancelled') deps.onCloseCancelled();
      });
    });
    win.on('closed', () => deps.onClosed());

    const contents = win.webContents;
    // The UI's own beforeunload warning (it has one for the browser): main already asked, or asks now.
    contents.on('will-prevent-unload', (event) => {
      if (this.guard.unloadSettled() || this.askToLeaveSync()) event.preventDefault();
    });
    // A new page: what the old one reported no longer holds.
    contents.on('did-navigate', () => {
      this.guard.reset();
      this.showDocument(undefined, undefined);
    });
    contents.on('render-process-gone', (_event, details) => {
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      void this.offerReload(`The window's page stopped (${details.reason}).`);
    });
  }

  get destroyed(): boolean {
    return this.window.isDestroyed();
  }

  /** Loads a page of the engine server; a navigation cut short by a newer one is not an error. */
  async load(url: string): Promise<void> {
    try {
      await this.window.webContents.loadURL(url);
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_ABORTED') return;
      throw error;
    }
  }

  /** A menu command for the UI, only to a page of the engine (never to anything else). */
  send(command: DesktopCommand): void {
    if (this.window.isDestroyed()) return;
    const contents = this.window.webContents;
    if (!isOwnOrigin(contents.getURL(), this.deps.origin())) return;
    contents.send(DESKTOP_CHANNELS.command, command);
  }

  /** Title, macOS edited dot and proxy icon, and the close question. */
  showDocument(state: DocumentState | undefined, absolutePath: string | undefined): void {
    if (state !== undefined) this.guard.update(state);
    if (this.window.isDestroyed()) return;
    this.window.setTitle(windowTitle(state));
    if (process.platform === 'darwin') {
      this.window.setDocumentEdited(state?.dirty ?? false);
      this.window.setRepresentedFilename(absolutePath ?? '');
    }
  }

  focus(): void {
    if (this.window.isDestroyed()) return;
    if (this.window.isMinimized()) this.window.restore();
    this.window.show();
    this.window.focus();
  }

  private async ask(state: DocumentState, reason: LeaveReason): Promise<UnsavedAnswer> {
    if (this.window.isDestroyed()) return 'discard';
    const { response } = await dialog.showMessageBox(this.window, unsavedPrompt(state, reason));
    return unsavedAnswer(response);
  }

  /** The page warned about leaving and main knew nothing of it (the UI never reported its state). */
  private askToLeaveSync(): boolean {
    const response = dialog.showMessageBoxSync(this.window, {
      type: 'warning',
      message: 'This pipeline has unsaved changes.',
      detail: 'Leave anyway? Your changes are lost.',
      buttons: ['Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  }

  private async offerReload(message: string): Promise<void> {
    const { response } = await dialog.showMessageBox(this.window, {
      type: 'error',
      message,
      detail: 'Reload it to keep working; unsaved changes were autosaved and are offered back.',
      buttons: ['Reload', 'Close Window'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (this.window.isDestroyed()) return;
    if (response === 0) this.window.webContents.reload();
    else this.window.destroy();
  }

  private saveBounds(): void {
    try {
      writeWindowState(this.deps.stateFile, { ...this.window.getNormalBounds(), maximized: this.window.isMaximized() });
    } catch (error) {
      process.stderr.write(`millrace: could not remember the window's position: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}
