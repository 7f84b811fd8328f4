/**
 * The application menu, as data. Items that act on the pipeline send a DesktopCommand to the UI;
 * the rest call the actions main passes in. Building the Menu from it is main's job.
 *
 * Accelerators: the UI handles its own shortcuts in the page (renderer/src/app/shortcuts.ts), as it
 * does in the browser, so the menu shows them without registering them (`registerAccelerator:
 * false`; Windows and Linux), otherwise a key would act twice or be taken from a text field. On
 * macOS the page sees a key first and the menu acts only when the page leaves it unhandled.
 * Single keys and Shift+key (L, ?, Shift+Enter) get no accelerator: they are typing in a field.
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { DesktopCommand } from '../engine/contract/desktop-bridge.js';
import { HELP_LINKS } from './security.js';

export interface MenuActions {
  /** Delivers a command to the UI (webContents.send on the command channel). */
  send(command: DesktopCommand): void;
  /** File > Open…: the native open dialog. */
  openDialog(): void;
  /** File > Open Recent > a file (absolute path). */
  openRecent(file: string): void;
  clearRecent(): void;
  /** Help links (always one of HELP_LINKS: allowlisted https addresses). */
  openLink(url: string): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  /** Running unpackaged: Reload and Developer Tools in the View menu. */
  dev: boolean;
  /** Most recent first, absolute paths. */
  recentFiles: readonly string[];
  appName: string;
}

/** A shortcut the page handles itself: shown in the menu, left to the page. */
const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });

function recentItems(recent: readonly string[], actions: MenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = recent.map((file) => ({
    // The file name first; the folder tells apart two files of the same name.
    label: `${path.basename(file)} — ${path.dirname(file)}`,
    click: () => actions.openRecent(file),
  }));
  if (items.length === 0) items.push({ label: 'No Recent Pipelines', enabled: false });
  items.push({ type: 'separator' }, { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() });
  return items;
}

export function menuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin';
  const send = (command: DesktopCommand) => () => actions.send(command);

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Pipeline', accelerator: 'CmdOrCtrl+N', click: send({ kind: 'new' }) },
      { label: 'Open…', ...shown('CmdOrCtrl+O'), click: () => actions.openDialog() },
      { label: 'Open Recent', submenu: recentItems(context.recentFiles, actions) },
      { type: 'separator' },
      { label: 'Save', ...shown('CmdOrCtrl+S'), click: send({ kind: 'save' }) },
      { label: 'Save As…', ...shown('CmdOrCtrl+Shift+S'), click: send({ kind: 'save-as' }) },
      { label: 'Export YAML…', click: send({ kind: 'export-yaml' }) },
      { type: 'separator' },
      { label: 'Close Pipeline', click: send({ kind: 'close' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Undo and redo act on the pipeline (the UI's history); the UI passes them to a text field that has focus.
      { label: 'Undo', ...shown('CmdOrCtrl+Z'), click: send({ kind: 'undo' }) },
      { label: 'Redo', ...shown(mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'), click: send({ kind: 'redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Auto-Layout', click: send({ kind: 'auto-layout' }) },
      { type: 'separator' },
      ...(context.dev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const run: MenuItemConstructorOptions = {
    label: '&Run',
    submenu: [
      { label: 'Run All', ...shown('CmdOrCtrl+Enter'), click: send({ kind: 'run-all' }) },
      { label: 'Run to Selected', click: send({ kind: 'run-to-selected' }) },
      { label: 'Cancel Run', ...shown('CmdOrCtrl+.'), click: send({ kind: 'cancel-run' }) },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', click: send({ kind: 'show-shortcuts' }) },
      { type: 'separator' },
      ...HELP_LINKS.map(({ label, url }) => ({ label, click: () => actions.openLink(url) })),
    ],
  };

  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  return mac ? [appMenu, file, edit, view, run, { role: 'windowMenu' }, help] : [file, edit, view, run, help];
}
