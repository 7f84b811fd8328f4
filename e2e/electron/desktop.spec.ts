/**
 * The desktop app end to end, in a real Electron: launched with a pipeline file on the command line
 * (as the OS does on a double-click), it serves that file's folder, opens the pipeline, shows a node's
 * rows, and saves an edit with Ctrl/Cmd+S into the file on disk. Runs on a temp copy of examples/ and a
 * temp user data folder, so it touches neither the repository nor the user's settings.
 *
 * Needs the built app (`npm run build`) and an Electron binary; without one the test is skipped with
 * the reason (scripts/run-tests.js does not even start this suite then, and says so).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { card, centreOn, select } from '../support/app';
import { leavesMachine } from '../support/fixtures';
import { repoRoot } from '../support/serve';
import { findElectronBinary } from '../../scripts/electron-binary.js';

const lookup = findElectronBinary({ env: process.env, root: repoRoot, exists: existsSync, readFile: (file) => readFileSync(file, 'utf8') });

let temp: string;
let workspace: string;
let app: ElectronApplication;
let window: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

test.beforeAll(async () => {
  if (!('binary' in lookup)) return test.skip(true, `no Electron binary: ${lookup.reason}`);
  temp = mkdtempSync(path.join(os.tmpdir(), 'millrace-electron-e2e-'));
  workspace = path.join(temp, 'pipelines');
  cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true, filter: (source) => !/[\\/](\.millrace|out)([\\/]|$)/.test(source) });
  app = await electron.launch({
    executablePath: lookup.binary,
    args: [
      // Linux as root (CI containers): Chromium refuses to start with its OS sandbox. The window's own
      // webPreferences (sandbox: true) are unaffected; electron/window-options.test.ts asserts them.
      ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      // A fresh profile: no remembered window, recent files or single-instance lock from a real session.
      `--user-data-dir=${path.join(temp, 'user-data')}`,
      repoRoot,
      path.join(workspace, 'penguins.yaml'),
    ],
    cwd: workspace,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  app.context().on('request', (request) => requests.push(request.url()));
  app.context().on('page', (page) => watch(page));
  window = await app.firstWindow();
  watch(window);
});

function watch(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} ${message.location().url}`.trim());
  });
  page.on('pageerror', (error) => consoleErrors.push(`Uncaught: ${error.message}`));
  page.on('websocket', (socket) => requests.push(socket.url()));
}

test.afterAll(async () => {
  await app?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

test('opens a pipeline given on the command line, shows a node’s rows and saves an edit to the file', async () => {
  // The pipeline from argv, served from its own folder by the engine host (the first start forks the
  // engine host and opens DuckDB: give it longer than a click).
  await expect(window.getByTestId('toolbar')).toBeVisible({ timeout: 60_000 });
  await expect(card(window, 'features')).toBeVisible();
  expect(new URL(window.url()).hostname).toBe('127.0.0.1');
  expect(new URL(window.url()).searchParams.get('file')).toBe('penguins.yaml');

  // As the real window runs (electron/window-options.ts is unit-tested for the settings): no Node in the
  // page, only the desktop bridge the preload exposed.
  const page = await window.evaluate(() => {
    const scope = globalThis as { process?: unknown; require?: unknown; millraceDesktop?: { platform?: string } };
    return { process: typeof scope.process, require: typeof scope.require, bridge: scope.millraceDesktop?.platform };
  });
  expect(page).toEqual({ process: 'undefined', require: 'undefined', bridge: 'desktop' });

  // A node's rows in the data grid.
  await centreOn(window, 'features');
  await select(window, 'features');
  const grid = window.getByTestId('data-grid');
  await expect(grid.getByTestId('grid-header-Beak Ratio')).toContainText('DOUBLE');
  await expect(grid.getByTestId('grid-cell').first()).toBeVisible();
  await expect(window.getByTestId('row-count')).toContainText('333');

  // An edit, saved with the keyboard shortcut, lands in the file; the title loses its dirty marker.
  await window.getByTestId('node-label-input').fill('Engineered features');
  await window.getByTestId('node-label-input').press('Enter');
  await expect(card(window, 'features')).toContainText('Engineered features');
  const title = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getTitle());
  await expect.poll(title).toMatch(/^● .*penguins\.yaml — Millrace$/);
  await window.keyboard.press('ControlOrMeta+S');
  await expect(window.getByTestId('toast-success')).toContainText('Saved penguins.yaml');
  const saved = readFileSync(path.join(workspace, 'penguins.yaml'), 'utf8');
  expect(saved).toMatch(/label: Engineered features/);
  expect(saved).toContain("Sex IN ('MALE', 'FEMALE')");
  await expect.poll(title).toMatch(/^[^●].*penguins\.yaml — Millrace$/);

  // Nothing left the machine and the page logged no error.
  expect(requests.length, 'the window made requests').toBeGreaterThan(0);
  expect(requests.filter(leavesMachine), 'requests that left 127.0.0.1').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
});
