import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '../engine/contract/desktop-bridge.js';
import { menuTemplate, type MenuActions, type MenuContext } from './menu-template.js';
import { HELP_LINKS } from './security.js';

type Call = { action: keyof MenuActions; arg?: unknown };

function build(context: Partial<MenuContext> = {}) {
  const calls: Call[] = [];
  const actions: MenuActions = {
    send: (command) => calls.push({ action: 'send', arg: command }),
    openDialog: () => calls.push({ action: 'openDialog' }),
    openRecent: (file) => calls.push({ action: 'openRecent', arg: file }),
    clearRecent: () => calls.push({ action: 'clearRecent' }),
    openLink: (url) => calls.push({ action: 'openLink', arg: url }),
  };
  const template = menuTemplate({ platform: 'linux', dev: false, recentFiles: [], appName: 'Millrace', ...context }, actions);
  return { template, calls };
}

const strip = (label: string | undefined) => (label ?? '').replace('&', '');
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(item?.submenu) ? item.submenu : [];

/** An item by menu labels, e.g. item(template, 'File', 'Save'). */
function item(template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let found: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    found = items.find((candidate) => strip(candidate.label) === label);
    if (found === undefined) throw new Error(`No menu item "${label}" among: ${items.map((i) => strip(i.label) || i.role || i.type).join(', ')}`);
    items = submenu(found);
  }
  return found!;
}

function click(entry: MenuItemConstructorOptions): void {
  if (entry.click === undefined) throw new Error(`"${entry.label}" has no click handler`);
  entry.click({} as never, undefined, {} as never);
}

describe('menuTemplate', () => {
  it('has File, Edit, View, Run and Help on Windows and Linux; the app menu and Window on macOS', () => {
    expect(build().template.map((menu) => strip(menu.label))).toEqual(['File', 'Edit', 'View', 'Run', 'Help']);
    const mac = build({ platform: 'darwin' }).template;
    expect(mac.map((menu) => strip(menu.label) || menu.role)).toEqual(['Millrace', 'File', 'Edit', 'View', 'Run', 'windowMenu', 'Help']);
    expect(submenu(mac[0]).map((entry) => entry.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('File has the desktop actions in order; Quit only where there is no app menu', () => {
    const labels = (platform: NodeJS.Platform) => submenu(item(build({ platform }).template, 'File')).filter((e) => e.type !== 'separator').map((e) => e.label);
    expect(labels('win32')).toEqual(['New Pipeline', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export YAML…', 'Close Pipeline', 'Quit']);
    expect(labels('darwin')).toEqual(['New Pipeline', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Export YAML…', 'Close Pipeline']);
    expect(item(build({ platform: 'linux' }).template, 'File', 'Quit').role).toBe('quit');
  });

  it('each pipeline item sends its command to the UI', () => {
    const expected: [string[], DesktopCommand][] = [
      [['File', 'New Pipeline'], { kind: 'new' }],
      [['File', 'Save'], { kind: 'save' }],
      [['File', 'Save As…'], { kind: 'save-as' }],
      [['File', 'Export YAML…'], { kind: 'export-yaml' }],
      [['File', 'Close Pipeline'], { kind: 'close' }],
      [['Edit', 'Undo'], { kind: 'undo' }],
      [['Edit', 'Redo'], { kind: 'redo' }],
      [['View', 'Auto-Layout'], { kind: 'auto-layout' }],
      [['Run', 'Run All'], { kind: 'run-all' }],
      [['Run', 'Run to Selected'], { kind: 'run-to-selected' }],
      [['Run', 'Cancel Run'], { kind: 'cancel-run' }],
      [['Help', 'Keyboard Shortcuts'], { kind: 'show-shortcuts' }],
    ];
    for (const [labels, command] of expected) {
      const { template, calls } = build();
      click(item(template, ...labels));
      expect(calls, labels.join(' > ')).toEqual([{ action: 'send', arg: command }]);
    }
  });

  it('File > Open… opens the native dialog (main), not a UI command', () => {
    const { template, calls } = build();
    click(item(template, 'File', 'Open…'));
    expect(calls).toEqual([{ action: 'openDialog' }]);
  });

  it('shows the shortcuts the UI uses, leaving the keys to the page (not registered twice)', () => {
    const { template } = build();
    const shortcuts: [string[], string][] = [
      [['File', 'Open…'], 'CmdOrCtrl+O'],
      [['File', 'Save'], 'CmdOrCtrl+S'],
      [['File', 'Save As…'], 'CmdOrCtrl+Shift+S'],
      [['Edit', 'Undo'], 'CmdOrCtrl+Z'],
      [['Edit', 'Redo'], 'Ctrl+Y'],
      [['Run', 'Run All'], 'CmdOrCtrl+Enter'],
      [['Run', 'Cancel Run'], 'CmdOrCtrl+.'],
    ];
    for (const [labels, accelerator] of shortcuts) {
      expect(item(template, ...labels), labels.join(' > ')).toMatchObject({ accelerator, registerAccelerator: false });
    }
    expect(item(build({ platform: 'darwin' }).template, 'Edit', 'Redo').accelerator).toBe('Cmd+Shift+Z');
    // The page has no shortcut for a new pipeline: the menu's own, registered.
    expect(item(template, 'File', 'New Pipeline')).toMatchObject({ accelerator: 'CmdOrCtrl+N' });
    expect(item(template, 'File', 'New Pipeline').registerAccelerator).toBeUndefined();
  });

  it('gives no accelerator to single keys the UI uses while they would be typing in a field', () => {
    const { template } = build();
    expect(item(template, 'View', 'Auto-Layout').accelerator).toBeUndefined();
    expect(item(template, 'Run', 'Run to Selected').accelerator).toBeUndefined();
    expect(item(template, 'Help', 'Keyboard Shortcuts').accelerator).toBeUndefined();
  });

  it('cut, copy, paste and select all are native roles (they work in text fields)', () => {
    const roles = submenu(item(build().template, 'Edit')).map((entry) => entry.role).filter(Boolean);
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View: zoom and full screen always; reload and developer tools only unpackaged', () => {
    const roles = (dev: boolean) => submenu(item(build({ dev }).template, 'View')).map((entry) => entry.role).filter(Boolean);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(true)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('Open Recent lists the files, most recent first, each opening its file; Clear Recent clears', () => {
    const recentFiles = ['/home/me/work/penguins.yaml', '/home/me/other/penguins.yaml'];
    const { template, calls } = build({ recentFiles });
    const entries = submenu(item(template, 'File', 'Open Recent'));
    expect(entries.map((e) => e.label ?? e.type)).toEqual(['penguins.yaml — /home/me/work', 'penguins.yaml — /home/me/other', 'separator', 'Clear Recent']);
    click(entries[1]!);
    click(item(template, 'File', 'Open Recent', 'Clear Recent'));
    expect(calls).toEqual([{ action: 'openRecent', arg: recentFiles[1] }, { action: 'clearRecent' }]);
  });

  it('Open Recent with nothing in it says so, and Clear Recent is disabled', () => {
    const entries = submenu(item(build().template, 'File', 'Open Recent'));
    expect(entries[0]).toMatchObject({ label: 'No Recent Pipelines', enabled: false });
    expect(entries.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('Help links open through openLink, with the allowlisted addresses', () => {
    const { template, calls } = build();
    for (const { label } of HELP_LINKS) click(item(template, 'Help', label));
    expect(calls).toEqual(HELP_LINKS.map(({ url }) => ({ action: 'openLink', arg: url })));
  });
});
