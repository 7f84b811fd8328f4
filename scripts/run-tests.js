#!/usr/bin/env node
// Runs every test suite (vitest, the Playwright e2e suite in Chromium, the desktop e2e spec in Electron
// where an Electron binary exists) and prints one plain closing line over all of them,
// `N passed, N failed, N skipped`, that CI reads. Each suite writes a JSON
// report; the counts come from those reports. A missing report counts as a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.js';

mkdirSync('test-results', { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });
  return result.status ?? 1;
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;

// Unit and engine tests.
const vitestReport = 'test-results/vitest.json';
rmSync(vitestReport, { force: true });
status |= run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readReport(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
} else {
  failed += 1;
  console.error('vitest wrote no report: counting the suite as failed');
}

// End-to-end tests: the built UI in Chromium against `millrace serve`. Same lookup as e2e/support/chromium.ts.
function findChromium() {
  // A Chromium named in the environment is the one to use: if it is missing, that is the answer.
  if (process.env.MILLRACE_CHROMIUM) return existsSync(process.env.MILLRACE_CHROMIUM) ? process.env.MILLRACE_CHROMIUM : undefined;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    // Playwright's own download, on a developer's laptop that ran `npx playwright install chromium`.
    const probe = spawnSync(process.execPath, ['-e', "import('playwright-core').then(p => console.log(p.chromium.executablePath()))"], { encoding: 'utf8' });
    const own = probe.stdout.trim();
    if (own && existsSync(own)) return own;
  } catch {
    // No Playwright download either: reported below.
  }
  return undefined;
}

const playwrightReport = 'test-results/playwright.json';
rmSync(playwrightReport, { force: true });
if (!findChromium()) {
  failed += 1;
  status = 1;
  console.error(
    '\n*** E2E TESTS FAILED: no Chromium found. ***\n' +
      'Install it (Debian: `apt-get install -y chromium`), set MILLRACE_CHROMIUM to a Chromium binary, ' +
      'or run `npx playwright install chromium`. The e2e suite is part of `npm test` and is never skipped.\n',
  );
} else {
  status |= run('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts']);
  const e2e = readReport(playwrightReport);
  if (e2e?.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected ?? 0;
    skipped += e2e.stats.skipped ?? 0;
    // Errors outside any test (a config that does not load, a crashed worker) fail the suite too.
    if ((e2e.errors ?? []).length > 0) failed += e2e.errors.length;
  } else {
    failed += 1;
    console.error('Playwright wrote no report: counting the e2e suite as failed');
  }
}

// The desktop e2e spec, in a real Electron. The binary cannot be downloaded on offline machines: then the
// spec does not run and counts as skipped, never as passed, and says so where nobody can miss it.
// (The packaging check is a vitest test, scripts/package-check.test.ts: it ran above.)
const electronReport = 'test-results/playwright-electron.json';
rmSync(electronReport, { force: true });
const electron = findElectronBinary({ env: process.env, root: process.cwd(), exists: existsSync, readFile: (file) => readFileSync(file, 'utf8') });
if (!('binary' in electron)) {
  skipped += 1;
  console.error(
    `\n*** ELECTRON E2E NOT RUN: no Electron binary: ${electron.reason} (looked at ELECTRON_OVERRIDE_DIST_PATH and ` +
      'node_modules/electron/path.txt). This spec needs a machine where `npx electron --version` works. ' +
      'Counted as skipped, not passed. ***\n',
  );
} else {
  const config = ['playwright', 'test', '-c', 'e2e/electron/playwright.electron.config.ts'];
  // Electron opens a real window: on Linux without a display, give it a virtual one when xvfb-run exists.
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const xvfb = headless && spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error === undefined;
  status |= xvfb ? run('xvfb-run', ['-a', 'npx', ...config]) : run('npx', config);
  const desktop = readReport(electronReport);
  if (desktop?.stats) {
    passed += (desktop.stats.expected ?? 0) + (desktop.stats.flaky ?? 0);
    failed += desktop.stats.unexpected ?? 0;
    skipped += desktop.stats.skipped ?? 0;
    if ((desktop.errors ?? []).length > 0) failed += desktop.errors.length;
  } else {
    failed += 1;
    console.error('Playwright wrote no report for the Electron e2e spec: counting it as failed');
  }
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
