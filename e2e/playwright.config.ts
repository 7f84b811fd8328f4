/**
 * End-to-end tests: the real UI (built into dist/renderer) in Chromium, against a real
 * `millrace serve` and its engine. Each test file starts its own server on a temp copy of examples/.
 */
import { defineConfig } from '@playwright/test';
import { chromiumExecutable, CHROMIUM_ARGS } from './support/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The desktop spec needs an Electron binary and has its own config (electron/playwright.electron.config.ts).
  testIgnore: 'electron/**',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One browser at a time: the engine and Chromium share 2 cores.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/playwright.json' }]],
  outputDir: '../test-results/playwright',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
